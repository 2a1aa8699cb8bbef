//! Configuring a handle: return values, side effects, resets. The configuration itself, and what a call resolves
//! to from it, is `state::config`.

use std::sync::Weak;

use crate::state::answer::{self, Slot};
use crate::state::config::{Action, Config, Effect};
use crate::state::method::{Method, MethodInner};
use crate::state::queue::Queue;
use crate::state::signature::ArgOf;
use crate::state::signature::{Signature, ValueArity};

/// Whether `id` is a primitive type's, whose `Clone` is the compiler's copy
/// rather than user code.
pub(crate) fn is_primitive(id: std::any::TypeId) -> bool {
    use std::any::TypeId;
    [
        TypeId::of::<()>(),
        TypeId::of::<bool>(),
        TypeId::of::<char>(),
        TypeId::of::<u8>(),
        TypeId::of::<u16>(),
        TypeId::of::<u32>(),
        TypeId::of::<u64>(),
        TypeId::of::<u128>(),
        TypeId::of::<usize>(),
        TypeId::of::<i8>(),
        TypeId::of::<i16>(),
        TypeId::of::<i32>(),
        TypeId::of::<i64>(),
        TypeId::of::<i128>(),
        TypeId::of::<isize>(),
        TypeId::of::<f32>(),
        TypeId::of::<f64>(),
        TypeId::of::<&'static str>(),
    ]
    .contains(&id)
}

/// The bound of [`Method::return_value`]: every call returns a clone.
#[diagnostic::on_unimplemented(
    message = "`return_value` needs the return type `{Self}` to be `Clone`, because every call returns a clone",
    label = "`{Self}` is not `Clone`",
    note = "use `return_once(value)` to return a value once, or `side_effect(|…| …)` to build a new value on every call"
)]
pub trait ReturnValue: Clone + Send + Sync + 'static {}

impl<T: Clone + Send + Sync + 'static> ReturnValue for T {}

/// `return_value`, `return_once` and `side_effect_iter` with the return
/// type's owned form; a [`Lends`](crate::Lends) handle has its own, which
/// also take values to leak.
impl<S: Signature, A: ValueArity> Method<S, A> {
    /// Every call returns a clone of `value` (Python's `return_value`).
    ///
    /// The return type must be `Clone`; otherwise use
    /// [`return_once`](Self::return_once) or [`side_effect`](Self::side_effect).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn cities(&self) -> Vec<String>;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// weather.cities.return_value(vec!["Oslo".to_string()]);
    /// assert_eq!(weather.cities(), ["Oslo"]);
    /// assert_eq!(weather.cities(), ["Oslo"]);
    /// ```
    pub fn return_value(&self, value: S::Output)
    where
        S::Output: ReturnValue,
    {
        self.set_return_value(value);
    }

    /// The next call returns `value`, once; calls after it fall back to the
    /// other configuration. Several calls queue several values. Works for
    /// return types that are not `Clone`.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Files {
    ///     fn open(&self, path: &str) -> Option<Box<dyn std::io::Read + Send>>;
    /// }
    ///
    /// let files = MockFiles::new();
    /// files.open.return_once(Some(Box::new(&b"data"[..])));
    /// assert!(files.open("a.txt").is_some());
    /// assert!(files.open("b.txt").is_none()); // back to the default
    /// ```
    pub fn return_once(&self, value: S::Output)
    where
        S::Output: Send + 'static,
    {
        self.push_return_once(value);
    }

    /// Each call returns the next item (Python's iterable `side_effect`);
    /// when the items run out, the call is still recorded and then panics,
    /// naming the mock, the method and the call number. Replaces any
    /// [`side_effect`](Self::side_effect).
    ///
    /// The iterator's `next()` runs with no lock of the mock held, so it may
    /// call the mock; concurrent calls take their items one at a time. A call
    /// of this same method made from inside `next()` cannot take an item (the
    /// iterator is busy making one): the rest of the configuration answers
    /// it (`return_once`, `return_value`, else the default).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.side_effect_iter([10, 20]);
    /// assert_eq!(clock.now(), 10);
    /// assert_eq!(clock.now(), 20);
    /// ```
    pub fn side_effect_iter<I>(&self, values: I)
    where
        I: IntoIterator<Item = S::Output>,
        I::IntoIter: Send + 'static,
    {
        self.set_values(values.into_iter());
    }
}

