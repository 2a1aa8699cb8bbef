//! The per-method handle: configuration slots, the call history, and what
//! happens when the mocked method is called.

use std::any::Any;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::state::answer::EffectFn;
use crate::state::append_log::Pusher;
use crate::state::args::ArgKinds;
use crate::state::calls::{AnyEntry, Calls, CurrentCalls, Entry, EntryRef};
use crate::state::config::Config;
use crate::state::lend::Lent;
use crate::state::meta::{Meta, Output};
use crate::state::mock_shared::MockShared;
use crate::state::registry::Snapshot;
use crate::state::seq;
use crate::state::signature::Signature;
use crate::state::sync::lock;

/// The handle of one mocked method: a public field of the mock named like
/// the method (`weather.temperature`).
///
/// It is configured with [`return_value`](Self::return_value),
/// [`side_effect`](Self::side_effect), [`side_effect_iter`](Self::side_effect_iter)
/// and [`return_once`](Self::return_once), inspected with
/// [`call_count`](Self::call_count), [`call_args_list`](Self::call_args_list)
/// and friends, and asserted on with the `assert_*` methods.
///
/// When the method is called, the first of these that is configured answers
/// (the guide's [precedence](https://docs.rs/mockgen/latest/mockgen/guide/configuring/index.html#what-answers-a-call-the-precedence)): the first matching [expectation](Self::expect) that
/// has an answer, the side effect (`side_effect` or `side_effect_iter`),
/// then values queued by `return_once`, then `return_value`, then
/// `Default::default()` of the return type. A method with nothing configured
/// whose return type has no `Default`, or any unconfigured method of a
/// [sealed](crate::MockCore::seal) mock, panics with a message that says how
/// to configure it.
///
/// A clone of a handle is the same handle.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Weather {
///     fn temperature(&self, city: &str) -> Result<f64, String>;
/// }
///
/// let weather = MockWeather::new();
/// weather.temperature.return_value(Ok(21.5));
/// assert_eq!(weather.temperature("London"), Ok(21.5));
/// weather.temperature.assert_called_once_with(call!("London"));
/// ```
pub struct Method<S: Signature, A = <S as Signature>::Arity> {
    /// Not generic, so that dropping a handle is compiled once, not once
    /// per mocked method.
    pub(crate) inner: Handle,
    arity: PhantomData<fn() -> (S, A)>,
}

/// What a [`Method`] handle holds: the method's state, and what it keeps
/// of its own. Reads as the state (`Deref`).
pub(crate) struct Handle {
    /// Made with `meta::<S>()` for the handle's signature `S`, so its log
    /// holds calls of `S::Args`.
    pub(crate) state: Arc<MethodInner>,
    /// What a method returning `&mut T` lends: its first answer, kept by
    /// this handle (a `&mut` borrow cannot come out of the shared state).
    /// It is the test's value, changed through `&mut` like any other the
    /// test holds, so unwind safety is the test's to judge.
    pub(crate) kept: AssertUnwindSafe<Option<Box<dyn Any + Send + Sync>>>,
}

impl Handle {
    fn new(state: Arc<MethodInner>) -> Self {
        Handle {
            state,
            kept: AssertUnwindSafe(None),
        }
    }
}

impl Deref for Handle {
    type Target = Arc<MethodInner>;
    fn deref(&self) -> &Arc<MethodInner> {
        &self.state
    }
}

/// The state of one method: its calls, configuration and expectations.
/// Not generic: what depends on the signature is type-erased (see
/// [`meta`](crate::state::meta)), so this code is compiled once, in this crate,
/// for every mocked method. The mock keeps every method's, for its
/// history and resets.
pub(crate) struct MethodInner {
    /// The method's name, as written.
    pub(crate) name: &'static str,
    /// How its calls are stored and shown, and its default answer.
    meta: &'static Meta,
    /// What a call changes, under one lock.
    state: Mutex<State>,
    /// Set by the first `expect()`: until then calls skip expectations.
    pub(crate) expecting: AtomicBool,
    /// The real implementation of a spy (`MockX::wrapping(real)`): answers
    /// calls that nothing is configured for. Set
    /// once, before any call, so a panic cannot leave it half changed.
    pub(crate) original: AssertUnwindSafe<OnceLock<EffectFn>>,
    /// The real method of a spy's async method that the mock cannot call
    /// itself (a native `async fn` in a trait): a closure made by
    /// `wrapping`, which knows the real value's type. Set once, like
    /// `original`.
    pub(crate) real_future: AssertUnwindSafe<OnceLock<EffectFn>>,
    pub(crate) mock: Arc<MockShared>,
    /// Calls of an async method whose future was polled, in await order.
    pub(crate) awaits: Mutex<Vec<AnyEntry>>,
    /// Notified on calls while someone waits in `wait_until_called`;
    /// `waiting` keeps the notification (a system
    /// call) off the path of calls nobody waits for.
    pub(crate) arrived: std::sync::Condvar,
    pub(crate) waiting: std::sync::atomic::AtomicUsize,
    /// Values lent out by methods that return references; they live as
    /// long as the mock. Only ever appended, so a panic cannot leave it
    /// half changed: the mock stays `UnwindSafe` for `catch_unwind(|| mock.m())`.
    pub(crate) lent: AssertUnwindSafe<Lent>,
    /// The calls since the last reset, for the reports of expectations.
    pub(crate) current: Arc<CurrentCalls>,
}

