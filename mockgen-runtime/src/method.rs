//! The per-method handle: configuration slots, the call history, and what
//! happens when the mocked method is called.

use std::any::Any;
use std::collections::VecDeque;
use std::fmt;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::expect::{ExpectationList, Matched};
use crate::history::{Entry, ErasedEntry, render_record};
use crate::mock::{ErasedLog, MockShared};
use crate::seq;
use crate::signature::{RecordOf, Signature};
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
    pub(crate) inner: Arc<MethodInner<S>>,
    arity: PhantomData<fn() -> A>,
}

pub(crate) struct MethodInner<S: Signature> {
    pub(crate) mock: Arc<MockShared>,
    /// Shared with the mock's registry. Records are always `Send + Sync`, so
    /// the registry is too, whatever the return type.
    pub(crate) log: Arc<Log<S>>,
    /// Holds return values, so it is `Send`/`Sync` only when they are.
    config: Mutex<Config<S>>,
    /// Values lent out by methods that return references (a
    /// `boxcar::Vec<S::Output>`, made on first use); they live as long as
    /// the mock. Type-erased so that the handle is `Send + Sync` whatever
    /// the return type.
    /// Values are only ever appended, so a panic cannot leave it half
    /// changed: the mock stays `UnwindSafe` for `catch_unwind(|| mock.m())`.
    lent: AssertUnwindSafe<OnceLock<Box<dyn Any + Send + Sync>>>,
    /// Expectations (`expect`), tried before the configuration above.
    pub(crate) expectations: ExpectationList<S>,
    /// The real implementation of a spy (`MockX::wrapping(real)`): answers
    /// calls that nothing is configured for (SEMANTICS WRAPS-1, SE-7). Set
    /// once, before any call, so a panic cannot leave it half changed.
    original: AssertUnwindSafe<OnceLock<Arc<S::Fn>>>,
}

/// The recorded calls of one method.
pub(crate) struct Log<S: Signature> {
    pub(crate) calls: Mutex<Vec<Arc<Entry<S>>>>,
    /// Calls of an async method whose future was polled, in await order.
    pub(crate) awaits: Mutex<Vec<Arc<Entry<S>>>>,
}

type SharedIter<S> = Arc<Mutex<Box<dyn Iterator<Item = <S as Signature>::Output> + Send>>>;
type ValueFn<S> = Arc<dyn Fn() -> <S as Signature>::Output + Send + Sync>;
type OnceFn<S> = Box<dyn FnOnce() -> <S as Signature>::Output + Send>;

struct Config<S: Signature> {
    /// The mock's reset epoch this configuration belongs to: a mock-level
    /// `reset_all` bumps the epoch, and a stale configuration is dropped on
    /// its next use.
    epoch: u64,
    effect: Effect<S>,
    /// Configured values live inside closures, so that the handle is
    /// `Send + Sync` whatever the return type (the values themselves must be).
    return_value: Option<ValueFn<S>>,
    once: VecDeque<OnceFn<S>>,
    /// Unconfigured calls run the original implementation, where there is one.
    call_original: bool,
}

enum Effect<S: Signature> {
    None,
    Fn(Arc<S::Fn>),
    Iter(SharedIter<S>),
}

/// What a call resolved to, taken out of the lock before it runs.
enum Action<S: Signature> {
    Effect(Arc<S::Fn>),
    Iter(SharedIter<S>),
    Once(OnceFn<S>),
    Value(ValueFn<S>),
    Original,
    Unconfigured,
}

/// How a recorded call is answered.
pub(crate) enum Resolved<S: Signature> {
    Effect(Arc<S::Fn>),
    Value(S::Output),
    Original,
}

/// What generated code is asked to run for a call: the configured side
/// effect, or the original implementation (spies and patches).
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub enum Respond<'f, F: ?Sized> {
    SideEffect(&'f F),
    Original,
}

impl<S: Signature> Config<S> {
    fn new(epoch: u64) -> Self {
        Config {
            epoch,
            effect: Effect::None,
            return_value: None,
            once: VecDeque::new(),
            call_original: false,
        }
    }