impl<S: Signature, A> Method<S, A> {
    pub(crate) fn set_return_value(&self, value: S::Output)
    where
        S::Output: ReturnValue,
    {
        let copy_value = is_primitive(std::any::TypeId::of::<S::Output>());
        let value = answer::value_fn(value);
        let mut config = self.config();
        let old = config.return_value.replace(value);
        config.retire(old);
        config.copy_value = copy_value;
    }

    pub(crate) fn push_return_once(&self, value: S::Output)
    where
        S::Output: Send + 'static,
    {
        self.config().once.push_back(answer::once_fn(value));
    }

    pub(crate) fn set_values<I>(&self, values: I)
    where
        I: Iterator<Item = S::Output> + Send + 'static,
    {
        self.set_effect(Effect::Iter(answer::iter_fn(values)));
    }

    pub(crate) fn set_side_effect(&self, f: Box<S::Fn>) {
        self.set_effect(Effect::Fn(answer::effect_fn(f)));
    }

    /// The old side effect is dropped after the lock is released.
    fn set_effect(&self, effect: Effect) {
        let mut config = self.config();
        let old = std::mem::replace(&mut config.effect, effect);
        config.retire(old);
    }

    /// Removes the side effect (`side_effect` or `side_effect_iter`), so that
    /// `return_value` answers again (Python's `side_effect = None`).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.return_value(5);
    /// clock.now.side_effect(|| 7);
    /// assert_eq!(clock.now(), 7);
    /// clock.now.reset_side_effect();
    /// assert_eq!(clock.now(), 5);
    /// ```
    pub fn reset_side_effect(&self) {
        self.set_effect(Effect::None);
    }

    /// Removes the `return_value` and any queued `return_once` values.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.return_value(5);
    /// clock.now.reset_return_value();
    /// assert_eq!(clock.now(), 0); // `u64::default()`
    /// ```
    pub fn reset_return_value(&self) {
        let mut config = self.config();
        let value = config.return_value.take();
        let once = std::mem::replace(&mut config.once, Queue::new());
        config.retire((value, once));
    }

    /// Forgets the recorded calls; the configuration stays (Python's
    /// `reset_mock()`).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.return_value(5);
    /// clock.now();
    /// clock.now.reset_mock();
    /// clock.now.assert_not_called();
    /// assert_eq!(clock.now(), 5);
    /// ```
    pub fn reset_mock(&self) {
        self.inner.reset_calls();
        self.inner.reset_expectation_counts();
    }

    /// Forgets the recorded calls and the configuration.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.return_value(5);
    /// clock.now();
    /// clock.now.reset_all();
    /// assert_eq!(clock.now.call_count(), 0);
    /// assert_eq!(clock.now(), 0);
    /// ```
    pub fn reset_all(&self) {
        self.reset_mock();
        self.inner.retire_expectations();
        let mut config = self.config();
        let epoch = config.epoch;
        config.replace(Config::new(epoch));
    }

    /// Unconfigured calls run the original implementation instead of
    /// returning `Default::default()`: a spy (Python's `wraps=`). For handles
    /// that have an original: patched functions and `wrapping` mocks.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// // A trait mock has no original: `call_original` changes nothing.
    /// let clock = MockClock::new();
    /// clock.now.call_original();
    /// assert_eq!(clock.now(), 0);
    /// ```
    pub fn call_original(&self) {
        self.config().call_original = true;
    }

