//! Async methods (Python's `AsyncMock`): a call is recorded when the method
//! is called, an await when its future is first polled.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::state::answer::Resolved;
use crate::state::answer::{Slot, effect, taken};
use crate::state::calls::{AnyEntry, EntryOf};
use crate::state::dispatch::Original;
use crate::state::method::Method;
use crate::state::signature::ArgOf;
use crate::state::signature::{RecordOf, Signature};
use crate::state::sync::lock;

/// A boxed, `Send` future: what the side effects of async methods return.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Marks the signature of an async method (`async fn`, or a method
/// returning `impl Future`): its handle tracks awaits and takes async side
/// effects. Implemented by generated code.
pub trait AsyncSignature: Signature {}

/// How an awaited call is answered; generated code runs side effects and
/// original bodies itself.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub enum Answer<S: Signature> {
    SideEffect(Arc<S::Fn>),
    Value(S::Output),
    Original,
    /// The spy's real value: its method is awaited.
    Real,
}

/// A recorded call of an async method whose future has not run yet.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
#[must_use]
pub struct AsyncCall<S: Signature, A> {
    method: Method<S, A>,
    entry: AnyEntry,
}

impl<S: Signature, A> Method<S, A> {
    /// Records the call; the returned token answers when awaited.
    #[doc(hidden)]
    pub fn __call_async(&self, record: RecordOf<S>) -> AsyncCall<S, A> {
        AsyncCall {
            method: self.clone(),
            entry: self.inner.record_call::<S::Args>(record),
        }
    }
}

impl<S: Signature, A> AsyncCall<S, A> {
    /// Records the await and resolves the answer; called on first poll.
    /// `has_original`: the method has a default body, which then answers
    /// unconfigured calls; without one, `Original` is never returned.
    /// `reaches_real`: the method awaits a spy's real value's method, which
    /// then answers before the default body; without it, `Real` is never
    /// returned.
    #[doc(hidden)]
    #[track_caller]
    pub fn __await(self, has_original: bool, reaches_real: bool) -> Answer<S> {
        let entry = self.entry;
        lock(&self.method.inner.awaits).push(entry.clone());
        let original = match (has_original, reaches_real) {
            (true, _) => Original::ByDefault,
            (false, true) => Original::Real,
            (false, false) => Original::Missing,
        };
        let mut out = None;
        match self
            .method
            .inner
            .resolve(&entry, original, &mut Slot::new(&mut out))
        {
            Resolved::Effect(f) => Answer::SideEffect(Arc::clone(effect::<S::Fn>(&f))),
            // Without the arguments to lend again, a side effect that steps
            // aside falls back to what needs none.
            Resolved::StepAside { effect: step, .. } => {
                Answer::SideEffect(Arc::clone(effect::<S::Fn>(&step.whole)))
            }
            Resolved::Value => Answer::Value(taken(out)),
            Resolved::Real if reaches_real => Answer::Real,
            // A method that does not reach the real value: its default
            // body answers.
            Resolved::Original | Resolved::Real => Answer::Original,
        }
    }
}

impl<S: AsyncSignature, A> Method<S, A> {
    pub(crate) fn awaited(&self) -> Vec<EntryOf<S>> {
        let erased = lock(&self.inner.awaits).clone();
        erased.into_iter().map(AnyEntry::of_kinds).collect()
    }

    /// How many calls were awaited (their future polled at least once).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// # futures::executor::block_on(async {
    /// let api = MockApi::new();
    /// let pending = api.fetch(1); // called, not awaited
    /// assert_eq!(api.fetch.call_count(), 1);
    /// assert_eq!(api.fetch.await_count(), 0);
    /// pending.await;
    /// assert_eq!(api.fetch.await_count(), 1);
    /// # });
    /// ```
    #[must_use]
    pub fn await_count(&self) -> usize {
        lock(&self.inner.awaits).len()
    }

    /// The arguments of the last awaited call.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(api.fetch(3));
    /// assert_eq!(api.fetch.await_args(), Some((3,)));
    /// ```
    #[must_use]
    pub fn await_args(&self) -> Option<RecordOf<S>> {
        self.awaited().last().map(|e| e.record.clone())
    }

    /// The arguments of every awaited call, in await order.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// let (first, second) = (api.fetch(1), api.fetch(2));
    /// futures::executor::block_on(async { second.await; first.await; });
    /// assert_eq!(api.fetch.await_args_list(), [(2,), (1,)]);
    /// ```
    #[must_use]
    pub fn await_args_list(&self) -> Vec<RecordOf<S>> {
        self.awaited().iter().map(|e| e.record.clone()).collect()
    }
}

macro_rules! side_effect_async {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        /// `boxed` for async side effects. Implemented by generated code.
        pub trait $async_sig: crate::state::signature::$sig + AsyncSignature {
            /// Boxes an async side-effect closure as [`Signature::Fn`].
            fn boxed_async<C, F>(closure: C) -> Box<Self::Fn>
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, Self, $index>),*) -> F + Send + Sync + 'static,
                F: Future<Output = Self::Output> + Send + 'static;
        }

        impl<S: $async_sig> Method<S, crate::state::signature::$arity> {
            /// Every call's future runs the future that `f` returns for the
            /// call's arguments (for pending or slow answers). The future
            /// must own what it uses: clone borrowed arguments before the
            /// `async move` block.
            ///
            /// ```
            /// # use mockgen::prelude::*;
            /// #[automock]
            /// trait Api {
            ///     async fn fetch(&self, id: u32) -> String;
            /// }
            ///
            /// let api = MockApi::new();
            /// api.fetch.side_effect_async(|id| async move { format!("item {id}") });
            /// assert_eq!(futures::executor::block_on(api.fetch(7)), "item 7");
            /// ```
            pub fn side_effect_async<C, F>(&self, f: C)
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> F + Send + Sync + 'static,
                F: Future<Output = S::Output> + Send + 'static,
            {
                self.set_side_effect(S::boxed_async(f));
            }
        }
    };
}

crate::state::signature::for_each_arity!(side_effect_async);
