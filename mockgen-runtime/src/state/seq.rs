//! The global call sequence: every recorded call gets a number that orders it
//! against every other call in the process, across mocks and threads.

use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Returns the next sequence number.
#[inline(always)]
pub(crate) fn next() -> u64 {
    NEXT.fetch_add(1, Ordering::Relaxed)
}
