//! Corpus of HTTP client traits: clients with header maps and custom error enums, consuming request builders, transports returning `Box<dyn Error + Send + Sync>`, retry policies, cookie jars, resolvers, token providers and async clients.
#![deny(warnings)]

use futures::executor::block_on;
use mockgen::prelude::*;
use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Verb {
    Get,
    Post,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub verb: Verb,
    pub url: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HttpError {
    Connect(String),
    Timeout,
    Status(u16),
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl Error for HttpError {}

fn ok(body: &str) -> HttpResponse {
    HttpResponse {
        status: 200,
        headers: HashMap::new(),
        body: body.as_bytes().to_vec(),
    }
}

fn get_req(url: &str) -> HttpRequest {
    HttpRequest {
        verb: Verb::Get,
        url: url.into(),
        headers: HashMap::new(),
        body: vec![],
    }
}

// --- 1. a blocking client with header maps ----------------------------------

#[automock]
pub trait HttpClient: Send + Sync {
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, HttpError>;
    fn get(&self, url: &str, headers: &HashMap<String, String>) -> Result<HttpResponse, HttpError>;
}

fn fetch_profile(client: &dyn HttpClient, user: &str, token: &str) -> Result<String, HttpError> {
    let headers = HashMap::from([("authorization".to_string(), format!("Bearer {token}"))]);
    let resp = client.get(&format!("https://api.test/users/{user}"), &headers)?;
    if resp.status != 200 {
        return Err(HttpError::Status(resp.status));
    }
    Ok(String::from_utf8_lossy(&resp.body).into_owned())
}

#[test]
fn http_client_sends_bearer_header_and_decodes_body() {
    let client = MockHttpClient::new();
    client.get.return_value(Ok(ok("{\"name\":\"ann\"}")));

    assert_eq!(
        fetch_profile(&client, "ann", "s3cret").unwrap(),
        "{\"name\":\"ann\"}"
    );
    let headers = HashMap::from([("authorization".to_string(), "Bearer s3cret".to_string())]);
    client
        .get
        .assert_called_once_with(call!("https://api.test/users/ann", headers));
    client.send.assert_not_called();
}

#[test]
fn http_client_maps_non_200_to_status_error() {
    let client = MockHttpClient::new();
    client.get.side_effect(|url, _| {
        Ok(HttpResponse {
            status: if url.ends_with("/bob") { 404 } else { 200 },
            ..Default::default()
        })
    });
    assert_eq!(
        fetch_profile(&client, "bob", "t"),
        Err(HttpError::Status(404))
    );
    let (url, headers) = client.get.call_args().unwrap();
    assert_eq!(url, "https://api.test/users/bob");
    assert_eq!(headers["authorization"], "Bearer t");
}

// --- 2. a consuming request builder ------------------------------------------

#[automock]
pub trait RequestBuilder {
    fn header(self, name: &str, value: &str) -> Self
    where
        Self: Sized;
    fn timeout(self, after: Duration) -> Self
    where
        Self: Sized;
    fn send(self) -> Result<HttpResponse, HttpError>
    where
        Self: Sized;
}

fn post_json<B: RequestBuilder>(builder: B) -> Result<u16, HttpError> {
    builder
        .header("content-type", "application/json")
        .timeout(Duration::from_secs(5))
        .send()
        .map(|r| r.status)
}

#[test]
fn request_builder_chains_by_value_and_records_each_step() {
    let builder = MockRequestBuilder::new();
    // Each step returns the same mock, so one handle sees the whole chain.
    let same = builder.clone();
    builder.header.side_effect(move |_, _| same.clone());
    let same = builder.clone();
    builder.timeout.side_effect(move |_| same.clone());
    builder.send.return_value(Ok(HttpResponse {
        status: 201,
        ..Default::default()
    }));

    assert_eq!(post_json(builder.clone()), Ok(201));

    builder
        .header
        .assert_called_once_with(call!("content-type", "application/json"));
    builder
        .timeout
        .assert_called_once_with(call!(Duration::from_secs(5)));
    builder.send.assert_called_once_with(call!());
    assert_eq!(
        builder.mock_calls(),
        [
            call!(.header("content-type", "application/json")),
            call!(.timeout(Duration::from_secs(5))),
            call!(.send()),
        ]
    );
}

// --- 3. a transport returning Box<dyn Error + Send + Sync> ---------------------

#[automock]
pub trait Transport: Send + Sync {
    fn round_trip(&self, req: HttpRequest) -> Result<HttpResponse, Box<dyn Error + Send + Sync>>;
}

fn get_text(
    t: Arc<dyn Transport + Send + Sync>,
    url: &str,
) -> Result<String, Box<dyn Error + Send + Sync>> {
    let resp = t.round_trip(get_req(url))?;
    Ok(String::from_utf8(resp.body)?)
}

#[test]
fn transport_boxed_errors_propagate_with_their_message() {
    let t = MockTransport::new();
    t.round_trip.side_effect_iter([
        Ok(ok("hello")),
        Err(Box::new(HttpError::Timeout) as Box<dyn Error + Send + Sync>),
        Ok(HttpResponse {
            body: vec![0xff],
            ..Default::default()
        }),
    ]);
    let shared: Arc<dyn Transport + Send + Sync> = Arc::new(t.clone());

    assert_eq!(get_text(Arc::clone(&shared), "http://a").unwrap(), "hello");
    assert_eq!(
        get_text(Arc::clone(&shared), "http://b")
            .unwrap_err()
            .to_string(),
        "Timeout"
    );
    assert!(get_text(shared, "http://c").is_err());
    t.round_trip.assert_has_calls([
        call!(get_req("http://a")),
        call!(get_req("http://b")),
        call!(get_req("http://c")),
    ]);
}

// --- 4. a retry policy consulted with borrowed errors --------------------------

#[automock]
pub trait RetryPolicy {
    fn should_retry(&self, attempt: u32, err: &HttpError) -> Option<Duration>;
    fn max_attempts(&self) -> u32 {
        3
    }
}

fn send_with_retry(
    client: &dyn HttpClient,
    policy: &dyn RetryPolicy,
    req: &HttpRequest,
    slept: &mut Vec<Duration>,
) -> Result<HttpResponse, HttpError> {
    let mut attempt = 1;
    loop {
        match client.send(req) {
            Ok(resp) => return Ok(resp),
            Err(err) if attempt < policy.max_attempts() => match policy.should_retry(attempt, &err)
            {
                Some(wait) => slept.push(wait),
                None => return Err(err),
            },
            Err(err) => return Err(err),
        }
        attempt += 1;
    }
}

#[test]
fn retry_policy_is_asked_after_each_failure_until_success() {
    let client = MockHttpClient::new();
    client.send.side_effect_iter([
        Err(HttpError::Timeout),
        Err(HttpError::Connect("reset".into())),
        Ok(ok("done")),
    ]);
    let policy = MockRetryPolicy::new();
    policy
        .should_retry
        .side_effect(|attempt, _| Some(Duration::from_millis(10 * u64::from(attempt))));
    let mut slept = vec![];

    let resp = send_with_retry(&client, &policy, &get_req("http://x"), &mut slept).unwrap();

    assert_eq!(resp.body, b"done");
    assert_eq!(
        slept,
        [Duration::from_millis(10), Duration::from_millis(20)]
    );
    policy.should_retry.assert_has_calls([
        call!(1, HttpError::Timeout),
        call!(2, HttpError::Connect("reset".into())),
    ]);
    assert_eq!(policy.max_attempts.call_count(), 2);
    client.send.assert_called_with(call!(get_req("http://x")));
}

#[test]
fn retry_policy_default_max_attempts_can_be_overridden() {
    let client = MockHttpClient::new();
    client.send.return_value(Err(HttpError::Timeout));
    let policy = MockRetryPolicy::new();
    policy.max_attempts.return_value(1);
    let mut slept = vec![];
    assert_eq!(
        send_with_retry(&client, &policy, &get_req("http://y"), &mut slept),
        Err(HttpError::Timeout)
    );
    policy.should_retry.assert_not_called();
    client.send.assert_called_once();
}

// --- 5. a cookie jar taking impl Into<String> -----------------------------------

#[automock]
pub trait CookieJar {
    fn cookies(&self, domain: &str) -> Vec<(String, String)>;
    fn set_cookie(&mut self, domain: &str, cookie: impl Into<String>);
}

fn cookie_header(jar: &impl CookieJar, domain: &str) -> Option<String> {
    let pairs: Vec<String> = jar
        .cookies(domain)
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    (!pairs.is_empty()).then(|| pairs.join("; "))
}

fn remember_login<J: CookieJar>(jar: &mut J, session: &str) {
    jar.set_cookie("api.test", format!("session={session}"));
    jar.set_cookie("api.test", "seen=1");
}

#[test]
fn cookie_jar_builds_header_and_records_converted_cookies() {
    let mut jar = MockCookieJar::new();
    jar.cookies.side_effect(|d| {
        if d == "api.test" {
            vec![("a".into(), "1".into()), ("b".into(), "2".into())]
        } else {
            vec![]
        }
    });

    assert_eq!(cookie_header(&jar, "api.test").as_deref(), Some("a=1; b=2"));
    assert_eq!(cookie_header(&jar, "other"), None);
    remember_login(&mut jar, "xyz");

    jar.set_cookie.assert_has_calls([
        call!("api.test", "session=xyz"),
        call!("api.test", "seen=1"),
    ]);
    jar.cookies
        .assert_has_calls([call!("api.test"), call!("other")]);
}

// --- 6. a DNS resolver returning io::Result<Vec<IpAddr>> -------------------------

#[automock]
pub trait Resolver: Send + Sync {
    fn resolve(&self, host: &str, port: u16) -> std::io::Result<Vec<IpAddr>>;
}

fn first_v4(r: &dyn Resolver, host: &str) -> Option<Ipv4Addr> {
    r.resolve(host, 443)
        .ok()?
        .into_iter()
        .find_map(|ip| match ip {
            IpAddr::V4(v4) => Some(v4),
            IpAddr::V6(_) => None,
        })
}

#[test]
fn resolver_picks_the_first_ipv4_and_tolerates_errors() {
    let r = MockResolver::new();
    r.resolve.side_effect(|host, _| match host {
        "v4.test" => Ok(vec!["::1".parse().unwrap(), "10.0.0.2".parse().unwrap()]),
        _ => Err(std::io::Error::other("nxdomain")),
    });
    assert_eq!(first_v4(&r, "v4.test"), Some(Ipv4Addr::new(10, 0, 0, 2)));
    assert_eq!(first_v4(&r, "missing.test"), None);
    r.resolve
        .assert_has_calls([call!("v4.test", 443), call!("missing.test", 443)]);
}

// --- 7. a token provider with a borrowed getter -----------------------------------

#[automock]
pub trait TokenProvider {
    fn token(&self) -> Option<&String>;
    fn refresh(&mut self) -> Result<String, HttpError>;
}

fn auth_header(p: &mut dyn TokenProvider) -> Result<String, HttpError> {
    let token = match p.token() {
        Some(t) => t.clone(),
        None => p.refresh()?,
    };
    Ok(format!("Bearer {token}"))
}

#[test]
fn token_provider_refreshes_only_when_no_token_is_cached() {
    let mut p = MockTokenProvider::new();
    p.token.side_effect_iter([Some("cached".to_string()), None]);
    p.refresh.return_value(Ok("fresh".into()));

    assert_eq!(auth_header(&mut p).unwrap(), "Bearer cached");
    assert_eq!(auth_header(&mut p).unwrap(), "Bearer fresh");
    assert_eq!(p.token.call_count(), 2);
    p.refresh.assert_called_once();
}

// --- 8. a native async client --------------------------------------------------------

#[automock]
trait AsyncClient {
    async fn get(&self, url: &str) -> Result<HttpResponse, HttpError>;
    fn post(
        &self,
        url: &str,
        body: Vec<u8>,
    ) -> impl std::future::Future<Output = Result<HttpResponse, HttpError>> + Send;
}

async fn mirror(client: &impl AsyncClient, from: &str, to: &str) -> Result<u16, HttpError> {
    let got = client.get(from).await?;
    Ok(client.post(to, got.body).await?.status)
}

#[test]
fn async_client_mirrors_the_body_and_awaits_both_calls() {
    let client = MockAsyncClient::new();
    client.get.return_value(Ok(ok("payload")));
    client.post.side_effect(|_, body| {
        Ok(HttpResponse {
            status: if body.is_empty() { 400 } else { 204 },
            ..Default::default()
        })
    });

    assert_eq!(block_on(mirror(&client, "http://a", "http://b")), Ok(204));

    client.get.assert_awaited_once_with(call!("http://a"));
    client
        .post
        .assert_awaited_once_with(call!("http://b", b"payload".to_vec()));
}

#[test]
fn async_client_stops_after_a_failed_get() {
    let client = MockAsyncClient::new();
    client
        .get
        .return_value(Err(HttpError::Connect("refused".into())));
    assert_eq!(
        block_on(mirror(&client, "http://a", "http://b")),
        Err(HttpError::Connect("refused".into()))
    );
    client.post.assert_not_called();
}

// --- 9. an #[async_trait] fetcher behind Arc<dyn _> -----------------------------------

#[automock]
#[async_trait::async_trait]
pub trait Fetcher: Send + Sync {
    async fn fetch(&self, url: &str, etag: Option<String>) -> Result<Option<Vec<u8>>, HttpError>;
}

async fn refresh_cache(
    f: Arc<dyn Fetcher>,
    url: &str,
    etag: Option<String>,
) -> Result<bool, HttpError> {
    Ok(f.fetch(url, etag).await?.is_some())
}

#[test]
fn async_trait_fetcher_passes_etag_and_reports_not_modified() {
    let f = MockFetcher::new();
    f.fetch.side_effect(|_, etag| {
        Ok(if etag.is_some() {
            None
        } else {
            Some(b"new".to_vec())
        })
    });
    let shared: Arc<dyn Fetcher> = Arc::new(f.clone());

    assert_eq!(
        block_on(refresh_cache(Arc::clone(&shared), "u", None)),
        Ok(true)
    );
    assert_eq!(
        block_on(refresh_cache(shared, "u", Some("\"v1\"".into()))),
        Ok(false)
    );
    f.fetch
        .assert_has_awaits([call!("u", None), call!("u", Some("\"v1\"".to_string()))]);
}
