//! Waiting for calls made on other threads (Python's `ThreadingMock`):
//! mocks are `Send + Sync` handles, so the code under
//! test may call them from a worker while the test waits.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::assertions::checks::CALLS;
use crate::matching::call::Call;
use crate::state::method::Method;
use crate::state::signature::Signature;

impl<S: Signature, A> Method<S, A> {
    /// Waits until the method has been called, for at most `timeout`
    /// (Python's `ThreadingMock.wait_until_called`).
    ///
    /// ```
    /// use mockgen::prelude::*;
    /// use std::time::Duration;
    ///
    /// #[automock]
    /// trait Jobs {
    ///     fn done(&self, id: u32);
    /// }
    ///
    /// let jobs = MockJobs::new();
    /// let worker = jobs.clone();
    /// std::thread::spawn(move || worker.done(7));
    /// jobs.done.wait_until_called(Duration::from_secs(5));
    /// jobs.done.assert_called_once_with(call!(7));
    /// ```
    ///
    /// # Panics
    ///
    /// `MockJobs.done: expected to have been called within 5s. Called 0 times.`
    #[track_caller]
    pub fn wait_until_called(&self, timeout: Duration) {
        if !self.wait_for(timeout, |_| true) {
            self.fail(&format!(
                "expected to have been called within {timeout:?}. Called 0 times."
            ));
        }
    }

    /// Waits until some call matches `expected`, for at most `timeout`
    /// (Python's `ThreadingMock.wait_until_any_call_with`).
    ///
    /// ```
    /// use mockgen::prelude::*;
    /// use std::time::Duration;
    ///
    /// #[automock]
    /// trait Jobs {
    ///     fn done(&self, id: u32);
    /// }
    ///
    /// let jobs = MockJobs::new();
    /// let worker = jobs.clone();
    /// std::thread::spawn(move || (1..=3).for_each(|id| worker.done(id)));
    /// jobs.done.wait_until_any_call_with(call!(3), Duration::from_secs(5));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockJobs.done: done(4) call not found within 5s.
    /// Calls:
    ///   done(1)
    /// ```
    #[track_caller]
    pub fn wait_until_any_call_with(&self, expected: Call<S::Args>, timeout: Duration) {
        if !self.wait_for(timeout, |record| expected.matches(record)) {
            let what = self
                .checked(&CALLS)
                .any_matches(&expected)
                .err()
                .unwrap_or_default();
            self.fail(&what.replacen(
                " call not found.",
                &format!(" call not found within {timeout:?}."),
                1,
            ));
        }
    }

    /// Waits until `accept` takes a recorded call. Matching runs without
    /// the lock, on a snapshot; a call arriving meanwhile is seen on the
    /// next round because the count is compared before waiting.
    fn wait_for(
        &self,
        timeout: Duration,
        accept: impl Fn(&crate::state::signature::RecordOf<S>) -> bool,
    ) -> bool {
        let deadline = Instant::now() + timeout;
        let mut seen = 0;
        loop {
            let entries = self.entries();
            if entries[seen.min(entries.len())..]
                .iter()
                .any(|e| accept(&e.record))
            {
                return true;
            }
            seen = entries.len();
            let calls = self.calls();
            if calls.calls.len() != seen {
                continue;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            // Registered under the calls lock, so a call recorded after the
            // count check above sees the waiter and notifies.
            let log = &self.inner;
            log.waiting.fetch_add(1, Ordering::AcqRel);
            let (calls, _) = log
                .arrived
                .wait_timeout(calls, left)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            log.waiting.fetch_sub(1, Ordering::AcqRel);
            drop(calls);
        }
    }
}
