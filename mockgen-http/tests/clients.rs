//! The clients people use, over real sockets: reqwest (async and
//! blocking) and ureq; and 1,000 concurrent requests from 8 threads, none
//! lost.
#![deny(warnings)]

mod common;

use std::sync::{Arc, Barrier};
use std::time::Duration;

use common::watchdog;
use mockgen_http::prelude::*;
use serde_json::{Value, json};

#[tokio::test]
async fn reqwest_async() {
    let server = MockServer::start();
    let create = server.route(POST, "/users");
    create.return_value(Response::json(201, json!({"id": 7})));
    let answer = reqwest::Client::new()
        .post(server.url("/users"))
        .bearer_auth("t")
        .json(&json!({"name": "Ada"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 201);
    assert_eq!(answer.json::<Value>().await.unwrap(), json!({"id": 7}));
    create.assert_called_once_with(call!(json_body(json!({"name": "Ada"}))));
    assert_eq!(
        create.call_args().unwrap().header("authorization"),
        Some("Bearer t")
    );
}

#[test]
fn reqwest_blocking() {
    let server = MockServer::start();
    let search = server.route(GET, "/search");
    search.return_value(Response::new(200).text("found"));
    let answer = reqwest::blocking::Client::new()
        .get(server.url("/search"))
        .query(&[("q", "rust mock"), ("page", "2")])
        .send()
        .unwrap();
    assert_eq!(answer.text().unwrap(), "found");
    search.assert_called_once_with(call!(query("q", "rust mock")));
    assert_eq!(search.call_args().unwrap().query("page"), Some("2"));
}

#[test]
fn ureq() {
    let server = MockServer::start();
    let update = server.route(PATCH, "/users/{id}");
    update.side_effect(|request| Response::json(200, request.json::<Value>()));
    let mut answer = ureq::patch(&server.url("/users/3"))
        .header("x-request-id", "r-1")
        .send_json(json!({"name": "Grace"}))
        .unwrap();
    assert_eq!(
        answer.body_mut().read_json::<Value>().unwrap(),
        json!({"name": "Grace"})
    );
    update.assert_called_once_with(call!(header("x-request-id", "r-1")));
    assert_eq!(update.call_args().unwrap().path_param("id"), Some("3"));
}

#[test]
fn a_thousand_concurrent_requests_from_eight_threads_are_all_answered_and_recorded() {
    const THREADS: usize = 8;
    const PER_THREAD: usize = 125;
    let server = Arc::new(MockServer::start());
    let items = server.route(POST, "/items/{thread}");
    items.side_effect(|request| Response::new(200).body(request.body().to_vec()));
    let start = Arc::new(Barrier::new(THREADS));
    let answered = watchdog({
        let server = Arc::clone(&server);
        move || {
            let workers: Vec<_> = (0..THREADS)
                .map(|thread| {
                    let (server, start) = (Arc::clone(&server), Arc::clone(&start));
                    std::thread::spawn(move || {
                        let client = reqwest::blocking::Client::builder()
                            .timeout(Duration::from_secs(30))
                            .build()
                            .unwrap();
                        start.wait();
                        (0..PER_THREAD)
                            .filter(|n| {
                                let body = format!("{thread}-{n}");
                                let answer = client
                                    .post(server.url(&format!("/items/{thread}")))
                                    .body(body.clone())
                                    .send()
                                    .unwrap();
                                answer.status() == 200 && answer.text().unwrap() == body
                            })
                            .count()
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap())
                .sum::<usize>()
        }
    });
    assert_eq!(answered, THREADS * PER_THREAD);
    assert_eq!(items.call_count(), THREADS * PER_THREAD);
    let mut bodies: Vec<String> = items
        .call_args_list()
        .iter()
        .map(|r| r.text().into_owned())
        .collect();
    bodies.sort();
    bodies.dedup();
    assert_eq!(bodies.len(), THREADS * PER_THREAD);
    server.verify();
}
