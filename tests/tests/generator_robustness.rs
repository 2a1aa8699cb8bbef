//! Unusual but valid traits compile and work: `impl Trait` arguments whose
//! bounds name no type to hand over are recorded as placeholders, under
//! every macro and on async methods (issue 16, item 1).
#![deny(warnings)]

use mockgen::prelude::*;

#[automock]
trait Sink {
    fn send(&self, x: impl Send);
    fn auto(&self, x: impl Send + Sync + 'static) -> u8;
    fn iterate(&self, items: impl Iterator, count: usize) -> usize;
    fn many(&self, items: impl IntoIterator + Send);
    fn nested(&self, items: impl Iterator<Item = impl std::fmt::Debug>);
    async fn later(&self, x: impl Send) -> u8;
}

#[test]
fn impl_trait_arguments_without_a_type_are_recorded_as_placeholders() {
    let sink = MockSink::new();
    sink.send(1u8);
    sink.send("text");
    sink.send.assert_called_with(call!(ANY));
    assert_eq!(
        format!("{:?}", sink.send.call_args().unwrap().0),
        "<impl Send>"
    );
    sink.iterate.side_effect(|_items, count| count * 2);
    assert_eq!(sink.iterate([1, 2].into_iter(), 3), 6);
    sink.iterate.assert_called_once_with(call!(ANY, 3));
    sink.many(vec![1, 2]);
    sink.nested([1, 2].into_iter());
    assert_eq!(
        format!("{:?}", sink.mock_calls()),
        "[
    send(<impl Send>),
    send(<impl Send>),
    iterate(<impl Iterator>, 3),
    many(<impl IntoIterator + Send>),
    nested(<impl Iterator<Item = impl std::fmt::Debug>>),
]"
    );
    sink.auto.return_value(4);
    assert_eq!(sink.auto(()), 4);
}

#[test]
fn async_methods_record_impl_trait_placeholders_too() {
    let sink = MockSink::new();
    sink.later.return_value(9);
    assert_eq!(futures::executor::block_on(sink.later(String::new())), 9);
    sink.later.assert_called_once_with(call!(ANY));
}

#[autospec]
pub trait StrictSink {
    fn send(&self, x: impl Send) -> u8;
}

#[test]
fn autospec_records_impl_trait_placeholders() {
    let sink = MockStrictSink::new();
    sink.send.return_value(1);
    assert_eq!(sink.send(0u64), 1);
    sink.send.assert_called_once_with(call!(ANY));
}

#[derive(Debug)]
pub struct Transport;

#[autospec]
impl Transport {
    pub fn push(&self, x: impl IntoIterator + Send) -> usize {
        let _ = x;
        0
    }
}

#[test]
fn autospec_impl_blocks_record_impl_trait_placeholders() {
    let transport = MockTransport::new();
    transport.push.return_value(3);
    assert_eq!(transport.push(vec![1]), 3);
    transport.push.assert_called_once_with(call!(ANY));
}

pub trait Outbox {
    fn post(&self, x: impl Iterator) -> bool;
}

mock! {
    pub Outbox;
    impl Outbox for Outbox {
        fn post(&self, x: impl Iterator) -> bool;
    }
}

#[test]
fn mock_macro_records_impl_trait_placeholders() {
    let outbox = MockOutbox::new();
    outbox.post.return_value(true);
    assert!(outbox.post(0..3));
    outbox.post.assert_called_once_with(call!(ANY));
}

/// A trait parameter used only by a static method, or only in a
/// constructor returning `Self`, still belongs to the mock (issue 16,
/// item 4).
#[automock]
pub trait Registry<T: Clone + Send + Sync + 'static, K: Clone + Send + Sync + 'static> {
    fn default_key() -> K;
    fn with_capacity(capacity: usize) -> Self;
    fn size(&self) -> usize;
}

#[automock]
pub trait Factory<T: Send + Sync + 'static> {
    fn build() -> Self;
}

/// A method `where` clause that tightens a trait parameter.
#[automock]
pub trait Maker<T: Clone + Send + Sync + 'static> {
    fn make(&self) -> T
    where
        T: Default;
    fn make_twice<U>(&self, u: U) -> (T, U)
    where
        T: Default,
        U: Clone + Send + 'static;
}

#[test]
fn trait_parameters_used_only_by_static_methods_compile() {
    let registry = MockRegistry::<u8, String>::new();
    registry.size.return_value(2);
    assert_eq!(registry.size(), 2);
    let statics = MockRegistry::<u8, String>::statics();
    statics.default_key.return_value("k".to_owned());
    assert_eq!(
        <MockRegistry<u8, String> as Registry<u8, String>>::default_key(),
        "k"
    );
    statics.with_capacity.side_effect(|_| MockRegistry::new());
    let made = <MockRegistry<u8, String> as Registry<u8, String>>::with_capacity(3);
    assert_eq!(made.size(), 0);
    statics.with_capacity.assert_called_once_with(call!(3));

    let factory = MockFactory::<u32>::statics();
    factory.build.side_effect(MockFactory::new);
    let built = <MockFactory<u32> as Factory<u32>>::build();
    assert_eq!(format!("{built:?}"), "MockFactory(\"MockFactory\")");
    let _ = built.clone();
}

#[test]
fn a_method_where_clause_may_tighten_a_trait_parameter() {
    let maker = MockMaker::<u32>::new();
    maker.make.return_value(7);
    assert_eq!(maker.make(), 7);
    maker.make_twice.of::<&'static str>().return_value((1, "x"));
    assert_eq!(maker.make_twice("y"), (1, "x"));
}

/// Generated names are injective: methods whose names differ only in
/// underscores or case, and two traits whose names and method names join
/// to the same words, live side by side (issue 16, item 3).
mod unique_names {
    #![allow(non_snake_case, non_camel_case_types)]
    use mockgen::prelude::*;

