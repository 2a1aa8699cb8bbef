//! Return types that borrow: `&Path`, `&OsStr`, `&CStr` configured with
//! their owned forms; types with lifetime parameters (`Token<'a>`,
//! `Cow<'_, str>`) configured with their `'static` form.
#![deny(warnings)]

use std::borrow::Cow;
use std::ffi::{CStr, CString, OsStr, OsString};
use std::path::{Path, PathBuf};

use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub line: u32,
}

#[automock]
pub trait Environment {
    fn home(&self) -> &Path;
    fn var(&self, key: &str) -> Option<&OsStr>;
    fn c_name(&self) -> &CStr;
    fn config_dir(&self) -> Result<&std::path::Path, String>;
    fn path_mut(&mut self) -> &mut PathBuf;
    fn os_mut(&mut self) -> &mut OsStr;
}

#[automock]
pub trait Lexer {
    fn next_token(&self) -> Token<'_>;
    fn peek<'a>(&'a self, ahead: usize) -> Option<Token<'a>>;
    fn label(&self, id: u32) -> Cow<'_, str>;
    fn all(&self) -> Vec<Token<'_>>;
}

#[test]
fn path_os_str_and_c_str_returns_are_configured_owned() {
    let env = MockEnvironment::new();
    env.home.return_value(PathBuf::from("/home/ann"));
    env.var
        .side_effect(|key| (key == "SHELL").then(|| OsString::from("/bin/sh")));
    env.c_name.return_value(CString::new("ann").unwrap());
    env.config_dir.return_value(Ok(PathBuf::from("/etc")));

    assert_eq!(env.home(), Path::new("/home/ann"));
    assert_eq!(env.var("SHELL"), Some(OsStr::new("/bin/sh")));
    assert_eq!(env.var("HOME"), None);
    assert_eq!(env.c_name().to_str(), Ok("ann"));
    assert_eq!(env.config_dir(), Ok(Path::new("/etc")));
    env.var.assert_called_with(call!("HOME"));
}

#[test]
fn mut_path_and_os_str_returns_are_kept_and_lent() {
    let mut env = MockEnvironment::new();
    env.path_mut.return_value(PathBuf::from("/tmp"));
    env.path_mut().push("x");
    assert_eq!(env.path_mut(), Path::new("/tmp/x"));
    env.os_mut.return_value(OsString::from("abc"));
    env.os_mut().make_ascii_uppercase();
    assert_eq!(env.os_mut(), "ABC");
}

#[test]
fn types_with_a_lifetime_are_configured_with_their_static_form() {
    let lexer = MockLexer::new();
    lexer.next_token.return_value(Token {
        text: "fn",
        line: 1,
    });
    lexer.peek.side_effect(|ahead| {
        (ahead == 0).then_some(Token {
            text: "main",
            line: 1,
        })
    });
    lexer.label.side_effect(|id| match id {
        0 => Cow::Borrowed("zero"),
        n => Cow::Owned(n.to_string()),
    });
    lexer.all.return_value(vec![Token { text: "{", line: 2 }]);

    assert_eq!(
        lexer.next_token(),
        Token {
            text: "fn",
            line: 1
        }
    );
    assert_eq!(lexer.peek(0).map(|t| t.text), Some("main"));
    assert_eq!(lexer.peek(1), None);
    assert_eq!(lexer.label(0), "zero");
    assert_eq!(lexer.label(7), "7");
    assert_eq!(lexer.all().len(), 1);
    lexer.peek.assert_called_with(call!(1));
}
