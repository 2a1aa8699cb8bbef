//! Assertions on one method's history. All of them
//! take `&self`, leave the history as it is and report at the caller.

use crate::assertions::checks::{CALLS, Checked, Words};
use crate::matching::call::Call;
use crate::state::method::Method;
use crate::state::signature::Signature;

impl<S: Signature, A> Method<S, A> {
    /// Panics unless the method was called at least once.
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
    /// clock.now.assert_called();
    /// ```
    ///
    /// # Panics
    ///
    /// `MockClock.now: expected to have been called. Called 0 times.`
    #[track_caller]
    pub fn assert_called(&self) {
        self.assert_ok(self.checked(&CALLS).at_least_once());
    }

    /// Panics unless the method was called exactly once.
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
    /// clock.now.assert_called_once();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockClock.now: expected to have been called once. Called 2 times.
    /// Calls:
    ///   now()
    ///   now()
    /// ```
    #[track_caller]
    pub fn assert_called_once(&self) {
        self.assert_ok(self.checked(&CALLS).exactly_once("to have been"));
    }

    /// Panics if the method was called.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.assert_not_called();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockClock.now: expected to not have been called. Called 1 time.
    /// Calls:
    ///   now()
    /// ```
    #[track_caller]
    pub fn assert_not_called(&self) {
        self.assert_ok(self.checked(&CALLS).never());
    }

    /// Panics unless the *last* call matches `expected`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature("Paris");
    /// weather.temperature("London");
    /// weather.temperature.assert_called_with(call!("London"));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: expected call not found.
    /// Expected: temperature("Oslo")
    ///   Actual: temperature("London")
    /// ```
    /// or `  Actual: not called.` when there was no call.
    #[track_caller]
    pub fn assert_called_with(&self, expected: Call<S::Args>) {
        self.assert_ok(self.checked(&CALLS).last_matches(&expected));
    }

    /// Panics unless the method was called exactly once, with arguments that
    /// match `expected`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature("London");
    /// weather.temperature.assert_called_once_with(call!("London"));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: expected to be called once. Called 2 times.
    /// Calls:
    ///   temperature("London")
    ///   temperature("Paris")
    /// ```
    /// and then as [`assert_called_with`](Self::assert_called_with).
    #[track_caller]
    pub fn assert_called_once_with(&self, expected: Call<S::Args>) {
        let checked = self.checked(&CALLS);
        self.assert_ok(
            checked
                .exactly_once("to be")
                .and_then(|()| checked.last_matches(&expected)),
        );
    }

    /// Panics unless some call matches `expected`; the message lists
    /// the calls that were made.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature("London");
    /// weather.temperature("Paris");
    /// weather.temperature.assert_any_call(call!("London"));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: temperature("Oslo") call not found.
    /// Calls:
    ///   temperature("London")
    /// ```
    #[track_caller]
    pub fn assert_any_call(&self, expected: Call<S::Args>) {
        self.assert_ok(self.checked(&CALLS).any_matches(&expected));
    }

    /// Panics unless `expected` occurs among the calls as a consecutive run,
    /// in order; calls before and after the run are fine.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// for city in ["Oslo", "London", "Paris", "Rome"] {
    ///     weather.temperature(city);
    /// }
    /// weather.temperature.assert_has_calls([call!("London"), call!("Paris")]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: calls not found.
    /// Expected: [temperature("Paris"), temperature("London")]
    ///   Actual: [temperature("London"), temperature("Paris")]
    /// ```
    #[track_caller]
    pub fn assert_has_calls<I>(&self, expected: I)
    where
        I: IntoIterator<Item = Call<S::Args>>,
    {
        let expected: Vec<Call<S::Args>> = expected.into_iter().collect();
        self.assert_ok(self.checked(&CALLS).run_matches(&expected));
    }

    /// Panics unless every expected call matches a different actual call, in
    /// any order (duplicates need duplicates).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn temperature(&self, city: &str) -> f64;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.temperature("London");
    /// weather.temperature("Paris");
    /// weather
    ///     .temperature
    ///     .assert_has_calls_any_order([call!("Paris"), call!("London")]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockWeather.temperature: does not contain all of [temperature("Rome")] in its call list.
    ///   Actual: [temperature("London"), temperature("Paris")]
    /// ```
    #[track_caller]
    pub fn assert_has_calls_any_order<I>(&self, expected: I)
    where
        I: IntoIterator<Item = Call<S::Args>>,
    {
        let expected: Vec<Call<S::Args>> = expected.into_iter().collect();
        self.assert_ok(self.checked(&CALLS).all_match_any_order(&expected));
    }

    #[track_caller]
    pub(crate) fn fail(&self, what: &str) -> ! {
        panic!("{}: {what}", self.qualified_name())
    }

    #[track_caller]
    pub(crate) fn assert_ok(&self, outcome: Result<(), String>) {
        if let Err(what) = outcome {
            self.fail(&what);
        }
    }

    pub(crate) fn checked(&self, words: &'static Words) -> Checked<S> {
        Checked {
            name: self.inner.name,
            entries: self.entries(),
            words,
        }
    }
}
