//! A side effect that steps aside (`side_effect_or_default` answering
//! `None`, SEMANTICS SE-3, SE-7, WRAPS-4) leaves the call to the rest of the
//! configuration in one order: `return_once`, `return_value`, then a spy's
//! real value or a patch's original, then `Default`. The real value gets
//! the call's arguments as the side effect saw them.
#![deny(warnings)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::within;
use mockgen::prelude::*;
use mockgen_tests::weather::{self, Forecast};

const WATCHDOG: u64 = 10;

#[automock]
pub trait Store: Send + Sync {
    fn get(&self, key: &str) -> String;
    fn put(&mut self, key: String, value: String) -> usize;
    fn append(&self, buf: &mut Vec<u8>, byte: u8) -> usize;
    /// A default body: a spy's real value answers before it.
    fn describe(&self) -> String {
        "a store".to_owned()
    }
}

#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Vec<(String, String)>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> String {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| format!("real {key}"), |(_, v)| v.clone())
    }
    fn put(&mut self, key: String, value: String) -> usize {
        self.entries.push((key, value));
        self.entries.len()
    }
    fn append(&self, buf: &mut Vec<u8>, byte: u8) -> usize {
        buf.push(byte);
        buf.len()
    }
    fn describe(&self) -> String {
        format!("{} entries in memory", self.entries.len())
    }
}

#[test]
fn se_3_wraps_4_a_spy_answers_with_its_real_value_when_the_side_effect_steps_aside() {
    let spy = MockStore::wrapping(MemoryStore::default());
    spy.get
        .side_effect_or_default(|key| (key == "gold").then(|| "VALUE1".to_owned()));
    assert_eq!(spy.get("gold"), "VALUE1");
    assert_eq!(spy.get("tin"), "real tin");
    spy.get.assert_has_calls([call!("gold"), call!("tin")]);
}

#[test]
fn se_7_configured_values_answer_before_the_real_value() {
    let spy = MockStore::wrapping(MemoryStore::default());
    spy.get.side_effect_or_default(|_| None);
    spy.get.return_once("once".to_owned());
    assert_eq!(spy.get("a"), "once");
    assert_eq!(spy.get("a"), "real a"); // the queue is exhausted
    spy.get.return_value("value".to_owned());
    assert_eq!(spy.get("a"), "value");
    spy.get.reset_return_value();
    assert_eq!(spy.get("a"), "real a");
}

#[test]
fn wraps_4_owned_arguments_reach_the_real_value_of_a_mut_self_method() {
    let mut spy = MockStore::wrapping(MemoryStore::default());
    spy.put
        .side_effect_or_default(|key, _| (key == "skip").then_some(0));
    assert_eq!(spy.put("skip".into(), "x".into()), 0);
    assert_eq!(spy.put("a".into(), "1".into()), 1);
    assert_eq!(spy.get("a"), "1");
    let real: MemoryStore = spy.into_inner().unwrap();
    assert_eq!(real.entries, [("a".to_owned(), "1".to_owned())]);
}

#[test]
fn wraps_4_a_mut_argument_written_by_the_side_effect_reaches_the_real_value() {
    let spy = MockStore::wrapping(MemoryStore::default());
    spy.append.side_effect_or_default(|buf, byte| {
        buf.push(b'<');
        (byte == 0).then_some(0)
    });
    let mut buf = Vec::new();
    assert_eq!(spy.append(&mut buf, b'a'), 2);
    assert_eq!(buf, b"<a");
    assert_eq!(spy.append(&mut buf, 0), 0);
    assert_eq!(buf, b"<a<");
}

#[test]
fn wraps_4_a_default_body_method_of_a_spy_reaches_the_real_value() {
    let spy = MockStore::wrapping(MemoryStore::default());
    spy.describe.side_effect_or_default(|| None);
    assert_eq!(spy.describe(), "0 entries in memory");
    // Without a spy, the default body answers.
    let mock = MockStore::new();
    mock.describe.side_effect_or_default(|| None);
    assert_eq!(mock.describe(), "a store");
}

#[test]
fn se_3_without_a_real_value_the_default_answers() {
    let mock = MockStore::new();
    mock.get.side_effect_or_default(|_| None);
    assert_eq!(mock.get("a"), "");
    mock.get.return_value("value".to_owned());
    assert_eq!(mock.get("a"), "value");
}

/// Not dyn-compatible (a generic method): the spy reaches the real value
/// through a closure per method.
#[automock]
pub trait Codec {
    fn encode(&self, text: &str) -> String;
    fn tag<T: 'static>(&self, value: T) -> u32;
}

struct Upper;

impl Codec for Upper {
    fn encode(&self, text: &str) -> String {
        text.to_uppercase()
    }
    fn tag<T: 'static>(&self, _: T) -> u32 {
        7
    }
}

