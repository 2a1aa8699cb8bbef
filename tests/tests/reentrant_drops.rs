//! No lock is held while user code runs: values and closures a mock lets go
//! of are dropped after its locks are released, so a `Drop` that calls the
//! same mock completes; an iterator given to `side_effect_iter` may call its
//! own method. Every test runs under a watchdog: a deadlock fails it in
//! seconds.
#![deny(warnings)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::within;
use mockgen::prelude::*;

#[automock]
pub trait Meter {
    fn read(&self) -> Reading;
    fn next(&self) -> u32;
    fn note(&self, what: &str);
}

/// Calls the mock that keeps it when it is dropped: the lock of the method
/// that held it (`call_count`), a call of another method, a mock-level view.
#[derive(Debug)]
pub struct Probe {
    meter: MockMeter,
    drops: Arc<AtomicUsize>,
}

impl Drop for Probe {
    fn drop(&mut self) {
        let _ = self.meter.read.call_count();
        let _ = self.meter.next.call_count();
        self.meter.note("dropped");
        let _ = self.meter.mock_calls();
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

/// A return value whose last clone drops a [`Probe`].
#[derive(Clone, Debug)]
pub struct Reading(#[allow(dead_code)] Arc<Probe>);

fn probe(meter: &MockMeter) -> (Probe, Arc<AtomicUsize>) {
    let drops = Arc::new(AtomicUsize::new(0));
    let probe = Probe {
        meter: meter.clone(),
        drops: Arc::clone(&drops),
    };
    (probe, drops)
}

fn reading(meter: &MockMeter) -> (Reading, Arc<AtomicUsize>) {
    let (probe, drops) = probe(meter);
    (Reading(Arc::new(probe)), drops)
}

const WATCHDOG: u64 = 10;

#[test]
fn a_replaced_return_value_is_dropped_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (first, drops) = reading(&meter);
        meter.read.return_value(first);
        drop(meter.read());
        let (second, _) = reading(&meter);
        meter.read.return_value(second);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        meter.note.assert_called_once_with(call!("dropped"));
        meter.read.reset_return_value();
    });
}

#[test]
fn a_replaced_side_effect_and_its_captures_are_dropped_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (captured, drops) = probe(&meter);
        meter.next.side_effect(move || {
            let _ = &captured;
            1
        });
        assert_eq!(meter.next(), 1);
        meter.next.side_effect(|| 2);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        let (captured, drops) = probe(&meter);
        meter.next.side_effect(move || {
            let _ = &captured;
            3
        });
        meter.next.reset_side_effect();
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        assert_eq!(meter.note.call_count(), 2);
    });
}

#[test]
fn a_replaced_side_effect_iter_is_dropped_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (captured, drops) = probe(&meter);
        meter.next.side_effect_iter(std::iter::repeat_with(move || {
            let _ = &captured;
            7
        }));
        assert_eq!(meter.next(), 7);
        meter.next.side_effect_iter([8]);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        assert_eq!(meter.next(), 8);
    });
}

#[test]
fn queued_return_once_values_are_dropped_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (first, drops) = reading(&meter);
        let (second, more_drops) = reading(&meter);
        meter.read.return_once(first);
        meter.read.return_once(second);
        meter.read.reset_return_value();
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        assert_eq!(more_drops.load(Ordering::SeqCst), 1);
        assert_eq!(meter.note.call_count(), 2);
    });
}

#[test]
fn an_expectations_replaced_answers_are_dropped_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (first, drops) = reading(&meter);
        let (captured, effect_drops) = probe(&meter);
        let (second, _) = reading(&meter);
        meter
            .read
            .expect(call!())
            .return_value(first)
            .return_value(second);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        meter
            .next
            .expect(call!())
            .side_effect(move || {
                let _ = &captured;
                1
            })
            .side_effect(|| 2);
        assert_eq!(effect_drops.load(Ordering::SeqCst), 1);
        assert_eq!(meter.next(), 2);
        meter.reset_all();
    });
}

