//! A method's expectations, kept with its calls under the method's lock:
//! a call that has expectations to match takes their list with the lock
//! it holds to record the call (a reference count, no second lock).
//!
//! The list is shared and copied when it changes. Expectations retired by
//! a mock-level `reset_all` stay in it until the method's configuration is
//! renewed (on its next use) or an expectation is added; until then
//! matching skips them.

use std::sync::Arc;

use crate::state::method::MethodInner;
use crate::state::registry::{ErasedExpectation, Snapshot};

impl MethodInner {
    /// Adds an expectation, after those already set.
    pub(crate) fn push_expectation(&self, expectation: Arc<dyn ErasedExpectation>) {
        let mut config = self.config();
        config.drop_retired_expectations();
        Arc::make_mut(&mut config.state.expectations).push(expectation);
    }

    /// The method's expectations, oldest first, retired ones left out.
    pub(crate) fn expectations(&self) -> Snapshot {
        let list = Arc::clone(&self.config().state.expectations);
        if list.iter().all(|e| !e.is_retired()) {
            return list;
        }
        Arc::new(list.iter().filter(|e| !e.is_retired()).cloned().collect())
    }

    /// Counts every expectation's calls from zero.
    pub(crate) fn reset_expectation_counts(&self) {
        for expectation in self.expectations().iter() {
            expectation.reset_counts();
        }
    }

    /// Retires every expectation: they no longer match nor count, and are
    /// dropped once the lock is released.
    pub(crate) fn retire_expectations(&self) {
        let mut config = self.config();
        let removed = std::mem::take(&mut config.state.expectations);
        for expectation in removed.iter() {
            expectation.retire();
        }
        config.retire(removed);
    }
}
