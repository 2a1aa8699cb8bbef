//! A server's routes and what it keeps of the requests: the route that
//! takes a request answers it, else the fallback does; side effects that
//! panic are remembered for the report.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use mockgen::{Method, MockCore};

use crate::request::Request;
use crate::response::Response;
use crate::route::RouteEntry;
use crate::signature::RouteCall;
use crate::sync::lock;

/// Everything a server's connections share.
pub(crate) struct Routes {
    /// Replaced whole when a route is added: a request takes the current
    /// list with one reference count.
    routes: Mutex<Arc<[Arc<RouteEntry>]>>,
    /// Where the handle of unmatched requests is registered.
    core: MockCore,
    /// Records the requests no route takes, and answers them; made by
    /// the first of them (or `fallback`), which keeps a start cheap.
    unmatched: OnceLock<Method<RouteCall>>,
    /// Set by `fallback`: unmatched requests are then expected.
    pub(crate) fallback_set: AtomicBool,
    /// The messages of side effects that panicked, with their route.
    panics: Mutex<Vec<String>>,
    arrivals: AtomicU64,
}

/// The name of the handle that records unmatched requests.
pub(crate) const UNMATCHED: &str = "<no route>";

impl Routes {
    pub(crate) fn new(core: &MockCore) -> Self {
        Routes {
            routes: Mutex::new(Arc::from([])),
            core: core.clone(),
            unmatched: OnceLock::new(),
            fallback_set: AtomicBool::new(false),
            panics: Mutex::new(Vec::new()),
            arrivals: AtomicU64::new(0),
        }
    }

    /// The handle of unmatched requests.
    pub(crate) fn unmatched(&self) -> &Method<RouteCall> {
        self.unmatched
            .get_or_init(|| self.core.__method_named::<RouteCall>(UNMATCHED))
    }

    /// The requests no route took, oldest first.
    pub(crate) fn unmatched_requests(&self) -> Vec<Request> {
        self.unmatched.get().map_or_else(Vec::new, |handle| {
            handle
                .call_args_list()
                .into_iter()
                .map(|(request,)| request)
                .collect()
        })
    }

    pub(crate) fn add(&self, entry: Arc<RouteEntry>) {
        let mut routes = lock(&self.routes);
        // The old list's routes are all in the new one: dropping it here
        // drops no route.
        *routes = routes.iter().cloned().chain([entry]).collect();
    }

    /// The routes, oldest first, out of the lock.
    pub(crate) fn all(&self) -> Arc<[Arc<RouteEntry>]> {
        Arc::clone(&lock(&self.routes))
    }

    /// The next arrival number.
    pub(crate) fn arrival(&self) -> u64 {
        self.arrivals.fetch_add(1, Ordering::Relaxed)
    }

    /// Records the request with the first route that takes it (or as
    /// unmatched) and answers it. Runs user code (conditions, side
    /// effects): no lock is held.
    pub(crate) fn answer(&self, request: Request) -> Response {
        for entry in self.all().iter() {
            if let Some(params) = entry.accepts(&request) {
                return self.call(&entry.handle, request.with_params(params));
            }
        }
        let answer = self.call(self.unmatched(), request);
        // Until `fallback` configures the handle, its answer is 404; not
        // configuring it at the start keeps a start cheap.
        if self.fallback_set.load(Ordering::Acquire) {
            answer
        } else {
            Response::new(404)
        }
    }

    fn call(&self, handle: &Method<RouteCall>, request: Request) -> Response {
        let record = (request.clone(),);
        match catch_unwind(AssertUnwindSafe(|| handle.__call_with(record, &request))) {
            Ok(response) => response,
            Err(payload) => {
                let message = panic_text(payload.as_ref());
                let line = format!("{request:?}: {message}");
                lock(&self.panics).push(line);
                // Dropped unlocked: it is a user value.
                drop(payload);
                Response::new(500).text(format!("the mock's answer panicked: {message}"))
            }
        }
    }

    pub(crate) fn panics(&self) -> Vec<String> {
        lock(&self.panics).clone()
    }

    pub(crate) fn forget_panics(&self) {
        lock(&self.panics).clear();
    }
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}
