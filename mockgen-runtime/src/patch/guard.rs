//! The guard that `patch!` and `patch_global!` return: a handle of the
//! patched function that restores the previous layer when dropped.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use super::{PatchHandle, Patchable, ReentrantGuard};
use crate::state::method::Method;
use crate::state::mock::MockCore;

/// What a `#[patchable]` function's hidden companion returns; `patch!` and
/// `patch_global!` turn it into a [`PatchGuard`].
#[doc(hidden)]
pub struct Patcher<S>(PhantomData<fn() -> S>);

impl<S> fmt::Debug for Patcher<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Patcher")
    }
}

impl<S: Patchable> Patcher<S> {
    #[doc(hidden)]
    #[must_use]
    pub const fn __new() -> Self {
        Patcher(PhantomData)
    }

    /// `patch!`: a patch seen by the current thread only.
    #[doc(hidden)]
    #[must_use = "the patch is removed as soon as the guard is dropped"]
    pub fn __local(self, name: &str) -> PatchGuard<S> {
        let handle = new_handle::<S>(name);
        let id = super::push_local(handle.clone());
        PatchGuard {
            handle,
            id,
            scope: Scope::Local,
            not_send: PhantomData,
        }
    }

    /// `patch_global!`: a patch seen by every thread, configured by
    /// `configure` before any other thread can see it, then installed once
    /// this thread holds the function's global-patch lock.
    #[doc(hidden)]
    #[must_use = "the patch is removed as soon as the guard is dropped"]
    pub fn __global<R>(
        self,
        name: &str,
        configure: impl FnOnce(&PatchHandle<S>) -> R,
    ) -> PatchGuard<S>
    where
        PatchHandle<S>: Send + Sync,
    {
        let handle = new_handle::<S>(name);
        // User code: before the lock is taken.
        drop(configure(&handle));
        let serial = super::serialise::<S>();
        let id = super::push_global(handle.clone());
        PatchGuard {
            handle,
            id,
            scope: Scope::Global(serial),
            not_send: PhantomData,
        }
    }
}

fn new_handle<S: Patchable>(name: &str) -> PatchHandle<S> {
    MockCore::__new(name).method_as::<S, S::HandleArity>(S::NAME)
}

enum Scope {
    Local,
    /// Holds the function's global-patch lock until the guard drops.
    Global(#[allow(dead_code)] ReentrantGuard),
}

/// A live patch of a `#[patchable]` function, returned by
/// `mockgen::patch!` and `mockgen::patch_global!`.
///
/// It dereferences to the function's [`Method`] handle, with the whole
/// per-method API: `return_value`, `side_effect`, `side_effect_iter`,
/// `return_once`, `call_original`, `call_args_list`, every `assert_*`.
/// Dropping the guard (or calling [`stop`](Self::stop)) removes this patch:
/// the function answers as it did before, also when the test panics.
///
/// The guard belongs to the thread that made it (it is not `Send`); a
/// clone of the handle (`guard.clone()`, a [`Method`]) can go anywhere and
/// keeps the recorded calls after the patch is gone.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[patchable]
/// fn roll_die() -> u8 {
///     4
/// }
///
/// let die = patch!(roll_die);
/// die.side_effect_iter([6, 1]);
/// assert_eq!((roll_die(), roll_die()), (6, 1));
/// let calls = die.stop();
/// assert_eq!(roll_die(), 4);
/// calls.assert_called_with(call!());
/// assert_eq!(calls.call_count(), 2);
/// ```
#[must_use = "the patch is removed as soon as the guard is dropped"]
pub struct PatchGuard<S: Patchable> {
    handle: PatchHandle<S>,
    id: u64,
    scope: Scope,
    not_send: PhantomData<*const ()>,
}

impl<S: Patchable> PatchGuard<S> {
    /// Removes the patch now (Python's `patcher.stop()`) and gives back the
    /// handle, whose recorded calls can still be asserted on.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[patchable]
    /// fn greeting() -> String {
    ///     "hello".to_string()
    /// }
    ///
    /// let patch = patch!(greeting);
    /// patch.return_value("hi".to_string());
    /// assert_eq!(greeting(), "hi");
    /// let handle = patch.stop();
    /// assert_eq!(greeting(), "hello");
    /// handle.assert_called_once();
    /// ```
    pub fn stop(self) -> Method<S, S::HandleArity> {
        self.handle.clone()
    }

    /// Whether this is a `patch_global!` patch.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[patchable]
    /// fn port() -> u16 {
    ///     80
    /// }
    ///
    /// assert!(!patch!(port).is_global());
    /// assert!(patch_global!(port, |port| port.return_value(8080)).is_global());
    /// ```
    #[must_use]
    pub fn is_global(&self) -> bool {
        matches!(self.scope, Scope::Global(_))
    }
}

impl<S: Patchable> Deref for PatchGuard<S> {
    type Target = Method<S, S::HandleArity>;
    fn deref(&self) -> &Method<S, S::HandleArity> {
        &self.handle
    }
}

impl<S: Patchable> Drop for PatchGuard<S> {
    fn drop(&mut self) {
        match self.scope {
            Scope::Local => super::remove_local::<S>(self.id),
            // The lock is released after the layer is gone, when the
            // `Scope` field drops.
            Scope::Global(_) => super::remove_global::<S>(self.id),
        }
    }
}

impl<S: Patchable> fmt::Debug for PatchGuard<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatchGuard")
            .field("function", &self.handle.qualified_name())
            .field("global", &self.is_global())
            .field("call_count", &self.handle.call_count())
            .finish()
    }
}