/// What a call changes, under one lock: the calls, and the configuration
/// that answers them.
pub(crate) struct State {
    /// Replaced, not cleared, by a reset, so that handles on earlier calls
    /// stay valid.
    pub(crate) calls: Arc<Calls>,
    /// The right to push to `calls`: pushes happen under this lock.
    pub(crate) pusher: Pusher,
    /// Holds return values, so the handle is `Send`/`Sync` only when they
    /// are (they always are: see `ReturnValue`).
    pub(crate) config: Config,
    /// Expectations (`expect`), oldest first, tried before the
    /// configuration. Under the lock that records a call, so that the call
    /// takes them with the lock it holds anyway; shared, copied only when
    /// one is added (see [`expectations`](crate::state::expectation_list)).
    pub(crate) expectations: Snapshot,
}

impl State {
    /// Adds a call, numbered in the process-wide order while the method's
    /// lock is held, so that the method's history and the mock's (ordered by
    /// number) list concurrent calls alike.
    /// Returns the call's index.
    ///
    /// # Panics
    /// If the method's argument kinds are not `A`.
    #[inline(always)]
    pub(crate) fn record<A: ArgKinds>(&mut self, record: A::Record) -> usize {
        self.calls
            .push(&mut self.pusher, seq::next(), Entry::<A> { record })
    }

    /// A handle on the recorded call at `index`.
    pub(crate) fn entry<A: ArgKinds>(&self, index: usize) -> EntryRef<A> {
        EntryRef::new(Arc::clone(&self.calls), index)
    }

    /// The same, seen without its argument types.
    pub(crate) fn any_entry(&self, index: usize) -> AnyEntry {
        AnyEntry::new(Arc::clone(&self.calls), index)
    }
}

/// The configuration of a method, locked (with its calls).
///
/// What the configuration lets go of is handed to [`retire`](Self::retire)
/// and dropped after the lock is released (the fields drop in order):
/// dropping a closure or a value runs user code, which may call the mock.
pub(crate) struct ConfigGuard<'a> {
    pub(crate) state: MutexGuard<'a, State>,
    /// `None` until something is retired: most guards (every call's)
    /// retire nothing, and dropping `None` costs a comparison.
    retired: Option<Vec<Box<dyn Send>>>,
}

impl ConfigGuard<'_> {
    /// Keeps `old` until the lock is released, then drops it.
    pub(crate) fn retire<T: Send + 'static>(&mut self, old: T) {
        if std::mem::needs_drop::<T>() {
            self.retired
                .get_or_insert_with(Vec::new)
                .push(Box::new(old));
        }
    }

    /// Leaves the retired expectations out of the method's list; they are
    /// dropped once the lock is released (dropping configured values may
    /// run user code).
    pub(crate) fn drop_retired_expectations(&mut self) {
        let expectations = &self.state.expectations;
        if expectations.iter().all(|e| !e.is_retired()) {
            return;
        }
        let live: Vec<_> = expectations
            .iter()
            .filter(|e| !e.is_retired())
            .cloned()
            .collect();
        let old = std::mem::replace(&mut self.state.expectations, Arc::new(live));
        self.retire(old);
    }

    /// Replaces the configuration with `fresh`; the old one is dropped
    /// after the lock is released.
    pub(crate) fn replace(&mut self, fresh: Config) {
        let old = std::mem::replace(&mut self.state.config, fresh);
        self.retire(old);
    }
}

impl Deref for ConfigGuard<'_> {
    type Target = Config;
    fn deref(&self) -> &Config {
        &self.state.config
    }
}

impl DerefMut for ConfigGuard<'_> {
    fn deref_mut(&mut self) -> &mut Config {
        &mut self.state.config
    }
}

