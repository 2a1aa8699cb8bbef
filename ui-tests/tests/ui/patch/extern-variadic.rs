// A variadic C function cannot go through a trampoline: the error points
// at the `...`.

use std::ffi::{c_char, c_int};

#[mockgen::patchable]
unsafe extern "C" {
    pub fn printf(format: *const c_char, ...) -> c_int;
    pub fn puts(s: *const c_char) -> c_int;
}

fn main() {}
