//! More signature shapes from real crates: `'static` returns, iterators of
//! owned items tied to `self`, hand-boxed futures, `?Sized` generic
//! methods, `mut` parameters in default bodies, cfg-gated alternatives,
//! borrowed arguments recorded by their `Debug` text, `with_recorder`.
#![deny(warnings)]

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

use mockgen::prelude::*;

#[automock]
pub trait Catalog {
    fn kind(&self) -> &'static str;
    fn kinds(&self) -> &'static [&'static str];
    fn ids(&self) -> impl Iterator<Item = u32> + '_;
    fn scan(&self, prefix: &str) -> Box<dyn Iterator<Item = (String, Vec<u8>)> + '_>;
    fn fetch<'a>(&'a self, url: &'a str) -> Pin<Box<dyn Future<Output = u32> + Send + 'a>>;
    fn serialize<T: Debug + ?Sized + 'static>(&self, value: &T) -> Vec<u8>;
    fn bump(&self, mut x: u32) -> u32 {
        x += 1;
        x
    }
    #[cfg(unix)]
    fn platform(&self) -> u8;
    #[cfg(not(unix))]
    fn platform(&self) -> u16;
    fn log(&self, words: &[&str]);
}

#[test]
fn static_returns_are_plain_values() {
    let catalog = MockCatalog::new();
    catalog.kind.return_value("book");
    catalog.kinds.return_value(&["a", "b"]);
    assert_eq!(catalog.kind(), "book");
    assert_eq!(catalog.kinds(), ["a", "b"]);
}

#[test]
fn iterators_of_owned_items_tied_to_self() {
    let catalog = MockCatalog::new();
    catalog.ids.side_effect(|| Box::new(vec![1, 2].into_iter()));
    catalog
        .scan
        .side_effect(|prefix| Box::new(vec![(format!("{prefix}1"), vec![1])].into_iter()));
    assert_eq!(catalog.ids().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(catalog.scan("k").next(), Some(("k1".to_string(), vec![1])));
    catalog.scan.assert_called_once_with(call!("k"));
}

#[test]
fn hand_boxed_futures_track_calls_and_awaits() {
    let catalog = MockCatalog::new();
    catalog.fetch.return_value(200);
    let pending = catalog.fetch("http://x");
    catalog.fetch.assert_called_once_with(call!("http://x"));
    catalog.fetch.assert_not_awaited();
    assert_eq!(futures::executor::block_on(pending), 200);
    catalog.fetch.assert_awaited_once();
}

#[test]
fn unsized_generic_methods() {
    let catalog = MockCatalog::new();
    catalog
        .serialize
        .of::<str>()
        .side_effect(|s| s.as_bytes().to_vec());
    assert_eq!(catalog.serialize("ab"), b"ab");
    assert_eq!(catalog.serialize(&5u8), Vec::<u8>::new());
    assert_eq!(catalog.serialize.call_count(), 2);
}

#[test]
fn default_bodies_keep_mut_parameters_and_cfg_alternatives_coexist() {
    let catalog = MockCatalog::new();
    assert_eq!(catalog.bump(1), 2);
    catalog.platform.return_value(7);
    assert_eq!(catalog.platform(), 7);
}

#[test]
fn borrowed_arguments_are_recorded_by_their_debug_text() {
    let catalog = MockCatalog::new();
    catalog.log(&["a", "b"]);
    assert_eq!(
        format!("{:?}", catalog.mock_calls()),
        r#"[log(["a", "b"])]"#
    );
    catalog.log.assert_called_once_with(call!(["a", "b"]));
}

#[test]
fn with_recorder_attaches_at_construction() {
    let calls = mockgen::Recorder::new();
    let first = MockCatalog::named("first").with_recorder(&calls);
    let second = MockCatalog::named("second").with_recorder(&calls);
    second.kind();
    first.kind();
    calls.assert_has_calls([call!(.second.kind()), call!(.first.kind())]);
}
