//! Higher-ranked arguments (`&dyn for<'a> Fn(&'a str) -> usize`, `fn(&str)`)
//! keep their own lifetime binders: the side effect can call them with
//! borrows of any lifetime.
#![deny(warnings)]

use mockgen::prelude::*;

#[automock]
pub trait Walker {
    fn walk(&self, visit: &dyn for<'a> Fn(&'a str) -> usize) -> usize;
    fn walk_mut(&self, visit: &mut dyn for<'a> FnMut(&'a str));
    fn walk_fn(&self, visit: for<'a> fn(&'a str) -> &'a str) -> String;
    #[allow(clippy::type_complexity)] // the shape under test
    fn walk_boxed<'w>(&self, visit: Box<dyn for<'a> Fn(&'a [u8]) -> bool + 'w>) -> bool;
    fn walk_impl(&self, visit: impl for<'a> Fn(&'a str) -> &'a str) -> String;
}

#[test]
fn a_side_effect_calls_a_higher_ranked_callback_with_local_borrows() {
    let walker = MockWalker::new();
    walker.walk.side_effect(|visit| {
        let local = String::from("three");
        visit(&local) + visit("x")
    });
    assert_eq!(walker.walk(&|s| s.len()), 6);
    walker.walk.assert_called_once_with(call!(ANY));
}

#[test]
fn a_higher_ranked_fn_mut_reaches_the_side_effect_writable() {
    let walker = MockWalker::new();
    walker.walk_mut.side_effect(|visit| {
        for word in "a bb ccc".split(' ') {
            visit(&word.to_uppercase());
        }
    });
    let mut seen = Vec::new();
    walker.walk_mut(&mut |s| seen.push(s.to_string()));
    assert_eq!(seen, ["A", "BB", "CCC"]);
}

#[test]
fn higher_ranked_fn_pointers_and_boxes() {
    let walker = MockWalker::new();
    walker
        .walk_fn
        .side_effect(|visit| visit("kept").to_string());
    walker.walk_boxed.side_effect(|visit| visit(&[1, 2]));
    assert_eq!(walker.walk_fn(|s| &s[1..]), "ept");
    let limit = 2;
    assert!(walker.walk_boxed(Box::new(move |bytes| bytes.len() == limit)));
    walker.walk_fn.assert_called_once();
}

#[test]
fn impl_arguments_with_binders() {
    let walker = MockWalker::new();
    walker
        .walk_impl
        .side_effect(|visit| visit(" padded ").to_string());
    assert_eq!(walker.walk_impl(str::trim), "padded");
    walker.walk_impl.assert_called_once_with(call!(ANY));
}
