//! `#[patchable]` on Rust functions defined with an explicit ABI
//! (`extern "C" fn`, `extern "C-unwind" fn`): the trampoline keeps the
//! ABI, so the function still fits a C function pointer, and a patch
//! answers calls made through that pointer too (SEMANTICS PATCH-1).
#![deny(warnings)]

use mockgen::prelude::*;

#[mockgen::patchable]
pub extern "C" fn scale(x: u32, factor: u32) -> u32 {
    x * factor
}

#[mockgen::patchable]
pub extern "C-unwind" fn checked(x: i32) -> i32 {
    x
}

#[derive(Debug)]
pub struct Codec;

#[mockgen::patchable]
impl Codec {
    pub extern "C" fn encode(byte: u8) -> u8 {
        byte ^ 0xff
    }
}

/// How C code would call it: through a function pointer.
fn call_through(f: extern "C" fn(u32, u32) -> u32, x: u32) -> u32 {
    f(x, 3)
}

#[test]
fn unpatched_calls_run_the_body() {
    assert_eq!(scale(2, 5), 10);
    assert_eq!(call_through(scale, 2), 6);
    assert_eq!(Codec::encode(0), 0xff);
}

#[test]
fn a_patch_answers_direct_calls_and_calls_through_a_c_pointer() {
    let patched = patch!(scale);
    patched.side_effect(|x, factor| x + factor);
    assert_eq!(scale(2, 5), 7);
    assert_eq!(call_through(scale, 2), 5);
    patched.assert_called_with(call!(2, 3));
    assert_eq!(patched.call_count(), 2);

    let encode = patch!(Codec::encode);
    encode.return_value(1);
    assert_eq!(Codec::encode(0), 1);
    encode.call_original();
    encode.reset_return_value();
    assert_eq!(Codec::encode(0), 0xff);
}

#[test]
fn a_panic_unwinds_out_of_a_c_unwind_function() {
    let patched = patch!(checked);
    patched.side_effect_iter([1]);
    assert_eq!(checked(5), 1);
    // The items ran out: the call panics, and `C-unwind` lets it unwind.
    let outcome = std::panic::catch_unwind(|| checked(5));
    assert!(outcome.is_err());
}
