//! Assertions on the awaits of an async method:
//! the call assertions' shapes, with "awaited" wording.

use crate::assertions::checks::{AWAITS, Checked};
use crate::async_mock::async_call::AsyncSignature;
use crate::matching::call::Call;
use crate::state::method::Method;

impl<S: AsyncSignature, A> Method<S, A> {
    fn checked_awaits(&self) -> Checked<S> {
        Checked {
            name: self.inner.name,
            entries: self.awaited(),
            words: &AWAITS,
        }
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
        self.assert_ok(self.checked_awaits().at_least_once());
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
        self.assert_ok(self.checked_awaits().exactly_once("to have been"));
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
        self.assert_ok(self.checked_awaits().never());
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
        self.assert_ok(self.checked_awaits().last_matches(&expected));
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
        let checked = self.checked_awaits();
        self.assert_ok(
            checked
                .exactly_once("to have been")
                .and_then(|()| checked.last_matches(&expected)),
        );
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
        self.assert_ok(self.checked_awaits().any_matches(&expected));
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
        self.assert_ok(self.checked_awaits().run_matches(&expected));
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
        self.assert_ok(self.checked_awaits().all_match_any_order(&expected));
    }
}
