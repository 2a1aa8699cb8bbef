use mockgen::prelude::*;

#[automock]
pub trait Printer {
    unsafe fn printf(&self, format: *const u8, _: ...);
}

fn main() {}
