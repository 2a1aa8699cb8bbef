//! `handle.expect(call!(…))` and the builder it returns.

mod async_effect;
mod lending;

use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::Ordering;
use std::sync::{Arc, MutexGuard};

use crate::config::configure::{ReturnValue, is_primitive};
use crate::expectations::expect::{ExpectationInner, State};
use crate::expectations::sequence::Sequence;
use crate::expectations::times::Times;
use crate::expectations::verify::unmet_report;
use crate::matching::call::Call;
use crate::state::answer;
use crate::state::method::Method;
use crate::state::registry::ErasedExpectation;
use crate::state::signature::ArgOf;
use crate::state::signature::{Signature, ValueArity};
use crate::state::sync::lock;

/// An expectation of one method, made by [`Method::expect`]: calls that
/// match it are answered by it and counted, and
/// [`verify`](crate::MockCore::verify) (also run when the last clone of the
/// mock is dropped) checks the count.
///
/// The expectation is in force as soon as `expect` returns; the builder
/// methods adjust it and can be chained in any order. Without an answer
/// (`return_value`, `return_once`, `side_effect`), a matching call is
/// counted and answered by the method's own configuration.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Weather {
///     fn temperature(&self, city: &str) -> Result<f64, String>;
/// }
///
/// let weather = MockWeather::new();
/// weather.temperature.return_value(Ok(20.0));
/// weather.temperature.expect(call!("Oslo")).return_value(Ok(-3.0)).times(1);
/// weather.temperature.expect(call!(starts_with("Par"))).side_effect(|_| Ok(18.0));
///
/// assert_eq!(weather.temperature("Oslo"), Ok(-3.0));
/// assert_eq!(weather.temperature("Paris"), Ok(18.0));
/// assert_eq!(weather.temperature("Rome"), Ok(20.0)); // no expectation: return_value
/// weather.verify();
/// ```
pub struct Expectation<S: Signature, A = <S as Signature>::Arity> {
    inner: Arc<ExpectationInner<S::Args>>,
    arity: PhantomData<fn() -> A>,
}

impl<S: Signature, A> fmt::Debug for Expectation<S, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state();
        f.debug_struct("Expectation")
            .field("call", &self.inner.label)
            .field("times", &state.times)
            .finish_non_exhaustive()
    }
}

impl<S: Signature, A> Method<S, A> {
    /// Adds an expectation: calls that match `call` are answered by it and
    /// counted (the guide's [Expectations](https://docs.rs/mockgen/latest/mockgen/guide/configuring/index.html#expectations)). Expectations are tried oldest first and the first
    /// that matches answers; one whose [`times`](Expectation::times) upper
    /// bound is reached stops matching. A call that no expectation takes
    /// falls back to the method's `side_effect` / `return_value` / default,
    /// like any call.
    ///
    /// Matchers see the recorded arguments, after the call is recorded and
    /// before any side effect runs.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature.expect(call!("Oslo")).return_value(-3.0).times(1);
    /// weather.temperature.expect(call!(ANY)).return_value(15.0);
    /// assert_eq!(weather.temperature("Oslo"), -3.0);
    /// // The first expectation is used up: the second one answers.
    /// assert_eq!(weather.temperature("Oslo"), 15.0);
    /// ```
    ///
    /// # Panics
    ///
    /// A call that matches only expectations whose upper bound is reached
    /// panics at once (and [`verify`](crate::MockCore::verify) reports it):
    ///
    /// ```text
    /// MockWeather.temperature: expectation temperature("Oslo") called more than 1 time.
    ///   Call: temperature("Oslo")
    /// ```
    ///
    /// On a [sealed](crate::MockCore::seal) mock, or when the return type has
    /// no `Default`, a call that no expectation takes and nothing else
    /// answers panics, listing the expectations tried:
    ///
    /// ```text
    /// MockWeather.temperature: the mock is sealed and no expectation matches this call.
    ///   Call: temperature("Rome")
    /// Expectations:
    ///   temperature("Oslo")
    /// Add an expectation that matches, or configure the method: `temperature.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`.
    /// ```
    #[track_caller]
    pub fn expect(&self, call: Call<S::Args>) -> Expectation<S, A> {
        // Rendering runs matchers' `describe`: no lock is held.
        let inner = Arc::new(ExpectationInner::new(
            call,
            self.inner.name,
            &self.qualified_name(),
            Arc::clone(&self.inner.current),
            std::panic::Location::caller(),
        ));
        self.inner
            .push_expectation(Arc::clone(&inner) as Arc<dyn ErasedExpectation>);
        self.inner.expecting.store(true, Ordering::Release);
        self.inner
            .mock
            .expectations
            .push(Arc::clone(&inner) as Arc<dyn ErasedExpectation>);
        Expectation {
            inner,
            arity: PhantomData,
        }
    }

