//! Assertions on one method's history (SEMANTICS AS-1 … AS-8). All of them
//! take `&self`, leave the history as it is and report at the caller.

use crate::call::Call;
use crate::history::{find_run, render_record, unmatched_any_order};
use crate::message::{calls_block, list, times};
use crate::method::Method;
use crate::signature::Signature;

impl<S: Signature, A> Method<S, A> {
    /// Panics unless the method was called at least once (AS-1).
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
        let count = self.call_count();
        if count == 0 {
            self.fail("expected to have been called. Called 0 times.");
        }
    }

    /// Panics unless the method was called exactly once (AS-2).
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
        let calls = self.rendered_calls();
        if calls.len() != 1 {
            self.fail(&format!(
                "expected to have been called once. Called {}.{}",
                times(calls.len()),
                calls_block(&calls)
            ));
        }
    }

    /// Panics if the method was called (AS-3).
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
        let calls = self.rendered_calls();
        if !calls.is_empty() {
            self.fail(&format!(
                "expected to not have been called. Called {}.{}",
                times(calls.len()),
                calls_block(&calls)
            ));
        }
    }

    /// Panics unless the *last* call matches `expected` (AS-4).
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
        let last = self.entries().pop();
        let actual = match &last {
            Some(entry) if expected.matches(&entry.record) => return,
            Some(entry) => render_record::<S>(&entry.record),
            None => "not called.".to_owned(),
        };
        self.fail(&format!(
            "expected call not found.\nExpected: {}\n  Actual: {actual}",
            expected.render(S::NAME)
        ));
    }

    /// Panics unless the method was called exactly once, with arguments that
    /// match `expected` (AS-5).
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
        let calls = self.rendered_calls();
        if calls.len() != 1 {
            self.fail(&format!(
                "expected to be called once. Called {}.{}",
                times(calls.len()),
                calls_block(&calls)
            ));
        }
        self.assert_called_with(expected);
    }

    /// Panics unless some call matches `expected` (AS-6); the message lists
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
        let entries = self.entries();
        if entries.iter().any(|e| expected.matches(&e.record)) {
            return;
        }
        self.fail(&format!(
            "{} call not found.{}",
            expected.render(S::NAME),
            calls_block(&self.rendered_calls())
        ));
    }

    /// Panics unless `expected` occurs among the calls as a consecutive run,
    /// in order (AS-7); calls before and after the run are fine.
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
        let entries = self.entries();
        if find_run(&entries, &expected, |a, e| e.matches(&a.record)).is_some() {
            return;
        }
        let wanted: Vec<String> = expected.iter().map(|c| c.render(S::NAME)).collect();
        self.fail(&format!(
            "calls not found.\nExpected: {}\n  Actual: {}",
            list(&wanted),
            list(&self.rendered_calls())
        ));
    }

    /// Panics unless every expected call matches a different actual call, in
    /// any order (AS-8: duplicates need duplicates).
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
        let entries = self.entries();
        let missing = unmatched_any_order(&entries, &expected, |a, e| e.matches(&a.record));
        if missing.is_empty() {
            return;
        }
        let missing: Vec<String> = missing.iter().map(|c| c.render(S::NAME)).collect();
        self.fail(&format!(
            "does not contain all of {} in its call list.\n  Actual: {}",
            list(&missing),
            list(&self.rendered_calls())
        ));
    }

    #[track_caller]
    pub(crate) fn fail(&self, what: &str) -> ! {
        panic!("{}: {what}", self.qualified_name())
    }
}
