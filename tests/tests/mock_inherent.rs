//! `mock!` with inherent methods: a foreign struct's own methods,
//! constructors and static functions, alone or beside trait impls in one
//! mock, swapped in with `use MockClient as Client` (SEMANTICS SPEC-7, RV-5,
//! MAGIC-6).
#![deny(warnings)]

mod common;

use common::panic_message;
use mockgen::prelude::*;

mock! {
    pub Client;
    impl Client {
        fn new(url: &str) -> Self;
        fn get(&self, path: &str) -> String;
        fn set_timeout(&mut self, seconds: u64);
        fn default_port() -> u16;
    }
    impl Clone for Client {
        fn clone(&self) -> Self;
    }
}

/// Code under test, written against the foreign `Client` and compiled here
/// against the mock.
mod app {
    use super::MockClient as Client;

    pub fn fetch_user(url: &str, id: u32) -> String {
        let mut client = Client::new(url);
        client.set_timeout(30);
        client.get(&format!("/users/{id}"))
    }

    pub fn port() -> u16 {
        Client::default_port()
    }

    pub fn fan_out(client: &Client) -> (String, String) {
        let other = client.clone();
        (client.get("/a"), other.get("/b"))
    }
}

#[test]
fn a_constructor_returns_the_configured_mock() {
    let statics = MockClient::statics();
    let client = MockClient::named("client");
    client.get.return_value("Ada".to_string());
    // `Clone` is mocked, so `client.clone()` is a call of the mocked
    // `clone`: keep the handles (which are shared) and give the mock away.
    let (get, set_timeout) = (client.get.clone(), client.set_timeout.clone());
    statics.new.return_once(client);

    assert_eq!(app::fetch_user("https://api.test", 7), "Ada");

    statics
        .new
        .assert_called_once_with(call!("https://api.test"));
    get.assert_called_once_with(call!("/users/7"));
    set_timeout.assert_called_once_with(call!(30));
}

#[test]
fn an_unconfigured_constructor_returns_a_fresh_mock() {
    // Without a guard, `new` answers as an unconfigured method: a new mock,
    // whose unconfigured `get` returns the default.
    assert_eq!(app::fetch_user("https://api.test", 1), "");
    let statics = MockClient::statics();
    assert_eq!(app::fetch_user("https://api.test", 1), "");
    statics.new.assert_called_once();
}

#[test]
fn a_static_function_is_configured_per_thread() {
    let statics = MockClient::statics();
    statics.default_port.side_effect_iter([8080, 8443]);
    assert_eq!((app::port(), app::port()), (8080, 8443));
    statics.default_port.assert_called();
    assert_eq!(statics.default_port.call_count(), 2);
    let other = std::thread::spawn(app::port).join().unwrap();
    assert_eq!(other, 0);
}

#[test]
fn inherent_methods_and_a_trait_impl_share_one_mock() {
    let client = MockClient::named("client");
    let copy = MockClient::named("copy");
    copy.get.return_value("from the copy".to_string());
    let copy_get = copy.get.clone();
    client.clone.return_once(copy);
    client.get.side_effect(|path| format!("GET {path}"));

    let (a, b) = app::fan_out(&client);
    assert_eq!((a.as_str(), b.as_str()), ("GET /a", "from the copy"));

    client.clone.assert_called_once();
    client.get.assert_called_once_with(call!("/a"));
    copy_get.assert_called_once_with(call!("/b"));
    client.assert_has_calls([call!(.clone()), call!(.get("/a"))]);
}

#[test]
fn a_failed_assertion_names_the_mock_and_the_method() {
    let client = MockClient::named("client");
    client.get("/x");
    let message = panic_message(|| client.get.assert_called_with(call!("/y")));
    assert!(
        message.starts_with("client.get: expected call not found."),
        "{message}"
    );
}

mock! {
    /// A struct with inherent methods only.
    pub Clock;
    impl Clock {
        pub fn now(&self) -> u64;
        fn tick(&mut self, by: u64) -> u64;
    }
}

#[test]
fn a_mock_of_inherent_methods_only() {
    let mut clock = MockClock::new();
    clock.now.return_value(100);
    clock.tick.side_effect(|by| 100 + by);
    assert_eq!(clock.tick(5), 105);
    assert_eq!(clock.now(), 100);
    clock.tick.assert_called_once_with(call!(5));
    clock.assert_has_calls([call!(.tick(5)), call!(.now())]);
}

mock! {
    pub Store<T: Clone + Send + Sync + 'static>;
    impl<T: Clone + Send + Sync + 'static> Store<T> {
        fn put(&self, key: &str, value: T);
        fn get(&self, key: &str) -> Option<T>;
    }
}

#[test]
fn a_generic_struct_with_inherent_methods() {
    let store = MockStore::<u32>::new();
    store.get.return_value(Some(3));
    store.put("a", 1);
    assert_eq!(store.get("a"), Some(3));
    store.put.assert_called_once_with(call!("a", 1));
}

mock! {
    pub Numbers;
    impl Numbers {
        fn reset(&mut self);
    }
    impl Iterator for Numbers {
        type Item = u32;
        fn next(&mut self) -> Option<u32>;
    }
}

#[test]
fn a_spy_delegates_the_trait_methods_and_mocks_the_inherent_ones() {
    // `wrapping` knows the traits, not the foreign struct: the trait's
    // methods reach the real value, the inherent ones are mocked.
    let mut numbers = MockNumbers::wrapping(1..=2u32);
    numbers.reset();
    assert_eq!(numbers.by_ref().collect::<Vec<_>>(), [1, 2]);
    numbers.reset.assert_called_once();
    assert_eq!(numbers.next.call_count(), 3);
}
