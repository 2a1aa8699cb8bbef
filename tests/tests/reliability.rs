//! Reliability: reentrant side effects, many threads on one mock, Send + Sync, clones as one mock, panics in other threads, trait-object use.
//! Tests that reenter a mock or use threads run under a watchdog: a
//! deadlock fails them in seconds. (Drops and iterators that reenter a mock:
//! `reentrant_drops.rs`; spies: `spy_concurrency.rs`.)
#![deny(warnings)]

mod common;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

use common::{panic_message, quietly, within};

/// Seconds a test may take before it counts as hung.
const WATCHDOG: u64 = 30;
use mockgen::prelude::*;

#[automock]
pub trait Counter {
    fn countdown(&self, n: u32) -> u32;
    fn double(&self, n: u32) -> u32;
    fn helper(&self, n: u32) -> u32;
    fn record(&self, thread: usize, index: usize);
    fn next_id(&self) -> usize;
    fn set_limit(&mut self, limit: u32);
}

const THREADS: usize = 8;
const CALLS: usize = 1000;

#[test]
fn a_side_effect_may_call_the_same_method_again() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        let inner = counter.clone();
        counter.countdown.side_effect(move |n| {
            if n == 0 {
                0
            } else {
                inner.countdown(n - 1) + 1
            }
        });

        assert_eq!(counter.countdown(3), 3);

        assert_eq!(counter.countdown.call_count(), 4);
        // Each call is recorded before its side effect runs.
        counter
            .countdown
            .assert_has_calls([call!(3), call!(2), call!(1), call!(0)]);
    });
}

#[test]
fn a_side_effect_may_call_another_method_of_the_same_mock() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        let inner = counter.clone();
        counter.helper.return_value(21);
        counter.double.side_effect(move |n| inner.helper(n) * 2);

        assert_eq!(counter.double(5), 42);
        assert_eq!(counter.mock_calls(), [call!(.double(5)), call!(.helper(5))]);
    });
}

#[test]
fn a_side_effect_may_inspect_and_reconfigure_its_own_mock() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        let inner = counter.clone();
        counter.next_id.side_effect(move || {
            let seen = inner.mock_calls().len();
            inner.next_id.reset_side_effect();
            inner.next_id.return_value(100);
            seen
        });
        assert_eq!(counter.next_id(), 1);
        assert_eq!(counter.next_id(), 100);
        assert_eq!(counter.next_id(), 100);
        counter
            .next_id
            .assert_has_calls([call!(), call!(), call!()]);
    });
}

#[automock]
pub trait Ledger {
    fn total(&self) -> Amount;
    fn audit(&self);
}

/// A return value whose `Clone` uses the method that returns it.
#[derive(Debug, Default)]
pub struct Amount {
    cents: u64,
    /// `total`'s call count when this clone was made.
    seen: usize,
    ledger: Option<MockLedger>,
}

impl Clone for Amount {
    fn clone(&self) -> Self {
        let seen = self.ledger.as_ref().map_or(0, |l| {
            l.audit();
            l.total.call_count()
        });
        Amount {
            cents: self.cents,
            seen,
            ledger: self.ledger.clone(),
        }
    }
}

#[test]
fn a_return_value_is_cloned_without_the_lock_so_its_clone_may_call_the_mock() {
    within(WATCHDOG, || {
        let ledger = MockLedger::new();
        ledger.total.return_value(Amount {
            cents: 250,
            seen: 0,
            ledger: Some(ledger.clone()),
        });

        let (first, second) = (ledger.total(), ledger.total());
        // Each call is recorded before its value is cloned.
        assert_eq!((first.cents, first.seen), (250, 1));
        assert_eq!((second.cents, second.seen), (250, 2));

        ledger.audit.assert_called();
        assert_eq!(ledger.audit.call_count(), 2);
        // Frees the value, and the mock it holds.
        ledger.total.reset_all();
    });
}