    fn next_action(&mut self) -> Action<S> {
        match &self.effect {
            Effect::Fn(f) => return Action::Effect(Arc::clone(f)),
            Effect::Iter(iter) => return Action::Iter(Arc::clone(iter)),
            Effect::None => {}
        }
        if let Some(value) = self.once.pop_front() {
            return Action::Once(value);
        }
        match &self.return_value {
            Some(value) => Action::Value(Arc::clone(value)),
            None if self.call_original => Action::Original,
            None => Action::Unconfigured,
        }
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

/// The bound of [`Method::return_value`]: every call returns a clone.
#[diagnostic::on_unimplemented(
    message = "`return_value` needs the return type `{Self}` to be `Clone`, because every call returns a clone",
    label = "`{Self}` is not `Clone`",
    note = "use `return_once(value)` to return a value once, or `side_effect(|…| …)` to build a new value on every call"
)]
pub trait ReturnValue: Clone + Send + Sync + 'static {}

impl<T: Clone + Send + Sync + 'static> ReturnValue for T {}

impl<S: Signature, A> Method<S, A> {
    pub(crate) fn new(mock: Arc<MockShared>) -> Self {
        let epoch = mock.epoch();
        Method {
            inner: Arc::new(MethodInner {
                mock,
                log: Arc::new(Log {
                    calls: Mutex::new(Vec::new()),
                    awaits: Mutex::new(Vec::new()),
                }),
                config: Mutex::new(Config::new(epoch)),
                lent: AssertUnwindSafe(OnceLock::new()),
                expectations: ExpectationList::default(),
                original: AssertUnwindSafe(OnceLock::new()),
            }),
            arity: PhantomData,
        }
    }

    pub(crate) fn erased_log(&self) -> Arc<dyn ErasedLog> {
        Arc::clone(&self.inner.log) as Arc<dyn ErasedLog>
    }

    /// `mock.method`, as messages print it; a patched function's handle is
    /// named by the function's path (`weather::fetch_temperature`) alone.
    pub fn qualified_name(&self) -> String {
        let mock = &self.inner.mock.name;
        let patched_path = mock
            .strip_suffix(S::NAME)
            .is_some_and(|prefix| prefix.is_empty() || prefix.ends_with("::"));
        if patched_path {
            mock.clone()
        } else {
            format!("{mock}.{}", S::NAME)
        }
    }

