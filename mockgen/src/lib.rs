//! Python's `unittest.mock` for Rust.
//!
//! Annotate a trait with [`#[automock]`](automock) and get `Mock<Trait>`:
//! every method has a handle field with `return_value` / `side_effect`
//! slots, every call is recorded, and you assert *after* the code under test
//! ran, with messages as clear as Python's.
//!
//! ```
//! use mockgen::prelude::*;
//!
//! #[automock]
//! pub trait Weather {
//!     fn temperature(&self, city: &str) -> Result<f64, String>;
//! }
//!
//! fn report(weather: &dyn Weather, city: &str) -> String {
//!     match weather.temperature(city) {
//!         Ok(t) => format!("{t:.1}°C in {city}"),
//!         Err(e) => format!("no data for {city}: {e}"),
//!     }
//! }
//!
//! let weather = MockWeather::new();
//! weather.temperature.return_value(Ok(21.5));
//! assert_eq!(report(&weather, "London"), "21.5°C in London");
//! weather.temperature.assert_called_once_with(call!("London"));
//! ```
#![deny(missing_docs)]

#[doc(inline)]
pub use mockgen_runtime::{
    ANY, AnyArg, ArgKind, ArgKinds, ArgMatcher, ArgView, BoxMatcher, Call, CallList, DebugText,
    Debugged, ErasedMatcher, GenericMethod, Instantiate, IntoMatchers, IntoValue, Method, MockCall,
    MockCore, Opaque, OpaqueArg, PathCall, RecordOf, ReturnValue, Sentinel, Signature, Statics,
    Val,
};
#[doc(inline)]
pub use mockgen_runtime::{matchers, sentinel};

/// The arity markers and traits of [`Signature`], implemented by generated
/// code.
pub mod signature {
    pub use mockgen_runtime::{
        Arity0, Arity1, Arity2, Arity3, Arity4, Arity5, Arity6, Arity7, Arity8, Arity9, Arity10,
        Arity11, Arity12, Sig0, Sig1, Sig2, Sig3, Sig4, Sig5, Sig6, Sig7, Sig8, Sig9, Sig10, Sig11,
        Sig12,
    };
}

/// Generates a mock of the annotated trait.
///
/// For `trait Weather` it emits `MockWeather`, with the trait's visibility,
/// implementing `Weather`. The mock has one public handle field per method
/// ([`Method`]), `MockWeather::new()`, `MockWeather::named("name")`,
/// `Default`, `Debug`, `Clone` (a clone is a handle to the same mock) and
/// is `Send + Sync`. The mock-level API ([`MockCore`]) is reached through
/// `Deref`.
///
/// Options: `#[automock(mock = MockName)]` names the mock type;
/// `#[automock(crate = path::to::mockgen)]` is for crates that re-export
/// mockgen.
///
/// Arguments are recorded as owned values (`&str` → `String`, `&[T]` →
/// `Vec<T>`, `&T` and `T` → `T`, which must be `Clone`). Mark an argument
/// `#[mockgen(debug)]` to record its `Debug` text instead, or
/// `#[mockgen(opaque)]` for a placeholder; `dyn` types and types that
/// borrow are recorded as placeholders unless marked.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// pub trait Store {
///     /// Stores `value` under `key`.
///     fn put(&mut self, key: &str, value: &[u8]) -> Result<(), String>;
///     fn get(&self, key: &str) -> Option<Vec<u8>>;
/// }
///
/// let mut store = MockStore::named("store");
/// store.get.return_value(Some(b"v".to_vec()));
/// store.put("k", b"v").unwrap();
/// assert_eq!(store.get("k"), Some(b"v".to_vec()));
/// store.put.assert_called_once_with(call!("k", b"v"));
/// assert_eq!(store.put.call_args(), Some(("k".to_string(), b"v".to_vec())));
/// ```
pub use mockgen_macros::automock;

/// Builds an expected call for assertions.
///
/// * `call!(a, b)` — a call of one method, for that method's handle:
///   each position is a value compared with `==`, `ANY` or `_`, a matcher
///   from [`matchers`], or any `predicates::Predicate`. Literals take the
///   argument's type.
/// * `call!(.method(a, b))` — a call of a named method, for mock-level
///   assertions and [`CallList`] comparisons.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Clock {
///     fn sleep(&self, millis: u64, reason: &str);
/// }
///
/// let clock = MockClock::new();
/// clock.sleep(250, "backoff");
/// clock.sleep.assert_called_with(call!(250, "backoff"));
/// clock.sleep.assert_called_with(call!(gt(100), _));
/// clock.sleep.assert_called_with(call!(predicates::ord::lt(1000), ANY));
/// clock.assert_any_call(call!(.sleep(250, "backoff")));
/// ```
pub use mockgen_macros::call;

/// Everything a test needs: the macros, `call!`, `ANY`, `sentinel!` and the
/// matchers.
///
/// ```
/// use mockgen::prelude::*;
///
/// let _: Sentinel = sentinel!(id);
/// let _ = (ANY, gt(1), starts_with("a"));
/// ```
pub mod prelude {
    pub use crate::matchers::{
        contains, ends_with, eq, ge, gt, is_err, is_none, is_ok, is_some, le, lt, matching, ne,
        pattern, starts_with,
    };
    pub use crate::{ANY, Sentinel, automock, call, sentinel};
}

/// What generated code uses. Not public API: it changes in any release.
#[doc(hidden)]
pub mod __private {
    pub use mockgen_runtime::__dispatch;
    pub use mockgen_runtime::{__arg_view, __default_of};
    pub use mockgen_runtime::{
        ArgView, BoxMatcher, Call, DebugText, Debugged, GenericMethod, Instantiate, IntoValue,
        Method, MockCore, Opaque, OpaqueArg, PathCall, RecordOf, Respond, SameMock, Signature,
        Statics, Val,
    };
    pub use mockgen_runtime::{
        Arity0, Arity1, Arity2, Arity3, Arity4, Arity5, Arity6, Arity7, Arity8, Arity9, Arity10,
        Arity11, Arity12, Sig0, Sig1, Sig2, Sig3, Sig4, Sig5, Sig6, Sig7, Sig8, Sig9, Sig10, Sig11,
        Sig12,
    };
}
