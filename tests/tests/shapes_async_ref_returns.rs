//! Async methods returning references (`async fn name(&self) -> &str`):
//! the answer is lent from the mock when the future completes, as a sync
//! method's is when it returns.
#![deny(warnings)]
#![allow(async_fn_in_trait)]

use futures::executor::block_on;
use mockgen::prelude::*;
use std::fmt::Display;

#[automock]
pub trait Cache {
    async fn name(&self) -> &str;
    async fn get(&self, key: &str) -> Option<&Vec<u8>>;
    async fn tags(&self) -> &[String];
    async fn label(&self) -> &dyn Display;
    async fn slot(&mut self) -> &mut u32;
    async fn fallback(&self) -> &str {
        "default body"
    }
}

#[automock]
#[async_trait::async_trait]
pub trait Store: Send + Sync {
    async fn root(&self) -> &std::path::Path;
}

/// Code under test.
async fn describe(cache: &impl Cache) -> String {
    let name = cache.name().await;
    let size = cache.get(name).await.map_or(0, Vec::len);
    format!("{name}:{size}")
}

#[test]
fn an_async_method_lends_its_configured_value() {
    let cache = MockCache::new();
    cache.name.return_value("users".to_string());
    cache
        .get
        .side_effect(|key| (key == "users").then(|| vec![1, 2, 3]));
    assert_eq!(block_on(describe(&cache)), "users:3");
    cache.get.assert_awaited_once_with(call!("users"));
    cache.name.assert_awaited_once();
}

#[test]
fn slices_trait_objects_and_unconfigured_defaults() {
    let cache = MockCache::new();
    assert_eq!(block_on(cache.tags()), [] as [String; 0]);
    cache.tags.return_value(vec!["a".to_string()]);
    assert_eq!(block_on(cache.tags()), ["a"]);
    cache.label.return_once(Box::new(7));
    assert_eq!(block_on(cache.label()).to_string(), "7");
    assert_eq!(block_on(cache.fallback()), "default body");
    cache.fallback.return_value("configured".to_string());
    assert_eq!(block_on(cache.fallback()), "configured");
}

#[test]
fn an_async_mut_return_keeps_its_first_answer() {
    let mut cache = MockCache::new();
    cache.slot.return_value(1);
    *block_on(cache.slot()) += 10;
    assert_eq!(*block_on(cache.slot()), 11);
    assert_eq!(cache.slot.await_count(), 2);
}

#[test]
fn async_trait_methods_lend_too() {
    let store = MockStore::new();
    store.root.return_value("/data".into());
    assert_eq!(block_on(store.root()), std::path::Path::new("/data"));
}

#[automock]
pub trait Named {
    async fn name(&self) -> &str;
}

#[test]
fn a_spy_lends_the_real_values_answer() {
    struct Real(String);
    impl Named for Real {
        async fn name(&self) -> &str {
            &self.0
        }
    }
    let spy = MockNamed::wrapping(Real("real".to_string()));
    assert_eq!(block_on(spy.name()), "real");
    spy.name.return_value("configured".to_string());
    assert_eq!(block_on(spy.name()), "configured");
    assert_eq!(spy.name.await_count(), 2);
}
