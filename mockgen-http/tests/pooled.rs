//! `MockServer::pooled()`: a dropped server's socket serves the next
//! pooled server, which starts empty; between two servers the socket
//! answers 503 and records nothing; the drop check and the dropping of
//! user values are as for a started server.
#![deny(warnings)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard};

use common::{PATIENCE, panic_text, watchdog};
use mockgen_http::prelude::*;

/// The pool is the process's: these tests take turns with it.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A connection that stays open across requests.
struct KeptAlive(BufReader<TcpStream>);

impl KeptAlive {
    fn open(server: &MockServer) -> KeptAlive {
        let stream = TcpStream::connect(server.address()).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        KeptAlive(BufReader::new(stream))
    }

    /// Sends `GET path` and returns the status line and the body.
    fn get(&mut self, path: &str) -> (String, String) {
        let request = format!("GET {path} HTTP/1.1\r\nhost: x\r\n\r\n");
        self.0.get_mut().write_all(request.as_bytes()).unwrap();
        let mut status = String::new();
        self.0.read_line(&mut status).unwrap();
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.0.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.0.read_exact(&mut body).unwrap();
        (
            status.trim_end().to_owned(),
            String::from_utf8(body).unwrap(),
        )
    }
}

#[test]
fn the_next_pooled_server_gets_the_socket_and_starts_empty() {
    let _turn = turn();
    watchdog(|| {
        let first = MockServer::pooled();
        let old = first.route(GET, "/old");
        old.return_value(Response::new(204));
        ureq::get(&first.url("/old")).call().unwrap();
        let address = first.address();
        drop(first);

        let next = MockServer::pooled();
        assert_eq!(next.address(), address);
        assert!(next.mock_calls().is_empty());
        let fresh = next.route(GET, "/new");
        ureq::get(&next.url("/new")).call().unwrap();
        let answer = ureq::get(&next.url("/old")).call();
        assert!(matches!(answer, Err(ureq::Error::StatusCode(404))));

        fresh.assert_called_once();
        assert_eq!(format!("{:?}", next.unmatched()), "[GET /old]");
        // The first server's route saw only its own request.
        old.assert_called_once();
        next.reset_mock();
    });
}

#[test]
fn between_two_servers_a_kept_alive_connection_gets_503_then_reaches_the_next() {
    let _turn = turn();
    watchdog(|| {
        let first = MockServer::pooled();
        first
            .route(GET, "/a")
            .return_value(Response::new(200).text("first"));
        let mut connection = KeptAlive::open(&first);
        assert_eq!(
            connection.get("/a"),
            ("HTTP/1.1 200 OK".into(), "first".into())
        );
        drop(first);

        let (status, body) = connection.get("/a");
        assert_eq!(status, "HTTP/1.1 503 Service Unavailable");
        assert!(body.contains("between tests"), "{body}");

        let next = MockServer::pooled();
        let a = next.route(GET, "/a");
        a.return_value(Response::new(200).text("next"));
        assert_eq!(
            connection.get("/a"),
            ("HTTP/1.1 200 OK".into(), "next".into())
        );
        a.assert_called_once();
    });
}

#[test]
fn pooled_servers_running_at_once_have_sockets_of_their_own() {
    let _turn = turn();
    watchdog(|| {
        let (one, two) = (MockServer::pooled(), MockServer::pooled());
        assert_ne!(one.address(), two.address());
        let on_one = one.route(GET, "/x");
        let on_two = two.route(GET, "/x");
        ureq::get(&two.url("/x")).call().unwrap();
        on_one.assert_not_called();
        on_two.assert_called_once();
    });
}

#[test]
fn dropping_a_pooled_server_reports_its_unmatched_requests() {
    let _turn = turn();
    watchdog(|| {
        let server = MockServer::pooled();
        server.route(GET, "/users/{id}");
        let _ = ureq::get(&server.url("/user/1")).call();
        let report = catch_unwind(AssertUnwindSafe(|| drop(server)))
            .map_err(panic_text)
            .expect_err("the drop check reports the unmatched request");
        assert_eq!(
            report,
            "MockServer: 1 request matched no route (answered by the fallback, 404 unless `fallback` was set):\n  \
             GET /user/1\n    nearest route GET /users/{id}: the path differs (/user/1)\n\
             (checked when the server was dropped)"
        );
        // The socket went back all the same.
        let next = MockServer::pooled();
        next.route(GET, "/");
        ureq::get(&next.url("/")).call().unwrap();
    });
}

#[test]
fn what_a_pooled_server_was_configured_with_is_dropped_with_it() {
    let _turn = turn();
    watchdog(|| {
        let kept = Arc::new(());
        let server = MockServer::pooled();
        let in_side_effect = Arc::clone(&kept);
        server.route(GET, "/").side_effect(move |_request| {
            let _ = &in_side_effect;
            Response::new(200)
        });
        ureq::get(&server.url("/")).call().unwrap();
        drop(server);
        assert_eq!(Arc::strong_count(&kept), 1);
    });
}
