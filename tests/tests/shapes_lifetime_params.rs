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

/// A trait with a lifetime parameter, mocked with `mock!` for every
/// lifetime: the lifetime is the `impl` block's.
pub trait Lexer<'a> {
    fn next_token(&mut self, input: &'a str) -> Token<'a>;
    fn rest(&self, input: &'a str) -> &'a str;
    fn count(&self, input: &'a str) -> usize;
}

mock! {
    pub Lexer;
    impl<'a> Lexer<'a> for Lexer {
        fn next_token(&mut self, input: &'a str) -> Token<'a>;
        fn rest(&self, input: &'a str) -> &'a str;
        fn count(&self, input: &'a str) -> usize;
    }
    impl Clone for Lexer {
        fn clone(&self) -> Self;
    }
}

/// Code under test, generic over the lifetime of its input.
fn lex_local(lexer: &mut dyn for<'a> Lexer<'a>) -> (Token<'static>, usize) {
    let input = String::from("fn main");
    let token = lexer.next_token(&input);
    assert_eq!(token.text, "fn");
    (Token { text: "fn" }, lexer.count(&input))
}

#[test]
fn mock_macro_implements_a_trait_for_every_lifetime() {
    let mut lexer = MockLexer::new();
    lexer.next_token.return_value(Token { text: "fn" });
    lexer.count.side_effect(|input| input.split(' ').count());
    lexer.rest.return_value("main");

    assert_eq!(lex_local(&mut lexer), (Token { text: "fn" }, 2));
    let local = String::from("fn main");
    assert_eq!(lexer.rest(&local), "main");

    lexer.next_token.assert_called_once_with(call!("fn main"));
    lexer.rest.assert_called_once_with(call!("fn main"));
    assert_eq!(lexer.count.call_count(), 1);
}

#[test]
fn a_mock_macro_mock_for_every_lifetime_keeps_its_other_impls() {
    let lexer = MockLexer::new();
    let twin = MockLexer::new();
    lexer.clone.return_once(twin);
    let copy = lexer.clone();
    copy.count.return_value(3);
    assert_eq!(copy.count("a b c"), 3);
    lexer.clone.assert_called_once();
}

/// A real lexer, for every lifetime.
#[derive(Clone)]
struct Spaces;

impl<'a> Lexer<'a> for Spaces {
    fn next_token(&mut self, input: &'a str) -> Token<'a> {
        Token {
            text: input.split(' ').next().unwrap_or(""),
        }
    }
    fn rest(&self, input: &'a str) -> &'a str {
        input.split_once(' ').map_or("", |(_, rest)| rest)
    }
    fn count(&self, input: &'a str) -> usize {
        input.split(' ').count()
    }
}

#[test]
fn a_spy_of_a_mock_for_every_lifetime_delegates_what_it_can() {
    let spy = MockLexer::wrapping(Spaces);
    let local = String::from("a b c");
    assert_eq!(spy.count(&local), 3);
    spy.count.return_value(9);
    assert_eq!(spy.count(&local), 9);
    spy.count.assert_called_with(call!("a b c"));
}
