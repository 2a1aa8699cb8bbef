//! `patch_global!`: patches seen by spawned threads and tokio worker
//! threads, serialised per function, restored on drop and on panic, and
//! overridden by a thread's own `patch!`.
#![deny(warnings)]

use std::panic::catch_unwind;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use mockgen::prelude::*;
use mockgen_tests::weather;

mod common;

#[test]
fn spawned_threads_see_the_patch_and_calls_are_recorded() {
    let rate = patch_global!(weather::exchange_rate, |rate| {
        rate.side_effect(|from, to| if from == to { 1.0 } else { 2.0 });
    });
    assert!(rate.is_global());
    let handles: Vec<_> = ["EUR", "USD"]
        .into_iter()
        .map(|to| std::thread::spawn(move || weather::exchange_rate("EUR", to)))
        .collect();
    let mut rates: Vec<f64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    rates.sort_by(f64::total_cmp);
    assert_eq!(rates, [1.0, 2.0]);
    rate.assert_has_calls_any_order([call!("EUR", "USD"), call!("EUR", "EUR")]);
    drop(rate);
    let real = std::thread::spawn(|| weather::exchange_rate("EUR", "USD"));
    assert_eq!(real.join().unwrap(), 0.5);
}

#[test]
fn tokio_worker_threads_see_the_patch() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let fetch = patch_global!(weather::fetch_temperature, |fetch| {
        fetch.return_value(Ok(17.0));
    });
    let reports = runtime.block_on(async {
        let tasks: Vec<_> = ["Oslo", "Rome"]
            .into_iter()
            .map(|city| tokio::spawn(async move { weather::report(city) }))
            .collect();
        let mut reports = Vec::new();
        for task in tasks {
            reports.push(task.await.unwrap());
        }
        reports
    });
    assert_eq!(reports, ["17.0°C", "17.0°C"]);
    fetch.assert_has_calls_any_order([call!("Rome"), call!("Oslo")]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tokio_multi_thread_test_patches_globally() {
    let count = patch_global!(weather::station_count, |count| count.return_value(12));
    let seen = tokio::spawn(async { weather::station_count() })
        .await
        .unwrap();
    assert_eq!(seen, 12);
    count.assert_called_once();
}

#[test]
fn a_thread_local_patch_wins_in_its_thread() {
    let global = patch_global!(weather::station_count, |global| global.return_value(1));
    let local = patch!(weather::station_count);
    local.return_value(2);
    assert_eq!(weather::station_count(), 2);
    assert_eq!(
        std::thread::spawn(weather::station_count).join().unwrap(),
        1
    );
    let local = local.stop();
    assert_eq!(weather::station_count(), 1);
    assert_eq!(global.call_count(), 2);
    local.assert_called_once();
}

#[test]
fn global_patches_of_one_function_wait_for_each_other() {
    common::within(30, || {
        let first = patch_global!(weather::forecast, |first| {
            first.return_value(weather::Forecast {
                summary: "first".into(),
            });
        });
        let (reached, has_reached) = mpsc::channel();
        let (patched, has_patched) = mpsc::channel();
        let second = std::thread::spawn(move || {
            reached.send(common::this_thread_in_proc()).unwrap();
            let _second = patch_global!(weather::forecast, |second| {
                second.return_value(weather::Forecast {
                    summary: "second".into(),
                });
            });
            patched.send(()).unwrap();
            weather::forecast("x", 1).summary
        });
        // The second thread went on to patch, and sleeps on the lock.
        let thread = has_reached.recv().unwrap();
        common::until_blocked(thread.as_deref(), 10);
        assert_eq!(has_patched.try_recv(), Err(mpsc::TryRecvError::Empty));
        assert_eq!(weather::forecast("x", 1).summary, "first");
        drop(first);
        has_patched.recv().unwrap();
        assert_eq!(second.join().unwrap(), "second");
    });
}

#[test]
fn global_patches_nest_in_one_thread() {
    let outer = patch_global!(weather::fill, |outer| outer.return_value(1));
    let inner = patch_global!(weather::fill, |inner| inner.return_value(2));
    let mut buf = Vec::new();
    assert_eq!(weather::fill(&mut buf, 0, 0), 2);
    drop(inner);
    assert_eq!(weather::fill(&mut buf, 0, 0), 1);
    drop(outer);
    assert_eq!(weather::fill(&mut buf, 9, 2), 2);
}

#[test]
fn a_panic_restores_the_original_and_releases_the_lock() {
    let result = catch_unwind(|| {
        let _spread = patch_global!(weather::spread, |spread| spread.return_value(0));
        panic!("the test failed");
    });
    assert_eq!(
        common::payload_text(&*result.unwrap_err()),
        "the test failed"
    );
    let other = std::thread::spawn(|| {
        let _spread = patch_global!(weather::spread, |_| {});
        weather::spread((0, 1), 1)
    });
    assert_eq!(other.join().unwrap(), 0);
    assert_eq!(weather::spread((0, 1), 1), 2);
}

/// Reader threads call the function without pause while the test installs
/// and drops configured global patches: every answer is the real one or a
/// configured one, never what a patch with nothing configured answers (a
/// panic here: `Calibration` has no `Default`). Each cycle waits for reads
/// made while its patch is visible, so readers race every installation.
#[test]
fn readers_never_see_a_global_patch_unconfigured() {
    use std::sync::atomic::AtomicUsize;
    use std::sync::{Arc, Barrier};
    const READERS: usize = 4;
    const CYCLES: u32 = 5_000;
    let (reads, unconfigured, patched) = common::within(120, || {
        let stop = Arc::new(AtomicBool::new(false));
        let reads = Arc::new(AtomicUsize::new(0));
        let patched = Arc::new(AtomicUsize::new(0));
        let started = Arc::new(Barrier::new(READERS + 1));
        let readers: Vec<_> = (0..READERS)
            .map(|_| {
                let (stop, reads) = (Arc::clone(&stop), Arc::clone(&reads));
                let (patched, started) = (Arc::clone(&patched), Arc::clone(&started));
                std::thread::spawn(move || {
                    started.wait();
                    let mut unconfigured = 0_usize;
                    while !stop.load(Ordering::Relaxed) {
                        let answer = common::quietly(|| catch_unwind(weather::calibration));
                        match answer {
                            Ok(weather::Calibration(0)) => {}
                            Ok(weather::Calibration(n)) if n <= CYCLES => {
                                patched.fetch_add(1, Ordering::Relaxed);
                            }
                            _ => unconfigured += 1,
                        }
                        reads.fetch_add(1, Ordering::Relaxed);
                    }
                    unconfigured
                })
            })
            .collect();
        started.wait();
        for cycle in 1..=CYCLES {
            let before = reads.load(Ordering::Relaxed);
            let patch = patch_global!(weather::calibration, |patch| {
                patch.return_value(weather::Calibration(cycle));
            });
            while reads.load(Ordering::Relaxed) < before + READERS {
                std::hint::spin_loop();
            }
            drop(patch);
        }
        stop.store(true, Ordering::Relaxed);
        let unconfigured: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
        let (reads, patched) = (
            reads.load(Ordering::Relaxed),
            patched.load(Ordering::Relaxed),
        );
        (reads, unconfigured, patched)
    });
    println!(
        "{CYCLES} cycles, {reads} reads ({patched} answered by a patch), {unconfigured} unconfigured answers"
    );
    assert!(reads >= CYCLES as usize * READERS, "{reads}");
    assert!(patched > 0);
    assert_eq!(unconfigured, 0, "of {reads} reads");
}
