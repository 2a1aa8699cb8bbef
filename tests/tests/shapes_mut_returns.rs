//! Methods returning `&mut`: the mock keeps the first answer and lends it
//! mutably on every call, so changes persist and the test sees them.
#![deny(warnings)]

use mockgen::prelude::*;

#[automock]
pub trait Store {
    fn value_mut(&mut self) -> &mut u32;
    fn entry(&mut self, key: &str) -> &mut Vec<u8>;
    fn name_mut(&mut self) -> &mut str;
    fn bytes_mut(&mut self) -> &mut [u8];
}

/// Code under test: bumps a counter it borrows from the store.
fn bump(store: &mut dyn Store) -> u32 {
    let value = store.value_mut();
    *value += 1;
    *value
}

#[test]
fn changes_through_a_mut_return_persist_across_calls() {
    let mut store = MockStore::new();
    store.value_mut.return_value(41);
    assert_eq!(bump(&mut store), 42);
    assert_eq!(bump(&mut store), 43);
    assert_eq!(*store.value_mut(), 43);
    assert_eq!(store.value_mut.call_count(), 3);
}

#[test]
fn an_unconfigured_mut_return_lends_the_default() {
    let mut store = MockStore::new();
    store.entry("a").extend_from_slice(b"xy");
    store.entry("b").push(b'z');
    assert_eq!(store.entry("c"), b"xyz");
    store.entry.assert_called_with(call!("c"));
    assert_eq!(
        store.entry.call_args_list(),
        [("a".to_string(),), ("b".to_string(),), ("c".to_string(),)]
    );
}

#[test]
fn a_side_effect_makes_the_first_value_later_calls_lend_it() {
    let mut store = MockStore::new();
    store.entry.side_effect(|key| key.as_bytes().to_vec());
    store.entry("ab").push(b'!');
    assert_eq!(store.entry("other"), b"ab!");
    assert_eq!(store.entry.call_count(), 2);
}

#[test]
fn mut_str_and_slice_returns_are_configured_with_string_and_vec() {
    let mut store = MockStore::new();
    store.name_mut.return_value("abc".to_string());
    store.bytes_mut.return_once(vec![1, 2, 3]);
    store.name_mut().make_ascii_uppercase();
    store.bytes_mut().reverse();
    assert_eq!(store.name_mut(), "ABC");
    assert_eq!(store.bytes_mut(), [3, 2, 1]);
}
