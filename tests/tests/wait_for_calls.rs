//! ThreadingMock (SEMANTICS THREAD-1): waiting for calls that other threads
//! make, under a watchdog.
#![deny(warnings)]

mod common;

use common::within;
use mockgen::prelude::*;

/// Seconds a test may take before it counts as hung.
const WATCHDOG: u64 = 30;

#[automock]
pub trait Jobs {
    fn done(&self, id: u32);
}

#[test]
fn thread_1_waiting_for_calls_from_another_thread() {
    within(WATCHDOG, || {
        use std::time::Duration;
        let jobs = MockJobs::new();
        let worker = jobs.clone();
        let handle = std::thread::spawn(move || {
            for id in 1..=3 {
                std::thread::sleep(Duration::from_millis(5));
                worker.done(id);
            }
        });
        jobs.done.wait_until_called(Duration::from_secs(10));
        jobs.done
            .wait_until_any_call_with(call!(3), Duration::from_secs(10));
        handle.join().unwrap();
        assert_eq!(
            common::panic_message(|| jobs
                .done
                .wait_until_any_call_with(call!(9), Duration::from_millis(20))),
            "MockJobs.done: done(9) call not found within 20ms.\nCalls:\n  done(1)\n  done(2)\n  done(3)"
        );
    });
}

#[test]
fn wait_until_called_times_out_when_no_call_comes() {
    within(WATCHDOG, || {
        use std::time::{Duration, Instant};
        let jobs = MockJobs::named("jobs");
        let start = Instant::now();
        assert_eq!(
            common::panic_message(|| jobs.done.wait_until_called(Duration::from_millis(20))),
            "jobs.done: expected to have been called within 20ms. Called 0 times."
        );
        assert!(start.elapsed() >= Duration::from_millis(20));
    });
}
