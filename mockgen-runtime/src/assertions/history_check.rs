//! The checks behind the assertions over a history of named calls
//! (`mock.assert_has_calls(…)`, `recorder.assert_has_calls(…)`): each
//! returns the failure text, which the caller prefixes with its name.

use crate::assertions::history::{CallList, MockCall, find_run, unmatched_any_order};
use crate::matching::path_call::PathCall;
use crate::state::message::{calls_block, list, times};

impl<M> CallList<M> {
    pub(crate) fn check_not_called(&self) -> Result<(), String> {
        let calls = self.rendered();
        if calls.is_empty() {
            return Ok(());
        }
        Err(format!(
            "expected no calls. Called {}.{}",
            times(calls.len()),
            calls_block(&calls)
        ))
    }

    pub(crate) fn check_any_call(&self, expected: &PathCall<M>) -> Result<(), String> {
        if self.contains(expected) {
            return Ok(());
        }
        Err(format!(
            "{} call not found.{}",
            expected.render(),
            calls_block(&self.rendered())
        ))
    }

    /// A consecutive run, in order.
    pub(crate) fn check_has_calls(&self, expected: &[PathCall<M>]) -> Result<(), String> {
        let actual: Vec<&MockCall> = self.iter().collect();
        if find_run(&actual, expected, |a, e| a.matches(e)).is_some() {
            return Ok(());
        }
        let wanted: Vec<String> = expected.iter().map(PathCall::render).collect();
        Err(format!(
            "calls not found.\nExpected: {}\n  Actual: {}",
            list(&wanted),
            list(&self.rendered())
        ))
    }

    /// Every expected call matches a different actual call.
    pub(crate) fn check_has_calls_any_order(&self, expected: &[PathCall<M>]) -> Result<(), String> {
        let actual: Vec<&MockCall> = self.iter().collect();
        let missing = unmatched_any_order(&actual, expected, |a, e| a.matches(e));
        if missing.is_empty() {
            return Ok(());
        }
        let missing: Vec<String> = missing.iter().map(|c| c.render()).collect();
        Err(format!(
            "does not contain all of {} in its call list.\n  Actual: {}",
            list(&missing),
            list(&self.rendered())
        ))
    }
}