    #[automock]
    pub trait Users {
        fn get_user(&self) -> u8;
        fn get__user(&self) -> u8;
        fn a(&self) -> u8;
        fn _a(&self) -> u8;
        fn Get(&self) -> u16;
        fn get(&self) -> u32;
        fn r#type(&self) -> u8;
        fn generic_of<T: 'static>(&self, t: T) -> u8;
        fn genericOf(&self) -> u16;
    }

    #[automock]
    pub trait A {
        fn b_c(&self) -> u8;
    }

    #[automock]
    pub trait AB {
        fn c(&self) -> u16;
    }

    #[automock]
    pub trait A_b {
        fn c(&self) -> u32;
    }

    #[test]
    fn names_that_join_to_the_same_words_get_markers_of_their_own() {
        let users = MockUsers::new();
        users.get_user.return_value(1);
        users.get__user.return_value(2);
        users.a.return_value(3);
        users._a.return_value(4);
        users.Get.return_value(5);
        users.get.return_value(6);
        users.r#type.return_value(7);
        assert_eq!(
            (users.get_user(), users.get__user(), users.a(), users._a()),
            (1, 2, 3, 4)
        );
        assert_eq!((users.Get(), users.get(), users.r#type()), (5, 6, 7));
        users.generic_of.of::<u8>().return_value(8);
        users.genericOf.return_value(9);
        assert_eq!((users.generic_of(0u8), users.genericOf()), (8, 9));
        let (a, ab, a_b) = (MockA::new(), MockAB::new(), MockA_b::new());
        a.b_c.return_value(1);
        ab.c.return_value(2);
        a_b.c.return_value(3);
        assert_eq!((a.b_c(), ab.c(), a_b.c()), (1, 2, 3));
    }
}

/// A `fn fmt` of the user's own `Formatter` and `Result` types is an
/// ordinary method; std's, written with bare names in a formatting trait,
/// is configured with the text to write (issue 16, item 4).
mod own_formatter {
    use mockgen::prelude::*;

    #[derive(Debug, Clone, PartialEq)]
    pub struct Formatter {
        pub width: usize,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct Result {
        pub text: ::std::string::String,
    }

    #[automock]
    pub trait Render {
        fn fmt(&self, f: &mut Formatter) -> Result;
    }

    #[test]
    fn a_fmt_method_of_other_types_is_mocked_like_any_method() {
        let render = MockRender::new();
        render.fmt.return_value(Result { text: "x".into() });
        let result = render.fmt(&mut Formatter { width: 3 });
        assert_eq!(result, Result { text: "x".into() });
        render
            .fmt
            .assert_called_once_with(call!(Formatter { width: 3 }));
    }

    mod std_names {
        use mockgen::prelude::*;
        use std::fmt::{Display, Formatter, Result};

        mock! {
            pub Shown;
            impl Display for Shown {
                fn fmt(&self, f: &mut Formatter) -> Result;
            }
        }

        #[test]
        fn std_fmt_with_bare_names_in_display_writes_the_configured_text() {
            let shown = MockShown::new();
            shown.fmt.return_value("shown".to_owned());
            assert_eq!(shown.to_string(), "shown");
        }
    }
}

/// `mock!` blocks with generics of their own, a `where` clause, and two
/// `#[cfg]` alternatives of one trait (issue 16, item 4).
mod mock_blocks {
    use mockgen::prelude::*;

    pub trait Store<K> {
        fn get(&self, key: K) -> Option<String>;
    }

    pub trait Describe {
        fn describe(&self) -> String;
    }

    pub trait Handler<E> {
        fn handle(&self, event: E) -> bool;
        fn make(event: E) -> Self;
    }

    mock! {
        pub Converter;
        impl<E: std::fmt::Debug> Handler<E> for Converter {
            fn handle(&self, event: E) -> bool;
            fn make(event: E) -> Self;
        }
    }

    mock! {
        pub Keyed<K>;
        impl<K> Store<K> for Keyed<K> where K: Clone + std::fmt::Debug {
            fn get(&self, key: K) -> Option<String>;
        }
    }

    mock! {
        pub Platform;
        #[cfg(not(any()))]
        impl Describe for Platform {
            fn describe(&self) -> String;
        }
        #[cfg(any())]
        impl Describe for Platform {
            fn describe(&self) -> u32;
        }
    }

    #[test]
    fn an_impl_generic_over_its_own_parameter_keys_handles_by_it() {
        let converter = MockConverter::new();
        converter.handle.of::<u8>().return_value(true);
        assert!(converter.handle(7u8));
        assert!(!converter.handle("not configured"));
        converter
            .handle
            .of::<u8>()
            .assert_called_once_with(call!(7u8));
        converter
            .handle
            .of::<&str>()
            .assert_called_once_with(call!("not configured"));

        let statics = MockConverter::statics();
        statics
            .make
            .of::<u8>()
            .side_effect(|_| MockConverter::named("made"));
        let made = <MockConverter as Handler<u8>>::make(1);
        assert_eq!(format!("{made:?}"), "MockConverter(\"made\")");
    }

    #[test]
    fn a_where_clause_on_an_impl_bounds_the_mock() {
        let keyed = MockKeyed::<String>::new();
        keyed.get.return_value(Some("v".to_owned()));
        assert_eq!(keyed.get("k".to_owned()), Some("v".to_owned()));
        keyed.get.assert_called_once_with(call!("k"));
    }

    #[test]
    fn only_the_active_cfg_alternative_of_an_impl_is_mocked() {
        let platform = MockPlatform::new();
        platform.describe.return_value("linux".to_owned());
        assert_eq!(platform.describe(), "linux");
    }
}
