//! `MockServer`: a real HTTP server on `127.0.0.1`, one per test, whose
//! routes are mock handles.

use std::collections::HashSet;
use std::fmt;
use std::net::{SocketAddr, TcpListener};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, OnceLock};

use mockgen::{Call, CallList, Method, MockCalls as _, MockCore, Signature};

use crate::pool::{self, Current, Socket};
use crate::report;
use crate::request::Request;
use crate::response::Response;
use crate::route::{MethodFilter, Route, RouteEntry};
use crate::routes::Routes;
use crate::serve::Serving;
use crate::signature::RouteCall;
use crate::sync::lock;
use crate::template::Template;

/// An expected request in `call!(…)`, as route and server assertions take
/// it: one [`Request`] matcher.
pub type RequestCall = Call<<RouteCall as Signature>::Args>;

/// A mock HTTP server (Python's `responses` / `respx`, with a real socket):
/// it listens on `127.0.0.1` on a free port, serves HTTP/1.1 from threads
/// of its own, and stops when dropped, freeing the port
/// ([`pooled`](Self::pooled) keeps the port open for the next server
/// instead). It works in plain `#[test]`s and in async tests on any tokio
/// runtime.
///
/// Each [`route`](Self::route) is a mock handle ([`Route`]): configure
/// what it answers, let the code under test make its requests, then assert
/// on the requests it recorded. A request that no route takes gets `404`
/// (or the [`fallback`](Self::fallback)) and is recorded too;
/// [`verify`](Self::verify), also run when the server is dropped, reports
/// it with the nearest route and what differed.
///
/// ```
/// use mockgen_http::prelude::*;
/// use serde_json::json;
///
/// let server = MockServer::start();
/// let users = server.route(GET, "/users/{id}");
/// users.return_value(Response::json(200, json!({"id": 1, "name": "Ada"})));
///
/// let user: serde_json::Value = ureq::get(&server.url("/users/1"))
///     .call()
///     .unwrap()
///     .body_mut()
///     .read_json()
///     .unwrap();
///
/// assert_eq!(user["name"], "Ada");
/// users.assert_called_once_with(call!("GET /users/1"));
/// ```
pub struct MockServer {
    address: SocketAddr,
    core: MockCore,
    routes: Arc<Routes>,
    /// Where the socket's requests find `routes`.
    current: Arc<Current>,
    /// Only `Drop` changes it, taking each part once: a panic cannot
    /// leave it half changed, so the server stays `UnwindSafe` for
    /// `catch_unwind(|| server.verify())`.
    serving: AssertUnwindSafe<Serving>,
    /// Whether `drop` gives the socket back to the pool.
    pooled: bool,
}

impl MockServer {
    /// Starts a server on `127.0.0.1`, on a port the system picks.
    ///
    /// # Panics
    ///
    /// When no port can be bound or no thread started (the system is out
    /// of them); [`try_start`](Self::try_start) returns the error instead.
    #[track_caller]
    pub fn start() -> MockServer {
        match MockServer::try_start() {
            Ok(server) => server,
            Err(error) => panic!("MockServer::start: cannot start the server: {error}"),
        }
    }

