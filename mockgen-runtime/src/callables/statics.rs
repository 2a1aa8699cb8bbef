//! Handles of static methods and constructors, installed per thread by a
//! guard (`MockX::statics()`), so tests running in parallel never share
//! them.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;

/// One installed set of handles: the handles' type, the guard's id, the
/// handles.
type Installed = (TypeId, u64, Box<dyn Any>);

thread_local! {
    static INSTALLED: RefCell<Vec<Installed>> = const { RefCell::new(Vec::new()) };
}

/// The guard returned by `MockX::statics()`: it derefs to the handles of
/// the mock's static methods and constructors, which answer calls made on
/// this thread until the guard is dropped (their configuration and history
/// go with it).
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Server {
///     fn default_port() -> u16;
/// }
///
/// {
///     let statics = MockServer::statics();
///     statics.default_port.return_value(8080);
///     assert_eq!(<MockServer as Server>::default_port(), 8080);
///     statics.default_port.assert_called_once();
/// }
/// // Without a guard, an unconfigured call: `u16::default()`.
/// assert_eq!(<MockServer as Server>::default_port(), 0);
/// ```
pub struct Statics<T: Clone + 'static> {
    handles: T,
    id: u64,
}

impl<T: Clone + 'static> Statics<T> {
    #[doc(hidden)]
    pub fn __install(handles: T) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stored = Box::new(handles.clone());
        INSTALLED.with(|installed| installed.borrow_mut().push((TypeId::of::<T>(), id, stored)));
        Statics { handles, id }
    }

    /// The handles installed on this thread, or `fresh()` when there are
    /// none.
    #[doc(hidden)]
    pub fn __current(fresh: fn() -> T) -> T {
        let found = INSTALLED.with(|installed| {
            installed
                .borrow()
                .iter()
                .rev()
                .find(|(t, _, _)| *t == TypeId::of::<T>())
                .and_then(|(_, _, handles)| handles.downcast_ref::<T>().cloned())
        });
        found.unwrap_or_else(fresh)
    }
}

impl<T: Clone + 'static> Deref for Statics<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.handles
    }
}

impl<T: Clone + 'static> Drop for Statics<T> {
    fn drop(&mut self) {
        // During thread teardown the list may already be gone: nothing to undo.
        let _ = INSTALLED.try_with(|installed| {
            installed.borrow_mut().retain(|(_, id, _)| *id != self.id);
        });
    }
}

impl<T: Clone + fmt::Debug + 'static> fmt::Debug for Statics<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Statics").field(&self.handles).finish()
    }
}
