//! `#[patchable]` functions returning `impl Trait`: a patch is configured
//! with a boxed value (`Box<dyn Iterator<Item = u32> + Send>`), and the
//! function returns it as the `impl Trait`; unpatched, and after
//! `call_original()`, the body's value is returned (SEMANTICS PATCH-1).
#![deny(warnings)]

use std::fmt::Display;

use mockgen::prelude::*;

#[mockgen::patchable]
pub fn evens(up_to: u32) -> impl Iterator<Item = u32> {
    (0..up_to).filter(|n| n % 2 == 0)
}

#[mockgen::patchable]
pub fn label(id: u32) -> impl Display + Send {
    format!("#{id}")
}

#[derive(Debug)]
pub struct Catalog;

#[mockgen::patchable]
impl Catalog {
    pub fn names(&self) -> impl Iterator<Item = String> {
        ["a", "b"].into_iter().map(String::from)
    }
}

#[test]
fn unpatched_calls_return_the_bodys_value() {
    assert_eq!(evens(5).collect::<Vec<_>>(), [0, 2, 4]);
    assert_eq!(label(3).to_string(), "#3");
    assert_eq!(Catalog.names().collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn a_patch_answers_with_a_boxed_value() {
    let patched = patch!(evens);
    patched.return_once(Box::new(vec![7, 9].into_iter()));
    patched.side_effect(|up_to| Box::new(std::iter::repeat_n(1, up_to as usize)));
    // A side effect wins over `return_once`.
    assert_eq!(evens(3).collect::<Vec<_>>(), [1, 1, 1]);
    patched.reset_side_effect();
    assert_eq!(evens(3).collect::<Vec<_>>(), [7, 9]);
    patched.assert_called_with(call!(3));
    assert_eq!(patched.call_count(), 2);

    let label_patch = patch!(label);
    label_patch.side_effect(|id| Box::new(id * 10));
    assert_eq!(label(4).to_string(), "40");

    let names = patch!(Catalog::names);
    let one: Box<dyn Iterator<Item = String> + Send> = Box::new(std::iter::once("z".into()));
    names.side_effect_iter([one]);
    assert_eq!(Catalog.names().collect::<Vec<_>>(), ["z"]);
}

#[test]
fn call_original_returns_the_bodys_value() {
    let patched = patch!(evens);
    patched.call_original();
    assert_eq!(evens(3).collect::<Vec<_>>(), [0, 2]);
    patched.assert_called_once_with(call!(3));
}
