//! Cookbook: controlling time. A cache with a time-to-live reads the time
//! from a `Clock` trait; the tests drive a fake "now" through a side effect.
//! Code that calls a free function for the time instead can have that
//! function patched (`#[patchable]` + `patch!`).
#![deny(warnings)]

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

/// Milliseconds since some origin; the real one reads the system clock.
#[automock]
pub trait Clock: Send + Sync {
    fn now_millis(&self) -> u64;
}

/// A cache whose entries expire `ttl_millis` after they were stored.
#[derive(Debug)]
pub struct Cache<C: Clock> {
    clock: C,
    ttl_millis: u64,
    entries: HashMap<String, (String, u64)>,
}

impl<C: Clock> Cache<C> {
    pub fn new(clock: C, ttl_millis: u64) -> Self {
        Cache {
            clock,
            ttl_millis,
            entries: HashMap::new(),
        }
    }

    pub fn put(&mut self, key: &str, value: &str) {
        let now = self.clock.now_millis();
        self.entries
            .insert(key.to_string(), (value.to_string(), now));
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        let (value, stored) = self.entries.get(key)?;
        let age = self.clock.now_millis() - stored;
        (age < self.ttl_millis).then_some(value.as_str())
    }
}

/// Code that reads the time through a free function.
pub mod session {
    #[mockgen::patchable]
    pub fn unix_seconds() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    pub fn is_expired(issued_at: u64, lifetime_secs: u64) -> bool {
        unix_seconds() >= issued_at + lifetime_secs
    }
}

// --- The tests -----------------------------------------------------------

/// A clock mock that reads a time the test moves forward.
fn fake_clock() -> (MockClock, Arc<AtomicU64>) {
    let now = Arc::new(AtomicU64::new(1_000));
    let clock = MockClock::named("clock");
    let time = Arc::clone(&now);
    clock
        .now_millis
        .side_effect(move || time.load(Ordering::SeqCst));
    (clock, now)
}

#[test]
fn entries_expire_after_the_ttl() {
    let (clock, now) = fake_clock();
    let mut cache = Cache::new(clock.clone(), 500);

    cache.put("k", "v");
    now.fetch_add(499, Ordering::SeqCst);
    assert_eq!(cache.get("k"), Some("v"));
    now.fetch_add(1, Ordering::SeqCst);
    assert_eq!(cache.get("k"), None);

    // One read per `put` and per `get` of a present key.
    assert_eq!(clock.now_millis.call_count(), 3);
}

#[test]
fn a_scripted_sequence_of_times() {
    let clock = MockClock::new();
    // put at 0, then two reads.
    clock.now_millis.side_effect_iter([0, 100, 10_000]);
    let mut cache = Cache::new(clock.clone(), 1_000);

    cache.put("k", "v");
    assert_eq!(cache.get("k"), Some("v"));
    assert_eq!(cache.get("k"), None);
    assert_eq!(cache.get("missing"), None); // no clock read for a missing key
}

#[test]
fn a_patched_time_function() {
    let now = patch!(session::unix_seconds);
    now.return_value(1_700_000_000);

    assert!(!session::is_expired(1_700_000_000 - 59, 60));
    assert!(session::is_expired(1_700_000_000 - 60, 60));
    assert_eq!(now.call_count(), 2);

    drop(now);
    // Unpatched again: the real clock, far past 1970 + 60 s.
    assert!(session::is_expired(0, 60));
}
