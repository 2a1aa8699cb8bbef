//! Requests no route takes: the fallback answers them (404 unless set),
//! they are recorded, and `verify` and the check on drop report each with
//! the nearest route and what differed.
#![deny(warnings)]

mod common;

use std::panic::catch_unwind;

use common::panic_text;
use mockgen_http::prelude::*;
use serde_json::json;

fn verify_report(server: &MockServer) -> String {
    panic_text(catch_unwind(|| server.verify()).unwrap_err())
}

#[test]
fn an_unmatched_request_gets_404_and_is_recorded() {
    let server = MockServer::start();
    server.route(GET, "/users/{id}");
    let answer = reqwest::blocking::get(server.url("/user/1")).unwrap();
    assert_eq!(answer.status(), 404);
    let unmatched = server.unmatched();
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0].path(), "/user/1");
    server.reset_mock();
}

#[test]
fn verify_names_the_nearest_route_and_the_path_that_differed() {
    let server = MockServer::start();
    server.route(POST, "/charge");
    server.route(GET, "/users/{id}");
    reqwest::blocking::get(server.url("/user/1")).unwrap();
    assert_eq!(
        verify_report(&server),
        "MockServer: 1 request matched no route (answered by the fallback, 404 unless `fallback` was set):\n  \
         GET /user/1\n    \
         nearest route GET /users/{id}: the path differs (/user/1)"
    );
    server.reset_mock();
}

#[test]
fn verify_says_when_the_method_differed() {
    let server = MockServer::start();
    server.route(GET, "/users/{id}");
    reqwest::blocking::Client::new()
        .delete(server.url("/users/1"))
        .send()
        .unwrap();
    let report = verify_report(&server);
    assert!(
        report.ends_with("nearest route GET /users/{id}: the method differs (DELETE)"),
        "{report}"
    );
    server.reset_mock();
}

#[test]
fn verify_names_a_missing_header_and_a_body_that_did_not_match() {
    let server = MockServer::start();
    server
        .route(POST, "/charge")
        .when(header("authorization", "Bearer t"))
        .when(json_includes(json!({"currency": "EUR"})));
    reqwest::blocking::Client::new()
        .post(server.url("/charge"))
        .json(&json!({"amount": 1, "currency": "USD"}))
        .send()
        .unwrap();
    let report = verify_report(&server);
    assert!(
        report.ends_with(
            "nearest route POST /charge: header(\"authorization\", \"Bearer t\") does not match, \
             json_includes({\"currency\":\"EUR\"}) does not match"
        ),
        "{report}"
    );
    server.reset_mock();
}

#[test]
fn verify_names_a_missing_query_parameter() {
    let server = MockServer::start();
    server.route(GET, "/search?q=rust");
    reqwest::blocking::get(server.url("/search?q=go")).unwrap();
    let report = verify_report(&server);
    assert!(
        report.ends_with("nearest route GET /search?q=rust: the query has no q=rust"),
        "{report}"
    );
    server.reset_mock();
}

#[test]
fn without_routes_the_report_says_so() {
    let server = MockServer::start();
    reqwest::blocking::get(server.url("/")).unwrap();
    assert!(verify_report(&server).ends_with("GET /\n    no route is configured"));
    server.reset_mock();
}

#[test]
fn dropping_the_server_reports_unmatched_requests() {
    let report = panic_text(
        catch_unwind(|| {
            let server = MockServer::start();
            reqwest::blocking::get(server.url("/lost")).unwrap();
        })
        .unwrap_err(),
    );
    assert!(report.contains("1 request matched no route"), "{report}");
    assert!(
        report.ends_with("(checked when the server was dropped)"),
        "{report}"
    );
}

#[test]
fn dropping_the_server_reports_unmet_expectations() {
    let report = panic_text(
        catch_unwind(|| {
            let server = MockServer::start();
            server.route(GET, "/health").expect(call!(ANY)).times(1);
        })
        .unwrap_err(),
    );
    assert!(report.contains("1 unmet expectation"), "{report}");
}

#[test]
fn a_fallback_answers_unmatched_requests_and_they_are_expected() {
    let server = MockServer::start();
    server.fallback(Response::json(418, json!({"error": "teapot"})));
    let answer = reqwest::blocking::get(server.url("/coffee")).unwrap();
    assert_eq!(answer.status(), 418);
    assert_eq!(answer.text().unwrap(), r#"{"error":"teapot"}"#);
    assert_eq!(server.unmatched().len(), 1);
    server.verify();
}
