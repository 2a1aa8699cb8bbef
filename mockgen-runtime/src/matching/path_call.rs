//! Expected calls named by their method: what `call!(.method(…))` and
//! `call!(.db.open(…))` build.
//!
//! A call of a mock's own method is typed by the mock ([`HasMethod`]), so
//! the method's name, its number of arguments and their types are checked
//! by the compiler and values compare as the argument's type. A call
//! through a [`Recorder`](crate::Recorder) names the mock it was attached under, which is
//! only known at run time: its values compare as recorded
//! ([`ErasedMatcher`]).

use std::fmt;
use std::marker::PhantomData;

use crate::matching::call::Call;
use crate::matching::matcher::ErasedMatcher;
use crate::state::args::{ArgKinds, ArgView};
use crate::state::calls::AnyEntry;
use crate::state::message;

/// A mock with a method whose name hashes to `ID` (see
/// [`PathCall`]). Implemented by generated mocks, once per method.
///
/// `At` is `()` for a mock's own method; a mock whose `impl` blocks join
/// into one has the method from the block `At`, inferred where
/// `call!(.method(…))` names it.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Clock {
///     fn sleep(&self, millis: u64);
/// }
///
/// let clock = MockClock::new();
/// clock.sleep(5);
/// // `MockClock` has a `sleep` taking a `u64`: this compiles.
/// clock.assert_any_call(call!(.sleep(5)));
/// ```
///
/// A name the mock does not have is a compile error at the name:
///
/// ```compile_fail
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Clock {
///     fn sleep(&self, millis: u64);
/// }
///
/// let clock = MockClock::new();
/// clock.assert_any_call(call!(.slep(5)));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no method of the name in this `call!(.…)`",
    label = "not a method of `{Self}`",
    note = "a mock's methods are its handle fields (`mock.method`); through a `Recorder`, name the mock first: `call!(.db.open(…))`"
)]
pub trait HasMethod<const ID: u64, At = ()> {
    /// The method's argument kinds (an [`ArgKinds`] tuple).
    type Args;
}

/// What takes calls with a path (`call!(.db.open(…))`): a
/// [`Recorder`](crate::Recorder).
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Db {
///     fn open(&self, path: &str) -> bool;
/// }
///
/// let calls = Recorder::new();
/// let db = MockDb::named("db").with_recorder(&calls);
/// db.open("f");
/// calls.assert_any_call(call!(.db.open("f")));
/// ```
#[diagnostic::on_unimplemented(
    message = "the calls of `{Self}` have no path: write `call!(.method(…))`",
    label = "a call with a path",
    note = "a path (`call!(.db.open(…))`) names a mock attached to a `Recorder`"
)]
pub trait TakesPaths {}

/// An expected call named by its method (Python's `call.method(a)`), for
/// the assertions and the history of a whole mock `M`
/// (`mock.assert_has_calls([call!(.temperature("London"))])`), or of a
/// [`Recorder`](crate::Recorder) (`call!(.db.open("f"))`, with the name the mock was
/// attached under).
///
/// For a mock, `call!(.method(…))` is checked by the compiler: a method
/// the mock does not have, a wrong number of arguments or a value of
/// another type than the argument's does not compile, and values compare
/// with `==` as the argument's type (`3` is a `u64` for a `u64` argument;
/// `"x"` compares with a recorded `String`). Through a `Recorder`, the
/// mock is known at run time only: a name that is not attached, or a
/// method its mock does not have, panics with what there is, and values
/// compare with `==` when they have the recorded type, by their `Debug`
/// text otherwise.
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
/// let weather = MockWeather::new();
/// weather.cities();
/// weather.temperature("London");
/// weather.assert_has_calls([call!(.cities()), call!(.temperature("London"))]);
///
/// let expected: mockgen::PathCall<MockWeather> = call!(.temperature(ANY));
/// assert_eq!(format!("{expected:?}"), "call.temperature(ANY)");
/// ```
pub struct PathCall<M> {
    path: Vec<&'static str>,
    method: &'static str,
    args: Args,
    mock: PhantomData<fn() -> M>,
}

/// The arguments of a [`PathCall`]: typed by the mock's method, or erased
/// for a recorder.
enum Args {
    Typed(Box<dyn TypedArgs>),
    Erased(Vec<Box<dyn ErasedMatcher>>),
}

/// A [`Call`] of a method whose argument kinds are only known to it.
trait TypedArgs: Send + Sync {
    fn matches(&self, entry: &AnyEntry) -> bool;
    fn describe(&self) -> Vec<String>;
}

impl<K: ArgKinds> TypedArgs for Call<K> {
    fn matches(&self, entry: &AnyEntry) -> bool {
        entry
            .try_record::<K>()
            .is_some_and(|record| Call::matches(self, record))
    }
    fn describe(&self) -> Vec<String> {
        self.described()
    }
}

impl<M> PathCall<M> {
    /// `call!(.method(…))`: a call of `M`'s method `method`, whose name's
    /// number is `ID`.
    #[doc(hidden)]
    pub fn __method<const ID: u64, K: ArgKinds, At>(method: &'static str, call: Call<K>) -> Self
    where
        M: HasMethod<ID, At, Args = K>,
    {
        PathCall {
            path: Vec::new(),
            method,
            args: Args::Typed(Box::new(call)),
            mock: PhantomData,
        }
    }

    /// `call!(.name.method(…))`: a call of a mock attached to a recorder.
    #[doc(hidden)]
    pub fn __path(
        path: &[&'static str],
        method: &'static str,
        args: Vec<Box<dyn ErasedMatcher>>,
    ) -> Self
    where
        M: TakesPaths,
    {
        PathCall {
            path: path.to_vec(),
            method,
            args: Args::Erased(args),
            mock: PhantomData,
        }
    }

    /// The attach-name path before the method (empty for `call!(.m())`).
    pub fn path(&self) -> &[&'static str] {
        &self.path
    }

    /// The method name.
    pub fn method(&self) -> &'static str {
        self.method
    }

    /// Whether the call `entry`, recorded under `path`, matches.
    pub(crate) fn matches(&self, path: &[&str], entry: &AnyEntry) -> bool {
        if self.path != path || self.method != entry.method() {
            return false;
        }
        match &self.args {
            Args::Typed(call) => call.matches(entry),
            Args::Erased(matchers) => erased_matches(matchers, &entry.views()),
        }
    }

    pub(crate) fn render(&self) -> String {
        let args: Vec<String> = match &self.args {
            Args::Typed(call) => call.describe(),
            Args::Erased(matchers) => matchers.iter().map(|m| format!("{m:?}")).collect(),
        };
        let mut name = String::new();
        for segment in &self.path {
            name.push_str(segment);
            name.push('.');
        }
        name.push_str(self.method);
        message::render_call(&name, &args)
    }
}

fn erased_matches(matchers: &[Box<dyn ErasedMatcher>], args: &[ArgView<'_>]) -> bool {
    matchers.len() == args.len() && matchers.iter().zip(args).all(|(m, a)| m.matches_view(*a))
}

impl<M> fmt::Debug for PathCall<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "call.{}", self.render())
    }
}
