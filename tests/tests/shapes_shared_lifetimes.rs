//! Arguments whose lifetimes one name per argument cannot stand for reach
//! the side effect as themselves (SE-2): a lifetime that another argument
//! shares, named inside `dyn Fn` or `fn`, and a `&mut` of a type borrowing
//! for several lifetimes (`tests/tests/shapes_mut_args.rs`).
#![deny(warnings)]

use mockgen::prelude::*;

#[automock]
pub trait Visitor {
    fn visit<'a>(&self, text: &'a str, each: &dyn Fn(&'a str) -> usize) -> usize;
    fn visit_fn<'a>(&self, text: &'a str, each: fn(&'a str) -> &'a str) -> String;
    fn pick<'a>(&self, items: &'a [String], keep: &mut dyn FnMut(&'a str)) -> &'a str;
}

#[test]
fn a_side_effect_calls_a_callback_with_an_argument_of_the_same_lifetime() {
    let visitor = MockVisitor::new();
    visitor
        .visit
        .side_effect(|text, each| text.split(' ').map(each).sum());
    let text = String::from("a bb ccc");
    let visit_len = |word: &str| word.len();
    assert_eq!(visitor.visit(&text, &visit_len), 6);
    // The callback is recorded as a placeholder, the text as text.
    visitor
        .visit
        .assert_called_once_with(call!("a bb ccc", ANY));
}

#[test]
fn a_function_pointer_sharing_a_lifetime() {
    fn first(word: &str) -> &str {
        &word[..1]
    }
    let visitor = MockVisitor::new();
    visitor
        .visit_fn
        .side_effect(|text, each| each(text).to_uppercase());
    assert_eq!(visitor.visit_fn("xyz", first), "X");
}

#[test]
fn shared_lifetimes_with_a_return_value_that_borrows_them() {
    let visitor = MockVisitor::new();
    visitor.pick.side_effect(|items, keep| {
        for item in items {
            keep(item);
        }
        &items[0]
    });
    let items = vec!["one".to_string(), "two".to_string()];
    let mut kept = Vec::new();
    let first = visitor.pick(&items, &mut |item| kept.push(item));
    assert_eq!(first, "one");
    assert_eq!(kept, ["one", "two"]);
}

#[test]
fn unconfigured_and_configured_values() {
    let visitor = MockVisitor::new();
    assert_eq!(visitor.visit("a", &|_| 1), 0);
    visitor.visit.return_value(7);
    assert_eq!(visitor.visit("a", &|_| 1), 7);
    visitor.pick.return_value("fixed");
    assert_eq!(visitor.pick(&[], &mut |_| {}), "fixed");
    assert_eq!(visitor.visit.call_count(), 2);
}
