use mockgen::prelude::*;

// A reference inside a tuple or an `Option<&mut T>` can be neither lent
// from one kept value nor given a `'static` form; `CString` lends no
// `&mut CStr`.
#[automock]
pub trait Splitter {
    fn halves(&self) -> (&str, &str);
    fn slot(&mut self) -> Option<&mut u8>;
    fn c_text(&mut self) -> &mut std::ffi::CStr;
}

fn main() {}
