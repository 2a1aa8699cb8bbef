//! A route: a method and path template (and optional conditions) on one
//! server, and the handle that answers and records its requests.

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, Mutex};

use hyper::Method as HttpMethod;
use mockgen::{AnyArg, ArgMatcher, Method};

use crate::request::Request;
use crate::response::Response;
use crate::signature::RouteCall;
use crate::sync::lock;
use crate::template::Template;

/// Which methods a route takes: one (`GET`), or any (`ANY`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodFilter(Option<HttpMethod>);

impl From<HttpMethod> for MethodFilter {
    fn from(method: HttpMethod) -> Self {
        MethodFilter(Some(method))
    }
}

/// `server.route(ANY, "/health")`: every method.
impl From<AnyArg> for MethodFilter {
    fn from(_: AnyArg) -> Self {
        MethodFilter(None)
    }
}

impl MethodFilter {
    fn accepts(&self, method: &HttpMethod) -> bool {
        self.0.as_ref().is_none_or(|m| m == method)
    }
}

impl fmt::Display for MethodFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(method) => fmt::Display::fmt(method, f),
            None => f.write_str("ANY"),
        }
    }
}

type Condition = Arc<dyn ArgMatcher<Request>>;

/// What the server keeps of a route.
pub(crate) struct RouteEntry {
    pub(crate) method: MethodFilter,
    pub(crate) template: Template,
    conditions: Mutex<Vec<Condition>>,
    pub(crate) handle: Method<RouteCall>,
}

/// Why a request does not fit a route, for the report of unmatched
/// requests.
#[derive(Debug, Default)]
pub(crate) struct Mismatch {
    pub(crate) method: bool,
    /// Segments away from the template; 0 when the path fits.
    pub(crate) path_distance: usize,
    pub(crate) missing_query: Vec<String>,
    pub(crate) failed_conditions: Vec<String>,
}

impl Mismatch {
    /// Lower is nearer: the path counts most, then the method.
    pub(crate) fn score(&self) -> usize {
        self.path_distance * 4
            + usize::from(self.method) * 2
            + self.missing_query.len()
            + self.failed_conditions.len()
    }
}

impl RouteEntry {
    pub(crate) fn new(method: MethodFilter, template: Template, handle: Method<RouteCall>) -> Self {
        RouteEntry {
            method,
            template,
            conditions: Mutex::new(Vec::new()),
            handle,
        }
    }

    /// `GET /users/{id}`, as messages name the route.
    pub(crate) fn name(&self) -> String {
        format!("{} {}", self.method, self.template.text())
    }

    /// The conditions, copied out so that they run unlocked (they are
    /// user code).
    fn conditions(&self) -> Vec<Condition> {
        lock(&self.conditions).clone()
    }

    /// The path parameters when the request fits this route.
    pub(crate) fn accepts(&self, request: &Request) -> Option<Vec<(String, String)>> {
        if !self.method.accepts(request.method()) {
            return None;
        }
        let params = self.template.matches(request.path())?;
        let query_fits = self
            .template
            .query()
            .iter()
            .all(|(name, value)| request.query_all(name).contains(&value.as_str()));
        let fits = query_fits && self.conditions().iter().all(|c| c.matches(request));
        fits.then_some(params)
    }

    /// What differs between the request and this route.
    pub(crate) fn mismatch(&self, request: &Request) -> Mismatch {
        Mismatch {
            method: !self.method.accepts(request.method()),
            path_distance: self.template.distance(request.path()),
            missing_query: self
                .template
                .query()
                .iter()
                .filter(|(name, value)| !request.query_all(name).contains(&value.as_str()))
                .map(|(name, value)| format!("{name}={value}"))
                .collect(),
            failed_conditions: self
                .conditions()
                .iter()
                .filter(|c| !c.matches(request))
                .map(|c| format!("{c:?}"))
                .collect(),
        }
    }
}

