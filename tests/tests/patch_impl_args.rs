//! `#[patchable]` functions taking `impl Trait` arguments: one patch
//! answers every argument type; the side effect gets the argument as a
//! trait object of its bounds (`&dyn AsRef<Path>`, `&mut dyn FnMut(u32)`),
//! it is recorded by its `Debug` text when `Debug` is among its bounds,
//! else as a placeholder, and `call_original()` hands it to the body
//! (SEMANTICS PATCH-1).
#![deny(warnings)]

use std::fmt::{Debug, Display};
use std::io::Write;
use std::path::{Path, PathBuf};

use mockgen::prelude::*;

#[mockgen::patchable]
pub fn render(value: impl Display + Debug, width: usize) -> String {
    format!("{value:>width$}")
}

#[mockgen::patchable]
pub fn is_toml(path: impl AsRef<Path>) -> bool {
    path.as_ref().extension().is_some_and(|e| e == "toml")
}

#[mockgen::patchable]
pub fn each(items: &[u32], mut visit: impl FnMut(u32)) {
    for item in items {
        visit(*item);
    }
}

#[mockgen::patchable]
pub fn write_greeting(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(b"hello")
}

#[mockgen::patchable]
pub fn finish(done: impl FnOnce(u32)) {
    done(1);
}

#[test]
fn unpatched_calls_run_the_body() {
    assert_eq!(render(7, 3), "  7");
    assert!(is_toml("Cargo.toml"));
    let mut seen = Vec::new();
    each(&[1, 2], |n| seen.push(n));
    assert_eq!(seen, [1, 2]);
}

#[test]
fn one_patch_answers_every_argument_type() {
    let patched = patch!(render);
    patched.side_effect(|value, width| format!("{value}/{width}"));
    assert_eq!(render(7, 3), "7/3");
    assert_eq!(render("text", 1), "text/1");
    // Recorded by `Debug` text, since `Debug` is among the bounds.
    patched.assert_called_with(call!("text", 1));
    assert_eq!(patched.call_count(), 2);
}

#[test]
fn the_side_effect_gets_a_trait_object_of_the_bounds() {
    let toml = patch!(is_toml);
    toml.side_effect(|path| path.as_ref().starts_with("/etc"));
    assert!(is_toml("/etc/hosts"));
    assert!(!is_toml(PathBuf::from("/tmp/a.toml")));
    toml.assert_called_with(call!(ANY));

    let visits = patch!(each);
    visits.side_effect(|items, visit| {
        for item in items.iter().rev() {
            visit(item * 10);
        }
    });
    let mut seen = Vec::new();
    each(&[1, 2], |n| seen.push(n));
    assert_eq!(seen, [20, 10]);

    let greeting = patch!(write_greeting);
    greeting.side_effect(|out| out.write_all(b"patched"));
    let mut buffer = Vec::new();
    write_greeting(&mut buffer).unwrap();
    assert_eq!(buffer, b"patched");
}

#[test]
fn call_original_gets_the_argument_back() {
    let visits = patch!(each);
    visits.call_original();
    let mut seen = Vec::new();
    each(&[3], |n| seen.push(n));
    assert_eq!(seen, [3]);
    visits.assert_called_once_with(call!([3], ANY));

    // A `FnOnce` reaches the side effect as a placeholder, so that the
    // original can still take it.
    let done = patch!(finish);
    done.return_value(());
    let mut called = false;
    finish(|_| called = true);
    assert!(!called);
    done.call_original();
    done.reset_return_value();
    finish(|n| called = n == 1);
    assert!(called);
}
