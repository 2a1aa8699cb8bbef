//! Cookbook: an HTTP client with retries. The transport fails twice, then
//! succeeds (`side_effect_iter`); a mocked sleeper records the backoff, and
//! a `Recorder` checks that requests and pauses alternate.
#![deny(warnings)]

use std::time::Duration;

use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HttpError {
    Timeout,
    Connect(String),
    Status(u16),
}

/// The transport: the real one would use an HTTP library.
#[automock]
pub trait HttpClient: Send + Sync {
    fn get(&self, url: &str) -> Result<Response, HttpError>;
}

/// Pauses between attempts: the real one calls `std::thread::sleep`.
#[automock]
pub trait Sleeper: Send + Sync {
    fn sleep(&self, pause: Duration);
}

/// Fetches a URL, retrying timeouts, connection errors and 5xx answers with
/// an exponential backoff.
struct Fetcher {
    pub client: Box<dyn HttpClient>,
    pub sleeper: Box<dyn Sleeper>,
    pub attempts: u32,
}

impl Fetcher {
    pub fn fetch(&self, url: &str) -> Result<String, HttpError> {
        let mut pause = Duration::from_millis(100);
        let mut last = HttpError::Timeout;
        for attempt in 1..=self.attempts {
            match self.client.get(url) {
                Ok(response) if response.status == 200 => return Ok(response.body),
                Ok(response) if response.status < 500 => {
                    return Err(HttpError::Status(response.status));
                }
                Ok(response) => last = HttpError::Status(response.status),
                Err(error) => last = error,
            }
            if attempt < self.attempts {
                self.sleeper.sleep(pause);
                pause *= 2;
            }
        }
        Err(last)
    }
}

// --- The tests -----------------------------------------------------------

fn ok(body: &str) -> Result<Response, HttpError> {
    Ok(Response {
        status: 200,
        body: body.to_string(),
    })
}

fn fetcher(client: &MockHttpClient, sleeper: &MockSleeper) -> Fetcher {
    Fetcher {
        client: Box::new(client.clone()),
        sleeper: Box::new(sleeper.clone()),
        attempts: 3,
    }
}

#[test]
fn retries_until_the_server_answers() {
    let (client, sleeper) = (MockHttpClient::named("http"), MockSleeper::named("sleeper"));
    // Two failures, then a success: one item per call.
    client.get.side_effect_iter([
        Err(HttpError::Timeout),
        Err(HttpError::Connect("connection reset".into())),
        ok("hello"),
    ]);
    let calls = Recorder::new();
    calls.attach("http", &client);
    calls.attach("sleeper", &sleeper);

    let body = fetcher(&client, &sleeper).fetch("https://example.com/a");

    assert_eq!(body, Ok("hello".to_string()));
    client.get.assert_has_calls([
        call!("https://example.com/a"),
        call!("https://example.com/a"),
        call!("https://example.com/a"),
    ]);
    // Requests and pauses alternate, and the pause doubles.
    calls.assert_has_calls([
        call!(.http.get(ANY)),
        call!(.sleeper.sleep(Duration::from_millis(100))),
        call!(.http.get(ANY)),
        call!(.sleeper.sleep(Duration::from_millis(200))),
        call!(.http.get(ANY)),
    ]);
}

#[test]
fn gives_up_after_the_last_attempt() {
    let (client, sleeper) = (MockHttpClient::new(), MockSleeper::new());
    // An endless supply of failures.
    client
        .get
        .side_effect_iter(std::iter::repeat(Err(HttpError::Timeout)));

    let result = fetcher(&client, &sleeper).fetch("https://example.com/slow");

    assert_eq!(result, Err(HttpError::Timeout));
    assert_eq!(client.get.call_count(), 3);
    // No pause after the last attempt.
    assert_eq!(sleeper.sleep.call_count(), 2);
}

#[test]
fn server_errors_are_retried_client_errors_are_not() {
    let (client, sleeper) = (MockHttpClient::new(), MockSleeper::new());
    client.get.side_effect(|url| {
        let status = if url.ends_with("/missing") { 404 } else { 503 };
        Ok(Response {
            status,
            body: String::new(),
        })
    });
    let fetcher = fetcher(&client, &sleeper);

    assert_eq!(
        fetcher.fetch("https://example.com/missing"),
        Err(HttpError::Status(404))
    );
    client
        .get
        .assert_called_once_with(call!(ends_with("/missing")));

    client.get.reset_mock();
    assert_eq!(
        fetcher.fetch("https://example.com/busy"),
        Err(HttpError::Status(503))
    );
    assert_eq!(client.get.call_count(), 3);
}

#[test]
fn an_unreachable_host_is_tried_three_times() {
    let (client, sleeper) = (MockHttpClient::new(), MockSleeper::new());
    // Expectations answer matching calls only, and are checked by `verify`.
    client
        .get
        .expect(call!(starts_with("https://down.example")))
        .return_value(Err(HttpError::Connect("no route to host".into())))
        .times(3);
    client.get.return_value(ok("fine"));
    let fetcher = fetcher(&client, &sleeper);

    assert_eq!(fetcher.fetch("https://example.com/"), Ok("fine".into()));
    assert!(matches!(
        fetcher.fetch("https://down.example/x"),
        Err(HttpError::Connect(_))
    ));
    client.verify();
}
