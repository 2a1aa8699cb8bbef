//! Spies (`MockX::wrapping(real)`, SEMANTICS WRAPS-1…5) and `#[autospec]`:
//! strict trait mocks (SEAL-5) and mocks of inherent `impl` blocks with the
//! swap pattern (SPEC-7, RV-5).
#![deny(warnings)]

mod common;

use common::panic_message;
use mockgen::prelude::*;

#[automock]
pub trait Greeter {
    fn greet(&self, name: &str) -> String;
    fn count(&mut self) -> usize;
    fn language(&self) -> &str;
}

#[derive(Debug)]
pub struct English {
    greeted: usize,
}

impl Greeter for English {
    fn greet(&self, name: &str) -> String {
        format!("Hello, {name}!")
    }
    fn count(&mut self) -> usize {
        self.greeted += 1;
        self.greeted
    }
    fn language(&self) -> &str {
        "en"
    }
}

#[test]
fn wraps_1_unconfigured_methods_call_the_real_value_and_are_recorded() {
    let mut spy = MockGreeter::wrapping(English { greeted: 0 });
    assert_eq!(spy.greet("Ann"), "Hello, Ann!");
    assert_eq!(spy.count(), 1);
    assert_eq!(spy.count(), 2);
    assert_eq!(spy.language(), "en");
    spy.greet.assert_called_once_with(call!("Ann"));
    assert_eq!(spy.count.call_count(), 2);
}

#[test]
fn wraps_3_configured_methods_do_not_reach_the_real_value() {
    let mut spy = MockGreeter::wrapping(English { greeted: 0 });
    spy.greet.return_value("Hi".into());
    spy.count.side_effect(|| 99);
    assert_eq!(spy.greet("Ann"), "Hi");
    assert_eq!(spy.count(), 99);
    let real: English = spy.into_inner().expect("the real value");
    assert_eq!(real.greeted, 0);
}

#[test]
fn wraps_5_resetting_the_return_value_restores_delegation() {
    let spy = MockGreeter::wrapping(English { greeted: 0 });
    spy.greet.return_value("Hi".into());
    spy.greet.reset_return_value();
    assert_eq!(spy.greet("Bo"), "Hello, Bo!");
}

#[test]
fn the_real_value_can_be_taken_back() {
    let mut spy = MockGreeter::wrapping(English { greeted: 0 });
    spy.count();
    let real: English = spy.clone().into_inner().unwrap();
    assert_eq!(real.greeted, 1);
    assert!(spy.into_inner::<English>().is_none());
}

#[autospec]
pub trait Clock {
    fn now(&self) -> u64;
    fn tick(&self);
}

#[test]
fn seal_5_autospec_on_a_trait_is_strict() {
    let clock = MockClock::new();
    assert_eq!(
        panic_message(|| {
            clock.tick();
        }),
        "MockClock.tick: the mock is sealed and this method has nothing configured.\n  Call: tick()\nConfigure it before the call: `tick.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
    clock.now.return_value(5);
    assert_eq!(clock.now(), 5);
}

pub mod db {
    /// A concrete client the code under test uses directly.
    #[derive(Debug)]
    pub struct Database {
        url: String,
    }

    #[mockgen::autospec]
    impl Database {
        pub fn connect(url: &str) -> Database {
            Database {
                url: url.to_owned(),
            }
        }
        pub fn query(&self, sql: &str) -> Result<Vec<String>, String> {
            Ok(vec![format!("{sql} @ {}", self.url)])
        }
        pub fn url(&self) -> &str {
            &self.url
        }
        fn private_helper(&self) {}
    }

    impl Database {
        pub fn touch(&self) {
            self.private_helper();
        }
    }
}

mod app {
    // The swap pattern: the code under test names `Database`.
    use super::db::MockDatabase as Database;

    pub fn first_name(url: &str) -> Option<String> {
        let db = Database::connect(url);
        db.query("select name").ok()?.into_iter().next()
    }
}

#[test]
fn autospec_impl_block_with_the_swap_pattern() {
    let statics = db::MockDatabase::statics();
    let conn = db::MockDatabase::named("conn");
    conn.query.return_value(Ok(vec!["ann".into(), "bo".into()]));
    statics.connect.return_value(conn.clone());
    assert_eq!(app::first_name("pg://x"), Some("ann".into()));
    statics.connect.assert_called_once_with(call!("pg://x"));
    conn.query.assert_called_once_with(call!("select name"));
}

#[test]
fn rv_5_an_unconfigured_constructor_returns_a_fresh_mock() {
    let _statics = db::MockDatabase::statics();
    assert_eq!(app::first_name("pg://x"), None);
}

#[test]
fn autospec_mocks_can_spy_on_the_real_type() {
    let real = db::Database::connect("sqlite://mem");
    real.touch();
    let spy = db::MockDatabase::wrapping(real);
    assert_eq!(spy.url(), "sqlite://mem");
    assert_eq!(spy.query("q").unwrap(), ["q @ sqlite://mem"]);
    spy.query.assert_called_once();
}

/// A generic concrete type: the mock is generic the same way.
#[derive(Debug)]
pub struct Cache<T> {
    items: Vec<T>,
}

#[mockgen::autospec]
impl<T: Clone + Send + Sync + std::fmt::Debug + 'static> Cache<T> {
    pub fn empty() -> Self {
        Cache { items: Vec::new() }
    }
    pub fn get(&self, index: usize) -> Option<T> {
        self.items.get(index).cloned()
    }
    pub fn put(&mut self, item: T) {
        self.items.push(item);
    }
}

#[test]
fn autospec_generic_impl_blocks() {
    let mut cache: MockCache<u8> = MockCache::new();
    cache.put(3);
    cache.get.return_value(Some(9));
    assert_eq!(cache.get(0), Some(9));
    cache.put.assert_called_once_with(call!(3));
    let statics = MockCache::<u8>::statics();
    let made = <MockCache<u8>>::empty();
    statics.empty.assert_called_once();
    assert_eq!(made.get(0), None);
    let spy = MockCache::wrapping(Cache { items: vec![5u8] });
    assert_eq!(spy.get(0), Some(5));
}