#[test]
fn eight_threads_on_one_mock_lose_no_call() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        let invocations = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&invocations);
        counter.record.side_effect(move |_, _| {
            seen.fetch_add(1, Ordering::Relaxed);
        });
        let barrier = Arc::new(Barrier::new(THREADS));

        let workers: Vec<_> = (0..THREADS)
            .map(|t| {
                let counter = counter.clone();
                let barrier = Arc::clone(&barrier);
                thread::spawn(move || {
                    barrier.wait();
                    for i in 0..CALLS {
                        counter.record(t, i);
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().unwrap();
        }

        assert_eq!(counter.record.call_count(), THREADS * CALLS);
        assert_eq!(invocations.load(Ordering::Relaxed), THREADS * CALLS);
        let calls = counter.record.call_args_list();
        let distinct: HashSet<(usize, usize)> = calls.iter().copied().collect();
        assert_eq!(distinct.len(), THREADS * CALLS);
        for t in 0..THREADS {
            // Each thread's calls are recorded in the order it made them.
            let indices: Vec<usize> = calls
                .iter()
                .filter(|(thread, _)| *thread == t)
                .map(|(_, i)| *i)
                .collect();
            assert_eq!(indices, (0..CALLS).collect::<Vec<_>>());
            counter.record.assert_any_call(call!(t, CALLS - 1));
        }
        // The method's history and the mock's history list the calls in the
        // same order.
        let mock_order: Vec<Vec<String>> = counter.mock_calls().iter().map(|c| c.args()).collect();
        let method_order: Vec<Vec<String>> = calls
            .iter()
            .map(|(t, i)| vec![t.to_string(), i.to_string()])
            .collect();
        assert!(
            mock_order == method_order,
            "the two histories disagree on the order"
        );
    });
}

#[test]
fn concurrent_calls_share_one_side_effect_iter_and_return_once_queue() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        counter.next_id.side_effect_iter(0..THREADS * CALLS);
        for n in 0..THREADS * CALLS {
            counter.helper.return_once(u32::try_from(n).unwrap());
        }

        let workers: Vec<_> = (0..THREADS)
            .map(|_| {
                let counter = counter.clone();
                thread::spawn(move || {
                    (0..CALLS)
                        .map(|_| (counter.next_id(), counter.helper(0)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut ids = HashSet::new();
        let mut queued = HashSet::new();
        for worker in workers {
            for (id, once) in worker.join().unwrap() {
                assert!(ids.insert(id), "id {id} returned twice");
                assert!(queued.insert(once), "queued value {once} returned twice");
            }
        }
        assert_eq!(ids.len(), THREADS * CALLS);
        assert_eq!(queued.len(), THREADS * CALLS);
        // Both are used up now.
        assert_eq!(counter.helper(0), 0);
        assert!(panic_message(|| counter.next_id()).contains("side_effect_iter is exhausted"));
    });
}

fn assert_send_sync<T: Send + Sync + 'static>() {}

#[test]
fn mocks_and_handles_are_send_and_sync() {
    assert_send_sync::<MockCounter>();
    let counter = MockCounter::new();
    fn handle_is_send_sync<T: Send + Sync + Clone>(_: &T) {}
    handle_is_send_sync(&counter.countdown);
    handle_is_send_sync(&counter.mock_calls());
}

#[test]
fn a_clone_is_the_same_mock() {
    let configure = MockCounter::named("counter");
    let call_through = configure.clone();
    let assert_through = call_through.clone();

    configure.double.return_value(8);
    assert_eq!(call_through.double(4), 8);
    assert_through.double.assert_called_once_with(call!(4));
    assert_eq!(assert_through.name(), "counter");

    assert_through.reset_mock();
    configure.double.assert_not_called();
    assert_eq!(call_through.double(1), 8);

    call_through.seal();
    assert!(
        panic_message(|| configure.helper(1)).starts_with("counter.helper: the mock is sealed")
    );
}

#[test]
fn a_panicking_side_effect_on_another_thread_leaves_the_mock_working() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        counter.double.side_effect(|n| {
            assert!(n < 10, "too big: {n}");
            n * 2
        });

        let worker = counter.clone();
        let outcome = thread::spawn(move || quietly(|| worker.double(11))).join();
        let payload = outcome.expect_err("the side effect panicked");
        assert_eq!(common::payload_text(&*payload), "too big: 11");

        // Same thread, other threads: everything still works.
        assert_eq!(counter.double(2), 4);
        let worker = counter.clone();
        assert_eq!(thread::spawn(move || worker.double(3)).join().unwrap(), 6);
        counter
            .double
            .assert_has_calls([call!(11), call!(2), call!(3)]);
        counter.double.return_value(0);
        counter.double.reset_side_effect();
        assert_eq!(counter.double(50), 0);
        assert_eq!(counter.double.call_count(), 4);
    });
}

#[test]
fn an_iterator_that_panics_does_not_poison_the_mock() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        counter
            .next_id
            .side_effect_iter((0..3).map(|i| if i == 1 { panic!("item {i} is bad") } else { i }));
        assert_eq!(counter.next_id(), 0);

        let worker = counter.clone();
        let outcome = thread::spawn(move || quietly(|| worker.next_id())).join();
        assert_eq!(
            common::payload_text(&*outcome.unwrap_err()),
            "item 1 is bad"
        );

        // The iterator carries on with the next item.
        assert_eq!(counter.next_id(), 2);
        assert_eq!(counter.next_id.call_count(), 3);
        counter.next_id.assert_called();
    });
}