    /// Panics listing every unmet expectation of this method, with its
    /// expected and actual number of calls, then the method's calls.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature.expect(call!("Oslo")).times(1);
    /// weather.temperature("Oslo");
    /// weather.temperature.verify();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: 1 unmet expectation.
    ///   temperature("Oslo"): expected once, called 0 times; set at src/lib.rs:12.
    /// Calls:
    ///   temperature("Paris")
    /// ```
    #[track_caller]
    pub fn verify(&self) {
        let mine = self.inner.expectations();
        if let Some(report) = unmet_report(&self.qualified_name(), &mine, "") {
            panic!("{report}");
        }
    }
}

impl<S: Signature, A> Expectation<S, A> {
    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.inner.state)
    }

    fn set_value(self, value: S::Output) -> Self
    where
        S::Output: ReturnValue,
    {
        let copy = is_primitive(std::any::TypeId::of::<S::Output>());
        let old = {
            let mut state = self.state();
            state.copy_value = copy;
            state.value.replace(answer::value_fn(value))
        };
        drop(old);
        self
    }

    fn push_once(self, value: S::Output) -> Self
    where
        S::Output: Send + 'static,
    {
        self.state().once.push_back(answer::once_fn(value));
        self
    }

    /// How many matching calls the expectation accepts: a `usize`, or a
    /// range (`1..=3`, `2..`, `..3`). Once the upper bound is reached the
    /// expectation stops matching; [`verify`](crate::MockCore::verify)
    /// checks the lower bound. Without `times`, any number of calls is
    /// fine, none included.
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
    /// clock.now.expect(call!()).return_value(1).times(2);
    /// clock.now.expect(call!()).return_value(9).times(1..);
    /// assert_eq!([clock.now(), clock.now(), clock.now()], [1, 1, 9]);
    /// clock.verify();
    /// ```
    ///
    /// # Panics
    ///
    /// When the range is empty (`times(2..2)`):
    /// `MockClock.now: times(2..2) accepts no number of calls.`
    #[track_caller]
    pub fn times(self, times: impl Into<Times> + fmt::Debug) -> Self {
        let text = format!("{times:?}");
        let times = times.into();
        if times.is_empty() {
            let owner = self.inner.label.split('(').next().unwrap_or_default();
            panic!("{owner}: times({text}) accepts no number of calls.");
        }
        let mut state = self.state();
        state.times = times;
        state.times_set = true;
        drop(state);
        self
    }

    /// The expectation must not match any call: `times(0)`. A matching call
    /// panics at once.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature.expect(call!("Atlantis")).never();
    /// weather.temperature("Oslo");
    /// let call = std::panic::catch_unwind(|| weather.temperature("Atlantis"));
    /// assert!(call.is_err());
    /// # weather.reset_all();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: expectation temperature("Atlantis") called more than 0 times (never()).
    ///   Call: temperature("Atlantis")
    /// ```
    pub fn never(self) -> Self {
        self.times(0)
    }

    /// Adds the expectation to `sequence`: calls must reach the
    /// sequence's expectations in the order they were added (see
    /// [`Sequence`]). Without [`times`](Self::times), an expectation in a
    /// sequence is expected exactly once.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Door {
    ///     fn unlock(&self);
    ///     fn open(&self);
    /// }
    ///
    /// let door = MockDoor::new();
    /// let seq = Sequence::new();
    /// door.unlock.expect(call!()).in_sequence(&seq);
    /// door.open.expect(call!()).in_sequence(&seq);
    /// door.unlock();
    /// door.open();
    /// ```
    ///
    /// # Panics
    ///
    /// When the expectation is already in a sequence:
    /// `MockDoor.open(): already in a sequence.`
    #[track_caller]
    pub fn in_sequence(self, sequence: &Sequence) -> Self {
        if self.state().sequence.is_some() {
            panic!("{}: already in a sequence.", self.inner.label);
        }
        let member = Arc::downgrade(&self.inner);
        let link = sequence.add(member);
        let mut state = self.state();
        state.sequence = Some(link);
        if !state.times_set {
            state.times = Times::exactly(1);
        }
        drop(state);
        self
    }

    /// How many calls this expectation answered.
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
    /// let first = clock.now.expect(call!()).return_value(1).times(1);
    /// let then = clock.now.expect(call!()).return_value(2);
    /// assert_eq!([clock.now(), clock.now(), clock.now()], [1, 2, 2]);
    /// assert_eq!((first.call_count(), then.call_count()), (1, 2));
    /// ```
    #[must_use]
    pub fn call_count(&self) -> usize {
        lock(&self.inner.state).calls
    }

    fn set_side_effect(self, f: Box<S::Fn>) -> Self {
        let old = self.state().effect.replace(answer::effect_fn(f));
        drop(old);
        self
    }
}

