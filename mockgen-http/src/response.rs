//! What a route answers: a status, headers and a body, or a fault for
//! testing a client's error handling (a delay, a dropped connection, a
//! malformed response).

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use hyper::header::{CONTENT_TYPE, HeaderName, HeaderValue};

/// An HTTP response for a route to answer with: `return_value`,
/// `side_effect`, `side_effect_iter` and the rest take it.
///
/// `Response::new(status)` then `.text(s)`, `.body(bytes)`,
/// `.json(&value)`, `.header(name, value)`, `.delay(duration)`;
/// `Response::json(status, value)` is the shortcut for a JSON answer. The
/// default is `200 OK` with an empty body, which is also what a route with
/// nothing configured answers.
///
/// ```
/// use mockgen_http::prelude::*;
/// use serde_json::json;
///
/// let server = MockServer::start();
/// server
///     .route(GET, "/users/1")
///     .return_value(Response::json(200, json!({"id": 1})).header("x-request-id", "r1"));
///
/// let mut answer = ureq::get(&server.url("/users/1")).call().unwrap();
/// assert_eq!(answer.headers()["x-request-id"], "r1");
/// assert_eq!(answer.headers()["content-type"], "application/json");
/// assert_eq!(answer.body_mut().read_to_string().unwrap(), r#"{"id":1}"#);
/// ```
#[derive(Clone)]
pub struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Bytes,
    pub(crate) delay: Option<Duration>,
    pub(crate) fault: Option<Fault>,
}

/// A way of answering that is not a valid response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Close the connection without answering.
    DropConnection,
    /// Write bytes that are not HTTP, then close.
    Malformed,
}

/// The bytes [`Response::malformed`] writes.
pub(crate) const MALFORMED: &[u8] = b"this is not an HTTP response\r\n\r\n";

impl Default for Response {
    fn default() -> Self {
        Response::new(200)
    }
}

/// A bare status: `Response::from(503)`, and `side_effect_iter([503, 200])`.
impl From<u16> for Response {
    fn from(status: u16) -> Self {
        Response::new(status)
    }
}

impl Response {
    /// A response with this status and an empty body.
    ///
    /// # Panics
    ///
    /// When `status` is not between 100 and 999.
    #[track_caller]
    pub fn new(status: u16) -> Self {
        assert!(
            (100..=999).contains(&status),
            "`Response::new({status})`: an HTTP status is between 100 and 999"
        );
        Response {
            status,
            headers: Vec::new(),
            body: Bytes::new(),
            delay: None,
            fault: None,
        }
    }

    /// A JSON response: `value` serialized, with `content-type:
    /// application/json`. `Response::new(status).json(&value)` does the
    /// same.
    ///
    /// ```
    /// # use mockgen_http::Response;
    /// let ok = Response::json(200, serde_json::json!({"ok": true}));
    /// assert_eq!(format!("{ok:?}"), r#"Response(200, {"ok":true})"#);
    /// ```
    ///
    /// # Panics
    ///
    /// When `value` cannot be serialized (a map with non-string keys).
    #[track_caller]
    pub fn json(status: u16, value: impl serde::Serialize) -> Self {
        Response::new(status).with_json(&value)
    }

    #[track_caller]
    fn with_json<T: serde::Serialize + ?Sized>(self, value: &T) -> Self {
        match serde_json::to_vec(value) {
            Ok(bytes) => self
                .content_type("application/json")
                .with_body(Bytes::from(bytes)),
            Err(error) => panic!("`Response::json`: the value cannot be serialized: {error}"),
        }
    }

    /// A text body, with `content-type: text/plain; charset=utf-8` unless
    /// one was set.
    ///
    /// ```
    /// # use mockgen_http::Response;
    /// let hello = Response::new(200).text("hello");
    /// assert_eq!(format!("{hello:?}"), "Response(200, hello)");
    /// ```
    pub fn text(self, text: impl Into<String>) -> Self {
        self.content_type("text/plain; charset=utf-8")
            .with_body(Bytes::from(text.into()))
    }

