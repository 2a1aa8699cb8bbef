//! Assertions on the awaits of an async method (SEMANTICS ASYNC-6, ASYNC-7):
//! the call assertions' shapes, with "awaited" wording.

use crate::async_call::AsyncSignature;
use crate::call::Call;
use crate::history::{find_run, render_record, unmatched_any_order};
use crate::message::{calls_block, list, times};
use crate::method::Method;

impl<S: AsyncSignature, A> Method<S, A> {
    fn rendered_awaits(&self) -> Vec<String> {
        self.awaited()
            .iter()
            .map(|e| render_record::<S>(&e.record))
            .collect()
    }

    /// Panics unless some call was awaited.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(api.fetch(1));
    /// api.fetch.assert_awaited();
    /// ```
    ///
    /// # Panics
    ///
    /// `MockApi.fetch: expected to have been awaited. Awaited 0 times.`
    #[track_caller]
    pub fn assert_awaited(&self) {
        if self.await_count() == 0 {
            self.fail("expected to have been awaited. Awaited 0 times.");
        }
    }

    /// Panics unless exactly one call was awaited.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(api.fetch(1));
    /// api.fetch.assert_awaited_once();
    /// ```
    ///
    /// # Panics
    ///
    /// `MockApi.fetch: expected to have been awaited once. Awaited 2 times.` and the awaits.
    #[track_caller]
    pub fn assert_awaited_once(&self) {
        let awaits = self.rendered_awaits();
        if awaits.len() != 1 {
            self.fail(&format!(
                "expected to have been awaited once. Awaited {}.{}",
                times(awaits.len()),
                awaits_block(&awaits)
            ));
        }
    }

    /// Panics if any call was awaited.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// let _never_polled = api.fetch(1);
    /// api.fetch.assert_called_once();
    /// api.fetch.assert_not_awaited();
    /// ```
    ///
    /// # Panics
    ///
    /// `MockApi.fetch: expected to not have been awaited. Awaited 1 time.` and the awaits.
    #[track_caller]
    pub fn assert_not_awaited(&self) {
        let awaits = self.rendered_awaits();
        if !awaits.is_empty() {
            self.fail(&format!(
                "expected to not have been awaited. Awaited {}.{}",
                times(awaits.len()),
                awaits_block(&awaits)
            ));
        }
    }

    /// Panics unless the last awaited call matches `expected`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(api.fetch(1));
    /// api.fetch.assert_awaited_with(call!(1));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockApi.fetch: expected await not found.
    /// Expected: fetch(2)
    ///   Actual: fetch(1)
    /// ```
    /// or `  Actual: not awaited.`
    #[track_caller]
    pub fn assert_awaited_with(&self, expected: Call<S::Args>) {
        let last = self.awaited().pop();
        let actual = match &last {
            Some(entry) if expected.matches(&entry.record) => return,
            Some(entry) => render_record::<S>(&entry.record),
            None => "not awaited.".to_owned(),
        };
        self.fail(&format!(
            "expected await not found.\nExpected: {}\n  Actual: {actual}",
            expected.render(S::NAME)
        ));
    }

    /// Panics unless exactly one call was awaited, matching `expected`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(api.fetch(1));
    /// api.fetch.assert_awaited_once_with(call!(1));
    /// ```
    ///
    /// # Panics
    ///
    /// As [`assert_awaited_once`](Self::assert_awaited_once), then as
    /// [`assert_awaited_with`](Self::assert_awaited_with).
    #[track_caller]
    pub fn assert_awaited_once_with(&self, expected: Call<S::Args>) {
        self.assert_awaited_once();
        self.assert_awaited_with(expected);
    }

    /// Panics unless some awaited call matches `expected`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(async { api.fetch(1).await; api.fetch(2).await });
    /// api.fetch.assert_any_await(call!(1));
    /// ```
    ///
    /// # Panics
    ///
    /// `MockApi.fetch: fetch(9) await not found.` and the awaits.
    #[track_caller]
    pub fn assert_any_await(&self, expected: Call<S::Args>) {
        if self.awaited().iter().any(|e| expected.matches(&e.record)) {
            return;
        }
        self.fail(&format!(
            "{} await not found.{}",
            expected.render(S::NAME),
            awaits_block(&self.rendered_awaits())
        ));
    }

    /// Panics unless `expected` occurs among the awaits as a consecutive
    /// run, in order.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(async { api.fetch(1).await; api.fetch(2).await });
    /// api.fetch.assert_has_awaits([call!(1), call!(2)]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// MockApi.fetch: awaits not found.
    /// Expected: [fetch(2), fetch(1)]
    ///   Actual: [fetch(1), fetch(2)]
    /// ```
    #[track_caller]
    pub fn assert_has_awaits<I>(&self, expected: I)
    where
        I: IntoIterator<Item = Call<S::Args>>,
    {
        let expected: Vec<Call<S::Args>> = expected.into_iter().collect();
        let awaited = self.awaited();
        if find_run(&awaited, &expected, |a, e| e.matches(&a.record)).is_some() {
            return;
        }
        let wanted: Vec<String> = expected.iter().map(|c| c.render(S::NAME)).collect();
        self.fail(&format!(
            "awaits not found.\nExpected: {}\n  Actual: {}",
            list(&wanted),
            list(&self.rendered_awaits())
        ));
    }

    /// Panics unless every expected call matches a different awaited call,
    /// in any order.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Api {
    ///     async fn fetch(&self, id: u32) -> String;
    /// }
    ///
    /// let api = MockApi::new();
    /// futures::executor::block_on(async { api.fetch(1).await; api.fetch(2).await });
    /// api.fetch.assert_has_awaits_any_order([call!(2), call!(1)]);
    /// ```
    ///
    /// # Panics
    ///
    /// `MockApi.fetch: [fetch(9)] not all found in await list.` and the awaits.
    #[track_caller]
    pub fn assert_has_awaits_any_order<I>(&self, expected: I)
    where
        I: IntoIterator<Item = Call<S::Args>>,
    {
        let expected: Vec<Call<S::Args>> = expected.into_iter().collect();
        let awaited = self.awaited();
        let missing = unmatched_any_order(&awaited, &expected, |a, e| e.matches(&a.record));
        if missing.is_empty() {
            return;
        }
        let missing: Vec<String> = missing.iter().map(|c| c.render(S::NAME)).collect();
        self.fail(&format!(
            "{} not all found in await list.\n  Actual: {}",
            list(&missing),
            list(&self.rendered_awaits())
        ));
    }
}

/// The `Awaits:` block, like `Calls:`.
fn awaits_block(awaits: &[String]) -> String {
    calls_block(awaits).replacen("\nCalls:", "\nAwaits:", 1)
}
