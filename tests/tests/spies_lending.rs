//! Spies of methods whose return value borrows from their arguments
//! (`fn first_word<'a>(&self, text: &'a str) -> &'a str`): an unconfigured
//! call returns the real method's borrow, as it is (WRAPS-1, WRAPS-3).
#![deny(warnings)]

use mockgen::prelude::*;

#[automock]
pub trait Words {
    fn first_word<'a>(&self, text: &'a str) -> &'a str;
    fn last_word<'a>(&self, text: &'a str) -> &'a str {
        text.rsplit(' ').next().unwrap_or("")
    }
}

#[derive(Debug)]
pub struct Splitter;

impl Words for Splitter {
    fn first_word<'a>(&self, text: &'a str) -> &'a str {
        text.split(' ').next().unwrap_or("")
    }
    fn last_word<'a>(&self, text: &'a str) -> &'a str {
        text.rsplit(' ').nth(1).unwrap_or("")
    }
}

#[test]
fn unconfigured_calls_return_the_real_borrow() {
    let spy = MockWords::wrapping(Splitter);
    let text = String::from("one two three");
    let first = spy.first_word(&text);
    assert_eq!(first, "one");
    assert!(
        std::ptr::eq(first.as_ptr(), text.as_ptr()),
        "the real borrow itself"
    );
    // The real value's method answers before the trait's default body.
    assert_eq!(spy.last_word(&text), "two");
    spy.first_word
        .assert_called_once_with(call!("one two three"));
}

#[test]
fn configured_calls_do_not_reach_the_real_value() {
    let spy = MockWords::wrapping(Splitter);
    spy.first_word.return_value(String::from("configured"));
    assert_eq!(spy.first_word("a b"), "configured");
    spy.first_word.side_effect(|text| &text[text.len() - 1..]);
    assert_eq!(spy.first_word("a b"), "b");
    spy.first_word.reset_side_effect();
    spy.first_word.reset_return_value();
    assert_eq!(spy.first_word("a b"), "a");
}

/// Not dyn-compatible (a generic method): the spy calls the real method
/// through a closure of its own.
#[automock]
pub trait Parser {
    fn token<'a>(&self, input: &'a str) -> &'a str;
    fn parse<T: std::str::FromStr + 'static>(&self, input: &str) -> Option<T>;
}

#[derive(Debug)]
pub struct Lexer;

impl Parser for Lexer {
    fn token<'a>(&self, input: &'a str) -> &'a str {
        input.trim()
    }
    fn parse<T: std::str::FromStr + 'static>(&self, input: &str) -> Option<T> {
        input.parse().ok()
    }
}

#[test]
fn a_trait_that_is_not_dyn_compatible_delegates_too() {
    let spy = MockParser::wrapping(Lexer);
    assert_eq!(spy.token("  x  "), "x");
    spy.token.assert_called_once_with(call!("  x  "));
}

pub mod store {
    #[derive(Debug, Default)]
    pub struct Store {
        pub prefix: usize,
    }

    #[mockgen::autospec]
    impl Store {
        pub fn strip<'a>(&self, key: &'a str) -> &'a str {
            &key[self.prefix..]
        }
    }
}

#[test]
fn an_autospec_spy_delegates_too() {
    let spy = store::MockStore::wrapping(store::Store { prefix: 2 });
    assert_eq!(spy.strip("k:value"), "value");
    spy.strip.assert_called_once_with(call!("k:value"));
}
