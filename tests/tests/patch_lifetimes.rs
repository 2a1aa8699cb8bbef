//! `#[patchable]` on functions and methods generic only over lifetimes:
//! they are not generic in the sense that needs one patch per type, so they
//! patch as plain functions do (SEMANTICS PATCH-1).
#![deny(warnings)]
// The lifetimes are what is tested, elidable or not.
#![allow(clippy::needless_lifetimes)]

use mockgen::prelude::*;

#[mockgen::patchable]
fn first_word_len<'a>(text: &'a str) -> usize {
    text.split(' ').next().map_or(0, str::len)
}

#[mockgen::patchable]
fn total_len<'a, 'b: 'a>(left: &'a str, right: &'b str) -> usize {
    left.len() + right.len()
}

/// A borrowing type with a lifetime parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Span<'a> {
    pub text: &'a str,
}

#[mockgen::patchable]
fn span_len<'a>(span: Span<'a>) -> usize {
    span.text.len()
}

#[derive(Debug)]
pub struct Counter;

#[mockgen::patchable]
impl Counter {
    pub fn count<'a>(&self, text: &'a str) -> usize {
        text.len()
    }
}

#[test]
fn a_function_generic_over_a_lifetime_is_patched_and_recorded() {
    let patched = patch!(first_word_len);
    patched.return_value(42);
    assert_eq!(first_word_len("hello world"), 42);
    patched.assert_called_once_with(call!("hello world"));
    drop(patched);
    assert_eq!(first_word_len("hello world"), 5);
}

#[test]
fn bounded_lifetimes_reach_the_side_effect() {
    let patched = patch!(total_len);
    patched.side_effect(|left, right| left.len() * right.len());
    assert_eq!(total_len("ab", "abc"), 6);
    patched.assert_called_once_with(call!("ab", "abc"));
}

#[test]
fn a_type_with_a_lifetime_is_recorded_by_its_owned_form() {
    let patched = patch!(span_len);
    patched.return_value(9);
    let text = String::from("borrowed");
    assert_eq!(span_len(Span { text: &text }), 9);
    assert_eq!(patched.call_count(), 1);
}

#[test]
fn a_method_generic_over_a_lifetime_is_patched() {
    let patched = patch!(Counter::count);
    patched.side_effect(|text| text.len() + 100);
    assert_eq!(Counter.count("abc"), 103);
    patched.assert_called_once_with(call!("abc"));
}
