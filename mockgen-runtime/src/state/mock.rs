//! What a whole mock shares: its name, the sealed flag, and the registry of
//! its methods that mock-level views (`mock_calls`, `reset_mock`) walk.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::state::args::{ArgKind, SameMock};
use crate::state::attached::Attached;
use crate::state::meta::{Meta, meta, probed};
use crate::state::method::{Method, MethodInner};
use crate::state::mock_shared::MockShared;
use crate::state::real::{Lent, Real, RealCell};
use crate::state::real_async::LentAsync;
use crate::state::registry::Registry;
use crate::state::shape::{Probes, Shaped};
use crate::state::signature::{Lends, Signature};
use crate::state::sync::lock;

/// The mock-level API every generated mock has (through `Deref`): its name,
/// [`seal`](Self::seal), resets and `assert_not_called`. The history of all
/// its methods and the assertions across methods with `call!(.method(…))`
/// come from [`MockCalls`](crate::MockCalls).
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Weather {
///     fn temperature(&self, city: &str) -> f64;
///     fn cities(&self) -> Vec<String>;
/// }
///
/// let weather = MockWeather::named("weather");
/// weather.cities();
/// weather.temperature("Oslo");
/// assert_eq!(weather.name(), "weather");
/// weather.assert_has_calls([call!(.cities()), call!(.temperature("Oslo"))]);
/// weather.reset_mock();
/// weather.assert_not_called();
/// ```
#[derive(Clone)]
pub struct MockCore {
    pub(crate) shared: Arc<MockShared>,
    pub(crate) methods: Arc<Mutex<Vec<Arc<MethodInner>>>>,
}

impl fmt::Debug for MockCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Mock").field(&self.name()).finish()
    }
}

/// Two handles are equal when they are clones of the same mock.
impl PartialEq for MockCore {
    fn eq(&self, other: &Self) -> bool {
        self.__same(other)
    }
}

impl Eq for MockCore {}

impl MockCore {
    #[doc(hidden)]
    pub fn __new(name: &str) -> Self {
        Self::__new_reporting(name, fail_here)
    }

    /// A mock whose check on drop raises its report through `fail_on_drop`.
    #[doc(hidden)]
    pub fn __new_reporting(name: &str, fail_on_drop: fn(String)) -> Self {
        MockCore {
            shared: Arc::new(MockShared {
                name: name.to_owned(),
                sealed: AtomicBool::new(false),
                epoch: AtomicU64::new(0),
                expectations: Registry::default(),
                recorders: Attached::default(),
                real: Default::default(),
                fail_on_drop,
                method_names: Mutex::default(),
            }),
            methods: Arc::default(),
        }
    }