    /// Starts a server, or says why it cannot.
    ///
    /// ```
    /// let server = mockgen_http::MockServer::try_start()?;
    /// assert!(server.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn try_start() -> std::io::Result<MockServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let address = listener.local_addr()?;
        let current = Arc::new(Current::default());
        let serving = Serving::start(listener, Arc::clone(&current))?;
        Ok(MockServer::on(
            Socket {
                address,
                serving,
                current,
            },
            false,
        ))
    }

    /// A server on a socket that a server dropped earlier in the process
    /// gave back, or on a new one: starting it costs no bind and no
    /// listener (wiremock's, httpmock's and mockito's `start` work this
    /// way). It has no routes and no requests, as a started one; what
    /// differs is the socket: its port stays open when the server is
    /// dropped, for the next `pooled()` server, and a connection that a
    /// client keeps alive past the drop reaches that next server. Use
    /// [`start`](Self::start) when a test needs the port closed after it
    /// (a test of connection errors) or a connection of its own.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let first = MockServer::pooled();
    /// first.route(GET, "/a").return_value(Response::new(204));
    /// ureq::get(&first.url("/a")).call().unwrap();
    /// let address = first.address();
    /// drop(first);
    ///
    /// // The next pooled server may be on the same socket, and starts empty.
    /// let next = MockServer::pooled();
    /// # let _ = address;
    /// assert!(next.mock_calls().is_empty());
    /// let answer = ureq::get(&next.url("/a")).call();
    /// assert!(matches!(answer, Err(ureq::Error::StatusCode(404))));
    /// next.reset_mock();
    /// ```
    ///
    /// # Panics
    ///
    /// As [`start`](Self::start), when no socket is idle and none can be
    /// opened.
    #[track_caller]
    pub fn pooled() -> MockServer {
        match pool::take() {
            Some(socket) => MockServer::on(socket, true),
            None => {
                let mut server = MockServer::start();
                server.pooled = true;
                server
            }
        }
    }

    /// A server without routes on `socket`.
    fn on(socket: Socket, pooled: bool) -> MockServer {
        let core = MockCore::__new("MockServer");
        let routes = Arc::new(Routes::new(&core));
        // An idle pooled socket has no routes: nothing user-made to drop.
        let _idle = socket.current.replace(Some(Arc::clone(&routes)));
        MockServer {
            address: socket.address,
            core,
            routes,
            current: socket.current,
            serving: AssertUnwindSafe(socket.serving),
            pooled,
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash: the base URL to
    /// give the code under test.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The URL of `path` on this server: `server.url("/users/1")`.
    ///
    /// ```
    /// let server = mockgen_http::MockServer::start();
    /// assert_eq!(server.url("/users/1"), format!("{}/users/1", server.base_url()));
    /// ```
    pub fn url(&self, path: &str) -> String {
        if path.starts_with('/') {
            format!("http://{}{path}", self.address)
        } else {
            format!("http://{}/{path}", self.address)
        }
    }

    /// The socket address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Adds a route: requests with this method (or any, with `ANY`) whose
    /// path fits `template` go to the returned handle. A template has
    /// literal segments, `{name}` parameters (one segment each, read with
    /// [`Request::path_param`]) and may end with `{*name}` for the rest of
    /// the path; a query in the template (`/search?q=rust`) must be in the
    /// request. Add conditions with [`Route::when`]. Routes are tried in
    /// the order they were added; the first that takes a request answers.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// let file = server.route(GET, "/files/{*path}");
    /// let health = server.route(ANY, "/health");
    /// ureq::get(&server.url("/files/a/b.txt")).call().unwrap();
    /// ureq::head(&server.url("/health")).call().unwrap();
    /// assert_eq!(file.call_args().unwrap().path_param("path"), Some("a/b.txt"));
    /// health.assert_called_once();
    /// ```
    ///
    /// # Panics
    ///
    /// When the template does not start with `/` or has a malformed
    /// `{…}` segment.
    #[track_caller]
    pub fn route(&self, method: impl Into<MethodFilter>, template: &str) -> Route {
        let method = method.into();
        let template = Template::parse(template);
        let name = interned(&format!("{method} {}", template.text()));
        let handle: Method<RouteCall> = self.core.__method_named(name);
        let entry = Arc::new(RouteEntry::new(method, template, handle));
        self.routes.add(Arc::clone(&entry));
        Route::new(entry)
    }

    /// What requests that no route takes get, instead of `404`. Setting a
    /// fallback says such requests are expected: they are still recorded
    /// ([`unmatched`](Self::unmatched), [`mock_calls`](Self::mock_calls)),
    /// but [`verify`](Self::verify) no longer reports them.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// server.fallback(Response::new(503).text("down for maintenance"));
    /// let answer = ureq::get(&server.url("/anything")).call();
    /// assert!(matches!(answer, Err(ureq::Error::StatusCode(503))));
    /// server.verify();
    /// ```
    pub fn fallback(&self, response: Response) {
        self.routes.unmatched().return_value(response);
        self.routes.fallback_set.store(true, Ordering::Release);
    }

    /// The requests that no route took, oldest first.
    pub fn unmatched(&self) -> Vec<Request> {
        self.routes.unmatched_requests()
    }

    /// Every request the server received, matched or not, in order of
    /// arrival.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// server.route(GET, "/a");
    /// ureq::get(&server.url("/a")).call().unwrap();
    /// ureq::post(&server.url("/a")).send_empty().unwrap_err();
    /// let seen: Vec<String> = server.requests().iter().map(|r| format!("{r:?}")).collect();
    /// assert_eq!(seen, ["GET /a", "POST /a"]);
    /// # server.reset_mock();
    /// ```
    pub fn requests(&self) -> Vec<Request> {
        let mut all: Vec<Request> = self
            .routes
            .all()
            .iter()
            .flat_map(|entry| entry.handle.call_args_list())
            .map(|(request,)| request)
            .chain(self.routes.unmatched_requests())
            .collect();
        all.sort_by_key(Request::seq);
        all
    }

    /// Every request in order, as `route(request)` (Python's
    /// `mock_calls`): the route that took it (`<no route>` for the
    /// unmatched ones) and the request.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// server.route(GET, "/users/{id}");
    /// ureq::get(&server.url("/users/1")).call().unwrap();
    /// assert_eq!(format!("{:?}", server.mock_calls()), "[GET /users/{id}(GET /users/1)]");
    /// ```
    pub fn mock_calls(&self) -> CallList<MockCore> {
        self.core.mock_calls()
    }

    /// Panics unless the server's requests, across routes and in order,
    /// contain these consecutively (Python's `assert_has_calls`).
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// server.route(POST, "/login");
    /// server.route(GET, "/me");
    /// ureq::post(&server.url("/login")).send("user=ada").unwrap();
    /// ureq::get(&server.url("/me")).call().unwrap();
    /// server.assert_has_calls([call!("POST /login"), call!("GET /me")]);
    /// ```
    #[track_caller]
    pub fn assert_has_calls<I: IntoIterator<Item = RequestCall>>(&self, expected: I) {
        self.replayed().assert_has_calls(expected);
    }

    /// Panics unless the server received requests matching all of these,
    /// in any order.
    #[track_caller]
    pub fn assert_has_calls_any_order<I: IntoIterator<Item = RequestCall>>(&self, expected: I) {
        self.replayed().assert_has_calls_any_order(expected);
    }

    /// Every request, replayed into one handle named `requests`, whose
    /// assertions then see them in order across routes.
    fn replayed(&self) -> Method<RouteCall> {
        let core = MockCore::__new("MockServer");
        let all: Method<RouteCall> = core.__method_named("requests");
        for request in self.requests() {
            all.__call_with((request.clone(),), &request);
        }
        all
    }

    /// Forgets every request (the routes' configuration and expectations
    /// stay, with their counts back to zero) and the answers that panicked.
    pub fn reset_mock(&self) {
        self.core.reset_mock();
        self.routes.forget_panics();
    }

    /// Panics when something went wrong: requests no route took (unless a
    /// [`fallback`](Self::fallback) was set), each with the nearest route
    /// and what differed; answers that panicked (a side effect, an
    /// exhausted `side_effect_iter`); and unmet expectations of the routes
    /// (`route.expect(call!(…)).times(n)`). The same check runs when the
    /// server is dropped, unless the test is already failing.
    ///
    /// ```
    /// use mockgen_http::prelude::*;
    ///
    /// let server = MockServer::start();
    /// let users = server.route(GET, "/users/{id}");
    /// users.expect(call!(ANY)).times(1);
    /// ureq::get(&server.url("/users/1")).call().unwrap();
    /// server.verify();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockServer: 1 request matched no route (answered by the fallback, 404 unless `fallback` was set):
    ///   GET /user/1
    ///     nearest route GET /users/{id}: the path differs (/user/1)
    /// ```
    #[track_caller]
    pub fn verify(&self) {
        if let Some(report) = report::problems(&self.routes) {
            panic!("{report}");
        }
        self.core.verify();
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if self.pooled {
            // New requests find no server; then the socket is free for the
            // next one. These are this server's own routes, which it keeps.
            let _own = self.current.replace(None);
            pool::give_back(Socket {
                address: self.address,
                serving: self.serving.take(),
                current: Arc::clone(&self.current),
            });
        } else {
            self.serving.stop();
        }
        // A second panic while unwinding would abort the test binary.
        if std::thread::panicking() {
            return;
        }
        if let Some(report) = report::problems(&self.routes) {
            panic!("{report}\n(checked when the server was dropped)");
        }
    }
}

impl fmt::Debug for MockServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockServer")
            .field("address", &self.address)
            .field("routes", &self.routes.all().len())
            .finish_non_exhaustive()
    }
}

/// Route names live as long as the program: the runtime names methods by
/// `&'static str`, which every recorded call copies without a reference
/// count. Each distinct name is kept once, so what is kept is bounded by
/// the distinct routes a program declares, however many servers and
/// requests it has.
fn interned(name: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = lock(NAMES.get_or_init(Mutex::default));
    if let Some(known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}
