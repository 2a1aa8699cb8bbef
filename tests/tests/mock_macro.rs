//! `mock!` for traits the user cannot annotate: std's I/O traits,
//! `Iterator`, `Display`, `PartialEq`, a tower-like `Service` with
//! associated types and `poll_ready`, and `futures::Stream` (SEMANTICS
//! MAGIC-1, MAGIC-2, MAGIC-6, MAGIC-8).
#![deny(warnings)]

use std::fmt;
use std::io::{self, BufRead, Read, Write};
use std::pin::Pin;
use std::task::{Context, Poll};

use mockgen::prelude::*;

mock! {
    pub Reader;
    impl Read for Reader {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize>;
    }
    impl BufRead for Reader {
        fn fill_buf(&mut self) -> io::Result<&[u8]>;
        fn consume(&mut self, amt: usize);
    }
}

mock! {
    pub Sink;
    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize>;
        fn flush(&mut self) -> io::Result<()>;
    }
}

mock! {
    pub Numbers;
    impl Iterator for Numbers {
        type Item = u32;
        fn next(&mut self) -> Option<u32>;
    }
    impl fmt::Display for Numbers {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    }
    impl PartialEq for Numbers {
        fn eq(&self, other: &Self) -> bool;
    }
}

/// A tower-like service: associated types, `poll_ready` with a `Context`.
pub trait Service<Request> {
    type Response;
    type Error;
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>>;
    fn call(&mut self, req: Request) -> Result<Self::Response, Self::Error>;
}

mock! {
    pub Handler;
    impl Service<String> for Handler {
        type Response = usize;
        type Error = String;
        fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), String>>;
        fn call(&mut self, req: String) -> Result<usize, String>;
    }
}

mock! {
    pub Ticks;
    impl futures::Stream for Ticks {
        type Item = u64;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>>;
    }
}

#[test]
fn read_is_served_by_a_side_effect_writing_into_the_buffer() {
    let mut reader = MockReader::new();
    let data = b"hello".to_vec();
    reader.read.side_effect(move |buf| {
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        Ok(n)
    });
    let mut buf = [0; 8];
    assert_eq!(reader.read(&mut buf).unwrap(), 5);
    assert_eq!(&buf[..5], b"hello");
    reader.read.assert_called_once();
}

#[test]
fn buf_read_lends_the_configured_bytes() {
    let mut reader = MockReader::new();
    reader
        .fill_buf
        .side_effect_iter([Ok(b"line\n".to_vec()), Ok(Vec::new())]);
    assert_eq!(reader.fill_buf().unwrap(), b"line\n");
    reader.consume(5);
    assert_eq!(reader.fill_buf().unwrap(), b"");
    reader.consume.assert_called_once_with(call!(5));
}

#[test]
fn write_records_every_buffer() {
    let mut sink = MockSink::new();
    sink.write.side_effect(|buf| Ok(buf.len()));
    write!(sink, "a{}", 1).unwrap();
    sink.flush().unwrap();
    let written: Vec<u8> = sink
        .write
        .call_args_list()
        .into_iter()
        .flat_map(|(b,)| b)
        .collect();
    assert_eq!(written, b"a1");
    sink.flush.assert_called_once();
}

#[test]
fn magic_6_iterator_driven_by_side_effect_iter() {
    let mut numbers = MockNumbers::new();
    numbers.next.side_effect_iter([Some(1), Some(2), None]);
    let seen: Vec<u32> = numbers.by_ref().collect();
    assert_eq!(seen, [1, 2]);
    assert_eq!(numbers.next.call_count(), 3);
}

#[test]
fn magic_2_unconfigured_iterator_is_empty() {
    let numbers = MockNumbers::new();
    assert_eq!(numbers.count(), 0);
}

#[test]
fn display_writes_the_configured_text() {
    let numbers = MockNumbers::new();
    numbers.fmt.return_value("1, 2, 3".into());
    assert_eq!(format!("<{numbers}>"), "<1, 2, 3>");
    numbers.fmt.assert_called_once();
}

#[test]
fn magic_8_std_trait_calls_appear_in_mock_calls() {
    let mut numbers = MockNumbers::new();
    assert_eq!(numbers.next(), None);
    // Unconfigured, `fmt` writes nothing.
    assert_eq!(numbers.to_string(), "");
    numbers.assert_has_calls([call!(.next()), call!(.fmt(ANY))]);
}

#[test]
fn mocked_partial_eq_is_configurable() {
    let a = MockNumbers::new();
    let b = MockNumbers::new();
    a.eq.side_effect(|_| true);
    assert!(a == b);
    a.eq.assert_called_once_with(call!(&b));
}

fn serve(
    service: &mut impl Service<String, Response = usize, Error = String>,
    req: &str,
) -> Result<usize, String> {
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    match service.poll_ready(&mut cx) {
        Poll::Ready(Ok(())) => service.call(req.to_owned()),
        Poll::Ready(Err(e)) => Err(e),
        Poll::Pending => Err("not ready".into()),
    }
}

#[test]
fn tower_like_service_with_poll_ready() {
    let mut handler = MockHandler::new();
    handler
        .poll_ready
        .side_effect_iter([Poll::Pending, Poll::Ready(Ok(()))]);
    handler.call.side_effect(|req| Ok(req.len()));
    assert_eq!(serve(&mut handler, "abc"), Err("not ready".into()));
    assert_eq!(serve(&mut handler, "abcd"), Ok(4));
    handler.call.assert_called_once_with(call!("abcd"));
    assert_eq!(handler.poll_ready.call_count(), 2);
}

#[test]
fn futures_stream_with_pinned_receiver() {
    use futures::StreamExt;
    let mut ticks = MockTicks::new();
    ticks.poll_next.side_effect_iter([
        Poll::Ready(Some(1)),
        Poll::Ready(Some(2)),
        Poll::Ready(None),
    ]);
    let all: Vec<u64> = futures::executor::block_on(ticks.by_ref().collect());
    assert_eq!(all, [1, 2]);
    ticks.poll_next.assert_called();
}

#[test]
fn clone_requiring_code_gets_handles_to_the_same_mock() {
    fn drain<I: Iterator<Item = u32> + Clone>(it: &I) -> Vec<u32> {
        it.clone().collect()
    }
    let numbers = MockNumbers::new();
    numbers.next.side_effect_iter([Some(7), None]);
    assert_eq!(drain(&numbers), [7]);
    assert_eq!(numbers.next.call_count(), 2);
}

/// A trait generic over a lifetime: one instantiation is mocked.
pub trait Parser<'a> {
    fn parse(&self, input: &'a str) -> usize;
}

mock! {
    pub StaticParser;
    impl Parser<'static> for StaticParser {
        fn parse(&self, input: &'static str) -> usize;
    }
}

#[test]
fn traits_with_lifetime_parameters_are_mocked_at_static() {
    let parser = MockStaticParser::new();
    parser.parse.side_effect(|input| input.len());
    assert_eq!(parser.parse("four"), 4);
    parser.parse.assert_called_once_with(call!("four"));
}

#[test]
fn magic_14_an_unconfigured_stream_is_empty() {
    use futures::StreamExt;
    let mut ticks = MockTicks::new();
    let all: Vec<u64> = futures::executor::block_on(ticks.by_ref().collect());
    assert!(all.is_empty());
    ticks.poll_next.assert_called_once();
}
