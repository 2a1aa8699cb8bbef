//! A spy's real value lent to an async call (Python's `AsyncMock(wraps=…)`
//! awaits the wrapped coroutine): the real future runs with no lock held,
//! and may move between threads. The rules stay those of sync calls
//! (`&self` calls side by side when the value is `Sync`, a `&mut self` call
//! alone): [`Access`](crate::state::real_access) lets the call in, without
//! blocking a thread, and the value is then held by the call's future
//! itself: a reference count of a `Sync` value for a `&self` call, else the
//! value, taken out of its place and put back when the call ends (also
//! when its future is dropped or panics).

use std::any::Any;
use std::fmt;
use std::sync::{Arc, PoisonError};

use crate::state::real::{RealCell, Store, UNIQUE, Views, taken_panic};
use crate::state::real_access::{Mode, Using};
use crate::state::sync::lock;

/// The value as an async call holds it.
enum Held {
    /// A count of a `Sync` value, shared with other `&self` calls.
    Shared(Arc<dyn Any + Send + Sync>),
    /// A `Sync` value, taken out for a `&mut self` call.
    Sync(Arc<dyn Any + Send + Sync>),
    /// A value that is not `Sync`, taken out: its calls run one at a time.
    Send(Box<dyn Any + Send>),
}

impl RealCell {
    /// The real value, for one async `&self` call, seen as `D`.
    pub async fn lend_async<D: ?Sized + 'static>(&self) -> LentAsync<'_, D> {
        self.lend_async_as(Mode::Shared).await
    }

    /// The real value, for one async `&mut self` call, seen as `D`.
    pub async fn lend_mut_async<D: ?Sized + 'static>(&self) -> LentAsync<'_, D> {
        self.lend_async_as(Mode::Exclusive).await
    }

    async fn lend_async_as<D: ?Sized + 'static>(&self, mode: Mode) -> LentAsync<'_, D> {
        let views = self.views::<D>();
        let using = self.access.acquire_async(mode).await;
        // Brief locks: nobody else uses the value now but `&self` calls,
        // which only read it.
        let held = match (&self.store, mode) {
            (Store::Sync(value, _), Mode::Shared) => value
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone()
                .map(Held::Shared),
            (Store::Sync(value, _), Mode::Exclusive) => value
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
                .map(Held::Sync),
            (Store::Send(value), _) => lock(value).take().map(Held::Send),
        };
        let Some(held) = held else {
            drop(using);
            taken_panic()
        };
        LentAsync {
            cell: self,
            held: Some(held),
            views,
            _using: using,
        }
    }
}

/// The real value of a spy, lent to one async call.
#[doc(hidden)]
pub struct LentAsync<'a, D: ?Sized> {
    cell: &'a RealCell,
    /// Put back before `_using` lets the next call in (`Drop`, then the
    /// fields in order).
    held: Option<Held>,
    views: &'a Views<D>,
    _using: Using<'a>,
}

impl<D: ?Sized> fmt::Debug for LentAsync<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LentAsync(..)")
    }
}

const HELD: &str = "invariant: a lent value is held until it is put back";

impl<D: ?Sized> LentAsync<'_, D> {
    /// The real value, to call one async `&self` method on.
    pub fn value(&self) -> &D {
        let erased: &dyn Any = match self.held.as_ref().expect(HELD) {
            Held::Shared(value) | Held::Sync(value) => &**value,
            Held::Send(value) => &**value,
        };
        (self.views.shared)(erased)
    }

    /// The real value, to call one async `&mut self` method on (lent by
    /// [`RealCell::lend_mut_async`]).
    pub fn value_mut(&mut self) -> &mut D {
        let erased: &mut dyn Any = match self.held.as_mut().expect(HELD) {
            Held::Sync(value) => Arc::get_mut(value).expect(UNIQUE),
            Held::Send(value) => &mut **value,
            Held::Shared(_) => {
                unreachable!("invariant: `&mut self` calls are lent with `lend_mut_async`")
            }
        };
        (self.views.exclusive)(erased)
    }
}

impl<D: ?Sized> Drop for LentAsync<'_, D> {
    fn drop(&mut self) {
        // A taken value goes back to its place; a count is let go (the
        // place keeps another, so no user code runs).
        match (self.held.take(), &self.cell.store) {
            (Some(Held::Sync(value)), Store::Sync(place, _)) => {
                *place.write().unwrap_or_else(PoisonError::into_inner) = Some(value);
            }
            (Some(Held::Send(value)), Store::Send(place)) => *lock(place) = Some(value),
            _ => {}
        }
    }
}
