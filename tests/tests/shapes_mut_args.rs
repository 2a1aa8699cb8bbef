//! `&mut` arguments of any type reach side effects as themselves, also
//! when the type borrows (`&mut ReadBuf<'_>`, `&mut Context<'_>`, a
//! `&mut Buffer<'_>` of the user's without `Debug`); how such an argument
//! is recorded (its `Debug` text, else a placeholder) never changes what
//! the side effect receives (SE-2: the side effect is called with exactly the call's arguments).
#![deny(warnings)]

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use mockgen::prelude::*;
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};

mock! {
    pub Socket;
    impl AsyncRead for Socket {
        fn poll_read(
            self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            buf: &mut ReadBuf<'_>,
        ) -> Poll<io::Result<()>>;
    }
}

#[tokio::test]
async fn an_async_read_side_effect_fills_the_buffer_read_reads() {
    let mut socket = MockSocket::new();
    socket.poll_read.side_effect(|_cx, buf| {
        buf.put_slice(b"hello");
        Poll::Ready(Ok(()))
    });

    let mut out = [0u8; 16];
    let n = socket.read(&mut out).await.unwrap();

    assert_eq!(&out[..n], b"hello");
    socket.poll_read.assert_called_once();
}

#[tokio::test]
async fn an_async_read_side_effect_can_wake_the_context_and_answer_later() {
    let mut socket = MockSocket::new();
    let polls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&polls);
    socket.poll_read.side_effect(move |cx, buf| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        buf.put_slice(&[1, 2, 3][..buf.remaining().min(3)]);
        Poll::Ready(Ok(()))
    });

    let mut out = Vec::new();
    let mut chunk = [0u8; 2];
    let n = socket.read(&mut chunk).await.unwrap();
    out.extend_from_slice(&chunk[..n]);

    assert_eq!(out, [1, 2]);
    assert_eq!(polls.load(Ordering::SeqCst), 2);
    assert_eq!(socket.poll_read.call_count(), 2);
}

#[tokio::test]
async fn read_to_end_stops_at_the_side_effects_end_of_file() {
    let mut socket = MockSocket::new();
    let sent = Arc::new(AtomicUsize::new(0));
    socket.poll_read.side_effect(move |_cx, buf| {
        let chunk: &[u8] = match sent.fetch_add(1, Ordering::SeqCst) {
            0 => b"abc",
            1 => b"def",
            _ => b"",
        };
        buf.put_slice(chunk);
        Poll::Ready(Ok(()))
    });

    let mut all = Vec::new();
    socket.read_to_end(&mut all).await.unwrap();

    assert_eq!(all, b"abcdef");
}

/// A user's buffer that borrows, without `Debug`.
struct Buffer<'a> {
    bytes: &'a mut Vec<u8>,
}

impl Buffer<'_> {
    fn push(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }
}

