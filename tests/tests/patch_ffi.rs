//! `#[patchable]` on `extern` blocks: C functions (libc's `abs`, `labs`,
//! `strlen`, and a C-ABI function defined in this crate) are patched like
//! Rust functions; `safe fn` declarations stay safe to call; raw pointer
//! arguments reach side effects as themselves and are recorded by address
//! (SEMANTICS PATCH-1, PATCH-4, PATCH-10).
#![deny(warnings)]
#![allow(unsafe_code, reason = "the functions under test are C functions")]

use std::ffi::{CStr, c_char, c_int, c_long};

use mockgen::prelude::*;

/// A C-ABI function of this crate, declared again below as foreign code
/// would see it.
///
/// # Safety
///
/// `data` points to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mockgen_test_checksum(data: *const u8, len: usize) -> u32 {
    // SAFETY: the caller's promise.
    let bytes = unsafe { std::slice::from_raw_parts(data, len) };
    bytes.iter().map(|b| u32::from(*b)).sum()
}

mod ffi {
    use super::{c_char, c_int, c_long};

    #[mockgen::patchable]
    unsafe extern "C" {
        /// libc's `abs`.
        pub fn abs(x: c_int) -> c_int;
        pub safe fn labs(x: c_long) -> c_long;
        pub fn strlen(s: *const c_char) -> usize;
        pub fn mockgen_test_checksum(data: *const u8, len: usize) -> u32;
    }
}

fn distance(a: c_int, b: c_int) -> c_int {
    // SAFETY: `abs` has no preconditions.
    unsafe { ffi::abs(a - b) }
}

fn checksum(bytes: &[u8]) -> u32 {
    // SAFETY: the pointer and length come from one slice.
    unsafe { ffi::mockgen_test_checksum(bytes.as_ptr(), bytes.len()) }
}

#[test]
fn a_libc_function_is_patched_and_restored() {
    let abs = patch!(ffi::abs);
    abs.return_value(100);
    assert_eq!(distance(3, 5), 100);
    abs.assert_called_once_with(call!(-2));
    drop(abs);
    assert_eq!(distance(3, 5), 2);
}

#[test]
fn a_safe_declaration_stays_safe_to_call() {
    let labs = patch!(ffi::labs);
    labs.side_effect(|x| x * 10);
    assert_eq!(ffi::labs(-4), -40);
    labs.reset_side_effect();
    labs.call_original();
    assert_eq!(ffi::labs(-4), 4);
    labs.assert_has_calls([call!(-4), call!(-4)]);
}

#[test]
fn a_side_effect_receives_the_raw_pointer() {
    let strlen = patch!(ffi::strlen);
    // SAFETY: the code under test passes a NUL-terminated string.
    strlen.side_effect(|s| unsafe { CStr::from_ptr(s) }.to_bytes().len() * 2);
    let text = c"four";
    // SAFETY: `text` is NUL-terminated.
    assert_eq!(unsafe { ffi::strlen(text.as_ptr()) }, 8);
    let (address,) = strlen.call_args().unwrap();
    assert_eq!(format!("{address:?}"), format!("{:?}", text.as_ptr()));
}

#[test]
fn a_c_function_of_this_crate_is_patched_and_spied_on() {
    assert_eq!(checksum(&[1, 2, 3]), 6);
    let sum = patch!(ffi::mockgen_test_checksum);
    sum.side_effect_iter([0, 1]);
    assert_eq!((checksum(&[1]), checksum(&[2])), (0, 1));
    sum.reset_side_effect();
    sum.call_original();
    assert_eq!(checksum(&[4, 5]), 9);
    assert_eq!(sum.call_count(), 3);
    sum.assert_called_with(call!(ANY, 2));
}
