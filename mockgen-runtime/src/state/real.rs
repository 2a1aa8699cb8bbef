//! The real value behind a spy (`MockX::wrapping(real)`, Python's
//! `wraps=`): kept by the mock, lent to the calls that reach it as it would
//! be without the spy (`&self` methods side by side, a `&mut self` method
//! alone: see [`real_access`](crate::state::real_access)), and given back
//! by `into_inner`.
//!
//! The value is kept type-erased. A spy's method reaches it through a
//! *view*: a function, registered when the spy is made, that turns the
//! erased value into what the method calls: `dyn Trait + Send` for a
//! dyn-compatible trait, the `#[autospec]` type for a mock of a concrete
//! type, the value's own type otherwise. The generated method calls the
//! real method itself in the first two cases, so that such a spy costs no
//! closure per method; other traits' methods call it from one closure
//! each.

use std::any::{Any, TypeId};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::state::real_access::{Access, Mode, Using};
use crate::state::sync::lock;

type Erased = Box<dyn Any + Send>;
/// Shared by reference count: an async `&self` call keeps a count for as
/// long as its real future runs, with no lock held.
type ErasedSync = Arc<dyn Any + Send + Sync>;

/// A [`Views<D>`], for one `D`, behind `dyn Any`.
type ErasedViews = Box<dyn Any + Send + Sync>;

/// The real value seen as `D`, shared or exclusively.
pub(crate) struct Views<D: ?Sized> {
    pub(crate) shared: SharedView<D>,
    pub(crate) exclusive: ExclusiveView<D>,
}

type SharedView<D> = Box<dyn for<'a> Fn(&'a dyn Any) -> &'a D + Send + Sync>;
type ExclusiveView<D> = Box<dyn for<'a> Fn(&'a mut dyn Any) -> &'a mut D + Send + Sync>;

const VIEWED: &str = "invariant: a spy's views are made for its value's type";

/// Where the value is kept.
pub(crate) enum Store {
    /// A `Sync` value: `&self` calls of several threads share it. With the
    /// function that gives it back by value.
    Sync(RwLock<Option<ErasedSync>>, fn(ErasedSync) -> Option<Erased>),
    /// Any other: one thread at a time uses it.
    Send(Mutex<Option<Erased>>),
}

/// The real value given to `wrapping`, with the views its methods are
/// called through. Made by generated code, kept by the mock.
#[doc(hidden)]
pub struct Real<R> {
    value: R,
    views: Vec<(TypeId, ErasedViews)>,
    store: fn(R) -> Store,
}

impl<R> fmt::Debug for Real<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Real(..)")
    }
}

impl<R: Send + 'static> Real<R> {
    /// A value whose methods run one thread at a time.
    pub fn new(value: R) -> Self {
        Real {
            value,
            views: Vec::new(),
            store: |value| Store::Send(Mutex::new(Some(Box::new(value)))),
        }
    }

    /// Lets the spy's methods see the value as `D`, shared (`&self`
    /// methods) or exclusively (`&mut self` ones): `|r| r` coerces it to
    /// `dyn Trait + Send`.
    pub fn view<D: ?Sized + 'static>(
        mut self,
        shared: fn(&R) -> &D,
        exclusive: fn(&mut R) -> &mut D,
    ) -> Self {
        let views = Views::<D> {
            shared: Box::new(move |erased| shared(erased.downcast_ref::<R>().expect(VIEWED))),
            exclusive: Box::new(move |erased| exclusive(erased.downcast_mut::<R>().expect(VIEWED))),
        };
        self.views.push((TypeId::of::<D>(), Box::new(views)));
        self
    }

    pub(crate) fn into_cell(self) -> RealCell {
        let store = (self.store)(self.value);
        let sync = matches!(store, Store::Sync(..));
        RealCell {
            store,
            access: Access::new(sync),
            views: self.views,
        }
    }
}

/// The value behind its only count, given back as its type.
fn unwrap_sync<R: Send + Sync + 'static>(value: ErasedSync) -> Option<Erased> {
    let value = value.downcast::<R>().ok()?;
    Arc::try_unwrap(value)
        .ok()
        .map(|value| Box::new(value) as Erased)
}

fn sync_store<R: Send + Sync + 'static>(value: R) -> Store {
    Store::Sync(RwLock::new(Some(Arc::new(value))), unwrap_sync::<R>)
}

impl<R: Send + Sync + 'static> Real<R> {
    /// A `Sync` value: `&self` methods run on several threads at once, as
    /// they would without the spy.
    pub fn shared(value: R) -> Self {
        Real {
            store: sync_store::<R>,
            ..Real::new(value)
        }
    }
}

/// The real value of a spy, as the mock keeps it.
#[doc(hidden)]
pub struct RealCell {
    /// The real value's own lock, never one of the mock's; taken once
    /// `access` lets a call in. `None` once `into_inner` took the value back
    /// (or while an async call that has it to itself runs).
    pub(crate) store: Store,
    pub(crate) access: Access,
    views: Vec<(TypeId, ErasedViews)>,
}