macro_rules! expectation_side_effect {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: crate::state::signature::$sig> Expectation<S, crate::state::signature::$arity> {
            /// Matching calls run `f` with the call's arguments and return
            /// its result, as [`Method::side_effect`] does. Wins over this
            /// expectation's `return_once` and `return_value`; `f` runs
            /// with no lock held and may call the mock again.
            ///
            /// ```
            /// # use mockgen::prelude::*;
            /// #[automock]
            /// trait Weather {
            ///     fn temperature(&self, city: &str) -> Result<f64, String>;
            /// }
            ///
            /// let weather = MockWeather::new();
            /// weather
            ///     .temperature
            ///     .expect(call!(starts_with("Par")))
            ///     .side_effect(|city| Ok(city.len() as f64));
            /// assert_eq!(weather.temperature("Paris"), Ok(5.0));
            /// ```
            pub fn side_effect<C>(self, f: C) -> Self
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> S::Output + Send + Sync + 'static,
            {
                self.set_side_effect(S::boxed(f))
            }
        }
    };
}

crate::state::signature::for_each_arity!(expectation_side_effect);

/// Answers with the return type's owned form; a [`Lends`](crate::Lends)
/// handle's expectations have their own (`lending`).
impl<S: Signature, A: ValueArity> Expectation<S, A> {
    /// Matching calls return a clone of `value` (once any
    /// [`return_once`](Self::return_once) values are used up).
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
    /// clock.now.expect(call!()).return_value(7);
    /// assert_eq!((clock.now(), clock.now()), (7, 7));
    /// ```
    pub fn return_value(self, value: S::Output) -> Self
    where
        S::Output: ReturnValue,
    {
        self.set_value(value)
    }

    /// The next matching call returns `value`; several calls queue several
    /// values, answered before any `return_value`. For return types that
    /// are not `Clone`.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Files {
    ///     fn open(&self, path: &str) -> Option<Box<dyn std::io::Read + Send>>;
    /// }
    ///
    /// let files = MockFiles::new();
    /// files.open.expect(call!("a.txt")).return_once(Some(Box::new(&b"data"[..]))).times(1);
    /// assert!(files.open("a.txt").is_some());
    /// ```
    pub fn return_once(self, value: S::Output) -> Self
    where
        S::Output: Send + 'static,
    {
        self.push_once(value)
    }
}
