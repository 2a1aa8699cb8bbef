//! `#[patchable]` on one method or associated function of an `impl` block:
//! the block's other items stay as written; methods, a constructor
//! returning `Self`, `Self` arguments (SEMANTICS PATCH-1, PATCH-4,
//! PATCH-10).
#![deny(warnings)]

mod common;

use common::panic_message;
use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Client {
    url: String,
    timeout: u64,
}

impl Client {
    #[mockgen::patchable]
    pub fn new(url: &str) -> Self {
        Client {
            url: url.to_string(),
            timeout: 30,
        }
    }

    #[mockgen::patchable]
    pub fn get(&self, path: &str) -> String {
        format!("GET {}{path}", self.url)
    }

    /// Not patchable: it stays exactly as written.
    pub fn timeout(&self) -> u64 {
        self.timeout
    }

    #[mockgen::patchable]
    pub fn same_host(&self, other: &Self) -> bool {
        self.url == other.url
    }

    #[mockgen::patchable]
    pub fn header<T: std::fmt::Display + 'static>(&self, value: T) -> String {
        format!("{}: {value}", self.url)
    }

    #[mockgen::patchable]
    pub async fn fetch(&self, path: &str) -> Vec<u8> {
        self.get(path).into_bytes()
    }
}

#[test]
fn one_method_is_patched_the_others_stay() {
    let client = Client::new("https://a.test");
    let get = patch!(Client::get);
    get.side_effect(|path| format!("mocked {path}"));
    assert_eq!(client.get("/users"), "mocked /users");
    assert_eq!(client.timeout(), 30);
    get.assert_called_once_with(call!("/users"));
    drop(get);
    assert_eq!(client.get("/users"), "GET https://a.test/users");
}

#[test]
fn a_constructor_returning_self_is_patched() {
    let new = patch!(Client::new);
    new.return_value(Client {
        url: "fake".to_string(),
        timeout: 1,
    });
    assert_eq!(Client::new("https://a.test").timeout(), 1);
    new.assert_called_once_with(call!("https://a.test"));
    new.call_original();
    new.reset_return_value();
    assert_eq!(Client::new("https://b.test").url, "https://b.test");
    assert_eq!(new.call_count(), 2);
}

#[test]
fn an_unconfigured_constructor_panics_naming_the_function() {
    let _new = patch!(Client::new);
    let message = panic_message(|| {
        Client::new("https://a.test");
    });
    assert!(
        message.starts_with("Client::new: nothing is configured"),
        "{message}"
    );
    assert!(!message.contains("__mockgen"), "{message}");
}

#[test]
fn self_arguments_are_recorded_by_their_debug_text() {
    let (a, b) = (Client::new("https://a.test"), Client::new("https://b.test"));
    let same = patch!(Client::same_host);
    same.return_value(true);
    assert!(a.same_host(&b));
    same.assert_called_once_with(call!(ANY));
    let recorded = format!("{:?}", same.call_args_list());
    assert!(recorded.contains("url: \"https://b.test\""), "{recorded}");
}

#[test]
fn call_original_runs_the_method_body() {
    let get = patch!(Client::get);
    get.call_original();
    assert_eq!(
        Client::new("https://a.test").get("/x"),
        "GET https://a.test/x"
    );
    get.assert_called_once_with(call!("/x"));
}

#[test]
fn a_generic_method_is_patched_per_instantiation() {
    let client = Client::new("a");
    let numbers = patch!(Client::header::<u32>);
    numbers.return_value("patched".to_string());
    assert_eq!(client.header(5u32), "patched");
    assert_eq!(client.header("x"), "a: x");
    numbers.assert_called_once();
}

#[test]
fn an_async_method_is_patched() {
    let client = Client::new("a");
    let fetch = patch!(Client::fetch);
    fetch.return_value(b"ok".to_vec());
    let body = futures::executor::block_on(client.fetch("/x"));
    assert_eq!(body, b"ok");
    fetch.assert_awaited_once_with(call!("/x"));
}
