//! Generated code names nothing through the user's scope: `Option`,
//! `Result`, `Box`, `Vec`, `String`, `core` and `std` are shadowed here, and
//! parameters are named like the locals a mock method could use.
#![deny(warnings)]
#![allow(dead_code, non_camel_case_types, clippy::all)]

mod core {}
mod std {}
struct Option;
struct Result;
struct Box;
struct Vec;
struct String;
struct Default;
struct Clone;
struct Send;
struct Sync;
struct Fn;

mod shadowed {
    #[allow(unused_imports)]
    use super::{Box, Clone, Default, Fn, Option, Result, Send, String, Sync, Vec, core, std};
    use mockgen::prelude::*;

    #[automock]
    pub trait Everything {
        fn plain(&self, handle: u8, statics: u8, value: u8, respond: u8, side_effect: u8) -> u8;
        fn text(&self, text: &str) -> ::std::string::String;
        fn maybe(
            &self,
            error: ::std::option::Option<u8>,
        ) -> ::std::result::Result<u8, ::std::string::String>;
        fn defaulted(&self, handle: u8) -> u8 {
            handle + 1
        }
        fn lend(&self) -> &str;
        fn make(handle: u8) -> Self;
    }

    #[test]
    fn parameters_named_like_generated_locals_reach_the_side_effect() {
        let mock = MockEverything::new();
        mock.plain
            .side_effect(|handle, statics, value, respond, side_effect| {
                handle + statics + value + respond + side_effect
            });
        assert_eq!(mock.plain(1, 2, 3, 4, 5), 15);
        assert_eq!(mock.defaulted(41), 42);
        mock.lend.return_value("x".into());
        assert_eq!(mock.lend(), "x");
        let statics = MockEverything::statics();
        statics.make.side_effect(|handle| {
            let made = MockEverything::new();
            made.defaulted.return_value(handle);
            made
        });
        assert_eq!(<MockEverything as Everything>::make(7).defaulted(0), 7);
        assert_eq!(mock.maybe(None), Ok(0));
    }
}

/// Every single-letter type parameter on a trait and on a method, and every
/// single-letter lifetime on a method, sync and async: none clashes with a
/// generic parameter of the generated code (issue 16, item 2).
mod single_letters {
    use mockgen::prelude::*;

    #[automock]
    pub trait Every<A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z> {
        fn take(&self, a: A, c: C, f: F, r: R, z: Z) -> Y;
        fn make(c: C) -> Z;
        fn later(&self, c: C, f: F) -> impl ::core::future::Future<Output = u8> + Send;
        async fn native(&self, c: C, f: F) -> u8;
    }

    #[automock]
    pub trait Methods {
        fn each<A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z>(
            &self,
            c: C,
            f: F,
        ) -> u8
        where
            A: 'static,
            B: 'static,
            C: 'static,
            D: 'static,
            E: 'static,
            F: 'static,
            G: 'static,
            H: 'static,
            I: 'static,
            J: 'static,
            K: 'static,
            L: 'static,
            M: 'static,
            N: 'static,
            O: 'static,
            P: 'static,
            Q: 'static,
            R: 'static,
            S: 'static,
            T: 'static,
            U: 'static,
            V: 'static,
            W: 'static,
            X: 'static,
            Y: 'static,
            Z: 'static;
        #[allow(clippy::too_many_arguments, clippy::needless_lifetimes)]
        fn lend<
            'a,
            'b,
            'c,
            'd,
            'e,
            'f,
            'g,
            'h,
            'i,
            'j,
            'k,
            'l,
            'm,
            'n,
            'o,
            'p,
            'q,
            'r,
            's,
            't,
            'u,
            'v,
            'w,
            'x,
            'y,
            'z,
        >(
            &'a self,
            c: &'c str,
            f: &'f str,
            r: &'r str,
        ) -> &'a str;
        async fn later<C: Send + 'static, F: Send + 'static>(&self, c: C, f: F) -> u8;
    }

    type Letters = MockEvery<
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u8,
        u16,
    >;

