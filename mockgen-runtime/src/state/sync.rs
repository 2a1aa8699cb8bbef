//! Lock helpers: every lock in the runtime goes through here so that a
//! poisoned lock is recovered instead of turning one failed test into many.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, recovering the data if a panicking thread poisoned it.
///
/// The runtime never runs user code while holding a lock, so the data behind
/// a poisoned lock is still consistent: the panic happened elsewhere.
#[inline(always)]
pub(crate) fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
