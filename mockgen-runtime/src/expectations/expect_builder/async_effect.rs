//! `side_effect_async` for expectations of async methods.

use std::future::Future;

use super::Expectation;
use crate::state::signature::ArgOf;

macro_rules! expectation_side_effect_async {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: crate::$async_sig> Expectation<S, crate::state::signature::$arity> {
            /// Matching calls' futures run the future that `f` returns for
            /// the call's arguments, as [`Method::side_effect_async`] does.
            /// The future must own what it uses: clone borrowed arguments
            /// before the `async move` block.
            ///
            /// [`Method::side_effect_async`]: crate::Method::side_effect_async
            ///
            /// ```
            /// # use mockgen::prelude::*;
            /// #[automock]
            /// trait Api {
            ///     async fn fetch(&self, id: u32) -> String;
            /// }
            ///
            /// let api = MockApi::new();
            /// api.fetch
            ///     .expect(call!(gt(5)))
            ///     .side_effect_async(|id| async move { format!("item {id}") })
            ///     .times(1);
            /// assert_eq!(futures::executor::block_on(api.fetch(7)), "item 7");
            /// assert_eq!(futures::executor::block_on(api.fetch(1)), "");
            /// ```
            pub fn side_effect_async<C, F>(self, f: C) -> Self
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> F + Send + Sync + 'static,
                F: Future<Output = S::Output> + Send + 'static,
            {
                self.set_side_effect(S::boxed_async(f))
            }
        }
    };
}

crate::state::signature::for_each_arity!(expectation_side_effect_async);