impl fmt::Debug for RealCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RealCell(..)")
    }
}

impl RealCell {
    /// The real value, for one `&self` call, seen as `D`.
    #[track_caller]
    pub fn lend<D: ?Sized + 'static>(&self) -> Lent<'_, D> {
        self.lend_as(Mode::Shared)
    }

    /// The real value, for one `&mut self` call, seen as `D`.
    #[track_caller]
    pub fn lend_mut<D: ?Sized + 'static>(&self) -> Lent<'_, D> {
        self.lend_as(Mode::Exclusive)
    }

    /// The views that show the value as `D`.
    pub(crate) fn views<D: ?Sized + 'static>(&self) -> &Views<D> {
        self.views
            .iter()
            .find(|(id, _)| *id == TypeId::of::<D>())
            .and_then(|(_, views)| views.downcast_ref::<Views<D>>())
            .expect("invariant: a spy's methods call it through a view it has")
    }

    #[track_caller]
    fn lend_as<D: ?Sized + 'static>(&self, mode: Mode) -> Lent<'_, D> {
        let views = self.views::<D>();
        let using = self.access.acquire(mode);
        let value = self.open(mode);
        let taken = match &value {
            Open::Read(value) => value.is_none(),
            Open::Write(value) => value.is_none(),
            Open::Locked(value) => value.is_none(),
        };
        if taken {
            drop((value, using));
            taken_panic();
        }
        Lent {
            value,
            _using: using,
            views,
        }
    }

    /// The value's own lock, once `access` let the call in: nobody holds
    /// it in a way this call would wait for.
    fn open(&self, mode: Mode) -> Open<'_> {
        match (&self.store, mode) {
            (Store::Sync(value, _), Mode::Shared) => {
                Open::Read(value.read().unwrap_or_else(PoisonError::into_inner))
            }
            (Store::Sync(value, _), Mode::Exclusive) => {
                Open::Write(value.write().unwrap_or_else(PoisonError::into_inner))
            }
            (Store::Send(value), _) => Open::Locked(lock(value)),
        }
    }

    /// Takes the real value back, if it is an `R`.
    #[track_caller]
    pub(crate) fn take<R: 'static>(&self) -> Option<R> {
        let _using = self.access.acquire(Mode::Exclusive);
        match self.open(Mode::Exclusive) {
            Open::Write(mut value) => {
                if !value.as_ref()?.is::<R>() {
                    return None;
                }
                let Store::Sync(_, unwrap) = &self.store else {
                    unreachable!("invariant: a `Sync` value is opened for writing")
                };
                // The only count: no call uses the value.
                unwrap(value.take()?)?.downcast().ok().map(|boxed| *boxed)
            }
            Open::Locked(mut value) => {
                if !value.as_ref()?.is::<R>() {
                    return None;
                }
                value.take()?.downcast().ok().map(|boxed| *boxed)
            }
            Open::Read(_) => unreachable!("invariant: opened exclusively"),
        }
    }
}

#[cold]
#[track_caller]
pub(crate) fn taken_panic() -> ! {
    panic!("the real value of this spy was taken back with `into_inner`")
}

/// The value's own lock, held.
enum Open<'a> {
    Read(RwLockReadGuard<'a, Option<ErasedSync>>),
    Write(RwLockWriteGuard<'a, Option<ErasedSync>>),
    Locked(MutexGuard<'a, Option<Erased>>),
}

/// The real value of a spy, lent to one call.
#[doc(hidden)]
pub struct Lent<'a, D: ?Sized> {
    // Released before `_using` lets the next call in (fields drop in order).
    value: Open<'a>,
    _using: Using<'a>,
    views: &'a Views<D>,
}

impl<D: ?Sized> fmt::Debug for Lent<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lent(..)")
    }
}

const CHECKED: &str = "invariant: checked by `RealCell::lend`";

/// Access lets one `&mut self` call in at a time, and no other call
/// beside it: the value's count is its own.
pub(crate) const UNIQUE: &str = "invariant: a `&mut self` call has the real value to itself";

impl<D: ?Sized> Lent<'_, D> {
    /// The real value, to call one `&self` method on.
    pub fn value(&self) -> &D {
        let erased: &dyn Any = match &self.value {
            Open::Read(value) => value.as_deref().expect(CHECKED),
            Open::Write(value) => value.as_deref().expect(CHECKED),
            Open::Locked(value) => value.as_deref().expect(CHECKED),
        };
        (self.views.shared)(erased)
    }

    /// The real value, to call one `&mut self` method on (lent by
    /// [`RealCell::lend_mut`]).
    pub fn value_mut(&mut self) -> &mut D {
        let erased: &mut dyn Any = match &mut self.value {
            Open::Write(value) => Arc::get_mut(value.as_mut().expect(CHECKED)).expect(UNIQUE),
            Open::Locked(value) => value.as_deref_mut().expect(CHECKED),
            Open::Read(_) => unreachable!("invariant: `&mut self` calls are lent with `lend_mut`"),
        };
        (self.views.exclusive)(erased)
    }
}
