//! A method's answers without their types.
//!
//! Configured values, side effects and iterators are stored type-erased, so
//! that the code that keeps, queues, takes and drops them is compiled once,
//! in this crate, instead of once per return type in the user's crate: a
//! trait whose methods all return different types then costs little more
//! to build than one whose methods share a signature.
//!
//! A call's answer is written into the typed entry point's
//! `Option<Output>`, seen here as a [`Slot`]: nothing is allocated, and the
//! one check per call is a comparison of type ids.
//!
//! With [`append_log`](crate::state::append_log), one of the few modules of the
//! runtime with `unsafe` code: a slot is a pointer and the type id of what
//! it points at, written only after the ids are compared. (A `&mut dyn
//! Any` would do the same safely, at the cost of a call through its vtable
//! on every call of a mocked method: a third of a configured call's time.)
#![allow(unsafe_code)]

use std::any::{Any, TypeId};
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::ThreadId;

use crate::state::calls::AnyEntry;
use crate::state::sync::lock;

/// A configured value (`return_value`): each call gets a clone of it, or,
/// from a method that returns a reference, the value itself.
pub(crate) type ValueFn = Arc<dyn Configured>;

/// A configured value, without its type.
pub(crate) trait Configured: Send + Sync {
    /// Writes a clone of the value (user code: `Clone`).
    fn write_clone(&self, out: &mut Slot<'_>);
    /// Keeps the value among `lent`, the first time it is lent; where it is.
    fn keep(self: Arc<Self>, lent: &boxcar::Vec<Kept>) -> usize;
}

/// A value kept by a method that lends references to it: a [`Held`].
pub(crate) type Kept = Arc<dyn Any + Send + Sync>;

/// A value, and where it is kept once it was lent.
pub(crate) struct Held<T> {
    pub(crate) value: T,
    kept_at: OnceLock<usize>,
}

impl<T> Held<T> {
    pub(crate) fn new(value: T) -> Self {
        Held {
            value,
            kept_at: OnceLock::new(),
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Configured for Held<T> {
    #[inline]
    fn write_clone(&self, out: &mut Slot<'_>) {
        put(out, self.value.clone());
    }

    fn keep(self: Arc<Self>, lent: &boxcar::Vec<Kept>) -> usize {
        let kept = Arc::clone(&self);
        *self.kept_at.get_or_init(move || lent.push(kept))
    }
}

/// Writes a value once (`return_once`).
pub(crate) type OnceFn = Box<dyn FnOnce(&mut Slot<'_>) + Send>;

/// The items of a `side_effect_iter`.
pub(crate) type IterFn = Arc<Items>;

/// A side effect or an original implementation: an `Arc<S::Fn>`, called
/// by the typed entry point after [`effect`].
pub(crate) type EffectFn = Arc<dyn Any + Send + Sync>;

/// A side effect that may step aside (`side_effect_or_default`): `probe`
/// gets the call's arguments in an `Option` and answers `Some` with them
/// lent again, or steps aside and leaves them to the caller, which lets the
/// rest of the configuration answer with them (a spy's real value, an
/// original).
#[derive(Clone)]
pub(crate) struct StepAside {
    pub(crate) probe: EffectFn,
}

// The panics are not generic, so that each return type does not compile
// its own copy of the formatting. Their messages differ, so that a test of
// one cannot pass on the other.

#[cold]
#[inline(never)]
fn mistyped() -> ! {
    panic!("invariant: a call's answer has its signature's types")
}

#[cold]
#[inline(never)]
fn written_twice() -> ! {
    panic!("invariant: a call's answer is written once")
}

#[cold]
#[inline(never)]
#[track_caller]
fn unanswered() -> ! {
    panic!("invariant: a value answer was written")
}

/// Where a call's answer is written, once: an empty `Option<T>` of the
/// caller's, with `T`'s type id.
pub(crate) struct Slot<'a> {
    out: NonNull<()>,
    type_id: TypeId,
    written: bool,
    /// The caller returns a reference: a configured value is kept and
    /// lent (`kept`) rather than cloned, and a default is marked.
    pub(crate) lends: bool,
    /// Where the configured value that answers is kept (when `lends`).
    pub(crate) kept: Option<usize>,
    /// The answer written is the return type's default (when `lends`).
    pub(crate) defaulted: bool,
    borrow: PhantomData<&'a mut ()>,
}

impl<'a> Slot<'a> {
    /// A slot that writes into `out`, which is `None`.
    #[inline(always)]
    pub(crate) fn new<T: 'static>(out: &'a mut Option<T>) -> Self {
        // `out` is a fresh `None` at every caller: a value in it would be
        // forgotten by the write, not dropped.
        Slot {
            out: NonNull::from(out).cast(),
            type_id: TypeId::of::<T>(),
            written: false,
            lends: false,
            kept: None,
            defaulted: false,
            borrow: PhantomData,
        }
    }

    /// What a lending call's answer is, once the call is answered.
    pub(crate) fn lent_answer(self) -> LentAnswer {
        match self.kept {
            Some(index) => LentAnswer::Kept(index),
            None if self.defaulted => LentAnswer::Default,
            None => LentAnswer::Made,
        }
    }

    /// A slot for a method that returns a reference to the answer.
    #[inline]
    pub(crate) fn lending<T: 'static>(out: &'a mut Option<T>) -> Self {
        Slot {
            lends: true,
            ..Slot::new(out)
        }
    }
}

/// The answer of a call that returns a reference to it.
pub(crate) enum LentAnswer {
    /// The configured value kept at this index.
    Kept(usize),
    /// The return type's default, written into the caller's `Option`.
    Default,
    /// A value made for this call, written into the caller's `Option`.
    Made,
}

/// Writes `value` as the answer of a call that returns `T`.
#[inline(always)]
pub(crate) fn put<T: 'static>(slot: &mut Slot<'_>, value: T) {
    if slot.type_id != TypeId::of::<T>() {
        mistyped();
    }
    if slot.written {
        written_twice();
    }
    slot.written = true;
    // SAFETY: `slot.out` comes from the `&'a mut Option<U>` of
    // `Slot::new`, which the slot borrows for `'a`, and `U` is `T`: their
    // type ids are equal. It holds `None` (written at most once, and empty
    // when the slot was made), so there is nothing to drop: a plain write,
    // without the drop glue of `Option<T>` in every instance.
    unsafe { slot.out.cast::<Option<T>>().as_ptr().write(Some(value)) }
}

/// The answer written by [`put`].
#[inline(always)]
#[track_caller]
pub(crate) fn taken<T>(out: Option<T>) -> T {
    match out {
        Some(value) => value,
        None => unanswered(),
    }
}

/// Every call gets a clone of `value` (or `value` itself, lent).
pub(crate) fn value_fn<T: Clone + Send + Sync + 'static>(value: T) -> ValueFn {
    Arc::new(Held::new(value))
}

