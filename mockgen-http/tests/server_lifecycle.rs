//! A server per test: addresses, shutdown on drop freeing the port,
//! plain and async tests (current-thread and multi-thread tokio), HTTP/1.1
//! keep-alive, chunked and large bodies; a server's threads are its own
//! while it runs and serve the next server after.
#![deny(warnings)]

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Mutex, mpsc};

use common::{raw_exchange, watchdog};
use mockgen_http::prelude::*;

#[test]
fn base_url_and_url_point_at_the_listening_port() {
    let server = MockServer::start();
    let port = server.address().port();
    assert_eq!(server.base_url(), format!("http://127.0.0.1:{port}"));
    assert_eq!(
        server.url("/a?b=c"),
        format!("http://127.0.0.1:{port}/a?b=c")
    );
    assert_eq!(server.url("a"), format!("http://127.0.0.1:{port}/a"));
}

#[test]
fn two_servers_have_their_own_ports_and_routes() {
    let (one, two) = (MockServer::start(), MockServer::start());
    assert_ne!(one.address(), two.address());
    let on_one = one.route(GET, "/x");
    let on_two = two.route(GET, "/x");
    ureq::get(&one.url("/x")).call().unwrap();
    on_one.assert_called_once();
    on_two.assert_not_called();
}

#[test]
fn dropping_the_server_frees_its_port_and_closes_connections() {
    watchdog(|| {
        let server = MockServer::start();
        server.route(GET, "/");
        let address = server.address();
        let mut open = TcpStream::connect(address).unwrap();
        open.set_read_timeout(Some(common::PATIENCE)).unwrap();
        open.write_all(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
            .unwrap();
        let mut answer = [0; 17];
        open.read_exact(&mut answer).unwrap();
        assert_eq!(&answer, b"HTTP/1.1 200 OK\r\n");
        drop(server);
        // The listener and the kept-alive connection are closed by the
        // time `drop` returns.
        let mut rest = Vec::new();
        open.read_to_end(&mut rest).unwrap();
        assert!(!String::from_utf8_lossy(&rest).contains("HTTP/1.1"));
        TcpListener::bind(address).expect("the port is free again");
    });
}

#[tokio::test(flavor = "current_thread")]
async fn serves_an_async_test_on_a_current_thread_runtime() {
    let server = MockServer::start();
    let users = server.route(GET, "/users/{id}");
    users.return_value(Response::json(200, serde_json::json!({"id": 1})));
    let user: serde_json::Value = reqwest::get(server.url("/users/1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(user["id"], 1);
    users.assert_called_once_with(call!("GET /users/1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_an_async_test_on_a_multi_thread_runtime() {
    let server = MockServer::start();
    let items = server.route(GET, "/items/{n}");
    let client = reqwest::Client::new();
    let requests = (0..20).map(|n| client.get(server.url(&format!("/items/{n}"))).send());
    for answer in spawn_all(requests).await {
        assert_eq!(answer.unwrap().status(), 200);
    }
    assert_eq!(items.call_count(), 20);
    // Dropping the server inside the runtime is fine too.
    drop(server);
}

/// Runs the futures as tasks of the test's runtime, and awaits them all.
async fn spawn_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

#[test]
fn keeps_connections_alive_between_requests() {
    let server = MockServer::start();
    let ping = server.route(GET, "/ping");
    let answer = raw_exchange(
        server.address(),
        b"GET /ping HTTP/1.1\r\nhost: x\r\n\r\nGET /ping HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    let text = String::from_utf8_lossy(&answer);
    assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 2, "{text}");
    assert_eq!(ping.call_count(), 2);
}

#[test]
fn reads_chunked_request_bodies() {
    let server = MockServer::start();
    let upload = server.route(POST, "/upload");
    let answer = raw_exchange(
        server.address(),
        b"POST /upload HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n\
          5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
    );
    assert!(answer.starts_with(b"HTTP/1.1 200 OK"));
    upload.assert_called_once_with(call!(body_text("hello world")));
}

#[test]
fn carries_large_bodies_both_ways() {
    let server = MockServer::start();
    let echo = server.route(PUT, "/blob");
    echo.side_effect(|request| Response::new(200).body(request.body().to_vec()));
    let blob: Vec<u8> = (0..4_000_000u32).map(|i| (i % 251) as u8).collect();
    let client = reqwest::blocking::Client::new();
    let back = client
        .put(server.url("/blob"))
        .body(blob.clone())
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    assert_eq!(back.len(), blob.len());
    assert!(back == blob);
    assert_eq!(echo.call_args().unwrap().body().len(), blob.len());
}

#[test]
fn a_server_started_after_one_was_dropped_serves_only_its_own_routes() {
    watchdog(|| {
        let first = MockServer::start();
        first.route(GET, "/old");
        ureq::get(&first.url("/old")).call().unwrap();
        drop(first);
        // The second server may run on the first one's thread: it starts
        // with nothing of it.
        let second = MockServer::start();
        let new = second.route(GET, "/new");
        assert!(matches!(
            ureq::get(&second.url("/old")).call(),
            Err(ureq::Error::StatusCode(404))
        ));
        ureq::get(&second.url("/new")).call().unwrap();
        new.assert_called_once();
        assert_eq!(second.requests().len(), 2);
        second.reset_mock();
    });
}

#[test]
fn a_side_effect_that_blocks_holds_up_only_its_own_server() {
    watchdog(|| {
        let (slow, quick) = (MockServer::start(), MockServer::start());
        let (entered, entering) = mpsc::channel::<()>();
        let (release, released) = mpsc::channel::<()>();
        let (entered, released) = (Mutex::new(entered), Mutex::new(released));
        slow.route(GET, "/wait").side_effect(move |_| {
            let _ = entered.lock().unwrap().send(());
            let _ = released.lock().unwrap().recv();
            Response::new(200)
        });
        let now = quick.route(GET, "/now");
        let url = slow.url("/wait");
        let waiting = std::thread::spawn(move || ureq::get(&url).call().map(|a| a.status()));
        entering.recv().unwrap();
        // `slow` is busy in the side effect; `quick` answers.
        ureq::get(&quick.url("/now")).call().unwrap();
        now.assert_called_once();
        release.send(()).unwrap();
        assert_eq!(waiting.join().unwrap().unwrap(), 200);
    });
}
