//! Values configured on methods whose return value borrows from their
//! arguments (`fn first_word<'a>(&self, text: &'a str) -> &'a str`):
//! `return_value`, `return_once` and `side_effect_iter` take the `'static`
//! form or an owned value, leaked once when it is configured and returned
//! from then on (SE-2).
#![deny(warnings)]

use std::path::{Path, PathBuf};

use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u32,
    pub name: String,
}

fn item(id: u32) -> Item {
    Item {
        id,
        name: format!("item {id}"),
    }
}

#[automock]
pub trait Lookup {
    fn first_word<'a>(&self, text: &'a str) -> &'a str;
    fn pick<'a>(&self, items: &'a [Item]) -> Option<&'a Item>;
    fn split<'a>(&self, text: &'a str) -> Vec<&'a str>;
    fn parent<'p>(&self, path: &'p Path) -> &'p Path;
    fn find<'a>(&self, items: &'a [Item], id: u32) -> Result<&'a Item, String>;
    fn label<'a>(&self, text: &'a str) -> Option<&'a str>;
    fn head<'a>(&self, items: &'a [u32]) -> &'a [u32];
    fn either<'a, 'b: 'a>(&self, first: &'a str, second: &'b str) -> &'a str;
}

#[test]
fn return_value_takes_the_owned_form() {
    let lookup = MockLookup::new();
    lookup.first_word.return_value(String::from("word"));
    lookup.pick.return_value(Some(item(7)));
    lookup
        .split
        .return_value(vec![String::from("a"), String::from("b")]);
    lookup.parent.return_value(PathBuf::from("/tmp"));
    lookup.find.return_value(Ok(item(2)));
    lookup.label.return_value(Some(String::from("L")));
    lookup.head.return_value(vec![1, 2]);

    let text = String::from("any text");
    assert_eq!(lookup.first_word(&text), "word");
    assert_eq!(lookup.pick(&[]), Some(&item(7)));
    assert_eq!(lookup.split(&text), ["a", "b"]);
    assert_eq!(lookup.parent(Path::new("/x/y")), Path::new("/tmp"));
    assert_eq!(lookup.find(&[], 2), Ok(&item(2)));
    assert_eq!(lookup.label("x"), Some("L"));
    assert_eq!(lookup.head(&[]), [1, 2]);
    lookup.first_word.assert_called_once_with(call!("any text"));
}

#[test]
fn the_owned_value_is_leaked_once_and_lent_on_every_call() {
    let lookup = MockLookup::new();
    lookup.first_word.return_value(String::from("word"));
    let first = lookup.first_word("a");
    let second = lookup.first_word("b");
    assert!(std::ptr::eq(first, second), "one leaked value, lent twice");
    // A new value replaces it; the earlier borrow stays valid.
    lookup.first_word.return_value(String::from("other"));
    assert_eq!(lookup.first_word("c"), "other");
    assert_eq!(first, "word");
}

#[test]
fn the_returned_borrow_may_outlive_the_mock() {
    let text = String::from("long lived");
    let word = {
        let lookup = MockLookup::new();
        lookup.first_word.return_value(String::from("kept"));
        lookup.first_word(&text)
    };
    assert_eq!(word, "kept");
}

#[test]
fn return_once_and_side_effect_iter_take_it_too() {
    let lookup = MockLookup::new();
    lookup.pick.return_once(Some(item(1)));
    lookup.pick.return_once(None::<Item>);
    lookup
        .first_word
        .side_effect_iter(["one", "two"].map(String::from));
    assert_eq!(lookup.pick(&[]), Some(&item(1)));
    assert_eq!(lookup.pick(&[]), None);
    assert_eq!(lookup.first_word("x"), "one");
    assert_eq!(lookup.first_word("x"), "two");
}

#[test]
fn the_static_form_still_infers_from_literals() {
    static ITEM: Item = Item {
        id: 9,
        name: String::new(),
    };
    let lookup = MockLookup::new();
    lookup.first_word.return_value("fixed");
    lookup.pick.return_value(Some(&ITEM));
    lookup.split.return_value(vec!["x", "y"]);
    lookup.head.return_value(&[3, 4][..]);
    assert_eq!(lookup.first_word("a"), "fixed");
    assert_eq!(lookup.pick(&[]), Some(&ITEM));
    assert_eq!(lookup.split("a"), ["x", "y"]);
    assert_eq!(lookup.head(&[]), [3, 4]);
}

#[test]
fn a_side_effect_answers_before_the_value() {
    let lookup = MockLookup::new();
    lookup.first_word.return_value(String::from("value"));
    lookup
        .first_word
        .side_effect(|text| text.split(' ').next().unwrap_or(""));
    let text = String::from("from argument");
    assert_eq!(lookup.first_word(&text), "from");
    lookup.first_word.reset_side_effect();
    assert_eq!(lookup.first_word(&text), "value");
}

mock! {
    pub Index;
    impl Lookup for Index {
        fn first_word<'a>(&self, text: &'a str) -> &'a str;
        fn pick<'a>(&self, items: &'a [Item]) -> Option<&'a Item>;
        fn split<'a>(&self, text: &'a str) -> Vec<&'a str>;
        fn parent<'p>(&self, path: &'p Path) -> &'p Path;
        fn find<'a>(&self, items: &'a [Item], id: u32) -> Result<&'a Item, String>;
        fn label<'a>(&self, text: &'a str) -> Option<&'a str>;
        fn head<'a>(&self, items: &'a [u32]) -> &'a [u32];
        fn either<'a, 'b: 'a>(&self, first: &'a str, second: &'b str) -> &'a str;
    }
}

#[test]
fn mock_macro_methods_take_it_too() {
    let index = MockIndex::new();
    index.first_word.return_value(format!("{}!", "hi"));
    assert_eq!(index.first_word("a"), "hi!");
}

#[test]
fn lifetimes_with_bounds_lend_too() {
    let lookup = MockLookup::new();
    lookup.either.side_effect(|first, _second| first);
    let (a, b) = (String::from("left"), String::from("right"));
    assert_eq!(lookup.either(&a, &b), "left");
    lookup.either.return_value(String::from("owned"));
    lookup.either.reset_side_effect();
    assert_eq!(lookup.either(&a, &b), "owned");
    lookup.either.assert_called_with(call!("left", "right"));
}

#[test]
fn expectations_take_both_forms() {
    let lookup = MockLookup::new();
    lookup
        .first_word
        .expect(call!("secret"))
        .return_value(String::from("redacted"));
    lookup.first_word.expect(call!(ANY)).return_value("plain");
    lookup
        .pick
        .expect(call!(ANY))
        .return_once(Some(item(4)))
        .return_once(None::<Item>)
        .times(2);
    assert_eq!(lookup.first_word("secret"), "redacted");
    assert_eq!(lookup.first_word("other"), "plain");
    assert_eq!(lookup.pick(&[]), Some(&item(4)));
    assert_eq!(lookup.pick(&[]), None);
    lookup.verify();
}