/// One call gets `value`.
pub(crate) fn once_fn<T: Send + 'static>(value: T) -> OnceFn {
    Box::new(move |out: &mut Slot<'_>| put(out, value))
}

/// Each call gets the next item of `iter`.
pub(crate) fn iter_fn<I>(mut iter: I) -> IterFn
where
    I: Iterator + Send + 'static,
    I::Item: 'static,
{
    Arc::new(Items {
        producer: Mutex::new(None),
        next: Mutex::new(Box::new(move |out: &mut Slot<'_>| match iter.next() {
            Some(item) => {
                put(out, item);
                true
            }
            None => false,
        })),
    })
}

/// The iterator of a `side_effect_iter`, shared by concurrent calls.
///
/// `next()` runs with none of the mock's locks held, only the iterator's
/// own: a call from another thread waits for the item being made before it
/// takes the next one. A call that `next()` itself makes to the same method
/// (a generator that asks the mock) cannot wait for it: it is told the
/// iterator is [busy](Next::Busy), and the rest of the configuration
/// answers it.
pub(crate) struct Items {
    /// The thread running `next()`, while it runs.
    producer: Mutex<Option<ThreadId>>,
    next: Mutex<NextFn>,
}

/// Writes the next item; `false` once the iterator is exhausted.
type NextFn = Box<dyn FnMut(&mut Slot<'_>) -> bool + Send>;

/// What [`Items::next_into`] did.
pub(crate) enum Next {
    /// An item is written.
    Item,
    Exhausted,
    /// Called from the iterator's own `next()`.
    Busy,
}

impl Items {
    /// Writes the next item into `out`.
    pub(crate) fn next_into(&self, out: &mut Slot<'_>) -> Next {
        let me = std::thread::current().id();
        if *lock(&self.producer) == Some(me) {
            return Next::Busy;
        }
        let mut next = lock(&self.next);
        *lock(&self.producer) = Some(me);
        // Cleared before `next` is unlocked, also when the iterator panics.
        let _producing = Producing(&self.producer);
        if next(out) {
            Next::Item
        } else {
            Next::Exhausted
        }
    }
}

/// Clears [`Items::producer`] when dropped.
struct Producing<'a>(&'a Mutex<Option<ThreadId>>);

