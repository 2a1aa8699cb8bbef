//! `impl Trait` inside an argument's type (`Option<impl Into<String>>`,
//! `Vec<impl Display>`, `&[impl Debug]`): an anonymous type parameter, as
//! in a generic method without `'static`. The side effect gets a
//! placeholder; the call is recorded by the argument's `Debug` text when
//! its bounds include `Debug`, else as a placeholder.
#![deny(warnings)]

use mockgen::prelude::*;
use std::fmt::{Debug, Display};

#[automock]
pub trait Inbox {
    fn rename(&self, id: u32, name: Option<impl Into<String>>) -> bool;
    fn show(&self, lines: Vec<impl Display>) -> usize;
    fn log(&self, items: &[impl Debug], level: u8);
    fn pair(&self, pair: (impl Debug + Clone, u8)) -> u8;
}

#[test]
fn a_nested_impl_argument_is_a_placeholder_for_the_side_effect() {
    let inbox = MockInbox::new();
    inbox.rename.side_effect(|id, _name| id > 1);
    assert!(inbox.rename(2, Some("new")));
    assert!(!inbox.rename(1, None::<String>));
    inbox.rename.assert_called_with(call!(1, ANY));
    assert_eq!(inbox.rename.call_count(), 2);

    inbox.show.return_value(3);
    assert_eq!(inbox.show(vec![1, 2, 3]), 3);
    inbox.show.assert_called_once_with(call!(ANY));
}

#[test]
fn bounds_with_debug_record_the_debug_text() {
    let inbox = MockInbox::new();
    inbox.log(&["a", "b"], 2);
    inbox.log.assert_called_once_with(call!(ANY, 2));
    inbox.pair.side_effect(|_pair| 5);
    assert_eq!(inbox.pair(("x", 4)), 5);
    assert_eq!(
        format!("{:?}", inbox.mock_calls()),
        r#"[log(["a", "b"], 2), pair(("x", 4))]"#
    );
}

#[test]
fn bounds_without_debug_record_a_placeholder_named_after_the_type() {
    let inbox = MockInbox::new();
    inbox.rename(3, Some(String::from("x")));
    inbox.show(vec!["line"]);
    assert_eq!(
        format!("{:?}", inbox.mock_calls()),
        "[\n    rename(3, <Option<impl Into<String>>>),\n    show(<Vec<impl Display>>),\n]"
    );
}
