//! Inspecting a handle's history.

use std::sync::Arc;

use crate::state::calls::{EntryOf, EntryRef};
use crate::state::method::Method;
use crate::state::signature::{RecordOf, Signature};

impl<S: Signature, A> Method<S, A> {
    /// Whether the method was called at least once.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// assert!(!clock.now.called());
    /// clock.now();
    /// assert!(clock.now.called());
    /// ```
    #[must_use]
    pub fn called(&self) -> bool {
        self.call_count() > 0
    }

    /// How many times the method was called.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now();
    /// clock.now();
    /// assert_eq!(clock.now.call_count(), 2);
    /// ```
    #[must_use]
    pub fn call_count(&self) -> usize {
        self.calls().calls.len()
    }

    /// The arguments of the last call, owned (`&str` recorded as `String`).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// assert_eq!(weather.forecast.call_args(), None);
    /// weather.forecast("Oslo", 3);
    /// let (city, days) = weather.forecast.call_args().unwrap();
    /// assert_eq!((city.as_str(), days), ("Oslo", 3));
    /// ```
    #[must_use]
    pub fn call_args(&self) -> Option<RecordOf<S>> {
        let last = {
            let state = self.calls();
            let len = state.calls.len();
            (len > 0).then(|| state.entry::<S::Args>(len - 1))
        };
        // Cloned once the lock is released: `Clone` is user code.
        last.map(|entry| entry.record.clone())
    }

    /// The arguments of every call, oldest first.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn sleep(&self, millis: u64);
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.sleep(10);
    /// clock.sleep(20);
    /// assert_eq!(clock.sleep.call_args_list(), [(10,), (20,)]);
    /// ```
    #[must_use]
    pub fn call_args_list(&self) -> Vec<RecordOf<S>> {
        self.entries()
            .iter()
            .map(|entry| entry.record.clone())
            .collect()
    }

    /// A snapshot of the entries, so that user code (`Clone`, `Debug`,
    /// matchers) never runs under the lock.
    pub(crate) fn entries(&self) -> Vec<EntryOf<S>> {
        let (calls, len) = {
            let state = self.calls();
            (Arc::clone(&state.calls), state.calls.len())
        };
        EntryRef::all(&calls, len)
    }
}