#[test]
fn mocks_can_be_used_in_catch_unwind_without_assert_unwind_safe() {
    let counter = MockCounter::new();
    counter.seal();
    let outcome = quietly(|| std::panic::catch_unwind(|| counter.double(1)));
    assert_eq!(
        common::payload_text(&*outcome.unwrap_err()),
        "MockCounter.double: the mock is sealed and this method has nothing configured.\n  Call: double(1)\nConfigure it before the call: `double.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
    counter.double.return_value(2);
    assert_eq!(std::panic::catch_unwind(|| counter.double(1)).ok(), Some(2));
    let handle = &counter.double;
    assert_eq!(
        std::panic::catch_unwind(|| handle.call_count()).ok(),
        Some(2)
    );
}

/// Code under test that owns its dependency.
struct Service {
    counter: Box<dyn Counter>,
}

impl Service {
    fn run(&mut self) -> u32 {
        self.counter.set_limit(3);
        self.counter.double(self.counter.countdown(3))
    }
}

#[test]
fn boxed_trait_objects() {
    let counter = MockCounter::new();
    counter.countdown.return_value(5);
    counter.double.side_effect(|n| n * 2);
    let mut service = Service {
        counter: Box::new(counter.clone()),
    };

    assert_eq!(service.run(), 10);
    drop(service);

    counter.assert_has_calls([
        call!(.set_limit(3)),
        call!(.countdown(3)),
        call!(.double(5)),
    ]);
}

#[test]
fn shared_trait_objects_across_threads() {
    within(WATCHDOG, || {
        let counter = MockCounter::new();
        counter.helper.side_effect(|n| n + 1);
        let shared: Arc<dyn Counter + Send + Sync> = Arc::new(counter.clone());

        let workers: Vec<_> = (0..4)
            .map(|n| {
                let shared = Arc::clone(&shared);
                thread::spawn(move || shared.helper(n))
            })
            .collect();
        let mut results: Vec<u32> = workers.into_iter().map(|w| w.join().unwrap()).collect();
        results.sort_unstable();

        assert_eq!(results, [1, 2, 3, 4]);
        counter
            .helper
            .assert_has_calls_any_order([call!(0), call!(1), call!(2), call!(3)]);
    });
}

#[test]
fn borrowed_trait_objects() {
    fn use_ref(counter: &dyn Counter) -> u32 {
        counter.double(2)
    }
    fn use_mut(counter: &mut dyn Counter) {
        counter.set_limit(9);
    }
    let mut counter = MockCounter::new();
    counter.double.return_value(4);
    assert_eq!(use_ref(&counter), 4);
    use_mut(&mut counter);
    counter.set_limit.assert_called_once_with(call!(9));
    counter.double.assert_called_once_with(call!(2));
}
