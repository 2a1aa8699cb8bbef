//! How a spy's calls reach the real value (SEMANTICS WRAPS-1, WRAPS-3),
//! across trait shapes: dyn-compatible traits (the mock calls the real
//! value as `dyn Trait`), traits that are not (a closure per method),
//! `mock!` of foreign traits, default bodies and `call_original`.
#![deny(warnings)]

mod common;

use common::panic_message;
use mockgen::prelude::*;

#[automock]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&mut self, key: String, value: String);
    fn keys(&self) -> Vec<String>;
    /// A default body: a spy calls the real value's version instead.
    fn describe(&self) -> String {
        "a store".to_owned()
    }
    fn first_key(&self) -> Option<&str>;
}

#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Vec<(String, String)>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
    fn put(&mut self, key: String, value: String) {
        self.entries.push((key, value));
    }
    fn keys(&self) -> Vec<String> {
        self.entries.iter().map(|(k, _)| k.clone()).collect()
    }
    fn describe(&self) -> String {
        format!("{} entries in memory", self.entries.len())
    }
    fn first_key(&self) -> Option<&str> {
        self.entries.first().map(|(k, _)| k.as_str())
    }
}

#[test]
fn wraps_1_a_dyn_compatible_trait_delegates_every_method() {
    let mut spy = MockStore::wrapping(MemoryStore::default());
    spy.put("a".into(), "1".into());
    spy.put("b".into(), "2".into());
    assert_eq!(spy.get("a").as_deref(), Some("1"));
    assert_eq!(spy.keys(), ["a", "b"]);
    assert_eq!(spy.first_key(), Some("a"));
    spy.put.assert_has_calls([call!("a", "1"), call!("b", "2")]);
    spy.get.assert_called_once_with(call!("a"));
}

#[test]
fn wraps_1_the_real_value_overrides_a_default_body() {
    let spy = MockStore::wrapping(MemoryStore::default());
    assert_eq!(spy.describe(), "0 entries in memory");
    // Without a real value, the default body answers.
    assert_eq!(MockStore::new().describe(), "a store");
}

#[test]
fn wraps_3_configuration_wins_over_the_real_value() {
    let mut spy = MockStore::wrapping(MemoryStore::default());
    spy.put("a".into(), "1".into());
    spy.get.return_value(Some("configured".into()));
    spy.describe.side_effect(|| "side effect".into());
    assert_eq!(spy.get("a").as_deref(), Some("configured"));
    assert_eq!(spy.describe(), "side effect");
    spy.get.reset_return_value();
    assert_eq!(spy.get("a").as_deref(), Some("1"));
}

#[test]
fn call_original_on_a_spy_calls_the_real_value() {
    let mut spy = MockStore::wrapping(MemoryStore::default());
    spy.put("a".into(), "1".into());
    spy.get.call_original();
    assert_eq!(spy.get("a").as_deref(), Some("1"));
    // A queued value still comes first.
    spy.get.return_once(None);
    assert_eq!(spy.get("a"), None);
    assert_eq!(spy.get("a").as_deref(), Some("1"));
}

#[test]
fn a_clone_of_a_spy_reaches_the_same_real_value() {
    let spy = MockStore::wrapping(MemoryStore::default());
    let mut in_code_under_test = spy.clone();
    in_code_under_test.put("a".into(), "1".into());
    assert_eq!(spy.keys(), ["a"]);
    let real: MemoryStore = spy.into_inner().expect("the real value");
    assert_eq!(real.entries.len(), 1);
}

#[test]
fn a_call_after_into_inner_says_the_value_was_taken() {
    let spy = MockStore::wrapping(MemoryStore::default());
    let taken = spy.clone().into_inner::<MemoryStore>();
    assert!(taken.is_some());
    let message = panic_message(|| {
        spy.keys();
    });
    assert!(
        message.contains("the real value of this spy was taken back with `into_inner`"),
        "{message}"
    );
    // A configured method does not need the real value.
    spy.keys.return_value(vec![]);
    assert!(spy.keys().is_empty());
}

#[test]
fn into_inner_of_another_type_keeps_the_real_value() {
    let spy = MockStore::wrapping(MemoryStore::default());
    assert!(spy.clone().into_inner::<String>().is_none());
    assert!(spy.into_inner::<MemoryStore>().is_some());
}

/// Not dyn-compatible (a generic method): the spy's other methods call the
/// real value through closures.
#[automock]
pub trait Codec {
    fn encode(&self, text: &str) -> Vec<u8>;
    fn name(&self) -> String;
    fn convert<T: Into<u64> + 'static>(&self, value: T) -> u64;
}

