//! Request matchers, for `call!(…)` in assertions and expectations and for
//! a route's [`when`](crate::Route::when) conditions: `json_body`,
//! `json_includes`, `header`, `has_header`, `query`, `body_text`. Any
//! closure is one through mockgen's `matching(|req: &Request| …)`, and a
//! `"METHOD /path"` text compares the method and path.

use std::fmt;

use mockgen::{ArgMatcher, BoxMatcher, IntoValue};
use serde_json::Value;

use crate::request::Request;

/// A matcher of one [`Request`], made by the functions of this module.
pub struct RequestMatcher {
    kind: Kind,
}

enum Kind {
    JsonBody(Value),
    JsonIncludes(Value),
    Header(String, String),
    HasHeader(String),
    Query(String, String),
    BodyText(String),
    Line(String, String),
}

impl ArgMatcher<Request> for RequestMatcher {
    fn matches(&self, request: &Request) -> bool {
        match &self.kind {
            Kind::JsonBody(expected) => request.json_value().as_ref() == Some(expected),
            Kind::JsonIncludes(expected) => request
                .json_value()
                .is_some_and(|actual| includes(&actual, expected)),
            Kind::Header(name, value) => request
                .headers()
                .get_all(name.as_str())
                .iter()
                .any(|v| v.as_bytes() == value.as_bytes()),
            Kind::HasHeader(name) => request.headers().contains_key(name.as_str()),
            Kind::Query(name, value) => request.query_all(name).contains(&value.as_str()),
            Kind::BodyText(text) => request.body() == text.as_bytes(),
            Kind::Line(method, target) => {
                let path_or_target = if target.contains('?') {
                    request.target()
                } else {
                    request.path()
                };
                request.method().as_str() == method && path_or_target == target
            }
        }
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::JsonBody(value) => write!(f, "json_body({value})"),
            Kind::JsonIncludes(value) => write!(f, "json_includes({value})"),
            Kind::Header(name, value) => write!(f, "header({name:?}, {value:?})"),
            Kind::HasHeader(name) => write!(f, "has_header({name:?})"),
            Kind::Query(name, value) => write!(f, "query({name:?}, {value:?})"),
            Kind::BodyText(text) => write!(f, "body_text({text:?})"),
            Kind::Line(method, target) => write!(f, "{method} {target}"),
        }
    }
}

impl fmt::Debug for RequestMatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.describe(f)
    }
}

fn matcher(kind: Kind) -> RequestMatcher {
    RequestMatcher { kind }
}

#[track_caller]
fn to_json(value: impl serde::Serialize, who: &str) -> Value {
    serde_json::to_value(value)
        .unwrap_or_else(|error| panic!("`{who}`: the value cannot be serialized: {error}"))
}

/// The body is JSON equal to `expected` (key order and spacing do not
/// matter).
///
/// ```
/// use mockgen_http::prelude::*;
/// use serde_json::json;
///
/// let server = MockServer::start();
/// let charge = server.route(POST, "/charge");
/// ureq::post(&server.url("/charge")).send_json(json!({"amount": 100, "currency": "EUR"})).unwrap();
/// charge.assert_called_once_with(call!(json_body(json!({"currency": "EUR", "amount": 100}))));
/// ```
#[track_caller]
pub fn json_body(expected: impl serde::Serialize) -> RequestMatcher {
    matcher(Kind::JsonBody(to_json(expected, "json_body")))
}

/// The body is JSON that contains `expected`: every key of an expected
/// object is there with a value that contains the expected one; arrays and
/// other values compare equal.
///
/// ```
/// use mockgen_http::prelude::*;
/// use serde_json::json;
///
/// let server = MockServer::start();
/// let charge = server.route(POST, "/charge");
/// ureq::post(&server.url("/charge"))
///     .send_json(json!({"amount": 100, "meta": {"order": 7, "channel": "web"}}))
///     .unwrap();
/// charge.assert_called_with(call!(json_includes(json!({"meta": {"order": 7}}))));
/// ```
#[track_caller]
pub fn json_includes(expected: impl serde::Serialize) -> RequestMatcher {
    matcher(Kind::JsonIncludes(to_json(expected, "json_includes")))
}

fn includes(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => expected
            .iter()
            .all(|(key, value)| actual.get(key).is_some_and(|a| includes(a, value))),
        _ => actual == expected,
    }
}

/// A header has this value (names are case-insensitive; with several
/// values, one of them).
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let server = MockServer::start();
/// let me = server.route(GET, "/me");
/// ureq::get(&server.url("/me")).header("Authorization", "Bearer t").call().unwrap();
/// me.assert_called_with(call!(header("authorization", "Bearer t")));
/// ```
pub fn header(name: &str, value: &str) -> RequestMatcher {
    matcher(Kind::Header(name.to_ascii_lowercase(), value.to_owned()))
}

/// A header is present, whatever its value.
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let server = MockServer::start();
/// let me = server.route(GET, "/me");
/// ureq::get(&server.url("/me")).header("x-trace", "1").call().unwrap();
/// me.assert_called_with(call!(has_header("X-Trace")));
/// ```
pub fn has_header(name: &str) -> RequestMatcher {
    matcher(Kind::HasHeader(name.to_ascii_lowercase()))
}

/// A query parameter has this value (decoded; with several values, one
/// of them).
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let server = MockServer::start();
/// let search = server.route(GET, "/search");
/// ureq::get(&server.url("/search?q=rust%20mock&page=2")).call().unwrap();
/// search.assert_called_with(call!(query("q", "rust mock")));
/// ```
pub fn query(name: &str, value: &str) -> RequestMatcher {
    matcher(Kind::Query(name.to_owned(), value.to_owned()))
}

/// The body is exactly this text.
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let server = MockServer::start();
/// let log = server.route(POST, "/log");
/// ureq::post(&server.url("/log")).send("started").unwrap();
/// log.assert_called_with(call!(body_text("started")));
/// ```
pub fn body_text(text: &str) -> RequestMatcher {
    matcher(Kind::BodyText(text.to_owned()))
}

/// `"GET /users/1"` in `call!` compares the method and the path (and the
/// query, when the text has one, as sent).
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let server = MockServer::start();
/// let users = server.route(GET, "/users/{id}");
/// ureq::get(&server.url("/users/1")).call().unwrap();
/// ureq::get(&server.url("/users/2?full=1")).call().unwrap();
/// users.assert_has_calls([call!("GET /users/1"), call!("GET /users/2?full=1")]);
/// ```
impl IntoValue<Request> for &str {
    fn into_value_matcher(self) -> BoxMatcher<Request> {
        let (method, target) = self.split_once(' ').unwrap_or(("", self));
        Box::new(matcher(Kind::Line(
            method.to_owned(),
            target.trim().to_owned(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::includes;
    use serde_json::json;

    #[test]
    fn includes_is_recursive_on_objects_only() {
        let actual = json!({"a": 1, "b": {"c": 2, "d": [1, 2]}});
        assert!(includes(&actual, &json!({})));
        assert!(includes(&actual, &json!({"b": {"c": 2}})));
        assert!(includes(&actual, &json!({"b": {"d": [1, 2]}})));
        assert!(!includes(&actual, &json!({"b": {"d": [1]}})));
        assert!(!includes(&actual, &json!({"e": null})));
        assert!(!includes(&actual, &json!({"a": "1"})));
    }
}
