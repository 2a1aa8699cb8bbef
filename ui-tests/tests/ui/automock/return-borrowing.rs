use mockgen::prelude::*;

// A reference inside a tuple can be neither lent from one kept value nor
// given a `'static` form; `CString` lends no `&mut CStr`.
#[automock]
pub trait Splitter {
    fn halves(&self) -> (&str, &str);
    fn c_text(&mut self) -> &mut std::ffi::CStr;
}

fn main() {}
