//! Failure messages: what a route's assertions and the server's reports
//! say, with the recorded requests shown as the client sent them.
#![deny(warnings)]

mod common;

use std::panic::catch_unwind;

use common::panic_text;
use mockgen_http::prelude::*;
use serde_json::json;

fn post_json(server: &MockServer, path: &str, body: serde_json::Value) {
    reqwest::blocking::Client::new()
        .post(server.url(path))
        .header("authorization", "Bearer t")
        .json(&body)
        .send()
        .unwrap();
}

#[test]
fn a_route_assertion_shows_the_expected_matcher_and_the_requests() {
    let server = MockServer::start();
    let charge = server.route(POST, "/charge");
    post_json(&server, "/charge", json!({"amount": 90}));
    let message = panic_text(
        catch_unwind(|| charge.assert_called_with(call!(json_body(json!({"amount": 100})))))
            .unwrap_err(),
    );
    assert_eq!(
        message,
        "MockServer.POST /charge: expected call not found.\n\
         Expected: POST /charge(json_body({\"amount\":100}))\n  \
         Actual: POST /charge(POST /charge [authorization: Bearer t, content-type: application/json] {\"amount\":90})"
    );
}

#[test]
fn assert_called_once_counts_the_requests() {
    let server = MockServer::start();
    let ping = server.route(GET, "/ping");
    reqwest::blocking::get(server.url("/ping?n=1")).unwrap();
    reqwest::blocking::get(server.url("/ping?n=2")).unwrap();
    let message = panic_text(catch_unwind(|| ping.assert_called_once()).unwrap_err());
    assert!(
        message.starts_with(
            "MockServer.GET /ping: expected to have been called once. Called 2 times."
        ),
        "{message}"
    );
    assert!(message.contains("GET /ping(GET /ping?n=2)"), "{message}");
}

#[test]
fn server_assert_has_calls_sees_every_route_in_order() {
    let server = MockServer::start();
    server.route(POST, "/login");
    server.route(GET, "/me");
    reqwest::blocking::get(server.url("/me")).unwrap();
    post_json(&server, "/login", json!({}));
    server.assert_has_calls([call!("GET /me"), call!("POST /login")]);
    let message = panic_text(
        catch_unwind(|| server.assert_has_calls([call!("POST /login"), call!("GET /me")]))
            .unwrap_err(),
    );
    assert!(message.starts_with("MockServer.requests: "), "{message}");
    assert!(message.contains("POST /login"), "{message}");
    server.assert_has_calls_any_order([call!("POST /login"), call!("GET /me")]);
}

#[test]
fn mock_calls_lists_every_request_with_the_route_that_took_it() {
    let server = MockServer::start();
    server.route(GET, "/users/{id}");
    server.fallback(Response::new(404));
    reqwest::blocking::get(server.url("/users/1")).unwrap();
    reqwest::blocking::get(server.url("/nope")).unwrap();
    assert_eq!(
        format!("{:?}", server.mock_calls()),
        "[GET /users/{id}(GET /users/1), <no route>(GET /nope)]"
    );
}
