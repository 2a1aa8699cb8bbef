//! `Vec<&T>` and `Vec<&str>` returns lent from `self` (configured with the
//! owned `Vec<T>` / `Vec<String>`: each call borrows every item of the
//! kept value), and `Option<&mut T>` returns through `&mut self` (the kept
//! `Option<T>`, lent mutably: changes persist across calls).
#![deny(warnings)]

use mockgen::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    pub id: u32,
}

#[automock]
pub trait Inventory {
    fn items(&self) -> Vec<&Item>;
    fn names(&self, prefix: &str) -> Vec<&str>;
    fn chunks(&self) -> Vec<&[u8]>;
    fn slot(&mut self) -> Option<&mut u32>;
    fn label(&mut self) -> Option<&mut str>;
    fn tags(&self) -> Vec<&str> {
        vec!["default"]
    }
}

#[test]
fn a_vec_of_references_borrows_each_item_of_the_configured_vec() {
    let inventory = MockInventory::new();
    inventory
        .items
        .return_value(vec![Item { id: 1 }, Item { id: 2 }]);
    inventory
        .names
        .return_value(vec!["apple".to_owned(), "pear".to_owned()]);
    inventory.chunks.return_value(vec![vec![1, 2], vec![3]]);
    assert_eq!(inventory.items(), vec![&Item { id: 1 }, &Item { id: 2 }]);
    assert_eq!(inventory.names("a"), vec!["apple", "pear"]);
    assert_eq!(inventory.chunks(), vec![&[1, 2][..], &[3][..]]);
    inventory.names.assert_called_once_with(call!("a"));
}

#[test]
fn an_unconfigured_vec_of_references_is_empty_and_a_default_body_answers() {
    let inventory = MockInventory::new();
    assert!(inventory.items().is_empty());
    assert_eq!(inventory.tags(), vec!["default"]);
    inventory.tags.return_value(vec!["set".to_owned()]);
    assert_eq!(inventory.tags(), vec!["set"]);
}

#[test]
fn a_side_effect_makes_the_items_a_vec_of_references_borrows() {
    let inventory = MockInventory::new();
    inventory
        .names
        .side_effect(|prefix| vec![format!("{prefix}-1"), format!("{prefix}-2")]);
    assert_eq!(inventory.names("x"), vec!["x-1", "x-2"]);
    assert_eq!(inventory.names("y"), vec!["y-1", "y-2"]);
}

#[test]
fn changes_through_an_optional_mut_return_persist_across_calls() {
    let mut inventory = MockInventory::new();
    inventory.slot.return_value(Some(41));
    *inventory.slot().expect("configured") += 1;
    assert_eq!(inventory.slot(), Some(&mut 42));
    inventory.slot.assert_called();
    assert_eq!(inventory.slot.call_count(), 2);

    inventory.label.return_value(Some("abc".to_owned()));
    inventory
        .label()
        .expect("configured")
        .make_ascii_uppercase();
    assert_eq!(inventory.label().map(|s| &*s), Some("ABC"));
}

#[test]
fn an_unconfigured_optional_mut_return_is_none() {
    let mut inventory = MockInventory::new();
    assert_eq!(inventory.slot(), None);
}

#[automock]
#[allow(async_fn_in_trait)]
pub trait Shelf {
    fn titles(&self) -> Vec<&str>;
    fn items(&self) -> Vec<&Item>;
    async fn later(&self) -> Vec<&str>;
}

struct RealShelf {
    titles: Vec<String>,
    items: Vec<Item>,
}

impl Shelf for RealShelf {
    fn titles(&self) -> Vec<&str> {
        self.titles.iter().map(String::as_str).collect()
    }
    fn items(&self) -> Vec<&Item> {
        self.items.iter().collect()
    }
    async fn later(&self) -> Vec<&str> {
        vec!["real"]
    }
}

#[test]
fn a_spy_lends_what_the_real_value_returns() {
    let spy = MockShelf::wrapping(RealShelf {
        titles: vec!["Dune".to_owned()],
        items: vec![Item { id: 7 }],
    });
    assert_eq!(spy.titles(), vec!["Dune"]);
    assert_eq!(spy.items(), vec![&Item { id: 7 }]);
    spy.titles.return_value(vec!["Emma".to_owned()]);
    assert_eq!(spy.titles(), vec!["Emma"]);
    assert_eq!(spy.titles.call_count(), 2);
}

#[tokio::test]
async fn an_async_method_lends_a_vec_of_references() {
    let shelf = MockShelf::new();
    shelf
        .later
        .return_value(vec!["a".to_owned(), "b".to_owned()]);
    assert_eq!(shelf.later().await, vec!["a", "b"]);
    shelf.later.assert_awaited_once();
}
