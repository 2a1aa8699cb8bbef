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
