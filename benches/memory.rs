//! Memory per recorded call after 1,000,000 calls: live heap bytes and
//! allocations (a counting global allocator) and resident-set growth, for
//! mockgen, the hand-written stub and mockall, next to the size of the
//! owned arguments. Each case runs in a process of its own.
//!
//! `cargo bench -p mockgen-benches --bench memory`

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use common::{KEY, MockAllSvc, MockSvc, Stub, Svc};

const CALLS: usize = 1_000_000;

/// Counts the bytes and blocks the program holds.
struct Counting;

static BYTES: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

// A global allocator is `unsafe` to implement; this one only forwards to
// `System` and counts.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            BYTES.fetch_add(layout.size(), Relaxed);
            BLOCKS.fetch_add(1, Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        BYTES.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            BYTES.fetch_add(new_size, Relaxed);
            BYTES.fetch_sub(layout.size(), Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// (name, owned arguments in bytes, the calls).
type Case = (&'static str, usize, fn());

const F_ARGS: usize = size_of::<(u64, String)>() + KEY.len();
const STR_ARG: usize = size_of::<String>() + KEY.len();

const CASES: [Case; 7] = [
    ("stub f(u64, &str)", F_ARGS, || {
        calls(&Stub::default(), |s| s.f(42, KEY));
    }),
    ("mockgen f(u64, &str)", F_ARGS, || {
        let mock = MockSvc::new();
        mock.f.return_value(7);
        calls(&mock, |m| m.f(42, KEY));
    }),
    ("mockall f(u64, &str)", F_ARGS, || {
        let mut mock = MockAllSvc::new();
        mock.expect_f().returning(|a, _| a);
        calls(&mock, |m| m.f(42, KEY));
    }),
    ("stub by_u64(u64)", size_of::<u64>(), || {
        calls(&Stub::default(), |s| s.by_u64(42));
    }),
    ("mockgen by_u64(u64)", size_of::<u64>(), || {
        let mock = MockSvc::new();
        mock.by_u64.return_value(7);
        calls(&mock, |m| m.by_u64(42));
    }),
    ("stub by_str(&str)", STR_ARG, || {
        calls(&Stub::default(), |s| s.by_str(KEY));
    }),
    ("mockgen by_str(&str)", STR_ARG, || {
        let mock = MockSvc::new();
        mock.by_str.return_value(7);
        calls(&mock, |m| m.by_str(KEY));
    }),
];

/// Makes the calls and prints what they keep: heap bytes, allocations and
/// resident bytes, per call. The mock is still alive while it prints.
fn calls<T>(svc: &T, call: impl Fn(&T) -> u64) {
    let (bytes, blocks, resident) = (BYTES.load(Relaxed), BLOCKS.load(Relaxed), rss());
    for _ in 0..CALLS {
        black_box(call(black_box(svc)));
    }
    let per_call = |after: usize, before: usize| (after as f64 - before as f64) / CALLS as f64;
    println!(
        "{:.1} {:.2} {:.1}",
        per_call(BYTES.load(Relaxed), bytes),
        per_call(BLOCKS.load(Relaxed), blocks),
        per_call(rss(), resident),
    );
}

/// The resident set size, from `/proc/self/status`.
fn rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .expect("VmRSS");
    let kib: usize = line
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .expect("kB");
    kib * 1024
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let (_, _, run) = CASES.iter().find(|c| c.0 == args[i + 1]).expect("a case");
        return run();
    }
    println!("{CALLS} calls, per call:\n");
    println!("| case | heap bytes | allocations | RSS bytes | owned args | heap over owned args |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, owned, _) in CASES {
        let exe = std::env::current_exe().expect("this executable");
        let out = Command::new(exe)
            .args(["--case", name])
            .output()
            .expect("a run");
        assert!(out.status.success(), "{name}: {out:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let [bytes, blocks, rss]: [f64; 3] = text
            .split_whitespace()
            .map(|x| x.parse().expect("a number"))
            .collect::<Vec<_>>()
            .try_into()
            .expect("three numbers");
        let over = bytes - owned as f64;
        println!("| {name} | {bytes:.1} | {blocks:.2} | {rss:.1} | {owned} | {over:+.1} |");
    }
}