    /// A body of raw bytes, with no `content-type` of its own.
    ///
    /// ```
    /// # use mockgen_http::Response;
    /// let png = Response::new(200).body(vec![0x89, b'P', b'N', b'G']).header("content-type", "image/png");
    /// # let _ = png;
    /// ```
    pub fn body(self, body: impl Into<Bytes>) -> Self {
        self.with_body(body.into())
    }

    /// Adds a header (several calls with one name send several values).
    ///
    /// ```
    /// # use mockgen_http::Response;
    /// let limited = Response::new(429).header("retry-after", "2");
    /// # let _ = limited;
    /// ```
    ///
    /// # Panics
    ///
    /// When the name or the value is not valid in HTTP.
    #[track_caller]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let parsed = (HeaderName::try_from(name), HeaderValue::try_from(value));
        match parsed {
            (Ok(name), Ok(value)) => self.headers.push((name, value)),
            (Err(_), _) => panic!("`Response::header`: `{name}` is not a valid header name"),
            (_, Err(_)) => {
                panic!("`Response::header`: `{value}` is not a valid value for `{name}`")
            }
        }
        self
    }

    /// Waits this long before answering: for testing a client's timeouts.
    /// The server goes on serving other requests meanwhile.
    ///
    /// ```
    /// # use mockgen_http::Response;
    /// use std::time::Duration;
    /// let slow = Response::new(200).delay(Duration::from_secs(5));
    /// # let _ = slow;
    /// ```
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// No answer: the server closes the connection (after any
    /// [`delay`](Self::delay)), as a crashed or overloaded server would.
    /// The request is still recorded.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// server.route(GET, "/flaky").return_value(Response::drop_connection());
    /// assert!(ureq::get(&server.url("/flaky")).call().is_err());
    /// ```
    pub fn drop_connection() -> Self {
        Response {
            fault: Some(Fault::DropConnection),
            ..Response::new(200)
        }
    }

    /// Bytes that are not HTTP instead of an answer, then the connection
    /// closes: for testing how a client handles a broken server.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// server.route(GET, "/broken").return_value(Response::malformed());
    /// assert!(ureq::get(&server.url("/broken")).call().is_err());
    /// ```
    pub fn malformed() -> Self {
        Response {
            fault: Some(Fault::Malformed),
            ..Response::new(200)
        }
    }

    /// The status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    fn content_type(mut self, value: &'static str) -> Self {
        if !self.headers.iter().any(|(name, _)| name == CONTENT_TYPE) {
            self.headers
                .push((CONTENT_TYPE, HeaderValue::from_static(value)));
        }
        self
    }

    fn with_body(mut self, body: Bytes) -> Self {
        self.body = body;
        self
    }
}

/// `.json(&value)` on a [`Response`] being built (in the prelude): the
/// body is `value` serialized, with `content-type: application/json`.
/// `Response::json(status, value)` is the shortcut.
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let created = Response::new(201).json(&serde_json::json!({"id": 7}));
/// assert_eq!(format!("{created:?}"), r#"Response(201, {"id":7})"#);
/// ```
pub trait JsonBody {
    /// Sets the body to `value` as JSON.
    ///
    /// # Panics
    ///
    /// When `value` cannot be serialized.
    #[track_caller]
    fn json<T: serde::Serialize + ?Sized>(self, value: &T) -> Response;
}

impl JsonBody for Response {
    #[track_caller]
    fn json<T: serde::Serialize + ?Sized>(self, value: &T) -> Response {
        self.with_json(value)
    }
}

/// `Response(200, {"id":1})`; faults print as what they do.
impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fault {
            Some(Fault::DropConnection) => f.write_str("Response::drop_connection()")?,
            Some(Fault::Malformed) => f.write_str("Response::malformed()")?,
            None if self.body.is_empty() => write!(f, "Response({})", self.status)?,
            None => write!(
                f,
                "Response({}, {})",
                self.status,
                String::from_utf8_lossy(&self.body)
            )?,
        }
        if let Some(delay) = self.delay {
            write!(f, ".delay({delay:?})")?;
        }
        Ok(())
    }
}
