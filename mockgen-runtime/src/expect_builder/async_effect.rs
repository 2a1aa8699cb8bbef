//! `side_effect_async` for expectations of async methods.

use std::future::Future;

use super::Expectation;

macro_rules! expectation_side_effect_async {
    ($arity:ident $async_sig:ident $($arg:ident $lt:lifetime),*) => {
        impl<S: crate::$async_sig> Expectation<S, crate::signature::$arity> {
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
                C: for<$($lt),*> Fn($(S::$arg<$lt>),*) -> F + Send + Sync + 'static,
                F: Future<Output = S::Output> + Send + 'static,
            {
                self.set_side_effect(S::boxed_async(f))
            }
        }
    };
}

expectation_side_effect_async!(Arity0 AsyncSig0);
expectation_side_effect_async!(Arity1 AsyncSig1 A0 'a0);
expectation_side_effect_async!(Arity2 AsyncSig2 A0 'a0, A1 'a1);
expectation_side_effect_async!(Arity3 AsyncSig3 A0 'a0, A1 'a1, A2 'a2);
expectation_side_effect_async!(Arity4 AsyncSig4 A0 'a0, A1 'a1, A2 'a2, A3 'a3);
expectation_side_effect_async!(Arity5 AsyncSig5 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4);
expectation_side_effect_async!(Arity6 AsyncSig6 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5);
expectation_side_effect_async!(Arity7 AsyncSig7 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6);
expectation_side_effect_async!(Arity8 AsyncSig8 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7);
expectation_side_effect_async!(Arity9 AsyncSig9 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8);
expectation_side_effect_async!(Arity10 AsyncSig10 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9);
expectation_side_effect_async!(Arity11 AsyncSig11 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9, A10 'a10);
expectation_side_effect_async!(Arity12 AsyncSig12 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9, A10 'a10, A11 'a11);
