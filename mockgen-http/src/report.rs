//! What `verify` and the check on drop report beyond the routes'
//! expectations: requests no route took, with the nearest route and what
//! differed, and answers that panicked.

use std::fmt::Write as _;

use crate::request::Request;
use crate::route::RouteEntry;
use crate::routes::Routes;

/// The report, or `None` when there is nothing to say. Runs the routes'
/// conditions (user code): call it with no lock held.
pub(crate) fn problems(routes: &Routes) -> Option<String> {
    let mut out = String::new();
    if !routes
        .fallback_set
        .load(std::sync::atomic::Ordering::Acquire)
    {
        unmatched(routes, &mut out);
    }
    panicked(routes, &mut out);
    (!out.is_empty()).then_some(out)
}

fn unmatched(routes: &Routes, out: &mut String) {
    let requests = routes.unmatched_requests();
    if requests.is_empty() {
        return;
    }
    let entries = routes.all();
    let count = requests.len();
    let noun = if count == 1 { "request" } else { "requests" };
    let _ = write!(
        out,
        "MockServer: {count} {noun} matched no route (answered by the fallback, 404 unless `fallback` was set):"
    );
    for request in &requests {
        let _ = write!(out, "\n  {request:?}\n    {}", nearest(&entries, request));
    }
}

/// `nearest route GET /users/{id}: the path differs`.
fn nearest(entries: &[std::sync::Arc<RouteEntry>], request: &Request) -> String {
    let best = entries
        .iter()
        .map(|entry| (entry, entry.mismatch(request)))
        .min_by_key(|(_, mismatch)| mismatch.score());
    let Some((entry, mismatch)) = best else {
        return "no route is configured".to_owned();
    };
    let mut why = Vec::new();
    if mismatch.method {
        why.push(format!("the method differs ({})", request.method()));
    }
    if mismatch.path_distance > 0 {
        why.push(format!("the path differs ({})", request.path()));
    }
    for pair in &mismatch.missing_query {
        why.push(format!("the query has no {pair}"));
    }
    for condition in &mismatch.failed_conditions {
        why.push(format!("{condition} does not match"));
    }
    format!("nearest route {}: {}", entry.name(), why.join(", "))
}

fn panicked(routes: &Routes, out: &mut String) {
    let panics = routes.panics();
    if panics.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let count = panics.len();
    let noun = if count == 1 { "answer" } else { "answers" };
    let _ = write!(
        out,
        "MockServer: {count} {noun} panicked (the client got 500):"
    );
    for line in panics {
        let _ = write!(out, "\n  {line}");
    }
}