    /// Makes the mock a spy of `real`; the cell is for the methods that
    /// reach it through a closure.
    #[doc(hidden)]
    pub fn __keep_real<R: Send + 'static>(&self, real: Real<R>) -> Arc<RealCell> {
        let cell = Arc::new(real.into_cell());
        let _ = self.shared.real.set(Arc::clone(&cell));
        cell
    }

    /// The spy's real value, for one `&self` call, seen as `D`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __real<D: ?Sized + 'static>(&self) -> Lent<'_, D> {
        self.real_cell().lend()
    }

    /// The spy's real value, for one `&mut self` call, seen as `D`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __real_mut<D: ?Sized + 'static>(&self) -> Lent<'_, D> {
        self.real_cell().lend_mut()
    }

    /// The spy's real value, for one async `&self` call, seen as `D`.
    #[doc(hidden)]
    pub async fn __real_async<D: ?Sized + 'static>(&self) -> LentAsync<'_, D> {
        self.real_cell().lend_async().await
    }

    /// The spy's real value, for one async `&mut self` call, seen as `D`.
    #[doc(hidden)]
    pub async fn __real_mut_async<D: ?Sized + 'static>(&self) -> LentAsync<'_, D> {
        self.real_cell().lend_mut_async().await
    }

    fn real_cell(&self) -> &RealCell {
        self.shared
            .real
            .get()
            .expect("invariant: calls reach the real value of spies only")
    }

    #[doc(hidden)]
    pub fn __take_real<T: Send + 'static>(&self) -> Option<T> {
        self.shared.real.get()?.take()
    }

    /// The handle of the method that marker `S` was made for.
    #[doc(hidden)]
    pub fn __method<S: Signature>(&self) -> Method<S> {
        self.__method_named(S::NAME)
    }

    /// The handle of method `name`, whose signature is marker `S`'s: the
    /// methods of a mock with the same signature share one marker.
    #[doc(hidden)]
    pub fn __method_named<S: Signature>(&self, name: &'static str) -> Method<S> {
        Method::from_inner(self.method_inner(name, meta::<S>()))
    }

    /// The handle of method `name`, typed by its structure
    /// ([`Shaped<P>`](crate::Shaped)), what needs its concrete types given
    /// by its probes `P`: the handles of methods of the same types are one
    /// type, whatever their probes.
    #[doc(hidden)]
    pub fn __method_probed<P: Probes>(&self, name: &'static str) -> Method<Shaped<P>>
    where
        Shaped<P>: Signature,
    {
        Method::from_inner(self.method_inner(name, probed::<P>()))
    }

    /// The handle of method `name` whose return value borrows from its
    /// arguments (see [`Lends`]).
    #[doc(hidden)]
    pub fn __lending_method_named<S: Signature>(&self, name: &'static str) -> Method<S, Lends> {
        self.method_as(name)
    }

    /// The handle of method `name`, of arity marker `A`.
    pub(crate) fn method_as<S: Signature, A>(&self, name: &'static str) -> Method<S, A> {
        Method::from_inner(self.method_inner(name, meta::<S>()))
    }

    /// The state of method `name`, registered: not generic, so that only
    /// the wrapping in [`__method_named`](Self::__method_named) is compiled
    /// for each method.
    fn method_inner(&self, name: &'static str, meta: &'static Meta) -> Arc<MethodInner> {
        let inner = MethodInner::new(&self.shared, name, meta);
        self.register(Arc::clone(&inner));
        self.shared.declare(name);
        inner
    }

    /// The mock's methods, copied out of the lock: resets drop user values.
    fn methods(&self) -> Vec<Arc<MethodInner>> {
        lock(&self.methods).clone()
    }

    /// Adds a method to the mock's history (`mock_calls`, resets).
    pub(crate) fn register(&self, method: Arc<MethodInner>) {
        lock(&self.methods).push(method);
    }

    #[doc(hidden)]
    pub fn __same(&self, other: &MockCore) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared)
    }

    /// The mock's name: its type name, or the one given to `named`.
    pub fn name(&self) -> &str {
        &self.shared.name
    }

    /// From now on every call of a method with nothing configured panics,
    /// even when its return type has a `Default` (the guide's
    /// [`seal()`](https://docs.rs/mockgen/latest/mockgen/guide/configuring/index.html#seal-no-unconfigured-calls)).
    /// Methods can still be configured after sealing.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.seal();
    /// let call = std::panic::catch_unwind(|| clock.now());
    /// assert!(call.is_err());
    /// clock.now.return_value(3);
    /// assert_eq!(clock.now(), 3);
    /// ```
    pub fn seal(&self) {
        self.shared.sealed.store(true, Ordering::Release);
    }

    /// Forgets the calls of every method; configuration stays, and
    /// expectations stay with their call counts set back to zero.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now();
    /// clock.reset_mock();
    /// assert!(clock.mock_calls().is_empty());
    /// ```
    pub fn reset_mock(&self) {
        for method in self.methods() {
            method.reset_calls();
        }
        self.shared.expectations.reset_counts();
    }

    /// Forgets the calls and the configuration of every method, its
    /// expectations included.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.now.return_value(9);
    /// clock.reset_all();
    /// assert_eq!(clock.now(), 0);
    /// ```
    pub fn reset_all(&self) {
        self.reset_mock();
        self.shared.expectations.retire_all();
        self.shared.epoch.fetch_add(1, Ordering::AcqRel);
        // Each method forgets its configuration now rather than on its next
        // use, so that configured values are released (each dropped after
        // its method's lock is released).
        for method in self.methods() {
            drop(method.config());
        }
    }
}

/// An argument of type `Self` (a mock of the same trait) is recorded as the
/// mock it is.
impl ArgKind for SameMock {
    type Record = MockCore;
    type Target = MockCore;
    fn target(record: &MockCore) -> &MockCore {
        record
    }
}

/// The drop check's report, for mocks made without a function of their own.
fn fail_here(report: String) {
    panic!("{report}");
}
