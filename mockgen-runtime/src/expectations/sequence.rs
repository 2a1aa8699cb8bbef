//! A strict order for expectations, across methods and mocks (mockall's
//! `Sequence`).

use std::fmt;
use std::sync::{Arc, Mutex, Weak};

use crate::state::sync::lock;

/// What a sequence needs of its members; every expectation is one.
pub(crate) trait SequenceMember: Send + Sync {
    /// `MockDb.open("f")`.
    fn label(&self) -> &str;
    /// Whether its lower bound is reached (or it is retired).
    fn min_reached(&self) -> bool;
    /// Whether it would accept another call.
    fn open(&self) -> bool;
    fn is_retired(&self) -> bool;
}

/// Calls must happen in the order their expectations were added to the
/// sequence with [`in_sequence`](crate::Expectation::in_sequence), across
/// methods and mocks.
///
/// The sequence moves on when a call is answered by a later expectation,
/// and only once every expectation before that one has had its minimum
/// number of calls; after that, the earlier expectations take no more
/// calls. In a sequence, an expectation without
/// [`times`](crate::Expectation::times) is expected exactly once. A clone
/// is the same sequence.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Db {
///     fn open(&self, path: &str) -> bool;
///     fn close(&self);
/// }
///
/// #[automock]
/// trait Log {
///     fn write(&self, text: &str);
/// }
///
/// let (db, log) = (MockDb::named("db"), MockLog::named("log"));
/// let seq = Sequence::new();
/// db.open.expect(call!("f")).return_value(true).in_sequence(&seq);
/// log.write.expect(call!(ANY)).times(1..).in_sequence(&seq);
/// db.close.expect(call!()).in_sequence(&seq);
///
/// assert!(db.open("f"));
/// log.write("opened");
/// log.write("working");
/// db.close();
/// ```
///
/// # Panics
///
/// A call out of order panics at once, naming the call the sequence
/// expected next and the one that happened:
///
/// ```text
/// log.write: call out of sequence.
/// Expected: db.open("f")
///   Actual: log.write("too early")
/// ```
#[derive(Clone, Default)]
pub struct Sequence {
    shared: Arc<Mutex<SeqState>>,
}

#[derive(Default)]
struct SeqState {
    /// Weak, so that a sequence never keeps a mock's expectations (and
    /// whatever their answers capture) alive.
    members: Vec<Weak<dyn SequenceMember>>,
    /// The member that answered the last call.
    cursor: usize,
}

/// An expectation's place in a sequence.
#[derive(Clone)]
pub(crate) struct SeqLink {
    shared: Arc<Mutex<SeqState>>,
    index: usize,
}

impl Sequence {
    /// A new, empty sequence.
    ///
    /// ```
    /// let seq = mockgen::Sequence::new();
    /// assert_eq!(seq.len(), 0);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Sequence::default()
    }

    /// How many expectations were added to the sequence.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// let seq = Sequence::new();
    /// clock.now.expect(call!()).return_value(1).in_sequence(&seq);
    /// assert_eq!(seq.len(), 1);
    /// # clock.now();
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        lock(&self.shared).members.len()
    }

    /// Whether no expectation was added yet.
    ///
    /// ```
    /// assert!(mockgen::Sequence::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn add(&self, member: Weak<dyn SequenceMember>) -> SeqLink {
        let mut state = lock(&self.shared);
        state.members.push(member);
        SeqLink {
            shared: Arc::clone(&self.shared),
            index: state.members.len() - 1,
        }
    }
}

impl fmt::Debug for Sequence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = lock(&self.shared);
        let labels: Vec<String> = state
            .members
            .iter()
            .map(|m| {
                m.upgrade()
                    .map_or("<dropped>".to_owned(), |m| m.label().to_owned())
            })
            .collect();
        f.debug_struct("Sequence")
            .field("expectations", &labels)
            .field("position", &state.cursor)
            .finish()
    }
}

impl SeqLink {
    /// Under the sequence's lock: if this member may answer a call now, runs
    /// `claim` (which takes the member's own lock, and runs no user code)
    /// and moves the sequence to this member when it claimed the call.
    /// `Err` holds the label of the call the sequence expected instead.
    pub(crate) fn try_advance<R>(
        &self,
        claim: impl FnOnce() -> Option<R>,
    ) -> Result<Option<R>, String> {
        let mut state = lock(&self.shared);
        if let Some(expected) = state.blocker(self.index) {
            return Err(expected);
        }
        let claimed = claim();
        if claimed.is_some() {
            state.cursor = self.index;
        }
        Ok(claimed)
    }
}

impl SeqState {
    fn member(&self, index: usize) -> Option<Arc<dyn SequenceMember>> {
        self.members
            .get(index)
            .and_then(Weak::upgrade)
            .filter(|m| !m.is_retired())
    }

    /// The label of the call expected before member `index` may answer,
    /// or `None` when it may answer now.
    fn blocker(&self, index: usize) -> Option<String> {
        if index >= self.cursor {
            return (self.cursor..index)
                .filter_map(|i| self.member(i))
                .find(|m| !m.min_reached())
                .map(|m| m.label().to_owned());
        }
        // An earlier member, after the sequence moved past it.
        let next = (self.cursor..self.members.len())
            .filter_map(|i| self.member(i))
            .find(|m| !m.min_reached())
            .or_else(|| {
                (self.cursor..self.members.len())
                    .filter_map(|i| self.member(i))
                    .find(|m| m.open())
            });
        Some(next.map_or_else(
            || "no further call: the sequence is complete".to_owned(),
            |m| m.label().to_owned(),
        ))
    }
}
