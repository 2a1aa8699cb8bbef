//! The expectations a call is matched against, as the call path sees them:
//! behind the `ErasedExpectation` trait, which `expectations::expect`
//! implements, so that the call path does not depend on how expectations
//! are built, counted or ordered.

use std::sync::{Arc, Mutex};

use crate::state::answer::{EffectFn, OnceFn, Resolved, Slot, ValueFn};
use crate::state::calls::{AnyEntry, CurrentCalls};
use crate::state::sync::lock;

/// What a claimed call is answered with, taken out of the lock.
pub(crate) enum Answer {
    Effect(EffectFn),
    Once(OnceFn),
    Value(ValueFn),
    /// A copied primitive value, written under the expectation's lock.
    Written,
    Nothing,
}

pub(crate) enum Outcome {
    Claimed(Answer),
    Saturated,
    /// The label of the call the sequence expected instead.
    OutOfOrder(String),
}

/// What the expectations made of a call.
pub(crate) enum Matched {
    /// An expectation answered (a value is written).
    Answer(Resolved),
    /// An expectation took the call but has no answer: the method's own
    /// configuration answers.
    NoAnswer,
    /// No expectation took the call.
    NoMatch,
}

/// An expectation seen without its method's types: for `verify`, resets
/// and sequences.
pub(crate) trait ErasedExpectation: Send + Sync {
    /// `MockDb.open("f")`.
    fn label(&self) -> &str;
    /// `None` when met, else `open("f"): expected once, called 0 times;
    /// set at src/lib.rs:12.`
    fn report(&self) -> Option<String>;
    /// Where the test set the expectation.
    fn set_at(&self) -> &'static std::panic::Location<'static>;
    /// Whether the lower bound is reached (or the expectation is retired).
    fn min_reached(&self) -> bool;
    /// Whether another call would be accepted.
    fn open(&self) -> bool;
    /// The method's calls, for reports.
    fn log(&self) -> Arc<CurrentCalls>;
    /// The matcher text: `temperature("Oslo")`.
    fn text(&self) -> &str;
    /// Whether the recorded call matches (runs the matchers: user code).
    fn matches(&self, entry: &AnyEntry) -> bool;
    /// Counts the call and takes its answer, if the expectation (and its
    /// sequence) accepts another call; a copied primitive value is written
    /// into `out` at once. Runs no user code.
    fn try_claim(&self, out: &mut Slot<'_>) -> Outcome;
    /// Counts a call that matched out of its sequence's order.
    fn count_out_of_order(&self);
    /// Counts a call that matched after the upper bound; returns the bound.
    fn count_over(&self) -> usize;
    fn reset_counts(&self);
    fn retire(&self);
    fn is_retired(&self) -> bool;
}

/// The expectations of a whole mock, oldest first (for `verify` and
/// mock-level resets); a method keeps its own list with its calls (see
/// [`expectation_list`](crate::state::expectation_list)).
///
/// The list is shared, copied when an expectation is added or retired ones
/// are dropped: a call takes a reference to it (one reference count), not a
/// copy of it.
#[derive(Default)]
pub(crate) struct Registry {
    list: Mutex<Snapshot>,
}

/// The expectations of a registry at one moment, oldest first.
pub(crate) type Snapshot = Arc<Vec<Arc<dyn ErasedExpectation>>>;

impl Registry {
    pub(crate) fn push(&self, expectation: Arc<dyn ErasedExpectation>) {
        Arc::make_mut(&mut *lock(&self.list)).push(expectation);
    }

    /// The live expectations; retired ones are dropped (after the lock is
    /// released: dropping configured values may run user code).
    pub(crate) fn snapshot(&self) -> Snapshot {
        let mut list = lock(&self.list);
        if list.iter().all(|e| !e.is_retired()) {
            return Arc::clone(&list);
        }
        let live: Vec<_> = list.iter().filter(|e| !e.is_retired()).cloned().collect();
        let old = std::mem::replace(&mut *list, Arc::new(live));
        let snapshot = Arc::clone(&list);
        drop(list);
        drop(old);
        snapshot
    }

    pub(crate) fn reset_counts(&self) {
        for expectation in self.snapshot().iter() {
            expectation.reset_counts();
        }
    }

    pub(crate) fn retire_all(&self) {
        let removed = std::mem::take(&mut *lock(&self.list));
        for expectation in removed.iter() {
            expectation.retire();
        }
    }
}