    fn config(&self) -> MutexGuard<'_, Config<S>> {
        let mut config = lock(&self.inner.config);
        let epoch = self.inner.mock.epoch();
        if config.epoch != epoch {
            *config = Config::new(epoch);
        }
        config
    }

    fn calls(&self) -> MutexGuard<'_, Vec<Arc<Entry<S>>>> {
        lock(&self.inner.log.calls)
    }

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
        self.config().return_value = Some(Arc::new(move || value.clone()));
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
        self.config().once.push_back(Box::new(move || value));
    }

    /// Each call returns the next item (Python's iterable `side_effect`);
    /// when the items run out, the call is still recorded and then panics,
    /// naming the mock, the method and the call number. Replaces any
    /// [`side_effect`](Self::side_effect).
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
        let iter: Box<dyn Iterator<Item = S::Output> + Send> = Box::new(values.into_iter());
        self.config().effect = Effect::Iter(Arc::new(Mutex::new(iter)));
    }

    pub(crate) fn set_side_effect(&self, f: Box<S::Fn>) {
        self.config().effect = Effect::Fn(Arc::from(f));
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
        self.config().effect = Effect::None;
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
        config.return_value = None;
        config.once.clear();
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
        self.calls().clear();
        lock(&self.inner.log.awaits).clear();
        self.inner.expectations.reset_counts();
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
        self.inner.expectations.retire_all();
        let mut config = self.config();
        *config = Config::new(config.epoch);
    }

    /// Whether the method was called at least once.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn now(&self) -> u64;
    /// }
    ///
    /// let clock = MockClock::new();
    /// assert!(!clock.now.called());
    /// clock.now();
    /// assert!(clock.now.called());
    /// ```
    #[must_use]
    pub fn called(&self) -> bool {
        self.call_count() > 0
    }

    /// How many times the method was called.
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
    /// clock.now();
    /// assert_eq!(clock.now.call_count(), 2);
    /// ```
    #[must_use]
    pub fn call_count(&self) -> usize {
        self.calls().len()
    }

    /// The arguments of the last call, owned (`&str` recorded as `String`).
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Weather {
    ///     fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    /// }
    ///
    /// let weather = MockWeather::new();
    /// assert_eq!(weather.forecast.call_args(), None);
    /// weather.forecast("Oslo", 3);
    /// let (city, days) = weather.forecast.call_args().unwrap();
    /// assert_eq!((city.as_str(), days), ("Oslo", 3));
    /// ```
    #[must_use]
    pub fn call_args(&self) -> Option<RecordOf<S>> {
        let last = self.calls().last().cloned();
        last.map(|entry| entry.record.clone())
    }

    /// The arguments of every call, oldest first.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Clock {
    ///     fn sleep(&self, millis: u64);
    /// }
    ///
    /// let clock = MockClock::new();
    /// clock.sleep(10);
    /// clock.sleep(20);
    /// assert_eq!(clock.sleep.call_args_list(), [(10,), (20,)]);
    /// ```
    #[must_use]
    pub fn call_args_list(&self) -> Vec<RecordOf<S>> {
        self.entries()
            .iter()
            .map(|entry| entry.record.clone())
            .collect()
    }

    /// A snapshot of the entries, so that user code (`Clone`, `Debug`,
    /// matchers) never runs under the lock.
    pub(crate) fn entries(&self) -> Vec<Arc<Entry<S>>> {
        self.calls().clone()
    }

    pub(crate) fn rendered_calls(&self) -> Vec<String> {
        self.entries()
            .iter()
            .map(|e| render_record::<S>(&e.record))
            .collect()
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
        let _ = self.inner.original.set(Arc::from(original));
    }

    /// Records a call and answers it. `invoke` calls the side effect with
    /// the call's arguments.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call(
        &self,
        record: RecordOf<S>,
        invoke: impl FnOnce(&S::Fn) -> S::Output,
    ) -> S::Output {
        self.__call_spy(record, |respond| match respond {
            Respond::SideEffect(f) => invoke(f),
            // Without an original, an unconfigured call falls back to the
            // default, as if `call_original` had not been asked for.
            Respond::Original => self.default_or_panic(None),
        })
    }

    /// Like `__call`, for handles that have an original implementation:
    /// unconfigured calls run it after `call_original()`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_spy(
        &self,
        record: RecordOf<S>,
        respond: impl FnOnce(Respond<'_, S::Fn>) -> S::Output,
    ) -> S::Output {
        self.dispatch(record, false, respond)
    }

    /// Like `__call`, for trait methods with a default body: unconfigured
    /// calls run the default body.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_default(
        &self,
        record: RecordOf<S>,
        respond: impl FnOnce(Respond<'_, S::Fn>) -> S::Output,
    ) -> S::Output {
        self.dispatch(record, true, respond)
    }

    /// Like `__call`, for methods that return a reference: the mock keeps
    /// the value and lends it out for as long as the handle is borrowed.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_ref(
        &self,
        record: RecordOf<S>,
        invoke: impl FnOnce(&S::Fn) -> S::Output,
    ) -> &S::Output
    where
        S::Output: Send + Sync + 'static,
    {
        let value = self.__call(record, invoke);
        self.__lend(value)
    }

    /// Keeps `value` for as long as the mock lives and lends it out. A
    /// method lends values of one type only.
    #[doc(hidden)]
    pub fn __lend<T: Send + Sync + 'static>(&self, value: T) -> &T {
        let lent = self
            .inner
            .lent
            .get_or_init(|| Box::new(boxcar::Vec::<T>::new()))
            .downcast_ref::<boxcar::Vec<T>>()
            .expect("invariant: a method lends values of one type");
        let index = lent.push(value);
        &lent[index]
    }

    #[track_caller]
    fn dispatch(
        &self,
        record: RecordOf<S>,
        original_by_default: bool,
        respond: impl FnOnce(Respond<'_, S::Fn>) -> S::Output,
    ) -> S::Output {
        let (entry, number) = self.record_call(record);
        match self.resolve(&entry, number, original_by_default) {
            Resolved::Effect(f) => respond(Respond::SideEffect(&f)),
            Resolved::Value(value) => value,
            Resolved::Original => respond(Respond::Original),
        }
    }

    /// Adds the call to the history: the entry and the call's number.
    pub(crate) fn record_call(&self, record: RecordOf<S>) -> (Arc<Entry<S>>, usize) {
        let (entry, number) = {
            let mut calls = self.calls();
            // Numbered under the lock, so that the method's history and the
            // mock's (ordered by number) list concurrent calls alike.
            let entry = Arc::new(Entry {
                seq: seq::next(),
                record,
            });
            calls.push(Arc::clone(&entry));
            (entry, calls.len())
        };
        // Recorders the mock is attached to (API §7) order calls by number.
        let erased: Arc<dyn ErasedEntry> = Arc::clone(&entry) as Arc<dyn ErasedEntry>;
        self.inner.mock.recorders.record(&erased);
        (entry, number)
    }

    /// What answers a recorded call (SEMANTICS SE-7): the side effect to
    /// run, a value, or the original implementation.
    #[track_caller]
    pub(crate) fn resolve(
        &self,
        entry: &Entry<S>,
        number: usize,
        original_by_default: bool,
    ) -> Resolved<S> {
        // Expectations first (API §6), on the recorded arguments.
        let expected = match self.match_expectations(entry) {
            Matched::Answer(answer) => return answer,
            Matched::NoAnswer => true,
            Matched::NoMatch => false,
        };
        let action = self.config().next_action();
        match action {
            Action::Effect(f) => Resolved::Effect(f),
            // The iterator's own lock serialises concurrent calls; only an
            // iterator that calls its own mock from `next` could wait on it.
            Action::Iter(iter) => {
                let next = lock(&iter).next();
                Resolved::Value(next.unwrap_or_else(|| self.exhausted(entry, number)))
            }
            Action::Once(value) => Resolved::Value(value()),
            Action::Value(value) => Resolved::Value(value()),
            Action::Original => Resolved::Original,
            Action::Unconfigured if self.inner.original.get().is_some() => {
                let original = self
                    .inner
                    .original
                    .get()
                    .expect("invariant: checked just above");
                Resolved::Effect(Arc::clone(original))
            }
            Action::Unconfigured if original_by_default => Resolved::Original,
            Action::Unconfigured => Resolved::Value(self.unconfigured(entry, expected)),
        }
    }

    #[track_caller]
    fn exhausted(&self, entry: &Entry<S>, number: usize) -> ! {
        panic!(
            "{}: side_effect_iter is exhausted: call {number} has no value left.\n  Call: {}\nGive `side_effect_iter` more values, or end it with `.chain(std::iter::repeat(…))`.",
            self.qualified_name(),
            render_record::<S>(&entry.record),
        )
    }

    #[track_caller]
    pub(crate) fn default_or_panic(&self, entry: Option<&Entry<S>>) -> S::Output {
        let sealed = self.inner.mock.is_sealed();
        if !sealed {
            if let Some(value) = S::default_output() {
                return value;
            }
        }
        let why = if sealed {
            "the mock is sealed and this method has nothing configured".to_owned()
        } else {
            format!("nothing is configured and `{}` has no Default", S::OUTPUT)
        };
        panic!(
            "{}: {why}.\n  Call: {}\nConfigure it before the call: `{}.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`.",
            self.qualified_name(),
            entry.map_or_else(
                || format!("{}(…)", S::NAME),
                |e| render_record::<S>(&e.record)
            ),
            S::NAME,
        )
    }
}

