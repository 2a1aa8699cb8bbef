//! Mock HTTP servers for tests, in [mockgen]'s vocabulary (Python's
//! `responses` / `respx`, with a real socket): one [`MockServer`] per test,
//! each route a mock handle with `return_value`, `side_effect`,
//! `side_effect_iter`, `expect(…).times(n)`, and after-the-fact assertions
//! on the [`Request`]s it recorded.
//!
//! ```
//! use mockgen_http::prelude::*;
//! use serde_json::json;
//!
//! let server = MockServer::start();
//! let charge = server.route(POST, "/charge");
//! charge.side_effect_iter([
//!     Response::new(503),
//!     Response::json(200, json!({"ok": true})),
//! ]);
//!
//! // The code under test, with retries:
//! let pay = || ureq::post(&server.url("/charge"))
//!     .header("authorization", "Bearer t")
//!     .send_json(json!({"amount": 100}));
//! assert!(pay().is_err());
//! assert_eq!(pay().unwrap().status(), 200);
//!
//! assert_eq!(charge.call_count(), 2);
//! let request = charge.call_args().unwrap();
//! assert_eq!(request.header("authorization"), Some("Bearer t"));
//! charge.assert_called_with(call!(json_body(json!({"amount": 100}))));
//! server.verify();
//! ```
//!
//! `call!` and `ANY` are mockgen's: add `mockgen` beside `mockgen-http` in
//! `[dev-dependencies]`. The guide chapters are in [`guide`].
//!
//! [mockgen]: https://docs.rs/mockgen
#![deny(missing_docs)]

mod detach;
mod fault_io;
pub mod guide;
pub mod matchers;
mod pool;
mod report;
mod request;
mod response;
mod route;
mod routes;
mod serve;
mod server;
mod signature;
mod sync;
mod template;
mod workers;

pub use hyper::Method as HttpMethod;
pub use request::Request;
pub use response::{JsonBody, Response};
pub use route::{MethodFilter, Route};
pub use server::{MockServer, RequestCall};
#[doc(hidden)]
pub use signature::RouteCall;

/// `GET`, for [`MockServer::route`].
pub const GET: HttpMethod = HttpMethod::GET;
/// `POST`, for [`MockServer::route`].
pub const POST: HttpMethod = HttpMethod::POST;
/// `PUT`, for [`MockServer::route`].
pub const PUT: HttpMethod = HttpMethod::PUT;
/// `PATCH`, for [`MockServer::route`].
pub const PATCH: HttpMethod = HttpMethod::PATCH;
/// `DELETE`, for [`MockServer::route`].
pub const DELETE: HttpMethod = HttpMethod::DELETE;
/// `HEAD`, for [`MockServer::route`].
pub const HEAD: HttpMethod = HttpMethod::HEAD;
/// `OPTIONS`, for [`MockServer::route`].
pub const OPTIONS: HttpMethod = HttpMethod::OPTIONS;

/// Everything a test needs: [`MockServer`], [`Response`], [`Request`], the
/// methods, mockgen's `call!` and `ANY`, the request matchers and
/// mockgen's `matching`.
///
/// ```
/// use mockgen_http::prelude::*;
///
/// let _ = (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY);
/// let _ = (json_body(1), json_includes(1), header("a", "b"), has_header("a"));
/// let _ = (query("q", "x"), body_text("x"), matching(|r: &Request| r.body().is_empty()));
/// let _: Response = Response::new(200).json(&[1, 2]);
/// ```
pub mod prelude {
    pub use crate::matchers::{body_text, has_header, header, json_body, json_includes, query};
    pub use crate::{
        DELETE, GET, HEAD, JsonBody, MockServer, OPTIONS, PATCH, POST, PUT, Request, Response,
        Route,
    };
    pub use mockgen::matchers::matching;
    pub use mockgen::{ANY, call};
}
