//! Returns that borrow from the arguments
//! (`fn first_word<'a>(&self, text: &'a str) -> &'a str`): a side effect
//! returns a borrow of what it is given, and the code under test gets that
//! borrow; `return_value`, `return_once` and `side_effect_iter` take the
//! `'static` form (the owned form: `shapes_lent_values.rs`). Through `#[automock]`, `#[autospec]` and `mock!` (SE-2;
//! SE-10: the side effect runs with no lock held, and may call the mock).
#![deny(warnings)]

mod common;

use std::sync::Arc;

use common::within;
use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
}

#[allow(missing_debug_implementations)] // on purpose: recorded as a placeholder
pub struct Doc {
    pub title: String,
}

#[automock]
pub trait Words {
    fn first_word<'a>(&self, text: &'a str) -> &'a str;
    fn pick<'a>(&self, items: &'a [Item]) -> Option<&'a Item>;
    fn title<'a>(&self, #[mockgen(opaque)] doc: &'a Doc, fallback: &str) -> &'a str;
    fn longest<'a>(&self, left: &'a str, right: &'a str) -> &'a str;
    fn token<'t>(&mut self, input: &'t str, at: usize) -> Token<'t>;
    fn split<'a>(&self, text: &'a str) -> Vec<&'a str>;
    fn trimmed<'a>(&self, text: &'a str) -> &'a str {
        text.trim()
    }
}

fn items() -> Vec<Item> {
    vec![
        Item {
            id: 1,
            name: "one".into(),
        },
        Item {
            id: 2,
            name: "two".into(),
        },
    ]
}

#[test]
fn a_side_effect_returns_a_borrow_of_its_argument() {
    let words = MockWords::new();
    words
        .first_word
        .side_effect(|text| text.split(' ').next().unwrap());
    let text = String::from("hello world");
    let word = words.first_word(&text);
    assert_eq!(word, "hello");
    // The very borrow of the caller's text, not a copy.
    assert!(std::ptr::eq(word.as_ptr(), text.as_ptr()));
    words
        .first_word
        .assert_called_once_with(call!("hello world"));
    assert_eq!(
        words.first_word.call_args(),
        Some(("hello world".to_string(),))
    );
    words.assert_any_call(call!(.first_word("hello world")));
}

#[test]
fn option_of_a_borrowed_element() {
    let words = MockWords::new();
    words
        .pick
        .side_effect(|items| items.iter().find(|i| i.id == 2));
    let items = items();
    assert_eq!(words.pick(&items), Some(&items[1]));
    assert!(std::ptr::eq(words.pick(&items).unwrap(), &items[1]));
    words.pick.assert_called_with(call!(items.clone()));
    assert_eq!(words.pick.call_count(), 2);
}

#[test]
fn the_borrowing_argument_among_others() {
    let words = MockWords::new();
    // `Doc` is neither `Clone` nor `Debug`: recorded as a placeholder, lent
    // to the side effect as itself.
    words.title.side_effect(|doc, fallback| {
        assert_eq!(fallback, "none");
        &doc.title
    });
    let doc = Doc {
        title: "Rust".into(),
    };
    assert_eq!(words.title(&doc, "none"), "Rust");
    words.title.assert_called_once_with(call!(ANY, "none"));

    words
        .longest
        .side_effect(|l, r| if l.len() >= r.len() { l } else { r });
    let (a, b) = (String::from("ab"), String::from("abc"));
    assert_eq!(words.longest(&a, &b), "abc");
}

#[test]
fn types_with_the_lifetime_and_mut_self() {
    let mut words = MockWords::new();
    words
        .token
        .side_effect(|input, at| Token { text: &input[at..] });
    words.split.side_effect(|text| text.split(',').collect());
    let input = String::from("let x");
    assert_eq!(words.token(&input, 4), Token { text: "x" });
    assert_eq!(words.split("a,b"), ["a", "b"]);
    words.token.assert_called_once_with(call!("let x", 4));
}

#[test]
fn values_are_configured_in_their_static_form() {
    let mut words = MockWords::new();
    words.first_word.return_value("fixed");
    static ITEM: Item = Item {
        id: 9,
        name: String::new(),
    };
    words.pick.return_once(Some(&ITEM));
    words
        .token
        .side_effect_iter([Token { text: "a" }, Token { text: "b" }]);

    let text = String::from("any text");
    assert_eq!(words.first_word(&text), "fixed");
    assert_eq!(words.pick(&items()), Some(&ITEM));
    assert_eq!(words.pick(&items()), None); // back to the default
    assert_eq!(words.token(&text, 0), Token { text: "a" });
    assert_eq!(words.token(&text, 0), Token { text: "b" });

    // A side effect answers before the value; resetting it lets the value
    // answer again.
    words.first_word.side_effect(|text| &text[..3]);
    assert_eq!(words.first_word(&text), "any");
    words.first_word.reset_side_effect();
    assert_eq!(words.first_word(&text), "fixed");
    assert_eq!(words.first_word.call_count(), 3);
}

