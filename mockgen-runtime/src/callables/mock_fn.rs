//! Callable mocks (`mock_fn!`, Python's callable `Mock`): a handle with the
//! full API that also lends closures recording into it.

use std::fmt;
use std::ops::Deref;

use crate::state::method::Method;
use crate::state::mock::MockCore;
use crate::state::signature::Signature;

/// A callable mock made by `mock_fn!(|e: Event| -> bool)`: it derefs to
/// its [`Method`] handle (`return_value`, `side_effect`, assertions, …), and
/// [`as_fn`](Self::as_fn) gives a closure that records into it, for
/// callback parameters. A clone is the same mock.
///
/// ```
/// use mockgen::prelude::*;
///
/// fn notify_all(users: &[&str], notify: impl Fn(&str) -> bool) -> usize {
///     users.iter().filter(|u| notify(u)).count()
/// }
///
/// let notify = mock_fn!(|user: &str| -> bool);
/// notify.side_effect(|user| user != "bob");
/// assert_eq!(notify_all(&["ann", "bob", "cy"], notify.as_fn()), 2);
/// notify.assert_has_calls([call!("ann"), call!("bob"), call!("cy")]);
/// ```
pub struct MockFn<S: Signature, M> {
    core: MockCore,
    handle: Method<S>,
    make: M,
}

impl<S: Signature, M> MockFn<S, M> {
    #[doc(hidden)]
    pub fn __new(core: MockCore, handle: Method<S>, make: M) -> Self {
        MockFn { core, handle, make }
    }

    /// The mock-level view: `mock_calls`, `reset_mock`, `seal`, ….
    pub fn core(&self) -> &MockCore {
        &self.core
    }

    /// A closure that records every call into this mock and answers as it
    /// is configured: for `impl Fn(…)` parameters.
    pub fn as_fn<C>(&self) -> C
    where
        M: Fn(&Method<S>) -> C,
    {
        (self.make)(&self.handle)
    }

    /// The same closure, for `impl FnMut(…)` parameters.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// fn each(items: &[u32], mut visit: impl FnMut(u32)) {
    ///     items.iter().for_each(|i| visit(*i));
    /// }
    ///
    /// let visit = mock_fn!(|item: u32|);
    /// each(&[1, 2], visit.as_fn_mut());
    /// visit.assert_has_calls([call!(1), call!(2)]);
    /// ```
    pub fn as_fn_mut<C>(&self) -> C
    where
        M: Fn(&Method<S>) -> C,
    {
        (self.make)(&self.handle)
    }
}

impl<S: Signature, M> Deref for MockFn<S, M> {
    type Target = Method<S>;
    fn deref(&self) -> &Method<S> {
        &self.handle
    }
}

impl<S: Signature, M: Clone> Clone for MockFn<S, M> {
    fn clone(&self) -> Self {
        MockFn {
            core: self.core.clone(),
            handle: self.handle.clone(),
            make: self.make.clone(),
        }
    }
}

impl<S: Signature, M> fmt::Debug for MockFn<S, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("MockFn").field(&self.handle).finish()
    }
}