impl<S: Signature, A> Clone for Method<S, A> {
    fn clone(&self) -> Self {
        Self::from_inner(Arc::clone(&self.inner))
    }
}

impl<S: Signature, A> fmt::Debug for Method<S, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Method")
            .field("name", &self.qualified_name())
            .field("call_count", &self.call_count())
            .finish()
    }
}

impl<S: Signature, A> Method<S, A> {
    /// The handle of the method whose state is `inner`, made for signature
    /// `S`.
    pub(crate) fn from_inner(inner: Arc<MethodInner>) -> Self {
        Method {
            inner: Handle::new(inner),
            arity: PhantomData,
        }
    }

    /// `mock.method`, as messages print it; a patched function's handle is
    /// named by the function's path (`weather::fetch_temperature`) alone.
    pub fn qualified_name(&self) -> String {
        self.inner.qualified_name()
    }

    pub(crate) fn config(&self) -> ConfigGuard<'_> {
        self.inner.config()
    }

    pub(crate) fn calls(&self) -> MutexGuard<'_, State> {
        self.inner.calls()
    }
}

impl MethodInner {
    pub(crate) fn new(
        mock: &Arc<MockShared>,
        name: &'static str,
        meta: &'static Meta,
    ) -> Arc<Self> {
        let (calls, pusher) = Calls::new(name, (meta.entry_type)(), meta.visit_args);
        let epoch = mock.epoch();
        Arc::new(MethodInner {
            name,
            meta,
            state: Mutex::new(State {
                calls: Arc::clone(&calls),
                pusher,
                config: Config::new(epoch),
                expectations: Snapshot::default(),
            }),
            expecting: AtomicBool::new(false),
            original: AssertUnwindSafe(OnceLock::new()),
            real_future: AssertUnwindSafe(OnceLock::new()),
            mock: Arc::clone(mock),
            awaits: Mutex::new(Vec::new()),
            arrived: std::sync::Condvar::new(),
            waiting: std::sync::atomic::AtomicUsize::new(0),
            lent: AssertUnwindSafe(Lent::default()),
            current: Arc::new(CurrentCalls(Mutex::new(calls))),
        })
    }

    /// The return type: as written, and its default.
    pub(crate) fn output(&self) -> &'static Output {
        &self.meta.output
    }

    /// `mock.method`, as messages print it.
    pub(crate) fn qualified_name(&self) -> String {
        qualified_name(&self.mock.name, self.name)
    }

    /// The configuration, locked with the calls.
    #[inline(always)]
    pub(crate) fn config(&self) -> ConfigGuard<'_> {
        let mut config = ConfigGuard {
            state: self.calls(),
            retired: None,
        };
        let epoch = self.mock.epoch();
        if config.epoch != epoch {
            renew(&mut config, epoch);
        }
        config
    }

    #[inline(always)]
    pub(crate) fn calls(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }
}

/// Forgets a configuration made before the mock's `reset_all` (dropped
/// once the lock is released): kept out of line so that `config` stays
/// small enough to inline.
#[cold]
#[inline(never)]
fn renew(config: &mut ConfigGuard<'_>, epoch: u64) {
    config.replace(Config::new(epoch));
    config.drop_retired_expectations();
}

/// `mock.method`; a patched function's handle is named by the function's
/// path alone (with the type arguments of a generic one: `parse::<u16>`).
fn qualified_name(mock: &str, name: &str) -> String {
    let path = mock.find("::<").map_or(mock, |end| &mock[..end]);
    let patched_path = path
        .strip_suffix(name)
        .is_some_and(|prefix| prefix.is_empty() || prefix.ends_with("::"));
    if patched_path {
        mock.to_owned()
    } else {
        format!("{mock}.{name}")
    }
}

impl MethodInner {
    /// The calls since the last reset, oldest first.
    pub(crate) fn entries(&self) -> Vec<AnyEntry> {
        self.current.entries()
    }

    /// Forgets the calls (and the awaits) since the last reset.
    pub(crate) fn reset_calls(&self) {
        let old = {
            let mut state = lock(&self.state);
            let (fresh, pusher) =
                Calls::new(self.name, (self.meta.entry_type)(), self.meta.visit_args);
            *lock(&self.current.0) = Arc::clone(&fresh);
            state.pusher = pusher;
            std::mem::replace(&mut state.calls, fresh)
        };
        let awaits = std::mem::take(&mut *lock(&self.awaits));
        // Dropped unlocked: dropping recorded arguments may run user code.
        drop((old, awaits));
    }
}
