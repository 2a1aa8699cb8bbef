//! Async methods (Python's `AsyncMock`): a call is recorded when the method
//! is called, an await when its future is first polled.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::config::lending::LendingAnswer;
use crate::state::answer::Resolved;
use crate::state::answer::{Slot, effect, taken};
use crate::state::calls::{AnyEntry, EntryOf};
use crate::state::dispatch::Original;
use crate::state::method::Method;
use crate::state::signature::ArgOf;
use crate::state::signature::{Lends, RecordOf, Signature};
use crate::state::step_aside::ProbeOf;
use crate::state::sync::lock;

/// A boxed, `Send` future: what the side effects of async methods return.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Marks the signature of an async method (`async fn`, or a method
/// returning `impl Future`): its handle tracks awaits and takes async side
/// effects. Implemented by generated code.
pub trait AsyncSignature: Signature {}

/// How an awaited call is answered, with the call's arguments handed back
/// to whoever answers with them; generated code runs side effects, original
/// bodies and a spy's real method itself.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub enum Answer<S: Signature, A> {
    SideEffect(Arc<S::Fn>, A),
    Value(S::Output),
    /// The default body of a trait method, or a patched function's
    /// original.
    Original(A),
    /// The spy's real value: its method is awaited.
    Real(A),
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

impl<S: AsyncSignature> AsyncCall<S, Lends> {
    /// Records the await and resolves the answer of an async method whose
    /// return value borrows from its arguments (see [`Lends`]): generated
    /// code runs the side effect itself, with the arguments.
    /// `has_original`: the method has a default body, which then answers
    /// unconfigured calls.
    #[doc(hidden)]
    #[track_caller]
    pub fn __answer_lending(self, has_original: bool) -> LendingAnswer<S> {
        lock(&self.method.inner.awaits).push(self.entry.clone());
        let original = if has_original {
            Original::ByDefault
        } else {
            Original::Missing
        };
        let mut out = None;
        let resolved = self
            .method
            .inner
            .resolve(&self.entry, original, &mut Slot::new(&mut out));
        LendingAnswer::of(resolved, out, false)
    }
}

macro_rules! answer_async {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: $async_sig> AsyncCall<S, crate::state::signature::$arity> {
            /// Records the await and resolves the answer; called on first
            /// poll, with the call's arguments.
            /// `has_original`: the method has a default body, which then
            /// answers unconfigured calls; without one, `Original` is never
            /// returned. `reaches_real`: the method awaits a spy's real
            /// value's method, which then answers before the default body;
            /// without it, `Real` is never returned.
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            pub fn __answer<$($lt, $inner),*>(
                self,
                has_original: bool,
                reaches_real: bool,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Answer<S, ($(ArgOf<$lt, $inner, S, $index>,)*)> {
                lock(&self.method.inner.awaits).push(self.entry.clone());
                let original = match (has_original, reaches_real) {
                    (true, _) => Original::ByDefault,
                    (false, true) => Original::Real,
                    (false, false) => Original::Missing,
                };
                self.method.answer_async(&self.entry, original, reaches_real, $($param),*)
            }
        }

        impl<S: $async_sig> Method<S, crate::state::signature::$arity> {
            /// Records a call of an async patched function and its await,
            /// and resolves the answer: the original only after
            /// `call_original()`. (The trampoline is itself `async`: the
            /// call and its await are recorded together, when it is first
            /// polled.)
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            pub fn __call_patched_async<$($lt, $inner),*>(
                &self,
                record: RecordOf<S>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Answer<S, ($(ArgOf<$lt, $inner, S, $index>,)*)> {
                let entry = self.inner.record_call::<S::Args>(record);
                lock(&self.inner.awaits).push(entry.clone());
                self.answer_async(&entry, Original::OnRequest, false, $($param),*)
            }

            /// What answers an awaited call (the guide's precedence), with
            /// the arguments handed back to it. A side effect that steps
            /// aside gets them lent again, so that what answers after it
            /// (`return_once`, `return_value`, the real value or the
            /// original, the default) is the same as for a sync call.
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            fn answer_async<$($lt, $inner),*>(
                &self,
                entry: &AnyEntry,
                original: Original,
                reaches_real: bool,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Answer<S, ($(ArgOf<$lt, $inner, S, $index>,)*)> {
                let mut out = None;
                let resolved = self.inner.resolve(entry, original, &mut Slot::new(&mut out));
                let (resolved, args) = match resolved {
                    Resolved::StepAside { effect: step, entry, expected } => {
                        // Lent again to the side effect, or taken by it when
                        // they cannot be: then it answered with what needs
                        // no arguments.
                        let mut lent = Some(($($param,)*));
                        match (effect::<ProbeOf<S>>(&step.probe)(&mut lent), lent) {
                            (Some(value), _) => return Answer::Value(value),
                            (None, Some(args)) => {
                                let resolved = self.inner.stepped_aside(
                                    entry.as_ref(),
                                    original,
                                    expected,
                                    &mut Slot::new(&mut out),
                                );
                                (resolved, args)
                            }
                            (None, None) => {
                                unreachable!("invariant: a side effect that takes the arguments answers")
                            }
                        }
                    }
                    resolved => (resolved, ($($param,)*)),
                };
                match resolved {
                    Resolved::Effect(f) => Answer::SideEffect(Arc::clone(effect::<S::Fn>(&f)), args),
                    Resolved::Value => Answer::Value(taken(out)),
                    Resolved::Real if reaches_real => Answer::Real(args),
                    // A method that does not reach the real value: its
                    // default body answers.
                    Resolved::Original | Resolved::Real => Answer::Original(args),
                    Resolved::StepAside { .. } => {
                        unreachable!("invariant: a side effect steps aside once per call")
                    }
                }
            }
        }
    };
}

crate::state::signature::for_each_arity!(answer_async);

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