impl Drop for Producing<'_> {
    fn drop(&mut self) {
        *lock(self.0) = None;
    }
}

/// Stores a side effect (or an original implementation) of type `F`.
pub(crate) fn effect_fn<F: ?Sized + Send + Sync + 'static>(f: Box<F>) -> EffectFn {
    Arc::new(Arc::<F>::from(f))
}

/// The side effect stored by [`effect_fn`].
#[inline]
pub(crate) fn effect<F: ?Sized + Send + Sync + 'static>(f: &EffectFn) -> &Arc<F> {
    match f.downcast_ref() {
        Some(f) => f,
        None => mistyped(),
    }
}

/// How a recorded call is answered. A value is written into the caller's
/// `Option<Output>` (see the top of this file).
pub(crate) enum Resolved {
    Effect(EffectFn),
    /// A side effect that may step aside, for call `entry`; `expected`: an
    /// expectation matched it without answering.
    StepAside {
        effect: StepAside,
        entry: Option<AnyEntry>,
        expected: bool,
    },
    Value,
    /// Only where the caller has an original ([`Original`](crate::state::dispatch::Original)).
    Original,
    /// The spy's real value; only where the caller can call it.
    Real,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_written_into_the_callers_slot() {
        let mut out = None::<String>;
        value_fn("a".to_owned()).write_clone(&mut Slot::new(&mut out));
        assert_eq!(taken(out.take()), "a");
        once_fn("b".to_owned())(&mut Slot::new(&mut out));
        assert_eq!(out.take().as_deref(), Some("b"));

        let iter = iter_fn(["c".to_owned()].into_iter());
        assert!(matches!(
            iter.next_into(&mut Slot::new(&mut out)),
            Next::Item
        ));
        assert_eq!(out.take().as_deref(), Some("c"));
        let next = iter.next_into(&mut Slot::new(&mut out));
        assert!(matches!(next, Next::Exhausted));
        assert_eq!(out, None);
    }

    #[test]
    #[should_panic(expected = "invariant: a call's answer is written once")]
    fn a_slot_is_written_once() {
        let mut out = None::<u64>;
        let mut slot = Slot::new(&mut out);
        put(&mut slot, 1_u64);
        put(&mut slot, 2_u64);
    }

    #[test]
    fn side_effects_come_back_with_their_type() {
        let f: Box<dyn Fn(u32) -> u32 + Send + Sync> = Box::new(|x| x + 1);
        let stored = effect_fn(f);
        assert_eq!(effect::<dyn Fn(u32) -> u32 + Send + Sync>(&stored)(1), 2);
    }

    #[test]
    #[should_panic(expected = "invariant: a call's answer has its signature's types")]
    fn a_slot_of_another_type_is_refused() {
        let mut out = None::<u64>;
        put(&mut Slot::new(&mut out), "not a u64");
    }
}
