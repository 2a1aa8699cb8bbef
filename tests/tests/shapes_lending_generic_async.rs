//! Generic and async methods whose return value borrows from their
//! arguments: a side effect returns a borrow of what it is given, and
//! `return_value` / `return_once` / `side_effect_iter` take the `'static`
//! form or an owned value leaked once into it, as for a plain method
//! (SE-1, SE-2, AS-1).
#![deny(warnings)]
#![allow(async_fn_in_trait)]

use std::fmt::Debug;

use futures::executor::block_on;
use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u32,
}

#[automock]
pub trait Finder {
    fn pick<'a, T: Debug + 'static>(&self, items: &'a [T]) -> Option<&'a T>;
    fn first_of<'a, K: AsRef<str>>(&self, key: K, text: &'a str) -> &'a str;
    async fn first_word<'a>(&self, text: &'a str) -> &'a str;
    async fn find<'a>(&self, items: &'a [Item], id: u32) -> Option<&'a Item>;
    async fn head<'a>(&self, text: &'a str) -> &'a str {
        &text[..1]
    }
}

#[automock]
#[async_trait::async_trait]
pub trait Splitter: Send + Sync {
    async fn first<'a>(&self, text: &'a str) -> &'a str;
}

/// Code under test.
fn largest_pick<F: Finder>(finder: &F, numbers: &[u64]) -> u64 {
    finder.pick(numbers).copied().unwrap_or(0)
}

#[test]
fn a_generic_method_side_effect_returns_a_borrow_of_its_argument() {
    let finder = MockFinder::new();
    finder
        .pick
        .of::<u64>()
        .side_effect(|items| items.iter().max());
    assert_eq!(largest_pick(&finder, &[3, 9, 4]), 9);
    finder
        .pick
        .of::<u64>()
        .assert_called_once_with(call!([3u64, 9, 4]));
    // Another type argument has a handle of its own.
    assert_eq!(finder.pick::<Item>(&[Item { id: 1 }]), None);
    assert_eq!(finder.pick.call_count(), 2);
}

#[test]
fn a_generic_method_takes_the_owned_form() {
    let finder = MockFinder::new();
    finder.pick.of::<Item>().return_value(Some(Item { id: 7 }));
    finder.pick.of::<u64>().return_once(Some(5u64));
    finder
        .first_of
        .side_effect_iter(["one", "two"].map(String::from));
    assert_eq!(finder.pick::<Item>(&[]), Some(&Item { id: 7 }));
    assert_eq!(finder.pick::<u64>(&[1]), Some(&5));
    assert_eq!(finder.pick::<u64>(&[1]), None);
    assert_eq!(finder.first_of("k", "text"), "one");
    assert_eq!(finder.first_of(String::from("k"), "text"), "two");
}

#[test]
fn an_erased_generic_argument_sits_beside_the_borrowed_one() {
    let finder = MockFinder::new();
    finder.first_of.side_effect(|key, text| {
        if key.as_ref() == "all" {
            text
        } else {
            &text[..1]
        }
    });
    assert_eq!(finder.first_of("all", "abc"), "abc");
    assert_eq!(finder.first_of(String::from("one"), "abc"), "a");
    finder.first_of.assert_called_with(call!(ANY, "abc"));
}

#[test]
fn an_async_method_side_effect_returns_a_borrow_of_its_argument() {
    let finder = MockFinder::new();
    finder
        .first_word
        .side_effect(|text| text.split(' ').next().unwrap_or(""));
    let text = String::from("hello world");
    assert_eq!(block_on(finder.first_word(&text)), "hello");
    finder
        .first_word
        .assert_awaited_once_with(call!("hello world"));

    let items = [Item { id: 1 }, Item { id: 2 }];
    finder
        .find
        .side_effect(|items, id| items.iter().find(|i| i.id == id));
    assert_eq!(block_on(finder.find(&items, 2)), Some(&items[1]));
}

#[test]
fn an_async_method_takes_the_owned_form() {
    let finder = MockFinder::new();
    finder.first_word.return_value(String::from("owned"));
    finder.find.return_once(Some(Item { id: 3 }));
    assert_eq!(block_on(finder.first_word("any")), "owned");
    assert_eq!(block_on(finder.find(&[], 3)), Some(&Item { id: 3 }));
    assert_eq!(block_on(finder.find(&[], 3)), None);
    assert_eq!(finder.find.await_count(), 2);
}

#[test]
fn the_call_is_recorded_when_made_and_the_await_when_polled() {
    let finder = MockFinder::new();
    finder.first_word.return_value("fixed");
    let future = finder.first_word("text");
    finder.first_word.assert_called_once_with(call!("text"));
    finder.first_word.assert_not_awaited();
    assert_eq!(block_on(future), "fixed");
    finder.first_word.assert_awaited_once_with(call!("text"));
}

#[test]
fn an_async_default_body_answers_when_nothing_is_configured() {
    let finder = MockFinder::new();
    assert_eq!(block_on(finder.head("xyz")), "x");
    finder.head.side_effect(|text| &text[1..]);
    assert_eq!(block_on(finder.head("xyz")), "yz");
}

#[test]
fn async_trait_methods_lend_too() {
    let splitter = MockSplitter::new();
    splitter.first.side_effect(|text| &text[..2]);
    assert_eq!(block_on(splitter.first("abc")), "ab");
    splitter.first.return_value(String::from("kept"));
    splitter.first.reset_side_effect();
    assert_eq!(block_on(splitter.first("abc")), "kept");
    splitter.first.assert_awaited_with(call!("abc"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lending_async_mocks_run_in_a_tokio_runtime() {
    let splitter = std::sync::Arc::new(MockSplitter::new());
    splitter.first.side_effect(|text| text);
    let task = {
        let splitter = std::sync::Arc::clone(&splitter);
        tokio::spawn(async move { splitter.first("spawned").await.len() })
    };
    assert_eq!(task.await.unwrap(), 7);
    splitter.first.assert_awaited_once_with(call!("spawned"));
}

mock! {
    pub Picker;
    impl Finder for Picker {
        fn pick<'a, T: Debug + 'static>(&self, items: &'a [T]) -> Option<&'a T>;
        fn first_of<'a, K: AsRef<str>>(&self, key: K, text: &'a str) -> &'a str;
        async fn first_word<'a>(&self, text: &'a str) -> &'a str;
        async fn find<'a>(&self, items: &'a [Item], id: u32) -> Option<&'a Item>;
        async fn head<'a>(&self, text: &'a str) -> &'a str;
    }
}

#[test]
fn mock_macro_methods_lend_too() {
    let picker = MockPicker::new();
    picker.pick.of::<u8>().side_effect(|items| items.last());
    picker.first_word.return_value(String::from("w"));
    assert_eq!(picker.pick(&[1u8, 2]), Some(&2));
    assert_eq!(block_on(picker.first_word("x")), "w");
}
