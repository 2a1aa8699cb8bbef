//! Trait methods with a default body, whatever they return: the body
//! answers a call nothing is configured for, the call is still recorded,
//! and a configured answer replaces the body. Methods that return a
//! reference run the body too (it borrows from `self`, as the trait's own
//! code does), and a spy's real value answers before it.
#![deny(warnings)]

use mockgen::prelude::*;

pub trait Named {
    fn describe(&self) -> String;
}

#[automock]
pub trait Catalog {
    fn name(&self) -> &str;
    fn label(&self) -> &str {
        self.name()
    }
    fn title(&self) -> &str {
        "untitled"
    }
    fn nickname(&self) -> Option<&str> {
        None
    }
    fn first(&self, items: &[u32]) -> Option<u32> {
        items.first().copied()
    }
    fn count(&self) -> usize {
        self.name().len()
    }
}

#[test]
fn a_default_body_answers_a_method_returning_a_reference() {
    let catalog = MockCatalog::new();
    catalog.name.return_value("books".to_owned());
    assert_eq!(catalog.label(), "books");
    assert_eq!(catalog.title(), "untitled");
    assert_eq!(catalog.nickname(), None);
    assert_eq!(catalog.count(), 5);
    assert_eq!(catalog.first(&[4, 5]), Some(4));
    catalog.label.assert_called_once();
    catalog.name.assert_called();
    assert_eq!(catalog.name.call_count(), 2);
}

#[test]
fn a_configured_value_replaces_the_default_body_of_a_reference_return() {
    let catalog = MockCatalog::new();
    catalog.title.return_value("Dune".to_owned());
    catalog.nickname.return_value(Some("D".to_owned()));
    assert_eq!(catalog.title(), "Dune");
    assert_eq!(catalog.nickname(), Some("D"));
    catalog
        .label
        .side_effect(|| "from a side effect".to_owned());
    assert_eq!(catalog.label(), "from a side effect");
    catalog.name.assert_not_called();
}

#[test]
fn an_expectation_replaces_the_default_body_of_a_reference_return() {
    let catalog = MockCatalog::new();
    catalog
        .title
        .expect(call!())
        .times(1)
        .return_value("Emma".to_owned());
    assert_eq!(catalog.title(), "Emma");
    catalog.title.verify();
}

struct Shelf;

impl Catalog for Shelf {
    fn name(&self) -> &str {
        "shelf"
    }
    fn title(&self) -> &str {
        "the real title"
    }
}

#[test]
fn a_spy_answers_with_the_real_value_before_the_default_body() {
    let spy = MockCatalog::wrapping(Shelf);
    assert_eq!(spy.title(), "the real title");
    assert_eq!(spy.label(), "shelf");
    assert_eq!(spy.nickname(), None);
    spy.title.assert_called_once();
}

#[automock]
pub trait Registry {
    fn entry(&self, key: &str) -> &dyn Named;
    fn fallback(&self) -> &str {
        "none"
    }
}

#[test]
fn reference_returns_without_a_body_still_lend_their_configured_value() {
    struct Book;
    impl Named for Book {
        fn describe(&self) -> String {
            "a book".into()
        }
    }
    let registry = MockRegistry::new();
    registry.entry.return_once(Box::new(Book));
    assert_eq!(registry.entry("k").describe(), "a book");
    assert_eq!(registry.fallback(), "none");
    registry.entry.assert_called_once_with(call!("k"));
}
