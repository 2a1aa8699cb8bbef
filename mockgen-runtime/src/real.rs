//! The real value behind a spy (`MockX::wrapping(real)`, Python's
//! `wraps=`): shared by the mock's handles, lent to one call at a time, and
//! given back by `into_inner`.

use std::any::Any;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::sync::lock;

/// The real value of a spy. The lock is held while the real method runs:
/// it is the real value's own lock (a `&mut self` method needs exclusive
/// access), never one of the mock's.
#[doc(hidden)]
pub struct Real<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Real<T> {
    fn clone(&self) -> Self {
        Real(Arc::clone(&self.0))
    }
}

impl<T> fmt::Debug for Real<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Real(..)")
    }
}

impl<T: Send + 'static> Real<T> {
    pub fn new(value: T) -> Self {
        Real(Arc::new(Mutex::new(Some(value))))
    }

    /// The real value, locked for one call.
    #[track_caller]
    pub fn get(&self) -> RealGuard<'_, T> {
        let guard = lock(&self.0);
        if guard.is_none() {
            panic!("the real value of this spy was taken back with `into_inner`");
        }
        RealGuard(guard)
    }

    /// Takes the real value back.
    pub fn take(&self) -> Option<T> {
        lock(&self.0).take()
    }

    /// Type-erased, for the mock to keep.
    pub fn erased(&self) -> Arc<dyn Any + Send + Sync> {
        Arc::new(self.clone())
    }
}

/// The real value of a spy, locked while one of its methods runs.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub struct RealGuard<'a, T>(MutexGuard<'a, Option<T>>);

impl<T> Deref for RealGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0.as_ref().expect("invariant: checked by `Real::get`")
    }
}

impl<T> DerefMut for RealGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.as_mut().expect("invariant: checked by `Real::get`")
    }
}
