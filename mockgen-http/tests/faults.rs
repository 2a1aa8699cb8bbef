//! Faults for testing clients: a delayed answer (timeouts), a dropped
//! connection, a malformed answer; malformed requests get 400, and a
//! panicking side effect 500, without stopping the server.
#![deny(warnings)]

mod common;

use std::time::Duration;

use common::{raw_exchange, watchdog};
use mockgen_http::prelude::*;

#[test]
fn a_delayed_answer_makes_a_client_time_out() {
    watchdog(|| {
        let server = MockServer::start();
        let slow = server.route(GET, "/slow");
        // Far longer than the client waits: the client's timeout is what
        // ends the request, whatever the machine's load.
        slow.return_value(Response::new(200).delay(Duration::from_secs(600)));
        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        let error = client.get(server.url("/slow")).send().unwrap_err();
        assert!(error.is_timeout(), "{error:?}");
        slow.assert_called_once();
        // Dropping the server does not wait for the pending delay.
    });
}

#[test]
fn a_delayed_answer_arrives_after_its_delay() {
    let server = MockServer::start();
    server.route(GET, "/slow").return_value(
        Response::new(200)
            .text("late")
            .delay(Duration::from_millis(50)),
    );
    let started = std::time::Instant::now();
    let answer = reqwest::blocking::get(server.url("/slow")).unwrap();
    assert_eq!(answer.text().unwrap(), "late");
    assert!(started.elapsed() >= Duration::from_millis(50));
}

#[test]
fn a_dropped_connection_closes_without_an_answer() {
    let server = MockServer::start();
    let flaky = server.route(GET, "/flaky");
    flaky.return_value(Response::drop_connection());
    let answer = raw_exchange(server.address(), b"GET /flaky HTTP/1.1\r\nhost: x\r\n\r\n");
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    let error = reqwest::blocking::get(server.url("/flaky")).unwrap_err();
    assert!(error.is_request() && error.status().is_none(), "{error:?}");
    assert_eq!(flaky.call_count(), 2);
}

#[test]
fn a_malformed_answer_is_not_http() {
    let server = MockServer::start();
    server
        .route(GET, "/broken")
        .return_value(Response::malformed());
    let answer = raw_exchange(server.address(), b"GET /broken HTTP/1.1\r\nhost: x\r\n\r\n");
    assert_eq!(answer, b"this is not an HTTP response\r\n\r\n");
    let error = reqwest::blocking::get(server.url("/broken")).unwrap_err();
    assert!(error.status().is_none(), "{error:?}");
}

#[test]
fn faults_take_one_connection_and_the_server_goes_on() {
    let server = MockServer::start();
    let flaky = server.route(GET, "/flaky");
    flaky.side_effect_iter([Response::drop_connection(), Response::new(200)]);
    let client = reqwest::blocking::Client::new();
    assert!(client.get(server.url("/flaky")).send().is_err());
    assert_eq!(
        client.get(server.url("/flaky")).send().unwrap().status(),
        200
    );
}

#[test]
fn a_malformed_request_gets_400_and_the_server_goes_on() {
    let server = MockServer::start();
    let ping = server.route(GET, "/ping");
    for garbage in [
        &b"this is not HTTP\r\n\r\n"[..],
        b"GET /ping HTTP/1.1\r\nbad header line\r\n\r\n",
        b"\x00\x01\x02\xff\r\n\r\n",
    ] {
        let answer = raw_exchange(server.address(), garbage);
        assert!(
            answer.starts_with(b"HTTP/1.1 400"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
    }
    assert_eq!(
        reqwest::blocking::get(server.url("/ping"))
            .unwrap()
            .status(),
        200
    );
    ping.assert_called_once();
    assert!(server.requests().len() == 1);
}

#[test]
fn a_panicking_side_effect_answers_500_and_is_reported() {
    let server = MockServer::start();
    let users = server.route(GET, "/users/{id}");
    users.side_effect(|request| match request.path_param("id") {
        Some("0") => panic!("no user 0"),
        _ => Response::new(200),
    });
    let answer = reqwest::blocking::get(server.url("/users/0")).unwrap();
    assert_eq!(answer.status(), 500);
    assert_eq!(
        answer.text().unwrap(),
        "the mock's answer panicked: no user 0"
    );
    assert_eq!(
        reqwest::blocking::get(server.url("/users/1"))
            .unwrap()
            .status(),
        200
    );
    let report = common::panic_text(std::panic::catch_unwind(|| server.verify()).unwrap_err());
    assert_eq!(
        report,
        "MockServer: 1 answer panicked (the client got 500):\n  GET /users/0: no user 0"
    );
    server.reset_mock();
}
