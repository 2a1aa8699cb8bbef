//! The history and assertions of a whole mock, across its methods:
//! `mock_calls` and the mock-level `assert_*`, typed by the mock so that
//! `call!(.method(…))` is checked against it.

use std::ops::Deref;

use crate::assertions::history::{CallList, MockCall};
use crate::matching::path_call::PathCall;
use crate::state::mock::MockCore;
use crate::state::sync::lock;

impl MockCore {
    /// Every call of every method, in order.
    fn calls<M>(&self) -> CallList<M> {
        let methods = lock(&self.methods).clone();
        let calls = methods
            .iter()
            .flat_map(|m| m.entries())
            .map(|entry| MockCall::new(Vec::new(), entry))
            .collect();
        CallList::from_sorted(calls)
    }

    /// Panics if any method of the mock was called.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// MockClock::new().assert_not_called();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockClock: expected no calls. Called 1 time.
    /// Calls:
    ///   now()
    /// ```
    #[track_caller]
    pub fn assert_not_called(&self) {
        if let Err(what) = self.calls::<()>().check_not_called() {
            self.fail(&what);
        }
    }

    #[track_caller]
    fn fail(&self, what: &str) -> ! {
        panic!("{}: {what}", self.name())
    }
}

/// The history of a whole mock and the assertions over it (Python's
/// `mock_calls`, `assert_has_calls`, `assert_any_call`), for every mock
/// (`mockgen::prelude::*` brings it into scope).
///
/// The expected calls are `call!(.method(…))`, checked against the mock
/// by the compiler (see [`PathCall`]): a method the mock does not have, a
/// wrong number of arguments or a value of another type does not compile.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Clock {
///     fn now(&self) -> u64;
///     fn sleep(&self, millis: u64);
/// }
///
/// let clock = MockClock::new();
/// clock.now();
/// clock.sleep(5);
/// assert_eq!(clock.mock_calls(), [call!(.now()), call!(.sleep(5))]);
/// clock.assert_any_call(call!(.sleep(5)));
/// ```
pub trait MockCalls: Sized {
    /// The mock's state.
    #[doc(hidden)]
    fn __core(&self) -> &MockCore;

    /// Every call of every method of this mock, in order (Python's
    /// `mock_calls`).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    ///     fn sleep(&self, millis: u64);
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now();
    /// clock.sleep(5);
    /// assert_eq!(format!("{:?}", clock.mock_calls()), "[now(), sleep(5)]");
    /// assert!(clock.mock_calls().contains(&call!(.sleep(5))));
    /// ```
    fn mock_calls(&self) -> CallList<Self> {
        self.__core().calls()
    }

    /// Panics unless some call matches `expected`, a `call!(.method(…))`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn sleep(&self, millis: u64);
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.sleep(5);
    /// clock.assert_any_call(call!(.sleep(5)));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockClock: sleep(7) call not found.
    /// Calls:
    ///   sleep(5)
    /// ```
    #[track_caller]
    fn assert_any_call(&self, expected: PathCall<Self>) {
        if let Err(what) = self.mock_calls().check_any_call(&expected) {
            self.__core().fail(&what);
        }
    }

    /// Panics unless `expected` (`call!(.method(…))` items) occurs in
    /// [`mock_calls`](Self::mock_calls) as a consecutive run, in order (the
    /// guide's [Assertions across methods](https://docs.rs/mockgen/latest/mockgen/guide/assertions/index.html#assertions-across-methods)).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    ///     fn sleep(&self, millis: u64);
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now();
    /// clock.sleep(5);
    /// clock.now();
    /// clock.assert_has_calls([call!(.sleep(5)), call!(.now())]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockClock: calls not found.
    /// Expected: [now(), now()]
    ///   Actual: [now(), sleep(5), now()]
    /// ```
    #[track_caller]
    fn assert_has_calls<I: IntoIterator<Item = PathCall<Self>>>(&self, expected: I) {
        let expected: Vec<PathCall<Self>> = expected.into_iter().collect();
        if let Err(what) = self.mock_calls().check_has_calls(&expected) {
            self.__core().fail(&what);
        }
    }

    /// Panics unless every expected call matches a different call of the
    /// mock, in any order (the guide's
    /// [Assertions across methods](https://docs.rs/mockgen/latest/mockgen/guide/assertions/index.html#assertions-across-methods)).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    ///     fn sleep(&self, millis: u64);
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now();
    /// clock.sleep(5);
    /// clock.assert_has_calls_any_order([call!(.sleep(5)), call!(.now())]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockClock: does not contain all of [sleep(9)] in its call list.
    ///   Actual: [now(), sleep(5)]
    /// ```
    #[track_caller]
    fn assert_has_calls_any_order<I: IntoIterator<Item = PathCall<Self>>>(&self, expected: I) {
        let expected: Vec<PathCall<Self>> = expected.into_iter().collect();
        if let Err(what) = self.mock_calls().check_has_calls_any_order(&expected) {
            self.__core().fail(&what);
        }
    }
}

/// Every mock: what its `Deref` reaches is its [`MockCore`].
impl<M: Deref<Target = MockCore>> MockCalls for M {
    fn __core(&self) -> &MockCore {
        self
    }
}

/// The mock-level view of a callable mock (`handle.core()`), whose calls
/// are only compared through their handle.
impl MockCalls for MockCore {
    fn __core(&self) -> &MockCore {
        self
    }
}
