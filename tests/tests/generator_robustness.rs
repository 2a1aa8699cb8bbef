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