    /// Makes `original` (a closure over the real value of a
    /// `MockX::wrapping(real)` spy) answer the calls nothing is configured
    /// for; set once, when the mock is made.
    #[doc(hidden)]
    pub fn __set_original(&self, original: Box<S::Fn>) {
        let _ = self.inner.original.set(answer::effect_fn(original));
    }
}

macro_rules! side_effect {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: crate::state::signature::$sig> Method<S, crate::state::signature::$arity> {
            /// Every call runs `f` with the call's arguments and returns its
            /// result (Python's callable `side_effect`). Arguments arrive as
            /// in the signature (`&mut` ones writable); the call is recorded
            /// before `f` runs, and `f` may call the mock again. Wins over
            /// `return_value`; replaces any `side_effect_iter`.
            ///
            /// ```
            /// # use mockgen::prelude::*;
            /// #[automock]
            /// trait Weather {
            ///     fn temperature(&self, city: &str) -> Result<f64, String>;
            /// }
            ///
            /// let weather = MockWeather::new();
            /// weather.temperature.side_effect(|city| match city {
            ///     "Oslo" => Err("down".to_string()),
            ///     _ => Ok(20.0),
            /// });
            /// assert_eq!(weather.temperature("Paris"), Ok(20.0));
            /// assert!(weather.temperature("Oslo").is_err());
            /// ```
            pub fn side_effect<C>(&self, f: C)
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> S::Output + Send + Sync + 'static,
            {
                self.set_side_effect(S::boxed(f));
            }

            /// A side effect that may step aside (Python's side effect
            /// returning `DEFAULT`; see the guide's
            /// [`side_effect_or_default`](https://docs.rs/mockgen/latest/mockgen/guide/configuring/index.html#stepping-aside-side_effect_or_default)):
            /// `Some(value)` answers
            /// the call, `None` lets the rest of the configuration answer:
            /// `return_once`, then `return_value`, then the real
            /// implementation (a spy's real value, a patch's original after
            /// [`call_original`](Self::call_original), a default method
            /// body), then the default. The real implementation gets the
            /// arguments as the side effect left them: the side effect gets
            /// them lent again (a `&mut` reborrowed, any other argument
            /// copied or cloned); an owned argument that is not `Clone`
            /// goes to the side effect alone, and the real implementation
            /// does not answer that call.
            ///
            /// ```
            /// # use mockgen::prelude::*;
            /// #[automock]
            /// trait Prices {
            ///     fn price(&self, item: &str) -> u32;
            /// }
            ///
            /// let prices = MockPrices::new();
            /// prices.price.return_value(10);
            /// prices.price.side_effect_or_default(|item| (item == "gold").then_some(1000));
            /// assert_eq!(prices.price("gold"), 1000);
            /// assert_eq!(prices.price("tin"), 10);
            /// ```
            pub fn side_effect_or_default<C>(&self, f: C)
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> Option<S::Output> + Send + Sync + 'static,
            {
                let effect = self.step_aside_fn(f);
                self.set_effect(Effect::StepAside(effect));
            }
        }
    };
}

crate::state::signature::for_each_arity!(side_effect);

impl MethodInner {
    /// What answers when a side effect steps aside and the caller has no
    /// arguments to lend again: `return_once`, `return_value`, else the
    /// default (or the usual panic).
    #[track_caller]
    pub(crate) fn fallback<T: 'static>(handle: &Weak<Self>) -> T {
        let inner = handle
            .upgrade()
            .expect("invariant: a side effect runs while its handle is alive");
        let mut out = None::<T>;
        inner.fallback_into(&mut Slot::new(&mut out));
        answer::taken(out)
    }

    #[track_caller]
    fn fallback_into(&self, out: &mut Slot<'_>) {
        let action = self.config().action_after_effect(out);
        match action {
            Action::Once(value) => value(out),
            Action::Value(value) => value.write_clone(out),
            Action::Ready => {}
            _ => self.default_or_panic(None, out),
        }
    }
}
