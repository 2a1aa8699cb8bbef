//! Checking a whole mock's expectations: `verify()`, and the same check
//! when the last clone of the mock goes away.

use std::sync::Arc;

use crate::assertions::history::MockCall;
use crate::state::calls::AnyEntry;
use crate::state::calls::CurrentCalls;
use crate::state::mock::MockCore;
use crate::state::mock_shared::MockShared;
use crate::state::registry::ErasedExpectation;

impl MockCore {
    /// Panics listing every unmet expectation of the mock (made with
    /// [`Method::expect`](crate::Method::expect)): its matcher text, how many
    /// calls it expected and how many it got, then the calls of the methods
    /// concerned. An expectation is unmet when its call count is outside its
    /// [`times`](crate::Expectation::times), including calls that were
    /// refused because its upper bound was reached.
    ///
    /// The same check runs when the last clone of the mock (and of its
    /// method handles) is dropped, unless the thread is already panicking.
    /// After a failed `verify` that you caught, call
    /// [`reset_all`](Self::reset_all) (or meet the expectations) before
    /// the mock is dropped. An answer that captures a clone of its own mock
    /// (a side effect calling the mock again) keeps the mock alive, so the
    /// check on drop cannot run: call `verify` explicitly in that case.
    ///
    /// Resets: [`reset_mock`](Self::reset_mock) keeps the expectations and
    /// sets their counts back to zero, as it forgets the calls;
    /// [`reset_all`](Self::reset_all) removes them.
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
    /// weather.temperature.expect(call!("Oslo")).return_value(-3.0).times(1);
    /// weather.cities.expect(call!()).times(1..);
    /// weather.temperature("Oslo");
    /// weather.cities();
    /// weather.verify();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather: 2 unmet expectations.
    ///   temperature("Oslo"): expected once, called 0 times; set at src/lib.rs:12.
    ///   cities(): expected at least 1 time, called 0 times; set at src/lib.rs:13.
    /// Calls:
    ///   temperature("Paris")
    /// ```
    ///
    /// When the check runs on drop, the first line ends with
    /// `(checked when the mock was dropped).`, and the panic points at the
    /// mock's `#[automock]` (or `mock!`) line: a `Drop` does not know where
    /// the value was dropped, and the report says where each expectation
    /// was set.
    #[track_caller]
    pub fn verify(&self) {
        let expectations = self.shared.expectations.snapshot();
        if let Some(report) = unmet_report(self.name(), &expectations, "") {
            panic!("{report}");
        }
    }
}

impl Drop for MockShared {
    fn drop(&mut self) {
        // A second panic while unwinding would abort the test binary.
        if std::thread::panicking() {
            return;
        }
        let expectations = self.expectations.snapshot();
        if let Some(report) = unmet_report(
            &self.name,
            &expectations,
            " (checked when the mock was dropped)",
        ) {
            (self.fail_on_drop)(report);
        }
    }
}

/// The report of unmet expectations: `None` when all are met. `who`
/// prefixes the first line (`MockWeather`, `MockWeather.temperature`).
pub(crate) fn unmet_report(
    who: &str,
    expectations: &[Arc<dyn ErasedExpectation>],
    suffix: &str,
) -> Option<String> {
    let mut lines = Vec::new();
    let mut logs: Vec<Arc<CurrentCalls>> = Vec::new();
    for expectation in expectations {
        if let Some(line) = expectation.report() {
            lines.push(line);
            let log = expectation.log();
            if !logs.iter().any(|l| Arc::ptr_eq(l, &log)) {
                logs.push(log);
            }
        }
    }
    if lines.is_empty() {
        return None;
    }
    let count = lines.len();
    let noun = if count == 1 {
        "unmet expectation"
    } else {
        "unmet expectations"
    };
    let mut out = format!("{who}: {count} {noun}{suffix}.");
    for line in &lines {
        out.push_str("\n  ");
        out.push_str(line);
    }
    let mut calls: Vec<AnyEntry> = logs.iter().flat_map(|l| l.entries()).collect();
    calls.sort_by_key(|e| e.seq());
    out.push_str(&crate::state::message::calls_block(
        &calls
            .into_iter()
            .map(|e| format!("{:?}", MockCall::new(Vec::new(), e)))
            .collect::<Vec<_>>(),
    ));
    Some(out)
}