impl<S: Signature> ErasedLog for Log<S> {
    fn entries(&self) -> Vec<Arc<dyn ErasedEntry>> {
        lock(&self.calls)
            .iter()
            .map(|e| Arc::clone(e) as Arc<dyn ErasedEntry>)
            .collect()
    }
    fn reset_calls(&self) {
        lock(&self.calls).clear();
        lock(&self.awaits).clear();
    }
}

macro_rules! side_effect {
    ($arity:ident $sig:ident $($arg:ident $lt:lifetime),*) => {
        impl<S: crate::signature::$sig> Method<S, crate::signature::$arity> {
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
                C: for<$($lt),*> Fn($(S::$arg<$lt>),*) -> S::Output + Send + Sync + 'static,
            {
                self.set_side_effect(S::boxed(f));
            }
        }
    };
}

side_effect!(Arity0 Sig0);
side_effect!(Arity1 Sig1 A0 'a0);
side_effect!(Arity2 Sig2 A0 'a0, A1 'a1);
side_effect!(Arity3 Sig3 A0 'a0, A1 'a1, A2 'a2);
side_effect!(Arity4 Sig4 A0 'a0, A1 'a1, A2 'a2, A3 'a3);
side_effect!(Arity5 Sig5 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4);
side_effect!(Arity6 Sig6 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5);
side_effect!(Arity7 Sig7 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6);
side_effect!(Arity8 Sig8 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7);
side_effect!(Arity9 Sig9 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8);
side_effect!(Arity10 Sig10 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9);
side_effect!(Arity11 Sig11 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9, A10 'a10);
side_effect!(Arity12 Sig12 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9, A10 'a10, A11 'a11);