#[test]
fn wraps_4_a_spy_of_a_trait_that_is_not_dyn_compatible_reaches_the_real_value() {
    let spy = MockCodec::wrapping(Upper);
    spy.encode
        .side_effect_or_default(|text| text.is_empty().then(|| "<empty>".to_owned()));
    assert_eq!(spy.encode(""), "<empty>");
    assert_eq!(spy.encode("abc"), "ABC");
}

/// An owned argument that is not `Clone` cannot be lent twice: the side
/// effect gets it, and what answers after it cannot.
#[derive(Debug)]
pub struct Ticket(u32);

#[automock]
pub trait Desk {
    fn redeem(&self, #[mockgen(debug)] ticket: Ticket) -> u32;
}

struct RealDesk;

impl Desk for RealDesk {
    fn redeem(&self, ticket: Ticket) -> u32 {
        ticket.0 * 10
    }
}

#[test]
fn an_argument_that_cannot_be_lent_twice_leaves_the_real_value_out() {
    let spy = MockDesk::wrapping(RealDesk);
    assert_eq!(spy.redeem(Ticket(2)), 20);
    spy.redeem
        .side_effect_or_default(|ticket| (ticket.0 == 1).then_some(1));
    assert_eq!(spy.redeem(Ticket(1)), 1);
    assert_eq!(spy.redeem(Ticket(3)), 0); // `u32::default()`
    spy.redeem.return_value(5);
    assert_eq!(spy.redeem(Ticket(3)), 5);
}

#[test]
fn se_3_a_call_original_patch_answers_with_the_original_when_the_side_effect_steps_aside() {
    let forecast = patch!(weather::forecast);
    forecast.call_original();
    forecast.side_effect_or_default(|city, _| {
        (city == "Oslo").then(|| Forecast {
            summary: "snow".to_owned(),
        })
    });
    assert_eq!(weather::forecast("Oslo", 2).summary, "snow");
    assert_eq!(weather::forecast("Rome", 3).summary, "3 sunny days in Rome");
    forecast.return_once(Forecast {
        summary: "once".to_owned(),
    });
    assert_eq!(weather::forecast("Rome", 1).summary, "once");
    forecast.assert_called_with(call!("Rome", 1));
}

#[test]
fn se_3_a_patch_without_call_original_steps_aside_to_the_default() {
    let rate = patch!(weather::exchange_rate);
    rate.side_effect_or_default(|from, _| (from == "EUR").then_some(2.0));
    assert_eq!(weather::exchange_rate("EUR", "USD"), 2.0);
    assert_eq!(weather::exchange_rate("USD", "EUR"), 0.0);
    rate.call_original();
    assert_eq!(weather::exchange_rate("USD", "USD"), 1.0);
}

#[test]
fn se_3_a_patched_mut_argument_reaches_the_original_as_the_side_effect_left_it() {
    let fill = patch!(weather::fill);
    fill.call_original();
    fill.side_effect_or_default(|buf, _, count| {
        buf.push(b'>');
        (count == 0).then_some(usize::MAX)
    });
    let mut buf = Vec::new();
    assert_eq!(weather::fill(&mut buf, b'x', 2), 3);
    assert_eq!(buf, b">xx");
    assert_eq!(weather::fill(&mut buf, b'x', 0), usize::MAX);
    assert_eq!(buf, b">xx>");
}

#[test]
fn a_side_effect_that_steps_aside_may_call_its_spy_again() {
    within(WATCHDOG, || {
        let spy = Arc::new(MockStore::wrapping(MemoryStore::default()));
        let inner = Arc::downgrade(&spy);
        spy.get.side_effect_or_default(move |key| {
            let spy = inner.upgrade()?;
            // The describe call reaches the real value while this call's
            // side effect runs: no lock of the mock is held.
            (key == "describe").then(|| spy.describe())
        });
        assert_eq!(spy.get("describe"), "0 entries in memory");
        assert_eq!(spy.get("x"), "real x");
        spy.describe.assert_called_once();
    });
}

#[test]
fn concurrent_calls_step_aside_to_the_real_value_side_by_side() {
    within(WATCHDOG, || {
        let spy = MockStore::wrapping(MemoryStore::default());
        let stepped = Arc::new(AtomicUsize::new(0));
        {
            let stepped = Arc::clone(&stepped);
            spy.get.side_effect_or_default(move |key| {
                if key.ends_with('0') {
                    return Some("even".to_owned());
                }
                stepped.fetch_add(1, Ordering::SeqCst);
                None
            });
        }
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let spy = spy.clone();
                std::thread::spawn(move || {
                    for i in 0..50 {
                        let key = format!("{t}-{i}");
                        let expected = if key.ends_with('0') {
                            "even".to_owned()
                        } else {
                            format!("real {key}")
                        };
                        assert_eq!(spy.get(&key), expected);
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(spy.get.call_count(), 200);
        assert_eq!(stepped.load(Ordering::SeqCst), 180);
    });
}