/// The handle of one route of a [`MockServer`](crate::MockServer), made by
/// [`MockServer::route`](crate::MockServer::route).
///
/// It is a mockgen method handle (through `Deref`): configure it with
/// `return_value`, `side_effect(|request| …)`, `side_effect_iter`,
/// `return_once`, `expect(call!(…)).times(n)`; inspect and assert with
/// `called`, `call_count`, `assert_called_once_with(call!(…))`,
/// `assert_has_calls`, `reset_mock` and the rest. Its recorded argument is
/// the [`Request`]: [`call_args`](Self::call_args) gives the last one. A
/// clone is the same route.
///
/// ```
/// use mockgen_http::prelude::*;
/// use serde_json::json;
///
/// let server = MockServer::start();
/// let users = server.route(GET, "/users/{id}");
/// users.side_effect(|request| {
///     let id = request.path_param("id").unwrap();
///     Response::json(200, json!({"id": id}))
/// });
///
/// let body: serde_json::Value = ureq::get(&server.url("/users/7"))
///     .call()
///     .unwrap()
///     .body_mut()
///     .read_json()
///     .unwrap();
/// assert_eq!(body, json!({"id": "7"}));
/// users.assert_called_once_with(call!("GET /users/7"));
/// ```
#[derive(Clone)]
pub struct Route {
    entry: Arc<RouteEntry>,
}

impl Route {
    pub(crate) fn new(entry: Arc<RouteEntry>) -> Self {
        Route { entry }
    }

    /// Adds a condition: the route takes only requests that match it (a
    /// matcher of [`matchers`](crate::matchers), or any
    /// `matching(|request: &Request| …)`). Requests that fit no route get
    /// the server's fallback and are reported by
    /// [`verify`](crate::MockServer::verify).
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// let admin = server.route(GET, "/admin").when(header("authorization", "Bearer root"));
    /// admin.return_value(Response::new(200).text("welcome"));
    ///
    /// let ok = ureq::get(&server.url("/admin")).header("authorization", "Bearer root").call();
    /// assert_eq!(ok.unwrap().status(), 200);
    /// let denied = ureq::get(&server.url("/admin")).call();
    /// assert!(matches!(denied, Err(ureq::Error::StatusCode(404))));
    /// assert_eq!(server.unmatched().len(), 1);
    /// # server.reset_mock();
    /// ```
    pub fn when(self, condition: impl ArgMatcher<Request> + 'static) -> Self {
        lock(&self.entry.conditions).push(Arc::new(condition));
        self
    }

    /// The last request this route took (Python's `call_args`), or `None`.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// let ping = server.route(POST, "/ping");
    /// assert!(ping.call_args().is_none());
    /// ureq::post(&server.url("/ping")).send("hello").unwrap();
    /// assert_eq!(ping.call_args().unwrap().text(), "hello");
    /// ```
    pub fn call_args(&self) -> Option<Request> {
        self.entry.handle.call_args().map(|(request,)| request)
    }

    /// Every request this route took, oldest first (Python's
    /// `call_args_list`).
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// let items = server.route(GET, "/items");
    /// ureq::get(&server.url("/items?page=1")).call().unwrap();
    /// ureq::get(&server.url("/items?page=2")).call().unwrap();
    /// let pages: Vec<String> = items
    ///     .call_args_list()
    ///     .iter()
    ///     .map(|r| r.query("page").unwrap().to_owned())
    ///     .collect();
    /// assert_eq!(pages, ["1", "2"]);
    /// ```
    pub fn call_args_list(&self) -> Vec<Request> {
        self.entry
            .handle
            .call_args_list()
            .into_iter()
            .map(|(request,)| request)
            .collect()
    }

    /// Each request gets the next answer (Python's iterable
    /// `side_effect`); statuses alone are answers too. When they run out,
    /// the request gets `500` and [`verify`](crate::MockServer::verify)
    /// reports it.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// let charge = server.route(POST, "/charge");
    /// charge.side_effect_iter([503, 200]);
    /// let first = ureq::post(&server.url("/charge")).send_empty();
    /// assert!(matches!(first, Err(ureq::Error::StatusCode(503))));
    /// assert_eq!(ureq::post(&server.url("/charge")).send_empty().unwrap().status(), 200);
    /// ```
    pub fn side_effect_iter<I>(&self, answers: I)
    where
        I: IntoIterator,
        I::Item: Into<Response> + 'static,
        I::IntoIter: Send + 'static,
    {
        self.entry
            .handle
            .side_effect_iter(answers.into_iter().map(Into::into));
    }
}

impl Deref for Route {
    type Target = Method<RouteCall>;
    fn deref(&self) -> &Method<RouteCall> {
        &self.entry.handle
    }
}

impl fmt::Debug for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Route")
            .field("route", &self.entry.name())
            .field("call_count", &self.entry.handle.call_count())
            .finish()
    }
}
