//! The per-method handle: configuration slots, the call history, and what
//! happens when the mocked method is called.

use std::any::Any;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::configure::Config;
use crate::expect::ExpectationList;
use crate::history::ErasedEntry;
use crate::mock::{ErasedLog, MockCore, MockShared};
use crate::shape::{Meta, Shape, ShapeFor, meta};
use crate::signature::Signature;
use crate::sync::lock;

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
/// (SEMANTICS SE-7): the first matching [expectation](Self::expect) that
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
    pub(crate) inner: Arc<MethodInner<ShapeFor<S>>>,
    arity: PhantomData<fn() -> (S, A)>,
}

/// The state of one method. Generic over the method's shape, not the
/// method: methods with the same signature share this code.
pub(crate) struct MethodInner<K: Shape> {
    /// The method's name and how to show its calls.
    pub(crate) meta: &'static Meta<K>,
    pub(crate) mock: Arc<MockShared>,
    /// Shared with the mock's registry. Records are always `Send + Sync`, so
    /// the registry is too, whatever the return type.
    pub(crate) log: Arc<Log>,
    /// Values lent out by methods that return references (a
    /// `boxcar::Vec<S::Output>`, made on first use); they live as long as
    /// the mock. Type-erased so that the handle is `Send + Sync` whatever
    /// the return type.
    /// Values are only ever appended, so a panic cannot leave it half
    /// changed: the mock stays `UnwindSafe` for `catch_unwind(|| mock.m())`.
    pub(crate) lent: AssertUnwindSafe<OnceLock<Box<dyn Any + Send + Sync>>>,
    /// Expectations (`expect`), tried before the configuration above.
    pub(crate) expectations: ExpectationList<K>,
    /// The real implementation of a spy (`MockX::wrapping(real)`): answers
    /// calls that nothing is configured for (SEMANTICS WRAPS-1, SE-7). Set
    /// once, before any call, so a panic cannot leave it half changed.
    pub(crate) original: AssertUnwindSafe<OnceLock<Arc<K::Fn>>>,
}

/// The recorded calls of one method. Not generic: the entries are kept
/// type-erased (the typed view is `history::typed`), so this code is
/// compiled once rather than once per mocked method.
pub(crate) struct Log {
    pub(crate) state: Mutex<LogState>,
    /// Calls of an async method whose future was polled, in await order.
    pub(crate) awaits: Mutex<Vec<Arc<dyn ErasedEntry>>>,
    /// Notified on calls while someone waits in `wait_until_called`
    /// (SEMANTICS THREAD-1); `waiting` keeps the notification (a system
    /// call) off the path of calls nobody waits for.
    pub(crate) arrived: std::sync::Condvar,
    pub(crate) waiting: std::sync::atomic::AtomicUsize,
}

/// What a call changes, under one lock: the calls, and the configuration
/// that answers them.
pub(crate) struct LogState {
    pub(crate) calls: Vec<Arc<dyn ErasedEntry>>,
    /// The method's `Config<K>`; type-erased so that the log is not generic.
    config: Box<dyn Any + Send>,
}

/// The configuration of a method of shape `K`, locked (with its calls).
pub(crate) struct ConfigGuard<'a, K: Shape> {
    pub(crate) state: MutexGuard<'a, LogState>,
    shape: PhantomData<K>,
}

impl<K: Shape> Deref for ConfigGuard<'_, K> {
    type Target = Config<K>;
    fn deref(&self) -> &Config<K> {
        self.state
            .config
            .downcast_ref()
            .expect("invariant: a method's log holds the configuration of its shape")
    }
}

impl<K: Shape> DerefMut for ConfigGuard<'_, K> {
    fn deref_mut(&mut self) -> &mut Config<K> {
        self.state
            .config
            .downcast_mut()
            .expect("invariant: a method's log holds the configuration of its shape")
    }
}

impl<S: Signature, A> Clone for Method<S, A> {
    fn clone(&self) -> Self {
        Method {
            inner: Arc::clone(&self.inner),
            arity: PhantomData,
        }
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
    /// A new handle, registered with `core`'s history.
    pub(crate) fn new(core: &MockCore) -> Self {
        Method::from_inner(MethodInner::new(core, meta::<S>()))
    }

    pub(crate) fn from_inner(inner: Arc<MethodInner<ShapeFor<S>>>) -> Self {
        Method {
            inner,
            arity: PhantomData,
        }
    }

    pub(crate) fn erased_log(&self) -> Arc<dyn ErasedLog> {
        Arc::clone(&self.inner.log) as Arc<dyn ErasedLog>
    }

    /// `mock.method`, as messages print it; a patched function's handle is
    /// named by the function's path (`weather::fetch_temperature`) alone.
    pub fn qualified_name(&self) -> String {
        self.inner.qualified_name()
    }

    pub(crate) fn config(&self) -> ConfigGuard<'_, ShapeFor<S>> {
        self.inner.config()
    }

    pub(crate) fn calls(&self) -> MutexGuard<'_, LogState> {
        self.inner.calls()
    }
}

impl<K: Shape> MethodInner<K> {
    fn new(core: &MockCore, meta: &'static Meta<K>) -> Arc<Self> {
        let mock = Arc::clone(&core.shared);
        let epoch = mock.epoch();
        let log = Arc::new(Log {
            state: Mutex::new(LogState {
                calls: Vec::new(),
                config: Box::new(Config::<K>::new(epoch)),
            }),
            awaits: Mutex::new(Vec::new()),
            arrived: std::sync::Condvar::new(),
            waiting: std::sync::atomic::AtomicUsize::new(0),
        });
        core.register(Arc::clone(&log) as Arc<dyn ErasedLog>);
        Arc::new(MethodInner {
            meta,
            mock,
            log,
            lent: AssertUnwindSafe(OnceLock::new()),
            expectations: ExpectationList::default(),
            original: AssertUnwindSafe(OnceLock::new()),
        })
    }

    pub(crate) fn qualified_name(&self) -> String {
        qualified_name(&self.mock.name, self.meta.name)
    }

    /// The configuration, locked with the calls.
    pub(crate) fn config(&self) -> ConfigGuard<'_, K> {
        let mut config = ConfigGuard {
            state: self.calls(),
            shape: PhantomData,
        };
        let epoch = self.mock.epoch();
        if config.epoch != epoch {
            *config = Config::new(epoch);
        }
        config
    }

    pub(crate) fn calls(&self) -> MutexGuard<'_, LogState> {
        lock(&self.log.state)
    }
}

/// `mock.method`; a patched function's handle is named by the function's
/// path alone.
fn qualified_name(mock: &str, name: &str) -> String {
    let patched_path = mock
        .strip_suffix(name)
        .is_some_and(|prefix| prefix.is_empty() || prefix.ends_with("::"));
    if patched_path {
        mock.to_owned()
    } else {
        format!("{mock}.{name}")
    }
}

impl ErasedLog for Log {
    fn entries(&self) -> Vec<Arc<dyn ErasedEntry>> {
        lock(&self.state).calls.clone()
    }
    fn reset_calls(&self) {
        lock(&self.state).calls.clear();
        lock(&self.awaits).clear();
    }
}
