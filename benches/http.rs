//! mockgen-http against wiremock, httpmock and mockito: the time to start
//! and stop a server, one request's round trip (one configured route,
//! a kept-alive connection), and 1,000 concurrent requests from 8 client
//! threads, checking that none is lost. One client (ureq) for all.
//! `start` is each library's pooled start (wiremock, httpmock and mockito
//! hand out pooled servers from `start`; mockgen-http from `pooled`);
//! `start unpooled` starts a fresh server (mockgen-http's `start`,
//! wiremock's `builder().start()`).
//!
//! `cargo bench -p mockgen-benches --bench http`

use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

const THREADS: usize = 8;
const PER_THREAD: usize = 125;

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_defaults()
}

fn get(agent: &ureq::Agent, url: &str) -> bool {
    agent.get(url).call().is_ok_and(|mut answer| {
        answer
            .body_mut()
            .read_to_string()
            .is_ok_and(|b| b == "pong")
    })
}

/// 1,000 requests to `url` from 8 threads started together; the wall time
/// and how many got their answer.
fn concurrent(url: &str) -> (Duration, usize) {
    let start = Barrier::new(THREADS + 1);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS)
            .map(|_| {
                let start = &start;
                scope.spawn(move || {
                    let agent = agent();
                    start.wait();
                    (0..PER_THREAD).filter(|_| get(&agent, url)).count()
                })
            })
            .collect();
        start.wait();
        let began = Instant::now();
        let answered = workers.into_iter().map(|w| w.join().unwrap()).sum();
        (began.elapsed(), answered)
    })
}

/// Times `iters` runs of [`concurrent`]; panics when a request is lost
/// (not answered, or not seen by the server: `seen` counts them).
fn concurrent_runs(iters: u64, url: &str, seen: impl Fn() -> usize) -> Duration {
    let mut total = Duration::ZERO;
    let mut answered = 0;
    for _ in 0..iters {
        let (took, ok) = concurrent(url);
        total += took;
        answered += ok;
    }
    let sent = THREADS * PER_THREAD * iters as usize;
    assert_eq!(answered, sent, "requests without their answer");
    assert_eq!(seen(), sent, "requests the server did not record");
    total
}

fn mockgen_http(c: &mut Criterion) {
    use mockgen_http::prelude::*;
    let mut group = c.benchmark_group("mockgen-http");
    group.bench_function("start", |b| b.iter(MockServer::pooled));
    group.bench_function("start unpooled", |b| b.iter(MockServer::start));
    let server = MockServer::start();
    server
        .route(GET, "/ping")
        .return_value(Response::new(200).text("pong"));
    let (agent, url) = (agent(), server.url("/ping"));
    group.bench_function("round trip", |b| b.iter(|| assert!(get(&agent, &url))));
    group.sample_size(10);
    group.bench_function("1000 concurrent", |b| {
        b.iter_custom(|iters| {
            let server = MockServer::start();
            let ping = server.route(GET, "/ping");
            ping.return_value(Response::new(200).text("pong"));
            concurrent_runs(iters, &server.url("/ping"), || ping.call_count())
        })
    });
    group.finish();
}

fn wiremock(c: &mut Criterion) {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ping = || {
        Mock::given(method("GET"))
            .and(path("/ping"))
            .respond_with(ResponseTemplate::new(200).set_body_string("pong"))
    };
    let mut group = c.benchmark_group("wiremock");
    group.bench_function("start", |b| {
        b.iter(|| runtime.block_on(MockServer::start()))
    });
    group.bench_function("start unpooled", |b| {
        b.iter(|| runtime.block_on(MockServer::builder().start()))
    });
    let server = runtime.block_on(MockServer::start());
    runtime.block_on(ping().mount(&server));
    let (agent, url) = (agent(), format!("{}/ping", server.uri()));
    group.bench_function("round trip", |b| b.iter(|| assert!(get(&agent, &url))));
    group.sample_size(10);
    group.bench_function("1000 concurrent", |b| {
        b.iter_custom(|iters| {
            let server = runtime.block_on(MockServer::start());
            runtime.block_on(ping().mount(&server));
            concurrent_runs(iters, &format!("{}/ping", server.uri()), || {
                runtime
                    .block_on(server.received_requests())
                    .map_or(0, |r| r.len())
            })
        })
    });
    group.finish();
}

fn httpmock(c: &mut Criterion) {
    use httpmock::{Method::GET, MockServer};
    let mut group = c.benchmark_group("httpmock");
    group.bench_function("start", |b| b.iter(MockServer::start));
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/ping");
        then.status(200).body("pong");
    });
    let (agent, url) = (agent(), server.url("/ping"));
    group.bench_function("round trip", |b| b.iter(|| assert!(get(&agent, &url))));
    group.sample_size(10);
    group.bench_function("1000 concurrent", |b| {
        b.iter_custom(|iters| {
            let server = MockServer::start();
            let ping = server.mock(|when, then| {
                when.method(GET).path("/ping");
                then.status(200).body("pong");
            });
            concurrent_runs(iters, &server.url("/ping"), || ping.calls())
        })
    });
    group.finish();
}

fn mockito(c: &mut Criterion) {
    let mut group = c.benchmark_group("mockito");
    group.bench_function("start", |b| b.iter(mockito::Server::new));
    let mut server = mockito::Server::new();
    let _ping = server.mock("GET", "/ping").with_body("pong").create();
    let (agent, url) = (agent(), format!("{}/ping", server.url()));
    group.bench_function("round trip", |b| b.iter(|| assert!(get(&agent, &url))));
    group.sample_size(10);
    group.bench_function("1000 concurrent", |b| {
        b.iter_custom(|iters| {
            let mut server = mockito::Server::new();
            let sent = THREADS * PER_THREAD * iters as usize;
            let ping = server
                .mock("GET", "/ping")
                .with_body("pong")
                .expect(sent)
                .create();
            let url = format!("{}/ping", server.url());
            let took = concurrent_runs(iters, &url, || if ping.matched() { sent } else { 0 });
            ping.assert();
            took
        })
    });
    group.finish();
}

criterion_group!(benches, mockgen_http, wiremock, httpmock, mockito);
criterion_main!(benches);
