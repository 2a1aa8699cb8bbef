//! The real value behind a spy (`MockX::wrapping(real)`, Python's
//! `wraps=`): shared by the mock's handles, lent to one call at a time, and
//! given back by `into_inner`.

use std::any::Any;
use std::fmt;
use std::sync::{Arc, Mutex};

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

    /// Runs `f` on the real value.
    #[track_caller]
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let mut guard = lock(&self.0);
        match guard.as_mut() {
            Some(value) => f(value),
            None => panic!("the real value of this spy was taken back with `into_inner`"),
        }
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
