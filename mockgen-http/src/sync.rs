//! Locks that survive a panic elsewhere: a poisoned lock's data is still
//! consistent here (every change is one assignment or push).

use std::sync::{Mutex, MutexGuard};

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
