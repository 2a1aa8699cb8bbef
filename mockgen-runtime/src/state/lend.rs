//! Values lent by methods that return references (`-> &str` answered from
//! a configured `String`).
//!
//! A reference returned by such a method borrows the mock, so what it
//! points at lives as long as the mock does, through resets and
//! reconfiguration. What is kept is one copy per configured value, not
//! one per call: a `return_value` is kept once, the first time it is lent,
//! and every call lends it again; the default of the return type is kept
//! once per method. Only answers made anew for each call (a side effect's,
//! a spy's real value's) are kept per call.
//!
//! Type-erased, so that the handle is `Send + Sync` whatever the return
//! type, and append-only, so that a panic cannot leave it half changed
//! (the mock stays `UnwindSafe`).

use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::state::answer::{Held, Kept, ValueFn};

const LENT: &str = "invariant: a method lends values of its return type only";

/// The values one method lent.
#[derive(Default)]
pub(crate) struct Lent {
    /// Made on first use: most methods never lend.
    values: OnceLock<Box<boxcar::Vec<Kept>>>,
    /// Where the return type's default is kept.
    default: OnceLock<usize>,
}

impl Lent {
    fn values(&self) -> &boxcar::Vec<Kept> {
        self.values.get_or_init(Default::default)
    }

    /// Keeps a configured value, once; where it is.
    pub(crate) fn keep_configured(&self, value: ValueFn) -> usize {
        value.keep(self.values())
    }

    /// Keeps an answer made for one call.
    pub(crate) fn keep<T: Send + Sync + 'static>(&self, value: T) -> &T {
        let index = self.values().push(Arc::new(Held::new(value)));
        self.get(index)
    }

    /// Keeps the default of the return type once; `value` is that default,
    /// dropped when one is kept already.
    pub(crate) fn keep_default<T: Send + Sync + 'static>(&self, value: T) -> &T {
        let index = *self
            .default
            .get_or_init(|| self.values().push(Arc::new(Held::new(value))));
        self.get(index)
    }

    /// The value kept at `index`.
    pub(crate) fn get<T: 'static>(&self, index: usize) -> &T {
        let kept: &(dyn Any + Send + Sync) = &*self.values()[index];
        &kept.downcast_ref::<Held<T>>().expect(LENT).value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_value_is_kept_once_however_often_it_is_lent() {
        let lent = Lent::default();
        let value = crate::state::answer::value_fn(String::from("kept"));
        let first = lent.keep_configured(ValueFn::clone(&value));
        let again = lent.keep_configured(value);
        assert_eq!(first, again);
        assert_eq!(lent.get::<String>(first), "kept");
        assert_eq!(lent.values().count(), 1);
    }

    #[test]
    fn the_default_is_kept_once() {
        let lent = Lent::default();
        assert_eq!(lent.keep_default(String::new()), "");
        assert_eq!(lent.keep_default(String::from("ignored")), "");
        assert_eq!(lent.keep(7_u32), &7);
        assert_eq!(lent.values().count(), 2);
    }
}
