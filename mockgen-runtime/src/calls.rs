//! Where a method's calls are kept: inline in an append-only log, one per
//! method and reset, so that recording a call allocates nothing of its own
//! (the log grows in chunks, like a `Vec`) and a recorded entry never
//! moves. Histories, recorders and assertions hold a handle on the
//! log and an index ([`AnyEntry`], [`EntryRef`]) and read the entry
//! without a lock.
//!
//! Generic over the argument kinds alone, not the whole signature: methods
//! that take the same arguments share this code whatever they return.

use std::any::Any;
use std::ops::Deref;
use std::sync::Arc;

use crate::append_log::{AppendLog, Pusher};
use crate::args::{ArgKinds, ArgView};
use crate::signature::Signature;

/// Calls `each` with a view of every argument of a record.
pub(crate) type VisitArgs<A> = for<'r> fn(&'r <A as ArgKinds>::Record, &mut dyn FnMut(ArgView<'r>));

/// One recorded call of a method with argument kinds `A`.
pub(crate) struct Entry<A: ArgKinds> {
    /// The call's place in the process-wide order (see `seq`).
    pub(crate) seq: u64,
    pub(crate) record: A::Record,
}

/// The calls of one method since its last reset, in call order. Pushed to
/// under the method's lock (so that index order is `seq` order), read
/// without it.
pub(crate) struct Calls<A: ArgKinds> {
    /// The method's name.
    name: &'static str,
    visit_args: VisitArgs<A>,
    entries: AppendLog<Entry<A>>,
}

impl<A: ArgKinds> Calls<A> {
    /// An empty log, and the right to push to it.
    pub(crate) fn new(name: &'static str, visit_args: VisitArgs<A>) -> (Arc<Self>, Pusher) {
        let (entries, pusher) = AppendLog::new();
        (
            Arc::new(Calls {
                name,
                visit_args,
                entries,
            }),
            pusher,
        )
    }

    /// The number of calls.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Adds a call; returns its index.
    pub(crate) fn push(&self, pusher: &mut Pusher, entry: Entry<A>) -> usize {
        self.entries.push(pusher, entry)
    }

    fn entry(&self, index: usize) -> &Entry<A> {
        self.entries
            .get(index)
            .expect("invariant: an entry handle points at a recorded call")
    }
}

/// A method's calls seen without their argument types.
pub(crate) trait ErasedCalls: Send + Sync {
    fn len(&self) -> usize;
    fn seq(&self, index: usize) -> u64;
    fn method(&self) -> &'static str;
    fn views(&self, index: usize) -> Vec<ArgView<'_>>;
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync>;
}

impl<A: ArgKinds> ErasedCalls for Calls<A> {
    fn len(&self) -> usize {
        Calls::len(self)
    }
    fn seq(&self, index: usize) -> u64 {
        self.entry(index).seq
    }
    fn method(&self) -> &'static str {
        self.name
    }
    fn views(&self, index: usize) -> Vec<ArgView<'_>> {
        let mut views = Vec::new();
        (self.visit_args)(&self.entry(index).record, &mut |view| views.push(view));
        views
    }
    fn into_any(self: Arc<Self>) -> Arc<dyn Any + Send + Sync> {
        self
    }
}

/// The typed calls behind an erased log of a method with argument kinds
/// `A`.
pub(crate) fn typed_calls<A: ArgKinds>(calls: Arc<dyn ErasedCalls>) -> Arc<Calls<A>> {
    calls.into_any().downcast().unwrap_or_else(|_| {
        unreachable!("invariant: a method's log holds calls of its argument kinds")
    })
}

/// A recorded call of any method: its method's log and its index there.
#[derive(Clone)]
pub(crate) struct AnyEntry {
    calls: Arc<dyn ErasedCalls>,
    index: usize,
}

impl AnyEntry {
    pub(crate) fn new(calls: Arc<dyn ErasedCalls>, index: usize) -> Self {
        AnyEntry { calls, index }
    }

    /// Every entry of `calls`, oldest first.
    pub(crate) fn all(calls: &Arc<dyn ErasedCalls>) -> Vec<AnyEntry> {
        (0..calls.len())
            .map(|index| AnyEntry::new(Arc::clone(calls), index))
            .collect()
    }

    pub(crate) fn seq(&self) -> u64 {
        self.calls.seq(self.index)
    }

    pub(crate) fn method(&self) -> &'static str {
        self.calls.method()
    }

    pub(crate) fn views(&self) -> Vec<ArgView<'_>> {
        self.calls.views(self.index)
    }

    /// The `Debug` text of each argument.
    pub(crate) fn debug_args(&self) -> Vec<String> {
        self.views().iter().map(ArgView::to_debug_string).collect()
    }

    /// The call's number among its method's calls since the last reset,
    /// from 1.
    pub(crate) fn number(&self) -> usize {
        self.index + 1
    }

    /// The typed entry; `S` must be the entry's method.
    pub(crate) fn typed<S: Signature>(self) -> EntryOf<S> {
        EntryRef {
            calls: typed_calls(self.calls),
            index: self.index,
        }
    }
}

/// A recorded call of a method with argument kinds `A`, kept alive by its
/// handle.
pub(crate) struct EntryRef<A: ArgKinds> {
    calls: Arc<Calls<A>>,
    index: usize,
}

/// The entries of method `S`.
pub(crate) type EntryOf<S> = EntryRef<<S as Signature>::Args>;

impl<A: ArgKinds> EntryRef<A> {
    pub(crate) fn new(calls: Arc<Calls<A>>, index: usize) -> Self {
        EntryRef { calls, index }
    }

    /// Every entry of `calls` up to `len`, oldest first.
    pub(crate) fn all(calls: &Arc<Calls<A>>, len: usize) -> Vec<Self> {
        (0..len)
            .map(|index| EntryRef::new(Arc::clone(calls), index))
            .collect()
    }
}

impl<A: ArgKinds> Clone for EntryRef<A> {
    fn clone(&self) -> Self {
        EntryRef::new(Arc::clone(&self.calls), self.index)
    }
}

impl<A: ArgKinds> Deref for EntryRef<A> {
    type Target = Entry<A>;
    fn deref(&self) -> &Entry<A> {
        self.calls.entry(self.index)
    }
}

impl<A: ArgKinds> From<EntryRef<A>> for AnyEntry {
    fn from(entry: EntryRef<A>) -> Self {
        AnyEntry::new(entry.calls, entry.index)
    }
}