#[derive(Debug)]
pub struct Ascii;

impl Codec for Ascii {
    fn encode(&self, text: &str) -> Vec<u8> {
        text.bytes().collect()
    }
    fn name(&self) -> String {
        "ascii".into()
    }
    fn convert<T: Into<u64> + 'static>(&self, value: T) -> u64 {
        value.into() * 2
    }
}

#[test]
fn wraps_1_a_trait_that_is_not_dyn_compatible_still_delegates() {
    let spy = MockCodec::wrapping(Ascii);
    assert_eq!(spy.encode("hi"), b"hi");
    assert_eq!(spy.name(), "ascii");
    spy.name.call_original();
    assert_eq!(spy.name(), "ascii");
    // A generic method cannot pass its call on: it answers as an
    // unconfigured method does.
    assert_eq!(spy.convert(3_u32), 0);
    spy.encode.assert_called_once_with(call!("hi"));
    assert!(spy.into_inner::<Ascii>().is_some());
}

/// An associated type: the real value is seen as
/// `dyn Numbers<Item = u32>`.
#[automock(type Item = u32;)]
pub trait Numbers {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
}

#[derive(Debug)]
pub struct Countdown(u32);

impl Numbers for Countdown {
    type Item = u32;
    fn next_item(&mut self) -> Option<u32> {
        self.0 = self.0.checked_sub(1)?;
        Some(self.0)
    }
}

#[test]
fn wraps_1_a_trait_with_an_associated_type_delegates() {
    let mut spy = MockNumbers::wrapping(Countdown(2));
    assert_eq!(spy.next_item(), Some(1));
    assert_eq!(spy.next_item(), Some(0));
    assert_eq!(spy.next_item(), None);
    assert_eq!(spy.next_item.call_count(), 3);
}

mock! {
    pub Counter;
    impl Iterator for Counter {
        type Item = u32;
        fn next(&mut self) -> Option<u32>;
    }
}

#[test]
fn wraps_1_a_mock_of_a_foreign_trait_delegates() {
    let mut spy = MockCounter::wrapping(vec![7_u32, 8].into_iter());
    assert_eq!(spy.next(), Some(7));
    spy.next.return_once(Some(0));
    assert_eq!(spy.next(), Some(0));
    assert_eq!(spy.next(), Some(8));
    assert_eq!(spy.next(), None);
    assert_eq!(spy.next.call_count(), 4);
}

/// A generic trait: the real value is seen as `dyn Cache<K, V> + Send`.
#[automock]
pub trait Cache<K: Clone + std::fmt::Debug + PartialEq, V: Clone + std::fmt::Debug + PartialEq>:
    Send
{
    fn load(&self, key: K) -> Option<V>;
    fn store(&mut self, key: K, value: V);
}

#[derive(Debug, Default)]
pub struct VecCache<K, V>(Vec<(K, V)>);

impl<K, V> Cache<K, V> for VecCache<K, V>
where
    K: Clone + std::fmt::Debug + PartialEq + Send,
    V: Clone + std::fmt::Debug + PartialEq + Send,
{
    fn load(&self, key: K) -> Option<V> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }
    fn store(&mut self, key: K, value: V) {
        self.0.push((key, value));
    }
}

#[test]
fn wraps_1_a_generic_trait_delegates() {
    let mut spy = MockCache::<u32, String>::wrapping(VecCache::default());
    spy.store(1, "one".into());
    assert_eq!(spy.load(1).as_deref(), Some("one"));
    assert_eq!(spy.load(2), None);
    spy.load.assert_has_calls([call!(1), call!(2)]);
}

#[test]
fn a_sealed_spy_still_delegates() {
    let spy = MockStore::wrapping(MemoryStore::default());
    spy.seal();
    let mut in_code_under_test = spy.clone();
    in_code_under_test.put("a".into(), "1".into());
    assert_eq!(spy.get("a").as_deref(), Some("1"));
    assert_eq!(spy.describe(), "1 entries in memory");
    spy.get.assert_called_once_with(call!("a"));
}

#[test]
fn into_inner_of_a_mock_that_is_not_a_spy_is_none() {
    let mock = MockStore::new();
    assert!(mock.clone().into_inner::<MemoryStore>().is_none());
    // Nothing was taken: an unconfigured call answers as before.
    assert_eq!(mock.get("a"), None);
    mock.get.assert_called_once_with(call!("a"));
}
