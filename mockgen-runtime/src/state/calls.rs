//! Where a method's calls are kept: inline in an append-only log, one per
//! method and reset, so that recording a call allocates nothing of its own
//! (the log grows in chunks, like a `Vec`) and a recorded entry never
//! moves. Histories, recorders and assertions hold a handle on the
//! log and an index ([`AnyEntry`], [`EntryRef`]) and read the entry
//! without a lock.
//!
//! Not generic: the log knows its entries' type at run time (see
//! [`append_log`](crate::state::append_log)), and what shows them comes from the
//! signature's [`Meta`](crate::state::meta::Meta). So this code is compiled once, in this crate;
//! typed handles ([`EntryRef`]) check the entries' type when read.

use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::{Arc, Mutex};

use crate::state::append_log::{AppendLog, EntryType, Pusher};
use crate::state::args::{ArgKinds, ArgView};
use crate::state::signature::Signature;
use crate::state::sync::lock;

/// Calls `each` with a view of every argument of entry `index` of `calls`.
pub(crate) type VisitArgs = for<'r> fn(&'r Calls, usize, &mut dyn FnMut(ArgView<'r>));

/// One recorded call of a method with argument kinds `A`; the log keeps
/// its place in the process-wide order (see `seq`) beside it.
pub(crate) struct Entry<A: ArgKinds> {
    pub(crate) record: A::Record,
}

impl<A: ArgKinds> Entry<A> {
    /// What the log of a method with argument kinds `A` holds.
    pub(crate) fn entry_type() -> EntryType {
        EntryType::of::<Self>()
    }
}

/// The calls of one method since its last reset, in call order. Pushed to
/// under the method's lock (so that index order is `seq` order), read
/// without it.
pub(crate) struct Calls {
    /// The method's name.
    name: &'static str,
    visit_args: VisitArgs,
    /// `Entry<A>`s of the method's argument kinds `A`.
    entries: AppendLog,
}

impl Calls {
    /// An empty log of the calls of a method named `name`, and the right to
    /// push to it.
    pub(crate) fn new(
        name: &'static str,
        entry_type: EntryType,
        visit_args: VisitArgs,
    ) -> (Arc<Self>, Pusher) {
        let (entries, pusher) = AppendLog::new(entry_type);
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

    /// Adds call number `seq`; returns its index.
    ///
    /// # Panics
    /// If the method's argument kinds are not `A`.
    #[inline(always)]
    pub(crate) fn push<A: ArgKinds>(
        &self,
        pusher: &mut Pusher,
        seq: u64,
        entry: Entry<A>,
    ) -> usize {
        self.entries.push(pusher, seq, entry)
    }

    /// Entry `index`, typed.
    ///
    /// # Panics
    /// If the method's argument kinds are not `A`, or there is no such
    /// entry.
    pub(crate) fn entry<A: ArgKinds>(&self, index: usize) -> &Entry<A> {
        self.entries.get(index).expect(RECORDED)
    }

    pub(crate) fn seq(&self, index: usize) -> u64 {
        self.entries.stamp(index).expect(RECORDED)
    }

    pub(crate) fn method(&self) -> &'static str {
        self.name
    }

    pub(crate) fn views(&self, index: usize) -> Vec<ArgView<'_>> {
        let mut views = Vec::new();
        (self.visit_args)(self, index, &mut |view| views.push(view));
        views
    }
}

const RECORDED: &str = "invariant: an entry handle points at a recorded call";

/// Visits the arguments of entry `index` of `calls`, a log of method `S`.
pub(crate) fn visit_args<'r, S: Signature>(
    calls: &'r Calls,
    index: usize,
    each: &mut dyn FnMut(ArgView<'r>),
) {
    S::visit_args(&calls.entry::<S::Args>(index).record, each);
}

/// A recorded call of any method: its method's log and its index there.
#[derive(Clone)]
pub(crate) struct AnyEntry {
    calls: Arc<Calls>,
    index: usize,
}

impl AnyEntry {
    pub(crate) fn new(calls: Arc<Calls>, index: usize) -> Self {
        AnyEntry { calls, index }
    }

    /// Every entry of `calls`, oldest first.
    pub(crate) fn all(calls: &Arc<Calls>) -> Vec<AnyEntry> {
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

    /// The recorded arguments, typed.
    ///
    /// # Panics
    /// If the method's argument kinds are not `A`.
    pub(crate) fn record<A: ArgKinds>(&self) -> &A::Record {
        &self.calls.entry::<A>(self.index).record
    }

    /// The recorded arguments, when the method's argument kinds are `A`.
    pub(crate) fn try_record<A: ArgKinds>(&self) -> Option<&A::Record> {
        self.calls
            .entries
            .holds::<Entry<A>>()
            .then(|| self.record::<A>())
    }

    /// The typed entry of a method with argument kinds `A` (checked when
    /// it is read).
    pub(crate) fn of_kinds<A: ArgKinds>(self) -> EntryRef<A> {
        EntryRef::new(self.calls, self.index)
    }
}

/// A recorded call of a method with argument kinds `A`, kept alive by its
/// handle.
pub(crate) struct EntryRef<A: ArgKinds> {
    calls: Arc<Calls>,
    index: usize,
    kinds: PhantomData<fn() -> A>,
}

/// The entries of method `S`.
pub(crate) type EntryOf<S> = EntryRef<<S as Signature>::Args>;

impl<A: ArgKinds> EntryRef<A> {
    /// A handle on entry `index` of `calls`; reading it panics if the
    /// method's argument kinds are not `A` (see [`Calls::entry`]).
    pub(crate) fn new(calls: Arc<Calls>, index: usize) -> Self {
        EntryRef {
            calls,
            index,
            kinds: PhantomData,
        }
    }

    /// The `Debug` text of each argument (as the method's [`Meta`] shows
    /// it).
    ///
    /// [`Meta`]: crate::state::meta::Meta
    pub(crate) fn debug_args(&self) -> Vec<String> {
        let views = self.calls.views(self.index);
        views.iter().map(ArgView::to_debug_string).collect()
    }

    /// Every entry of `calls` up to `len`, oldest first.
    pub(crate) fn all(calls: &Arc<Calls>, len: usize) -> Vec<Self> {
        (0..len)
            .map(|index| EntryRef::new(Arc::clone(calls), index))
            .collect()
    }
}

impl<A: ArgKinds> Clone for EntryRef<A> {
    fn clone(&self) -> Self {
        EntryRef {
            calls: Arc::clone(&self.calls),
            index: self.index,
            kinds: PhantomData,
        }
    }
}

impl<A: ArgKinds> Deref for EntryRef<A> {
    type Target = Entry<A>;
    fn deref(&self) -> &Entry<A> {
        self.calls.entry(self.index)
    }
}

/// A method's calls since its last reset, as its expectations see them
/// for reports: kept apart from the method, because the check of a
/// dropped mock runs after its methods are gone.
pub(crate) struct CurrentCalls(pub(crate) Mutex<Arc<Calls>>);

impl CurrentCalls {
    pub(crate) fn entries(&self) -> Vec<AnyEntry> {
        let calls = Arc::clone(&lock(&self.0));
        AnyEntry::all(&calls)
    }
}
