//! `#[patchable]` functions whose return value borrows: `&'static`
//! returns, returns that borrow from an argument (named or elided) and
//! methods lending from `self`. A patch is configured with the `'static`
//! form or an owned value leaked once into it, and a side effect returns
//! a borrow of the arguments (SEMANTICS PATCH-1; SE-2; SE-10: the side
//! effect runs with no lock held).
#![deny(warnings)]
// The lifetimes are what is tested, elidable or not.
#![allow(clippy::needless_lifetimes)]

mod common;

use mockgen::prelude::*;

#[mockgen::patchable]
fn first_word<'a>(text: &'a str) -> &'a str {
    text.split(' ').next().unwrap_or("")
}

/// Patched globally by one test only: a global patch answers every
/// thread, the other tests' too.
#[mockgen::patchable]
fn last_word<'a>(text: &'a str) -> &'a str {
    text.rsplit(' ').next().unwrap_or("")
}

#[mockgen::patchable]
fn greeting(lang: &str) -> &'static str {
    match lang {
        "fr" => "bonjour",
        _ => "hello",
    }
}

#[mockgen::patchable]
fn initial(text: &str) -> &str {
    &text[..1]
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u32,
}

#[mockgen::patchable]
fn find<'a>(items: &'a [Item], id: u32) -> Option<&'a Item> {
    items.iter().find(|item| item.id == id)
}

#[derive(Debug)]
pub struct User {
    name: String,
}

#[mockgen::patchable]
impl User {
    pub fn new(name: &str) -> Self {
        User { name: name.into() }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn prefixed<'p>(&self, prefix: &'p str) -> &'p str {
        prefix
    }
}

#[test]
fn unpatched_functions_run_their_bodies() {
    assert_eq!(first_word("a b"), "a");
    assert_eq!(greeting("fr"), "bonjour");
    assert_eq!(initial("xyz"), "x");
    assert_eq!(User::new("ann").name(), "ann");
}

#[test]
fn return_value_takes_an_owned_value_leaked_once() {
    let first = patch!(first_word);
    first.return_value(String::from("word"));
    let a = first_word("a b");
    let b = first_word("c d");
    assert_eq!(a, "word");
    assert!(std::ptr::eq(a, b), "one leaked value, lent to every call");
    first.assert_called_with(call!("c d"));
    drop(first);
    assert_eq!(first_word("a b"), "a");
    // What the patch returned stays valid after it is gone.
    assert_eq!(a, "word");
}

#[test]
fn return_value_takes_the_static_form() {
    let hello = patch!(greeting);
    hello.return_value("hi");
    assert_eq!(greeting("fr"), "hi");
    hello.return_value(format!("{}!", "hey"));
    assert_eq!(greeting("en"), "hey!");
    hello.assert_called_with(call!("en"));
}

#[test]
fn a_side_effect_returns_a_borrow_of_its_argument() {
    let first = patch!(first_word);
    first.side_effect(|text| text.rsplit(' ').next().unwrap_or(""));
    let text = String::from("one two three");
    assert_eq!(first_word(&text), "three");

    // An elided lifetime: the return value borrows from the one argument.
    let init = patch!(initial);
    init.side_effect(|text| &text[text.len() - 1..]);
    assert_eq!(initial(&text), "e");

    let found = patch!(find);
    found.side_effect(|items, _| items.last());
    let items = vec![Item { id: 1 }, Item { id: 2 }];
    assert_eq!(find(&items, 1), Some(&items[1]));
    found.assert_called_once_with(call!(ANY, 1));
}

#[test]
fn option_of_a_borrow_takes_an_owned_option() {
    let found = patch!(find);
    found.return_once(Some(Item { id: 9 }));
    assert_eq!(find(&[], 1), Some(&Item { id: 9 }));
    assert_eq!(find(&[], 1), None); // back to the default
}

#[test]
fn methods_lending_from_self_are_configured_with_owned_values() {
    let name = patch!(User::name);
    name.return_value(String::from("patched"));
    let user = User::new("ann");
    assert_eq!(user.name(), "patched");
    // The receiver is not passed to side effects: they return the
    // `'static` form.
    name.side_effect(|| "from the side effect");
    assert_eq!(user.name(), "from the side effect");
    assert_eq!(name.call_count(), 2);

    let prefixed = patch!(User::prefixed);
    prefixed.side_effect(|prefix| &prefix[1..]);
    assert_eq!(user.prefixed("#tag"), "tag");
    prefixed.assert_called_once_with(call!("#tag"));
}

#[test]
fn call_original_runs_the_body_with_the_arguments() {
    let first = patch!(first_word);
    first.call_original();
    let text = String::from("kept words");
    assert_eq!(first_word(&text), "kept");
    first.side_effect_iter(["a", "b"]);
    assert_eq!(first_word(&text), "a");
    first.assert_called_with(call!("kept words"));
}

#[test]
fn a_side_effect_may_call_the_patched_function() {
    common::within(10, || {
        let first = patch!(first_word);
        first.side_effect(|text| match text.split_once(' ') {
            Some((_, rest)) => first_word(rest),
            None => text,
        });
        assert_eq!(first_word("a b c"), "c");
        assert_eq!(first.call_count(), 3);
    });
}

#[test]
fn global_patches_answer_every_thread() {
    common::within(10, || {
        let global = patch_global!(last_word, |last| {
            last.return_value(String::from("global"))
        });
        let seen = std::thread::spawn(|| last_word("x y").to_string())
            .join()
            .unwrap();
        assert_eq!(seen, "global");
        global.assert_called_once_with(call!("x y"));
    });
}