#[test]
fn expectations_forgotten_by_reset_all_are_dropped_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (value, drops) = reading(&meter);
        meter.read.expect(call!()).return_value(value);
        drop(meter.read());
        meter.read.reset_all();
        meter.reset_all();
        // Expectations of the method are checked once more by the mock's
        // registry, which lets go of the forgotten ones.
        meter.verify();
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn a_method_reset_all_drops_its_configuration_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (value, drops) = reading(&meter);
        let (once, once_drops) = reading(&meter);
        let (captured, effect_drops) = probe(&meter);
        meter.read.return_value(value);
        meter.read.return_once(once);
        meter.next.side_effect(move || {
            let _ = &captured;
            4
        });
        meter.read.reset_all();
        meter.next.reset_all();
        let dropped = |d: &Arc<AtomicUsize>| d.load(Ordering::SeqCst);
        assert_eq!(
            (
                dropped(&drops),
                dropped(&once_drops),
                dropped(&effect_drops)
            ),
            (1, 1, 1)
        );
    });
}

#[test]
fn a_mock_reset_all_releases_every_configuration_at_once_without_the_lock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let (value, drops) = reading(&meter);
        let (captured, effect_drops) = probe(&meter);
        meter.read.return_value(value);
        meter.next.side_effect(move || {
            let _ = &captured;
            5
        });
        meter.reset_all();
        // Released by `reset_all` itself, not on the methods' next use.
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        assert_eq!(effect_drops.load(Ordering::SeqCst), 1);
        assert_eq!(meter.next(), 0);
        meter
            .note
            .assert_has_calls([call!("dropped"), call!("dropped")]);
    });
}

/// A recorded argument whose `Drop` calls the mock that recorded it.
#[derive(Debug)]
pub struct Token(#[allow(dead_code)] Probe);

#[automock]
pub trait Sink {
    fn take(&self, #[mockgen(debug)] token: Token);
}

#[test]
fn recorded_arguments_are_dropped_by_reset_mock_without_the_lock() {
    within(WATCHDOG, || {
        let sink = MockSink::new();
        let meter = MockMeter::new();
        let (token, drops) = probe(&meter);
        sink.take(Token(token));
        sink.reset_mock();
        sink.take.assert_not_called();
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn an_iterator_may_call_its_own_method_from_next() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let inner = meter.clone();
        meter.next.return_value(100);
        // While `next()` runs, the method's other configuration answers
        // calls it makes to the same method.
        meter
            .next
            .side_effect_iter(std::iter::from_fn(move || Some(inner.next() + 1)).take(2));
        assert_eq!(meter.next(), 101);
        assert_eq!(meter.next(), 101);
        assert_eq!(meter.next.call_count(), 4);
    });
}

#[test]
fn an_iterator_may_reconfigure_and_inspect_its_own_mock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let inner = meter.clone();
        meter.next.side_effect_iter(std::iter::from_fn(move || {
            inner.note("next");
            let seen = inner.next.call_count();
            inner.next.side_effect_iter([50]);
            Some(u32::try_from(seen).unwrap())
        }));
        assert_eq!(meter.next(), 1);
        assert_eq!(meter.next(), 50);
        meter.note.assert_called_once_with(call!("next"));
    });
}

#[test]
fn threads_share_an_iterator_that_calls_its_own_mock() {
    within(WATCHDOG, || {
        let meter = MockMeter::new();
        let inner = meter.clone();
        let mut n = 0;
        meter.next.side_effect_iter(std::iter::from_fn(move || {
            inner.note("item");
            n += 1;
            Some(n)
        }));
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let meter = meter.clone();
                std::thread::spawn(move || (0..250).map(|_| meter.next()).collect::<Vec<_>>())
            })
            .collect();
        let mut items: Vec<u32> = workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        items.sort_unstable();
        assert_eq!(items, (1..=1000).collect::<Vec<_>>());
        assert_eq!(meter.note.call_count(), 1000);
    });
}
