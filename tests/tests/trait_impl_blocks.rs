//! `#[automock]` / `#[autospec]` on an `impl Trait for Type` block: a mock
//! of the type (`MockType`) that implements the trait, from the block's
//! signatures (SPEC-7, WRAPS-1).
#![deny(warnings)]

use mockgen::prelude::*;

pub trait Greeter {
    fn greet(&self, name: &str) -> String;
    fn language(&self) -> String {
        String::from("en")
    }
}

#[derive(Debug)]
pub struct English;

#[automock]
impl Greeter for English {
    fn greet(&self, name: &str) -> String {
        format!("Hello, {name}!")
    }
}

/// Code under test.
fn welcome(greeter: &dyn Greeter) -> String {
    format!("{} ({})", greeter.greet("Ann"), greeter.language())
}

#[test]
fn the_mock_implements_the_trait_from_the_blocks_signatures() {
    let english = MockEnglish::new();
    english.greet.return_value(String::from("Hi"));
    assert_eq!(welcome(&english), "Hi (en)");
    english.greet.assert_called_once_with(call!("Ann"));
}

#[test]
fn a_spy_calls_the_real_blocks_methods() {
    let spy = MockEnglish::wrapping(English);
    assert_eq!(welcome(&spy), "Hello, Ann! (en)");
    spy.greet.assert_called_once_with(call!("Ann"));
}

pub trait Store<T> {
    fn get(&self, key: &str) -> Option<T>;
}

#[derive(Debug)]
pub struct Memory<T>(Vec<T>);

#[automock]
impl<T: Clone + Send + Sync + std::fmt::Debug + 'static> Store<T> for Memory<T> {
    fn get(&self, _key: &str) -> Option<T> {
        self.0.first().cloned()
    }
}

#[test]
fn generic_blocks_give_generic_mocks() {
    let store = MockMemory::<u32>::new();
    store.get.return_value(Some(7));
    assert_eq!(store.get("a"), Some(7));
}

#[derive(Debug)]
pub struct Counter;

#[automock]
impl Iterator for Counter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        None
    }
}

#[test]
fn associated_types_are_given_by_the_block() {
    let mut counter = MockCounter::new();
    counter.next.side_effect_iter([Some(1), Some(2), None]);
    assert_eq!(counter.by_ref().sum::<u32>(), 3);
    assert_eq!(counter.next.call_count(), 3);
}

pub trait Limits {
    const MAX: u32;
    fn above(&self, value: u32) -> bool {
        value > Self::MAX
    }
}

#[derive(Debug)]
pub struct Small;

#[autospec]
impl Limits for Small {
    const MAX: u32 = 10;
}

#[test]
fn associated_consts_are_given_by_the_block_and_default_methods_stay() {
    let small = MockSmall::new();
    assert_eq!(<MockSmall as Limits>::MAX, 10);
    assert!(small.above(11));
}
