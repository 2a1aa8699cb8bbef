//! The cost of one call of a mocked method: mockgen (return value, side
//! effect, expectation), mockall (`returning`, `with(eq(…))`) and the
//! hand-written recording stub, on 1 thread and on 2 threads sharing one
//! mock. Every sample gets a fresh mock, made and dropped outside the timed
//! loop, so that recorded calls do not pile up across samples.
//!
//! `cargo bench -p mockgen-benches --bench call`

mod common;

use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use common::{KEY, MockAllSvc, MockSvc, Stub, Svc};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use mockall::predicate::eq;
use mockgen::prelude::*;

/// Makes `iters` calls on each handle, one thread per handle, all started
/// together; returns the wall time until the last one is done.
fn run<H: Send>(handles: Vec<H>, iters: u64, call: &(impl Fn(&H) -> u64 + Sync)) -> Duration {
    let start = Barrier::new(handles.len() + 1);
    let done = Barrier::new(handles.len() + 1);
    thread::scope(|scope| {
        for handle in handles {
            let (start, done) = (&start, &done);
            scope.spawn(move || {
                start.wait();
                for _ in 0..iters {
                    black_box(call(black_box(&handle)));
                }
                done.wait();
                drop(handle); // not timed: frees the recorded calls
            });
        }
        start.wait();
        let began = Instant::now();
        done.wait();
        began.elapsed()
    })
}

fn case<H: Send>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    make: impl Fn() -> Vec<H>,
    call: impl Fn(&H) -> u64 + Sync,
) {
    group.bench_function(name, |b| b.iter_custom(|iters| run(make(), iters, &call)));
}

/// `threads` clones of one mockgen mock.
fn mockgen(threads: usize, configure: impl Fn(&MockSvc)) -> Vec<MockSvc> {
    let mock = MockSvc::new();
    configure(&mock);
    vec![mock; threads]
}

/// One mockall mock behind `threads` `Arc`s.
fn mockall(threads: usize, configure: impl Fn(&mut MockAllSvc)) -> Vec<Arc<MockAllSvc>> {
    let mut mock = MockAllSvc::new();
    configure(&mut mock);
    let shared = Arc::new(mock);
    vec![shared; threads]
}

fn stub(threads: usize) -> Vec<Arc<Stub>> {
    let stub = Stub {
        returns: 7,
        ..Stub::default()
    };
    let shared = Arc::new(stub);
    vec![shared; threads]
}

/// `f(&self, a: u64, s: &str) -> u64`, every backend.
fn f(c: &mut Criterion, threads: usize) {
    fn call<S: Svc>(svc: &S) -> u64 {
        svc.f(black_box(42), black_box(KEY))
    }
    let t = threads;
    let mut group = c.benchmark_group(format!("f-{t}thread"));
    case(&mut group, "stub", || stub(t), |s| call(&**s));
    case(
        &mut group,
        "mockgen-return_value",
        || mockgen(t, |m| m.f.return_value(7)),
        call,
    );
    case(
        &mut group,
        "mockgen-side_effect",
        || mockgen(t, |m| m.f.side_effect(|a, _| a)),
        call,
    );
    case(
        &mut group,
        "mockgen-expect",
        || {
            mockgen(t, |m| {
                m.f.expect(call!(42, KEY)).return_value(7);
            })
        },
        call,
    );
    case(
        &mut group,
        "mockall-return_const",
        || {
            mockall(t, |m| {
                m.expect_f().return_const(7_u64);
            })
        },
        |m| call(&**m),
    );
    case(
        &mut group,
        "mockall-returning",
        || {
            mockall(t, |m| {
                m.expect_f().returning(|a, _| a);
            })
        },
        |m| call(&**m),
    );
    case(
        &mut group,
        "mockall-with_eq",
        || {
            mockall(t, |m| {
                m.expect_f().with(eq(42), eq(KEY)).returning(|a, _| a);
            })
        },
        |m| call(&**m),
    );
    group.finish();
}

/// One argument, `u64` or `&str`: what recording it costs over the stub.
fn one_arg(c: &mut Criterion) {
    let mut group = c.benchmark_group("by_u64-1thread");
    case(&mut group, "stub", || stub(1), |s| s.by_u64(black_box(42)));
    let mock = || mockgen(1, |m| m.by_u64.return_value(7));
    case(&mut group, "mockgen-return_value", mock, |m| {
        m.by_u64(black_box(42))
    });
    group.finish();

    let mut group = c.benchmark_group("by_str-1thread");
    case(&mut group, "stub", || stub(1), |s| s.by_str(black_box(KEY)));
    let mock = || mockgen(1, |m| m.by_str.return_value(7));
    case(&mut group, "mockgen-return_value", mock, |m| {
        m.by_str(black_box(KEY))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    f(c, 1);
    f(c, 2);
    one_arg(c);
}

criterion_group! {
    name = call;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(call);
