//! Traits with lifetime parameters: one mock implements the trait for
//! every lifetime; what borrows for the trait's lifetime is configured
//! with its `'static` form. Returns that borrow for a lifetime other than
//! the receiver's likewise.
#![deny(warnings)]

use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
}

#[automock]
pub trait Parser<'a> {
    fn parse(&self, input: &'a str) -> Token<'a>;
    fn rest(&self, input: &'a str) -> &'a str;
    fn name(&self) -> &str;
    fn count(&self, input: &'a str) -> usize;
}

#[automock]
pub trait Words {
    fn first_word<'a>(&self, text: &'a str) -> &'a str;
}

/// Code under test, generic over the lifetime of its input.
fn parse_local(parser: &dyn for<'a> Parser<'a>) -> usize {
    let input = String::from("let x");
    parser.parse(&input);
    parser.count(&input)
}

#[test]
fn one_mock_implements_the_trait_for_every_lifetime() {
    let parser = MockParser::new();
    parser.parse.return_value(Token { text: "let" });
    parser.count.side_effect(|input| input.split(' ').count());
    parser.name.return_value("lexer".to_string());
    assert_eq!(parse_local(&parser), 2);
    assert_eq!(parser.parse("fn"), Token { text: "let" });
    assert_eq!(parser.name(), "lexer");
    parser.parse.assert_called_with(call!("fn"));
    assert_eq!(parser.parse.call_count(), 2);
}

#[test]
fn a_borrow_for_the_trait_lifetime_is_configured_static() {
    let parser = MockParser::new();
    parser
        .rest
        .side_effect(|input| if input.is_empty() { "" } else { "tail" });
    let local = String::from("head tail");
    assert_eq!(parser.rest(&local), "tail");
    parser.rest.assert_called_once_with(call!("head tail"));
}

#[test]
fn a_return_borrowing_an_argument_lifetime_is_configured_static() {
    let words = MockWords::new();
    words.first_word.return_value("hello");
    let text = String::from("hello world");
    assert_eq!(words.first_word(&text), "hello");
    words
        .first_word
        .assert_called_once_with(call!("hello world"));
}
