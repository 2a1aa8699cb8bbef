//! `#[patchable]` on generic functions: each instantiation is patched on
//! its own, `patch!(parse::<u32>)`, and answers only calls of that
//! instantiation; thread-local and global patches alike (SEMANTICS PATCH-1,
//! PATCH-4, PATCH-6).
#![deny(warnings)]

use std::fmt::Debug;
use std::str::FromStr;

mod common;

use common::panic_message;
use mockgen::prelude::*;

#[patchable]
pub fn parse<T: FromStr + 'static>(text: &str) -> Option<T> {
    text.trim().parse().ok()
}

#[patchable]
pub fn describe<T>(value: T) -> String
where
    T: Debug + Clone + Send + Sync + 'static,
{
    format!("<{value:?}>")
}

#[patchable]
pub fn convert<A: Into<B> + 'static, B: 'static>(value: A) -> B {
    value.into()
}

#[patchable]
pub fn fallback<T: Default + 'static>() -> T {
    T::default()
}

#[patchable]
pub fn widen<A: Into<u64> + Debug + 'static>(value: A) -> u64 {
    value.into()
}

fn settings(port: &str, ratio: &str) -> (Option<u16>, Option<f64>) {
    (parse(port), parse(ratio))
}

#[test]
fn one_instantiation_is_patched_the_others_run_their_body() {
    let port = patch!(parse::<u16>);
    port.return_value(Some(8080));
    assert_eq!(settings("80", "0.5"), (Some(8080), Some(0.5)));
    port.assert_called_once_with(call!("80"));
    drop(port);
    assert_eq!(settings("80", "0.5"), (Some(80), Some(0.5)));
}

#[test]
fn two_instantiations_have_their_own_handles() {
    let port = patch!(parse::<u16>);
    let ratio = patch!(parse::<f64>);
    port.side_effect(|text| Some(text.len() as u16));
    ratio.return_value(None);
    assert_eq!(settings("abc", "1.5"), (Some(3), None));
    port.assert_called_once_with(call!("abc"));
    ratio.assert_called_once_with(call!("1.5"));
}

#[test]
fn arguments_of_generic_type_are_recorded() {
    let text = patch!(describe::<Vec<u8>>);
    text.side_effect(|bytes| format!("{} bytes", bytes.len()));
    assert_eq!(describe(vec![1u8, 2]), "2 bytes");
    assert_eq!(describe(7u8), "<7>");
    text.assert_called_once_with(call!(vec![1u8, 2]));
}

#[test]
fn several_type_parameters_name_one_instantiation() {
    let to_u32 = patch!(convert::<u8, u32>);
    to_u32.return_value(1000);
    assert_eq!(convert::<u8, u32>(7), 1000);
    assert_eq!(convert::<u8, u64>(7), 7);
    to_u32.assert_called_once();
    // Without `Debug` among its bounds, an argument of generic type is
    // recorded as a placeholder, which matches `ANY`.
    to_u32.assert_called_once_with(call!(ANY));
}

#[test]
fn a_debug_bound_records_the_debug_text() {
    let patched = patch!(widen::<u16>);
    patched.return_value(0);
    assert_eq!(widen(300u16), 0);
    assert_eq!(widen(3u8), 3);
    assert_eq!(format!("{:?}", patched.call_args_list()), "[(300,)]");
}

#[test]
fn call_original_runs_the_instantiation_body() {
    let port = patch!(parse::<u16>);
    port.call_original();
    assert_eq!(parse::<u16>(" 443 "), Some(443));
    port.assert_called_once_with(call!(" 443 "));
}

#[test]
fn messages_name_the_instantiation() {
    let port = patch!(parse::<u16>);
    let message = panic_message(|| port.assert_called_once());
    assert_eq!(
        message,
        "parse::<u16>: expected to have been called once. Called 0 times."
    );
}

#[test]
fn global_patches_of_two_instantiations_do_not_mix() {
    // Global patches are seen by every test thread: this function is
    // patched by this test only.
    let _ints = patch_global!(fallback::<u16>, |ints| ints.return_value(1));
    let floats = patch_global!(fallback::<f64>, |floats| floats.return_value(2.0));
    let seen = std::thread::spawn(|| (fallback::<u16>(), fallback::<f64>()))
        .join()
        .unwrap();
    assert_eq!(seen, (1, 2.0));
    drop(floats);
    let seen = std::thread::spawn(|| (fallback::<u16>(), fallback::<f64>()))
        .join()
        .unwrap();
    assert_eq!(seen, (1, 0.0));
}