#[automock]
trait Encoder {
    fn encode(&self, value: u32, out: &mut Buffer<'_>) -> usize;
    fn encode_into<'a>(&self, out: &mut Buffer<'a>, value: u32) -> usize;
    async fn encode_later(&self, value: u32, out: &mut Buffer<'_>) -> usize;
    fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<()>;
}

#[test]
fn a_side_effect_writes_into_a_users_buffer_without_debug() {
    let encoder = MockEncoder::new();
    encoder.encode.side_effect(|value, out| {
        out.push(&value.to_be_bytes());
        4
    });
    encoder.encode_into.side_effect(|out, value| {
        out.push(&[value as u8]);
        1
    });

    let mut bytes = Vec::new();
    let mut buffer = Buffer { bytes: &mut bytes };
    assert_eq!(encoder.encode(7, &mut buffer), 4);
    assert_eq!(encoder.encode_into(&mut buffer, 9), 1);

    assert_eq!(bytes, [0, 0, 0, 7, 9]);
    // Recorded without `Debug`: the buffer as a placeholder.
    encoder.encode.assert_called_once_with(call!(7, ANY));
}

#[test]
fn an_async_methods_side_effect_writes_into_the_buffer() {
    let encoder = MockEncoder::new();
    encoder.encode_later.side_effect(|value, out| {
        out.push(format!("{value}").as_bytes());
        2
    });

    let mut bytes = Vec::new();
    let written =
        futures::executor::block_on(encoder.encode_later(42, &mut Buffer { bytes: &mut bytes }));

    assert_eq!(written, 2);
    assert_eq!(bytes, b"42");
}

#[test]
fn an_expectations_side_effect_receives_the_buffer_too() {
    let encoder = MockEncoder::new();
    encoder.encode.expect(call!(1, ANY)).side_effect(|_, out| {
        out.push(b"one");
        3
    });

    let mut bytes = Vec::new();
    assert_eq!(encoder.encode(1, &mut Buffer { bytes: &mut bytes }), 3);
    assert_eq!(bytes, b"one");
}

#[test]
fn a_side_effect_receives_the_context_and_wakes_it() {
    struct CountWakes(AtomicUsize);
    impl std::task::Wake for CountWakes {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    let wakes = Arc::new(CountWakes(AtomicUsize::new(0)));
    let waker = Waker::from(Arc::clone(&wakes));
    let mut encoder = MockEncoder::new();
    encoder.poll_flush.side_effect(|cx| {
        cx.waker().wake_by_ref();
        Poll::Pending
    });

    assert_eq!(
        encoder.poll_flush(&mut Context::from_waker(&waker)),
        Poll::Pending
    );

    assert_eq!(wakes.0.load(Ordering::SeqCst), 1);
    // `Context` has `Debug`: the call is recorded by its text.
    let calls = format!("{:?}", encoder.mock_calls());
    assert!(calls.starts_with("[poll_flush(Context {"), "{calls}");
}

mock! {
    Codec;
    impl Encoder for Codec {
        fn encode(&self, value: u32, out: &mut Buffer<'_>) -> usize;
        fn encode_into<'a>(&self, out: &mut Buffer<'a>, value: u32) -> usize;
        async fn encode_later(&self, value: u32, out: &mut Buffer<'_>) -> usize;
        fn poll_flush(&mut self, cx: &mut Context<'_>) -> Poll<()>;
    }
}

#[test]
fn mock_macro_side_effects_receive_the_borrowing_arguments_too() {
    let mut codec = MockCodec::new();
    codec.encode.side_effect(|value, out| {
        out.push(&[value as u8; 2]);
        2
    });
    codec.encode_later.side_effect(|_, out| {
        out.push(b"later");
        5
    });
    codec.poll_flush.side_effect(|cx| {
        cx.waker().wake_by_ref();
        Poll::Ready(())
    });

    let mut bytes = Vec::new();
    let mut buffer = Buffer { bytes: &mut bytes };
    codec.encode(3, &mut buffer);
    futures::executor::block_on(codec.encode_later(0, &mut buffer));
    let ready = codec.poll_flush(&mut Context::from_waker(Waker::noop()));

    assert_eq!(ready, Poll::Ready(()));
    assert_eq!(bytes, b"\x03\x03later");
}

/// Borrows for two lifetimes of its own.
struct Pair<'a, 'b> {
    left: &'a str,
    right: &'b str,
}

#[automock]
trait Collector {
    fn collect_words(&self, words: &mut Vec<&str>);
    fn maybe_fill(&self, out: Option<&mut Buffer<'_>>) -> bool;
    fn swap(&self, pair: &mut Pair<'_, '_>);
}

#[test]
fn a_side_effect_pushes_into_a_vec_of_borrows() {
    let collector = MockCollector::new();
    collector.collect_words.side_effect(|words| {
        words.push("from the mock");
    });

    let mut words = vec!["mine"];
    collector.collect_words(&mut words);

    assert_eq!(words, ["mine", "from the mock"]);
    collector
        .collect_words
        .assert_called_once_with(call!(eq(vec!["mine"])));
}

#[test]
fn a_side_effect_receives_an_optional_borrowing_buffer() {
    let collector = MockCollector::new();
    collector.maybe_fill.side_effect(|out| match out {
        Some(out) => {
            out.push(b"filled");
            true
        }
        None => false,
    });

    let mut bytes = Vec::new();
    assert!(collector.maybe_fill(Some(&mut Buffer { bytes: &mut bytes })));
    assert!(!collector.maybe_fill(None));

    assert_eq!(bytes, b"filled");
}

#[test]
fn a_mut_argument_borrowing_for_two_lifetimes_reaches_side_effects_as_itself() {
    let collector = MockCollector::new();
    collector.swap.side_effect(|pair| {
        assert_eq!(pair.right, "r");
        pair.left = "from the mock";
    });

    let right = String::from("r");
    let mut pair = Pair {
        left: "l",
        right: &right,
    };
    collector.swap(&mut pair);

    assert_eq!((pair.left, pair.right), ("from the mock", "r"));
    // Recorded as a placeholder: `Pair` has no `Debug`.
    collector.swap.assert_called_once_with(call!(ANY));
}

/// A static method has no handle to type its side effect as written: the
/// argument stays a placeholder there.
#[automock]
trait Swapper {
    fn swap_static(pair: &mut Pair<'_, '_>) -> u8;
}

#[test]
fn a_static_method_gets_a_placeholder_for_it() {
    let statics = MockSwapper::statics();
    statics
        .swap_static
        .side_effect(|pair| u8::from(format!("{pair:?}") == "<&mut Pair<'_, '_>>"));
    let mut pair = Pair {
        left: "l",
        right: "r",
    };
    assert_eq!(MockSwapper::swap_static(&mut pair), 1);
}
