//! Callable mocks (`mock_fn!`, SPEC-9) and `mock_open` (OPEN-1 … OPEN-5).
#![deny(warnings)]

mod common;

use std::io::{BufRead, Read, Seek, SeekFrom, Write};

use common::panic_message;
use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: &'static str,
}

fn route(events: &[Event], handler: impl Fn(Event) -> bool) -> Vec<&'static str> {
    events
        .iter()
        .filter(|e| !handler((*e).clone()))
        .map(|e| e.kind)
        .collect()
}

#[test]
fn a_callable_mock_drives_callback_parameters() {
    let handler = mock_fn!(|e: Event| -> bool);
    handler.side_effect(|e| e.kind == "click");
    let unhandled = route(
        &[Event { kind: "click" }, Event { kind: "key" }],
        handler.as_fn(),
    );
    assert_eq!(unhandled, ["key"]);
    handler.assert_has_calls([call!(Event { kind: "click" }), call!(Event { kind: "key" })]);
    assert_eq!(handler.call_count(), 2);
}

#[test]
fn closures_taking_references_and_fn_mut_parameters() {
    fn each_word(text: &str, mut visit: impl FnMut(&str, usize)) {
        text.split(' ').enumerate().for_each(|(i, w)| visit(w, i));
    }
    let visit = mock_fn!(|word: &str, index: usize|);
    each_word("a b", visit.as_fn_mut());
    visit.assert_has_calls([call!("a", 0), call!("b", 1)]);
    assert_eq!(visit.call_args(), Some(("b".to_string(), 1)));
}

#[test]
fn a_clone_of_a_callable_mock_is_the_same_mock() {
    let tick = mock_fn!(|| -> u32);
    tick.side_effect_iter([1, 2]);
    let other = tick.clone();
    assert_eq!((tick.as_fn())(), 1);
    assert_eq!((other.as_fn())(), 2);
    assert_eq!(
        panic_message(|| other.assert_called_once()),
        "mock_fn.call: expected to have been called once. Called 2 times.\nCalls:\n  call()\n  call()"
    );
}

#[test]
fn open_2_reads_interleave_and_stop_at_the_end() {
    let file = mockgen::mock_open("one\ntwo\nthree");
    let mut handle = file.open();
    let mut first = String::new();
    handle.read_line(&mut first).unwrap();
    assert_eq!(first, "one\n");
    let rest: Vec<String> = handle.lines().map(Result::unwrap).collect();
    assert_eq!(rest, ["two", "three"]);
}

#[test]
fn open_3_each_open_reads_from_the_start() {
    let file = mockgen::mock_open("data");
    let mut a = String::new();
    file.open().read_to_string(&mut a).unwrap();
    let mut b = String::new();
    file.open().read_to_string(&mut b).unwrap();
    assert_eq!((a.as_str(), b.as_str()), ("data", "data"));
    assert_eq!(file.open_count(), 2);
}

#[test]
fn open_4_bytes_and_seeking() {
    let file = mockgen::mock_open(&[1u8, 2, 3][..]);
    let mut handle = file.open();
    handle.seek(SeekFrom::Start(1)).unwrap();
    let mut rest = Vec::new();
    handle.read_to_end(&mut rest).unwrap();
    assert_eq!(rest, [2, 3]);
}

#[test]
fn open_5_writes_are_recorded() {
    let file = mockgen::mock_open("");
    let mut out = file.open();
    out.write_all(b"do").unwrap();
    out.write_all(b"n").unwrap();
    out.flush().unwrap();
    assert_eq!(file.writes(), [b"do".to_vec(), b"n".to_vec()]);
    assert_eq!(file.flush_count(), 1);
    assert_eq!(
        panic_message(|| file.assert_written("done")),
        "mock_open: expected written data not found.\nExpected: \"done\"\n  Actual: \"don\"\nWrites: [\"do\", \"n\"]"
    );
}
