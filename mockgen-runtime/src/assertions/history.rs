//! Histories across methods (and mocks): recorded calls in the order of
//! their global sequence number.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::matching::path_call::PathCall;
use crate::state::args::ArgKinds;
use crate::state::calls::{AnyEntry, EntryRef};
use crate::state::message;

/// Renders `name(arg, …)` from a recorded call.
pub(crate) fn render_entry<A: ArgKinds>(name: &str, entry: &EntryRef<A>) -> String {
    message::render_call(name, &entry.debug_args())
}

/// One call in a mock's (or a recorder's) history: Python's `mock_calls`
/// entries. Prints as `temperature("London")`, or `db.open("f")` when it
/// comes through a [`Recorder`](crate::Recorder).
#[derive(Clone)]
pub struct MockCall {
    path: Vec<Arc<str>>,
    entry: AnyEntry,
}

impl MockCall {
    pub(crate) fn new(path: Vec<Arc<str>>, entry: AnyEntry) -> Self {
        MockCall { path, entry }
    }

    /// The method that was called.
    pub fn method(&self) -> &'static str {
        self.entry.method()
    }

    /// The `Debug` text of each argument.
    pub fn args(&self) -> Vec<String> {
        self.entry.debug_args()
    }

    pub(crate) fn seq(&self) -> u64 {
        self.entry.seq()
    }

    /// Whether `expected` (a `call!(.method(…))`) matches this call.
    pub fn matches<M>(&self, expected: &PathCall<M>) -> bool {
        let path: Vec<&str> = self.path.iter().map(|p| &**p).collect();
        expected.matches(&path, &self.entry)
    }
}

impl fmt::Debug for MockCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.path {
            write!(f, "{segment}.")?;
        }
        f.write_str(&message::render_call(self.method(), &self.args()))
    }
}

/// A history of calls, in order: what `mock_calls()` returns, for a mock
/// `M` or a [`Recorder`](crate::Recorder).
///
/// Prints one call per line; supports Python's `call in mock_calls`
/// ([`contains`](Self::contains)) and `calls in mock_calls`
/// ([`contains_run`](Self::contains_run)), and compares equal to an array
/// of `call!(.…)`, checked against `M` (see [`PathCall`]).
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Weather {
///     fn temperature(&self, city: &str) -> f64;
///     fn cities(&self) -> Vec<String>;
/// }
///
/// let weather = MockWeather::new();
/// weather.cities();
/// weather.temperature("Oslo");
/// let calls = weather.mock_calls();
/// assert_eq!(calls.len(), 2);
/// assert!(calls.contains(&call!(.temperature("Oslo"))));
/// assert_eq!(calls, [call!(.cities()), call!(.temperature(ANY))]);
/// ```
pub struct CallList<M> {
    calls: Vec<MockCall>,
    mock: PhantomData<fn() -> M>,
}

impl<M> CallList<M> {
    pub(crate) fn from_sorted(mut calls: Vec<MockCall>) -> Self {
        calls.sort_by_key(MockCall::seq);
        CallList {
            calls,
            mock: PhantomData,
        }
    }

    /// The number of calls.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// Whether there were no calls.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// The calls, oldest first.
    pub fn iter(&self) -> std::slice::Iter<'_, MockCall> {
        self.calls.iter()
    }

    /// Whether some call matches `expected`.
    pub fn contains(&self, expected: &PathCall<M>) -> bool {
        self.calls.iter().any(|c| c.matches(expected))
    }

    /// Whether `expected` occurs as a consecutive run, in order.
    pub fn contains_run(&self, expected: &[PathCall<M>]) -> bool {
        find_run(&self.calls, expected, |c, e| c.matches(e)).is_some()
    }

    pub(crate) fn rendered(&self) -> Vec<String> {
        self.calls.iter().map(|c| format!("{c:?}")).collect()
    }
}

impl<M> Clone for CallList<M> {
    fn clone(&self) -> Self {
        CallList {
            calls: self.calls.clone(),
            mock: PhantomData,
        }
    }
}

impl<M> Default for CallList<M> {
    fn default() -> Self {
        CallList {
            calls: Vec::new(),
            mock: PhantomData,
        }
    }
}

impl<'a, M> IntoIterator for &'a CallList<M> {
    type Item = &'a MockCall;
    type IntoIter = std::slice::Iter<'a, MockCall>;
    fn into_iter(self) -> Self::IntoIter {
        self.calls.iter()
    }
}

impl<M> fmt::Debug for CallList<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&message::list(&self.rendered()))
    }
}

impl<M, const N: usize> PartialEq<[PathCall<M>; N]> for CallList<M> {
    fn eq(&self, expected: &[PathCall<M>; N]) -> bool {
        self == &expected[..]
    }
}

impl<M> PartialEq<[PathCall<M>]> for CallList<M> {
    fn eq(&self, expected: &[PathCall<M>]) -> bool {
        self.calls.len() == expected.len()
            && self.calls.iter().zip(expected).all(|(c, e)| c.matches(e))
    }
}

impl<M> PartialEq<Vec<PathCall<M>>> for CallList<M> {
    fn eq(&self, expected: &Vec<PathCall<M>>) -> bool {
        self == &expected[..]
    }
}

/// The index where `expected` starts as a consecutive run in `actual`.
pub(crate) fn find_run<A, E>(
    actual: &[A],
    expected: &[E],
    matches: impl Fn(&A, &E) -> bool,
) -> Option<usize> {
    if expected.is_empty() {
        return Some(0);
    }
    if expected.len() > actual.len() {
        return None;
    }
    (0..=actual.len() - expected.len()).find(|&start| {
        expected
            .iter()
            .enumerate()
            .all(|(i, e)| matches(&actual[start + i], e))
    })
}

/// Greedy one-to-one matching: the expected items left without a match.
pub(crate) fn unmatched_any_order<'e, A, E>(
    actual: &[A],
    expected: &'e [E],
    matches: impl Fn(&A, &E) -> bool,
) -> Vec<&'e E> {
    let mut used = vec![false; actual.len()];
    let mut missing = Vec::new();
    for e in expected {
        match (0..actual.len()).find(|&i| !used[i] && matches(&actual[i], e)) {
            Some(i) => used[i] = true,
            None => missing.push(e),
        }
    }
    missing
}
