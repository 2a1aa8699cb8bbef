//! One call scenario, repeated: the program `call_instructions.py` runs
//! under `valgrind --tool=callgrind` to count the instructions of a call,
//! which do not depend on the machine's load. Built in the release profile
//! (`cargo build --release --bench instructions`) and in the dev profile,
//! which `cargo test` uses (`cargo build --bench instructions`).
//!
//! `instructions CASE CALLS`: makes the mock, configures it, calls it
//! `CALLS` times (`f(42, "key-0001")` through `&dyn Svc`, or `by_u64(42)`,
//! `by_str("key-0001")`), and drops it.
//! Counting two values of `CALLS` and taking the difference leaves the
//! cost of the calls alone.

mod common;

use std::hint::black_box;

use common::{KEY, MockAllSvc, MockSvc, Stub, Svc};
use mockall::predicate::eq;
use mockgen::prelude::*;

/// (name, what it runs: the mock made and configured, `calls` calls).
type Case = (&'static str, fn(u64));

const CASES: [Case; 12] = [
    ("stub", |n| {
        calls(
            &Stub {
                returns: 7,
                ..Stub::default()
            },
            n,
        )
    }),
    ("mockgen-return_value", |n| {
        let mock = MockSvc::new();
        mock.f.return_value(43);
        calls(&mock, n);
    }),
    ("mockgen-side_effect", |n| {
        let mock = MockSvc::new();
        mock.f.side_effect(|a, _| a + 1);
        calls(&mock, n);
    }),
    ("mockgen-expect", |n| {
        let mock = MockSvc::new();
        mock.f.expect(call!(ANY, KEY)).return_value(43);
        calls(&mock, n);
    }),
    ("mockall-return_const", |n| {
        let mut mock = MockAllSvc::new();
        mock.expect_f().return_const(43_u64);
        calls(&mock, n);
    }),
    ("mockall-returning", |n| {
        let mut mock = MockAllSvc::new();
        mock.expect_f().returning(|a, _| a + 1);
        calls(&mock, n);
    }),
    ("mockall-with_returning", |n| {
        let mut mock = MockAllSvc::new();
        mock.expect_f().with(eq(42), eq(KEY)).returning(|_, _| 43);
        calls(&mock, n);
    }),
    ("mockall-with_return_const", |n| {
        let mut mock = MockAllSvc::new();
        mock.expect_f().with(eq(42), eq(KEY)).return_const(43_u64);
        calls(&mock, n);
    }),
    ("stub-by_u64", |n| {
        let stub = Stub {
            returns: 7,
            ..Stub::default()
        };
        repeat(n, || stub.by_u64(black_box(42)));
    }),
    ("mockgen-by_u64", |n| {
        let mock = MockSvc::new();
        mock.by_u64.return_value(7);
        repeat(n, || mock.by_u64(black_box(42)));
    }),
    ("stub-by_str", |n| {
        let stub = Stub {
            returns: 7,
            ..Stub::default()
        };
        repeat(n, || stub.by_str(black_box(KEY)));
    }),
    ("mockgen-by_str", |n| {
        let mock = MockSvc::new();
        mock.by_str.return_value(7);
        repeat(n, || mock.by_str(black_box(KEY)));
    }),
];

fn repeat(n: u64, call: impl Fn() -> u64) {
    for _ in 0..n {
        black_box(call());
    }
}

fn calls(svc: &dyn Svc, n: u64) {
    for _ in 0..n {
        black_box(black_box(svc).f(black_box(42), black_box(KEY)));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(n)) = (args.get(1), args.get(2)) else {
        let names: Vec<&str> = CASES.iter().map(|c| c.0).collect();
        eprintln!(
            "usage: instructions CASE CALLS; cases: {}",
            names.join(", ")
        );
        return;
    };
    let (_, run) = CASES
        .iter()
        .find(|c| c.0 == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    run(n.parse().expect("a number of calls"));
}
