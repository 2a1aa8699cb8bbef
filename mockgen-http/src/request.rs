//! A request the server received: what a route records for each call, and
//! what side effects, matchers and assertions look at.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use hyper::{HeaderMap, Method};

/// One HTTP request received by a [`MockServer`](crate::MockServer): the
/// recorded argument of a route handle's calls.
///
/// `route.call_args()` gives the last one, `route.call_args_list()` all of
/// them, and a side effect receives it by reference.
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let server = MockServer::start();
/// let users = server.route(GET, "/users/{id}");
/// ureq::get(&server.url("/users/7?fields=name"))
///     .header("x-trace", "abc")
///     .call()
///     .unwrap();
///
/// let request = users.call_args().unwrap();
/// assert_eq!(request.method(), GET);
/// assert_eq!(request.path(), "/users/7");
/// assert_eq!(request.path_param("id"), Some("7"));
/// assert_eq!(request.query("fields"), Some("name"));
/// assert_eq!(request.header("x-trace"), Some("abc"));
/// assert!(request.body().is_empty());
/// ```
#[derive(Clone)]
pub struct Request(Arc<Parts>);

/// A request's parts, shared: recording a request and handing it to a
/// side effect copy no headers or body.
#[derive(Clone)]
struct Parts {
    method: Method,
    target: String,
    path_len: usize,
    query: Vec<(String, String)>,
    params: Vec<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
    seq: u64,
}

impl Request {
    pub(crate) fn new(
        method: Method,
        target: String,
        headers: HeaderMap,
        body: Bytes,
        seq: u64,
    ) -> Self {
        let path_len = target.find('?').unwrap_or(target.len());
        let query = target
            .get(path_len + 1..)
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        Request(Arc::new(Parts {
            method,
            target,
            path_len,
            query,
            params: Vec::new(),
            headers,
            body,
            seq,
        }))
    }

    /// The request with the path parameters of the route that took it.
    pub(crate) fn with_params(mut self, params: Vec<(String, String)>) -> Self {
        Arc::make_mut(&mut self.0).params = params;
        self
    }

    /// The order of arrival on its server.
    pub(crate) fn seq(&self) -> u64 {
        self.0.seq
    }

    /// The method (`GET`, `POST`, …).
    pub fn method(&self) -> &Method {
        &self.0.method
    }

    /// The path, as sent (still percent-encoded), without the query.
    pub fn path(&self) -> &str {
        &self.0.target[..self.0.path_len]
    }

    /// The path and query, as sent: `/users?page=2`.
    pub fn target(&self) -> &str {
        &self.0.target
    }

    /// A parameter of the route's path template, decoded: `"7"` for
    /// `{id}` in `/users/{id}` and `/users/7`. `None` for a name the
    /// template does not have, and for requests that matched no route.
    pub fn path_param(&self, name: &str) -> Option<&str> {
        lookup(&self.0.params, name)
    }

    /// The first value of a query parameter, decoded.
    pub fn query(&self, name: &str) -> Option<&str> {
        lookup(&self.0.query, name)
    }

    /// Every value of a query parameter, decoded, in order
    /// (`?tag=a&tag=b`).
    pub fn query_all(&self, name: &str) -> Vec<&str> {
        self.0
            .query
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The first value of a header (names are case-insensitive); `None`
    /// when it is absent or not visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.0.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// All the headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.0.headers
    }

    /// The body, as received (a chunked body is put together).
    pub fn body(&self) -> &[u8] {
        &self.0.body
    }

    /// The body as text, invalid UTF-8 replaced.
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0.body)
    }

    /// The body parsed as JSON, into any deserializable type
    /// (`serde_json::Value` included).
    ///
    /// # Panics
    ///
    /// When the body is not JSON of that shape, with the body in the message.
    #[track_caller]
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        match serde_json::from_slice(&self.0.body) {
            Ok(value) => value,
            Err(error) => panic!(
                "the body of {} {} is not the JSON expected ({error}): {}",
                self.0.method,
                self.0.target,
                self.text()
            ),
        }
    }

    /// The body as a JSON value, when it is JSON.
    pub(crate) fn json_value(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.0.body).ok()
    }
}

fn lookup<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// Headers every client sends, left out of messages.
const TRANSPORT_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "accept",
    "accept-encoding",
    "user-agent",
    "transfer-encoding",
];

/// Longest body text a message shows.
const BODY_SHOWN: usize = 200;

/// `POST /charge [authorization: Bearer t] {"amount":100}`: the method and
/// target, the headers a client chose (not the transport ones), the body.
impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0.method, self.0.target)?;
        let chosen: Vec<String> = self
            .0
            .headers
            .iter()
            .filter(|(name, _)| !TRANSPORT_HEADERS.contains(&name.as_str()))
            .map(|(name, value)| format!("{name}: {}", String::from_utf8_lossy(value.as_bytes())))
            .collect();
        if !chosen.is_empty() {
            write!(f, " [{}]", chosen.join(", "))?;
        }
        if !self.0.body.is_empty() {
            let text = self.text();
            match text.char_indices().nth(BODY_SHOWN) {
                Some((cut, _)) => write!(f, " {}…", &text[..cut])?,
                None => write!(f, " {text}")?,
            }
        }
        Ok(())
    }
}