    #[test]
    fn every_single_letter_type_parameter_and_lifetime_is_the_users() {
        let mock = Letters::new();
        mock.take
            .side_effect(|a, c, f, r, z| u8::from(a + c + f + r) + z as u8);
        assert_eq!(mock.take(1, 2, 3, 4, 5), 15);
        mock.later.return_value(7);
        mock.native.return_value(8);
        assert_eq!(futures::executor::block_on(mock.later(1, 2)), 7);
        assert_eq!(futures::executor::block_on(mock.native(1, 2)), 8);
        let statics = Letters::statics();
        statics.make.side_effect(|c| u16::from(c) * 2);
        assert_eq!(
            <Letters as Every<
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
                _,
            >>::make(21),
            42
        );

        let methods = MockMethods::new();
        methods.lend.return_value("lent".to_owned());
        assert_eq!(methods.lend("c", "f", "r"), "lent");
        methods.lend.assert_called_once_with(call!("c", "f", "r"));
        methods.later.of::<(u8, &str)>().return_value(3);
        assert_eq!(futures::executor::block_on(methods.later(1u8, "f")), 3);
        methods
            .each
            .of::<(
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
                u8,
            )>()
            .return_value(4);
        let each = Methods::each::<
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
            u8,
        >;
        assert_eq!(each(&methods, 1, 2), 4);
    }
}

/// Methods named after every member the generated code adds: fields,
/// inherent functions, the std traits' methods and associated types (issue
/// 16, item 2). The macro crate's `generated_members` test reads this list
/// and fails when the expansion adds a member that is not in it.
mod generated_member_names {
    use mockgen::prelude::*;

    macro_rules! generated_member_names {
        (fn: [$($method:ident),* $(,)?], type: [$($assoc:ident),* $(,)?] $(,)?) => {
            #[automock($(type $assoc = u8;)*)]
            pub trait Members {
                $(type $assoc;)*
                $(fn $method(&self) -> u8;)*
            }

            #[test]
            fn methods_named_after_generated_members_are_mocked() {
                let mock = MockMembers::new();
                let mut configured = 0u8;
                $(
                    configured += 1;
                    mock.$method.return_value(configured);
                )*
                let mut expected = 0u8;
                $(
                    expected += 1;
                    assert_eq!(Members::$method(&mock), expected, stringify!($method));
                    mock.$method.assert_called_once();
                )*
                $(let _: <MockMembers as Members>::$assoc = 0u8;)*
            }
        };
    }

    generated_member_names! {
        fn: [
            __mockgen_core, __mockgen_phantom, __new, clone, default, deref, eq, fmt,
            into_inner, into_value_matcher, named, new, statics, with_recorder, wrapping,
            of, boxed, boxed_async, visit_args, default_output,
        ],
        type: [Target, Args],
    }

    /// Static methods named after the mock's own constructors and guard.
    #[automock]
    pub trait Statics {
        fn statics() -> u8;
        fn new() -> u8;
        fn __new() -> u8;
        fn named() -> u8;
    }

    #[test]
    fn static_methods_named_after_generated_members_are_mocked() {
        let statics = MockStatics::statics();
        statics.new.return_value(5);
        statics.__new.return_value(6);
        statics.named.return_value(7);
        assert_eq!(<MockStatics as Statics>::new(), 5);
        assert_eq!(<MockStatics as Statics>::__new(), 6);
        assert_eq!(<MockStatics as Statics>::named(), 7);
        assert_eq!(<MockStatics as Statics>::statics(), 0);
        statics.new.assert_called_once();
    }
}

/// Default bodies that are one expression (`{ 7 }`), in sync, async and
/// lending methods: the mock runs them without wrapping the user's block in
/// one of its own, which `unused_braces` would flag at the user's braces
/// (this file denies warnings).
mod expression_default_bodies {
    use mockgen::prelude::*;

    #[automock]
    pub trait Defaults {
        fn number(&self) -> u32 {
            7
        }
        fn twice(&self, x: u32) -> u32 {
            x * 2
        }
        fn name(&self) -> &str {
            "default"
        }
        fn pair(&self, (a, b): (u32, u32)) -> u32 {
            a + b
        }
        async fn later(&self) -> u32 {
            9
        }
    }

    #[test]
    fn expression_bodies_answer_unconfigured_calls() {
        let mock = MockDefaults::new();
        assert_eq!(mock.number(), 7);
        assert_eq!(mock.twice(4), 8);
        assert_eq!(mock.name(), "default");
        assert_eq!(mock.pair((2, 3)), 5);
        mock.number.return_value(1);
        assert_eq!(mock.number(), 1);
        mock.twice.assert_called_once_with(call!(4));
    }

    #[tokio::test]
    async fn an_expression_body_answers_an_async_call() {
        let mock = MockDefaults::new();
        assert_eq!(mock.later().await, 9);
        mock.later.assert_awaited_once();
    }
}