#[test]
fn unconfigured_methods_answer_the_default_or_their_default_body() {
    let words = MockWords::new();
    assert_eq!(words.first_word("a b"), "");
    assert_eq!(words.pick(&items()), None);
    assert_eq!(words.trimmed("  x "), "x");
    words.trimmed.side_effect(|text| &text[..1]);
    assert_eq!(words.trimmed("yz"), "y");
    words.trimmed.assert_called_with(call!("yz"));
}

#[test]
fn a_side_effect_may_call_its_own_mock() {
    within(10, || {
        let words = Arc::new(MockWords::new());
        let inner = Arc::downgrade(&words);
        words.first_word.side_effect(move |text| {
            let words = inner.upgrade().unwrap();
            // Reentrant: the same method, from inside its side effect.
            if text.contains(' ') {
                words.first_word(text.split_once(' ').unwrap().1)
            } else {
                text
            }
        });
        let text = String::from("a b c");
        assert_eq!(words.first_word(&text), "c");
        assert_eq!(words.first_word.call_count(), 3);
        words.first_word.reset_mock();
    });
}

#[test]
fn calls_from_several_threads() {
    within(10, || {
        let words = Arc::new(MockWords::new());
        words
            .first_word
            .side_effect(|text| text.split(' ').next().unwrap());
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let words = Arc::clone(&words);
                std::thread::spawn(move || {
                    let text = format!("{i} rest");
                    assert_eq!(words.first_word(&text), i.to_string());
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap();
        }
        assert_eq!(words.first_word.call_count(), 4);
    });
}

pub trait Parser {
    fn rest<'a>(&self, input: &'a str, skip: usize) -> &'a str;
}

mock! {
    pub Parser;
    impl Parser for Parser {
        fn rest<'a>(&self, input: &'a str, skip: usize) -> &'a str;
    }
}

#[test]
fn mock_macro_methods_lend_too() {
    let parser = MockParser::new();
    parser.rest.side_effect(|input, skip| &input[skip..]);
    let input = String::from("let x");
    assert_eq!(parser.rest(&input, 4), "x");
    parser.rest.assert_called_once_with(call!("let x", 4));
}

#[derive(Debug)]
pub struct Splitter {
    separator: char,
}

#[autospec]
impl Splitter {
    pub fn new(separator: char) -> Self {
        Splitter { separator }
    }

    pub fn head<'a>(&self, text: &'a str) -> &'a str {
        text.split(self.separator).next().unwrap_or(text)
    }
}

#[test]
fn autospec_methods_lend_too() {
    let splitter = MockSplitter::default();
    splitter.head.side_effect(|text| &text[1..]);
    let text = String::from("abc");
    assert_eq!(splitter.head(&text), "bc");
    splitter.head.assert_called_once_with(call!("abc"));
    assert_eq!(Splitter::new(',').head("a,b"), "a");
}

#[automock]
pub trait Lexer<'src> {
    fn next_token(&self, input: &'src str) -> Token<'src>;
    fn count(&self, input: &'src str) -> usize;
}

fn lex_local(lexer: &dyn for<'src> Lexer<'src>) -> String {
    let input = String::from("fn main");
    lexer.next_token(&input).text.to_owned()
}

#[test]
fn a_trait_lifetime_borrowed_by_the_return_value() {
    let lexer = MockLexer::new();
    lexer.next_token.side_effect(|input| Token {
        text: input.split(' ').next().unwrap(),
    });
    assert_eq!(lex_local(&lexer), "fn");
    lexer.next_token.assert_called_once_with(call!("fn main"));
}

#[test]
fn an_expectation_answers_with_a_borrow_too() {
    let words = MockWords::new();
    words
        .first_word
        .expect(call!(starts_with("a")))
        .side_effect(|text| &text[..1])
        .times(1);
    words.first_word.side_effect(|text| text);
    assert_eq!(words.first_word("abc"), "a");
    assert_eq!(words.first_word("xyz"), "xyz");
    words.first_word.verify();
}
