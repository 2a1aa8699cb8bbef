//! The real value behind a spy (`MockX::wrapping(real)`, Python's
//! `wraps=`): kept by the mock, lent to one call at a time, and given back
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
use std::sync::{Mutex, MutexGuard};

use crate::state::sync::lock;

type Erased = Box<dyn Any + Send>;

/// `fn(&mut Erased) -> &mut D`, for one `D`, behind `dyn Any`.
type ErasedView = Box<dyn Any + Send + Sync>;

/// A view of the real value as `D`.
type View<D> = Box<dyn for<'a> Fn(&'a mut (dyn Any + Send + 'static)) -> &'a mut D + Send + Sync>;

/// The real value given to `wrapping`, with the views its methods are
/// called through. Made by generated code, kept by the mock.
#[doc(hidden)]
pub struct Real<R> {
    value: R,
    views: Vec<(TypeId, ErasedView)>,
}

impl<R> fmt::Debug for Real<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Real(..)")
    }
}

impl<R: Send + 'static> Real<R> {
    pub fn new(value: R) -> Self {
        Real {
            value,
            views: Vec::new(),
        }
    }

    /// Lets the spy's methods see the value as `D` (`|r| r` coerces it to
    /// `dyn Trait + Send`).
    pub fn view<D: ?Sized + 'static>(mut self, view: fn(&mut R) -> &mut D) -> Self {
        let view: View<D> = Box::new(move |erased| {
            view(
                erased
                    .downcast_mut::<R>()
                    .expect("invariant: a spy's views are made for its value's type"),
            )
        });
        self.views.push((TypeId::of::<D>(), Box::new(view)));
        self
    }

    pub(crate) fn into_cell(self) -> RealCell {
        RealCell {
            value: Mutex::new(Some(Box::new(self.value))),
            views: self.views,
        }
    }
}

/// The real value of a spy, as the mock keeps it.
#[doc(hidden)]
pub struct RealCell {
    /// Locked while a real method runs: this is the real value's own lock
    /// (a `&mut self` method needs exclusive access), never one of the
    /// mock's. `None` once `into_inner` took the value back.
    value: Mutex<Option<Erased>>,
    views: Vec<(TypeId, ErasedView)>,
}

impl fmt::Debug for RealCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RealCell(..)")
    }
}

impl RealCell {
    /// The real value, locked for one call and seen as `D`.
    #[track_caller]
    pub fn lend<D: ?Sized + 'static>(&self) -> Lent<'_, D> {
        let view = self
            .views
            .iter()
            .find(|(id, _)| *id == TypeId::of::<D>())
            .and_then(|(_, view)| view.downcast_ref::<View<D>>())
            .expect("invariant: a spy's methods call it through a view it has");
        let value = lock(&self.value);
        if value.is_none() {
            taken_panic();
        }
        Lent { value, view }
    }

    /// Takes the real value back, if it is an `R`.
    pub(crate) fn take<R: 'static>(&self) -> Option<R> {
        let mut value = lock(&self.value);
        if !value.as_ref()?.is::<R>() {
            return None;
        }
        value.take()?.downcast().ok().map(|boxed| *boxed)
    }
}

#[cold]
#[track_caller]
fn taken_panic() -> ! {
    panic!("the real value of this spy was taken back with `into_inner`")
}

/// The real value of a spy, locked while one of its methods runs.
#[doc(hidden)]
pub struct Lent<'a, D: ?Sized> {
    value: MutexGuard<'a, Option<Erased>>,
    view: &'a View<D>,
}

impl<D: ?Sized> fmt::Debug for Lent<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lent(..)")
    }
}

impl<D: ?Sized> Lent<'_, D> {
    /// The real value, to call one method on.
    pub fn value(&mut self) -> &mut D {
        let erased = self
            .value
            .as_deref_mut()
            .expect("invariant: checked by `RealCell::lend`");
        (self.view)(erased)
    }
}
