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
pub mod guide;

#[doc(inline)]
pub use mockgen_runtime::{
    ANY, AnyArg, ArgKind, ArgKinds, ArgMatcher, ArgView, BoxMatcher, Call, CallList, DebugText,
    Debugged, ErasedMatcher, GenericMethod, HasMethod, Instantiate, IntoMatchers, IntoStatic,
    IntoValue, LendingEffect, Lends, Method, MockCall, MockCalls, MockCore, Opaque, OpaqueArg,
    PathCall, RecordOf, ReturnValue, Sentinel, Signature, Statics, TakesPaths, Val,
};
#[doc(inline)]
pub use mockgen_runtime::{AsyncSignature, BoxFuture, MockFile, MockFn, MockOpen, mock_open};
#[doc(inline)]
pub use mockgen_runtime::{EnvGuard, EnvValue, PatchGuard, Patchable};
#[doc(inline)]
pub use mockgen_runtime::{Expectation, Recorder, Sequence, Times};
#[doc(inline)]
pub use mockgen_runtime::{matchers, sentinel};

/// The arity markers and traits of [`Signature`], implemented by generated
/// code.
pub mod signature {
    pub use mockgen_runtime::{
        Arg, ArgOf, Arity0, Arity1, Arity2, Arity3, Arity4, Arity5, Arity6, Arity7, Arity8, Arity9,
        Arity10, Arity11, Arity12, Arity13, Arity14, Arity15, Arity16, Sig0, Sig1, Sig2, Sig3,
        Sig4, Sig5, Sig6, Sig7, Sig8, Sig9, Sig10, Sig11, Sig12, Sig13, Sig14, Sig15, Sig16,
    };
    pub use mockgen_runtime::{
        ArgShape, Kind, KindOf, Mut, Own, Probes, Recorded, Ref, Relend, Shape, ShapeArgs,
        ShapeRecord, Shaped, ShapedArgs, Visit,
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
/// mockgen; `#[automock(debug(event), opaque(token))]` records the
/// parameters so named by their `Debug` text or as a placeholder (this
/// form also works under `#[cfg_attr(test, automock(…))]`); associated
/// items are given as `#[automock(type Item = u32; const MAX: usize = 8;)]`.
///
/// Arguments are recorded as owned values (`&str` → `String`, `&[T]` →
/// `Vec<T>`, `&T` and `T` → `T`, which must be `Clone`). Mark an argument
/// `#[mockgen(debug)]` to record its `Debug` text instead, or
/// `#[mockgen(opaque)]` for a placeholder. Arguments that borrow are
/// recorded by their `Debug` text when their type has one; `dyn` closures
/// as placeholders.
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

/// `#[autospec]` on a trait is [`#[automock]`](automock) in strict mode:
/// the mock is sealed from the start, so every call of a method that is not
/// configured panics (Python's `spec_set`; see
/// [Strict trait mocks](crate::guide::spies#strict-trait-mocks-autospec-on-a-trait)).
///
/// On an inherent `impl` block it generates `Mock<Type>` with the same
/// public methods and associated functions (constructors included), for
/// code that takes the concrete type. Associated functions are configured
/// through `MockType::statics()`; an unconfigured constructor returns a
/// fresh mock. The usual swap is `#[cfg(test)] use MockDatabase as
/// Database;` in the code under test.
///
/// ```
/// use mockgen::prelude::*;
///
/// pub struct Database {
///     url: String,
/// }
///
/// #[autospec]
/// impl Database {
///     pub fn connect(url: &str) -> Self {
///         Database { url: url.to_owned() }
///     }
///     pub fn query(&self, sql: &str) -> Vec<String> {
///         vec![format!("{sql} on {}", self.url)]
///     }
/// }
///
/// // The code under test, with the real type swapped for the mock:
/// // `#[cfg(test)] use crate::db::MockDatabase as Database;`
/// fn names(url: &str) -> Vec<String> {
///     use MockDatabase as Database;
///     Database::connect(url).query("select name")
/// }
///
/// let statics = MockDatabase::statics();
/// let db = MockDatabase::named("db");
/// db.query.return_value(vec!["ann".into()]);
/// statics.connect.return_value(db.clone());
/// assert_eq!(names("postgres://test"), ["ann"]);
/// statics.connect.assert_called_once_with(call!("postgres://test"));
/// db.query.assert_called_once_with(call!("select name"));
///
/// // A spy runs the real methods unless configured.
/// let spy = MockDatabase::wrapping(Database::connect("sqlite://"));
/// assert_eq!(spy.query("x"), ["x on sqlite://"]);
/// spy.query.assert_called_once();
/// ```
pub use mockgen_macros::autospec;

/// A callable mock (Python's callable `Mock`; see the guide's
/// [`mock_fn!`](crate::guide::callables#mock_fn-a-mock-closure)): `mock_fn!(|e: Event|
/// -> bool)` is a [`MockFn`] with the full handle API, whose
/// [`as_fn`](MockFn::as_fn) / [`as_fn_mut`](MockFn::as_fn_mut) give a
/// closure for `impl Fn` / `impl FnMut` parameters; closures taking
/// references work too.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[derive(Debug, Clone, PartialEq)]
/// struct Event(u32);
///
/// fn dispatch(events: Vec<Event>, handler: impl Fn(Event) -> bool) -> usize {
///     events.into_iter().filter(|e| handler(e.clone())).count()
/// }
///
/// let on_event = mock_fn!(|e: Event| -> bool);
/// on_event.return_value(true);
/// assert_eq!(dispatch(vec![Event(1), Event(2)], on_event.as_fn()), 2);
/// on_event.assert_called_with(call!(Event(2)));
/// assert_eq!(on_event.call_count(), 2);
/// ```
pub use mockgen_macros::mock_fn;

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

/// Makes a function patchable with [`patch!`] and [`patch_global!`]
/// (Python's `patch`, for functions and methods).
///
/// Put it on a free function, or on an inherent `impl` block to make every
/// method and associated function in it patchable. The function then
/// dispatches through one trampoline at its definition: when a patch is
/// active, the call is recorded and answered by the patch's handle;
/// otherwise the original body runs. Every caller sees the patch, whatever
/// path it imported the function by.
///
/// ```
/// use mockgen::prelude::*;
///
/// mod weather {
///     #[mockgen::patchable]
///     pub fn fetch_temperature(city: &str) -> Result<f64, String> {
///         Err(format!("no network in tests ({city})"))
///     }
/// }
///
/// fn report(city: &str) -> String {
///     match weather::fetch_temperature(city) {
///         Ok(t) => format!("{t:.1}°C"),
///         Err(e) => e,
///     }
/// }
///
/// let fetch = patch!(weather::fetch_temperature);
/// fetch.return_value(Ok(22.5));
/// assert_eq!(report("London"), "22.5°C");
/// fetch.assert_called_once_with(call!("London"));
/// drop(fetch);
/// assert_eq!(report("Oslo"), "no network in tests (Oslo)");
/// ```
///
/// On an `impl` block, `patch!(Type::method)` patches one method. The
/// receiver is neither recorded nor passed to side effects (a patched
/// Python method does not see `self` either); `call_original()` still runs
/// the real method with it. The attribute may also go on single methods
/// and associated functions of a block, when they take `self` or name
/// `Self` (see the guide's "One method of an `impl` block").
///
/// ```
/// use mockgen::prelude::*;
///
/// pub struct Database {
///     url: String,
/// }
///
/// #[patchable]
/// impl Database {
///     pub fn connect(url: &str) -> Database {
///         Database { url: url.to_string() }
///     }
///     pub fn query(&self, sql: &str) -> Vec<String> {
///         vec![format!("{sql} on {}", self.url)]
///     }
/// }
///
/// let query = patch!(Database::query);
/// query.side_effect(|sql| vec![sql.to_uppercase()]);
/// let db = Database::connect("postgres://prod");
/// assert_eq!(db.query("select 1"), ["SELECT 1"]);
/// query.reset_side_effect();
/// query.call_original();
/// assert_eq!(db.query("select 2"), ["select 2 on postgres://prod"]);
/// assert_eq!(query.call_args_list(), [("select 1".to_string(),), ("select 2".to_string(),)]);
/// ```
///
/// # Setting it up, and what it costs
///
/// A library that has mockgen as a dev-dependency applies the attribute
/// in test builds only, which have it: `#[cfg_attr(test,
/// mockgen::patchable)]` makes the function patchable from the crate's
/// unit tests. Integration tests (`tests/*.rs`) link the library built
/// *without* `cfg(test)`; for them, the library gets a feature that its
/// own dev-dependency turns on, so that every `cargo test` has it:
///
/// ```toml
/// [features]
/// patching = ["dep:mockgen", "mockgen/patching"]
///
/// [dependencies]
/// mockgen = { version = "0.1", optional = true }
///
/// [dev-dependencies]
/// mockgen = "0.1"
/// payments = { path = ".", features = ["patching"] }   # this crate
/// ```
///
/// and `#[cfg_attr(feature = "patching", mockgen::patchable)]` on the
/// functions. A build without tests then compiles the function as
/// written and does not depend on mockgen. Where the attribute is applied
/// without `cfg(test)` and without mockgen's `patching` feature, it
/// expands to the item exactly as written; in a patchable build, an
/// unpatched call costs one atomic load. The guide's
/// [Setting it up](crate::guide::patching#setting-it-up) has both forms
/// and the measurements. Without a patchable build, `patch!` on such a
/// function fails to compile with "cannot find function
/// `__mockgen_patchable_…`".
///
/// # What can be patched
///
/// Functions and methods that are not `const`, take at most 16 arguments
/// (besides `self`) and do not return references (yet); methods of
/// non-generic types. A generic function is patched per instantiation,
/// `patch!(parse::<u16>)` (its type parameters need `'static`). On an
/// `extern "C" { … }` block, the attribute puts a trampoline in front of
/// each C function (variadic ones excepted), so C code is patched like
/// Rust code. An `async fn` is patched around its body: the patch's handle
/// answers with the output value (`return_value(v)`, `side_effect(|…| v)`,
/// or `side_effect_async(|…| async move { v })`), and the call and its
/// await are recorded together when the future is first polled, on the
/// thread that polls it. Arguments are recorded as for mocks: `&str` →
/// `String`, `&[T]` → `Vec<T>`, `&T`/`T` → `T` (which must be `Clone`);
/// mark an argument `#[mockgen(debug)]` or `#[mockgen(opaque)]` to record
/// its `Debug` text or a placeholder instead. Options:
/// `#[patchable(crate = path::to::mockgen)]` for crates that re-export
/// mockgen.
pub use mockgen_macros::patchable;

/// Patches a [`#[patchable]`](patchable) function for the current thread,
/// until the returned [`PatchGuard`] drops (Python's `patch`).
///
/// `patch!(path::to::function)` or `patch!(Type::method)` name the function
/// through its module or type, or by its bare name after a glob import of
/// its module (`use weather::*;`): `patch!` finds a hidden companion that
/// `#[patchable]` put beside the function, which a single-item `use` or a
/// `use … as` alias does not bring along. The guard
/// dereferences to the function's [`Method`] handle: configure it with
/// `return_value`, `side_effect`, `side_effect_iter`, `return_once` or
/// `call_original` (a spy), and assert on it with `call_args_list` and the
/// `assert_*` methods. An unconfigured patched call returns
/// `Default::default()` when the return type has one, and panics otherwise.
///
/// The patch is thread-local: tests running in parallel threads never see
/// each other's patches, and neither do threads the test spawns (use
/// [`patch_global!`] for those). Patches of the same function stack: the
/// newest answers, and dropping a guard removes its own layer, even out of
/// order. Dropping the guard, calling [`stop`](PatchGuard::stop), or a
/// panic unwinding past it restores what was there before.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[patchable]
/// fn now_millis() -> u64 {
///     1_700_000_000_000
/// }
///
/// let outer = patch!(now_millis);
/// outer.return_value(1);
/// {
///     let inner = patch!(now_millis);
///     inner.return_value(2);
///     assert_eq!(now_millis(), 2);
/// }
/// assert_eq!(now_millis(), 1);
/// std::thread::spawn(|| assert_eq!(now_millis(), 1_700_000_000_000))
///     .join()
///     .unwrap();
/// outer.stop();
/// assert_eq!(now_millis(), 1_700_000_000_000);
/// ```
///
/// A side effect must take the function's arguments, checked by the
/// compiler:
///
/// ```compile_fail
/// use mockgen::prelude::*;
///
/// #[patchable]
/// fn greet(name: &str) -> String {
///     format!("hello {name}")
/// }
///
/// let greet = patch!(greet);
/// greet.side_effect(|name: u32| name.to_string());
/// ```
pub use mockgen_macros::patch;

/// Patches a [`#[patchable]`](patchable) function for every thread until the
/// returned [`PatchGuard`] drops: for code under test that runs on other
/// threads (spawned threads, tokio worker threads).
///
/// `patch_global!(path, |handle| …)` takes the patch's configuration: the
/// closure configures the function's [`Method`] handle before the patch
/// becomes visible, so another thread calling the function sees either the
/// function itself or the configured patch, never a patch with nothing
/// configured yet. (`|_| {}` patches with nothing configured: calls answer
/// `Default::default()`.) The guard dereferences to the same handle, for
/// assertions and later changes.
///
/// Global patches of one function are serialised: the guard holds that
/// function's lock, so a `patch_global!` of the same function in another
/// test waits until this guard drops (the same thread may nest them). A
/// thread's own [`patch!`] patches take precedence over global ones. While
/// the guard lives, every thread calling the function sees the patch, so
/// keep such tests short, or patch thread-locally where the code allows.
/// The function's return type must be `Send + Sync`.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[patchable]
/// fn fetch_quote(symbol: &str) -> f64 {
///     unimplemented!("network access for {symbol}")
/// }
///
/// let fetch = patch_global!(fetch_quote, |fetch| fetch.return_value(101.5));
/// let price = std::thread::spawn(|| fetch_quote("ACME")).join().unwrap();
/// assert_eq!(price, 101.5);
/// fetch.assert_called_once_with(call!("ACME"));
/// ```
pub use mockgen_macros::patch_global;

/// Sets and removes environment variables until the returned [`EnvGuard`]
/// drops (Python's `patch.dict(os.environ, …)`).
///
/// Each entry is `key => value`, where the key is a string and the value a
/// string expression (`&str`, `String`, `OsString`, `PathBuf`, …, or an
/// `Option` of one) or `None`, which removes the variable. A leading
/// `clear;` empties the environment first (Python's `clear=True`); keep a
/// variable by passing its current value, e.g.
/// `"PATH" => std::env::var_os("PATH")` (values are evaluated under the
/// lock, after the snapshot).
///
/// When the guard drops, on panic too, the environment is restored
/// exactly: variables that were set get their old value back, variables
/// that were absent are removed, and changes the code under test made
/// meanwhile are undone. The guard holds a process-wide re-entrant lock,
/// so `patch_env!` in other threads waits while the same thread may nest
/// guards (drop them in reverse order, as scopes do).
///
/// ```
/// use mockgen::prelude::*;
///
/// let env = patch_env!("DATABASE_URL" => "postgres://test", "DEBUG" => None);
/// assert_eq!(std::env::var("DATABASE_URL").as_deref(), Ok("postgres://test"));
/// assert!(std::env::var_os("DEBUG").is_none());
/// drop(env);
///
/// let bare = patch_env!(clear; "LANG" => "C");
/// assert_eq!(std::env::vars_os().count(), 1);
/// drop(bare);
/// ```
///
/// Only the environment functions of `std` synchronise with the lock: code
/// that reads the environment through C's `getenv` on another thread
/// (some C libraries do) must not run while a `patch_env!` guard changes
/// it.
pub use mockgen_runtime::patch_env;

/// The patching guide (`docs/patching.md`), compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../docs/patching.md")]
struct PatchingGuide;

/// Generates a mock of traits you cannot annotate: std's and other crates'
/// (the guide's [Foreign traits](crate::guide::foreign_traits)). Name the mock, then write one `impl Trait for Name { … }` per
/// trait with the methods to mock (signatures only) and the associated
/// items (`type Item = u32;`). The mock is `MockName`, with the same API as
/// an `#[automock]` mock. Methods of the trait that are not listed keep the
/// trait's default bodies. `Debug`, `Clone`, `Default` and `PartialEq` may
/// be mocked too; the mock then uses your handles instead of its own impls.
/// A `fmt` method (`Display`, `Debug`, …) is configured with the text it
/// writes.
///
/// ```
/// use mockgen::prelude::*;
/// use std::io::Read;
///
/// mock! {
///     pub Source;
///     impl std::io::Read for Source {
///         fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
///     }
///     impl Iterator for Source {
///         type Item = u32;
///         fn next(&mut self) -> Option<u32>;
///     }
///     impl std::fmt::Display for Source {
///         fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result;
///     }
/// }
///
/// let mut source = MockSource::new();
/// source.read.side_effect(|buf| {
///     buf[..2].copy_from_slice(b"hi");
///     Ok(2)
/// });
/// let mut buf = [0; 8];
/// assert_eq!(source.read(&mut buf).unwrap(), 2);
/// assert_eq!(&buf[..2], b"hi");
/// source.read.assert_called_once();
///
/// source.next.side_effect_iter([Some(1), Some(2), None]);
/// assert_eq!(Iterator::by_ref(&mut source).collect::<Vec<_>>(), [1, 2]);
///
/// source.fmt.return_value("a source".to_string());
/// assert_eq!(source.to_string(), "a source");
/// ```
pub use mockgen_macros::mock;

/// Everything a test needs: the macros, `call!`, `ANY`, `sentinel!`, the
/// matchers, and [`Recorder`] and [`Sequence`] for ordering across mocks.
///
/// ```
/// use mockgen::prelude::*;
///
/// let _: Sentinel = sentinel!(id);
/// let _ = (ANY, gt(1), starts_with("a"));
/// let _ = (Recorder::new(), Sequence::new());
/// ```
pub mod prelude {
    pub use crate::matchers::{
        contains, ends_with, eq, ge, gt, is_err, is_none, is_ok, is_some, le, lt, matching, ne,
        pattern, starts_with,
    };
    pub use crate::{
        ANY, MockCalls, Recorder, Sentinel, Sequence, automock, autospec, call, mock, mock_fn,
        sentinel,
    };
    pub use crate::{patch, patch_env, patch_global, patchable};
}

/// What generated code uses. Not public API: it changes in any release.
#[doc(hidden)]
pub mod __private {
    pub use mockgen_runtime::__dispatch;
    pub use mockgen_runtime::__probe;
    pub use mockgen_runtime::__record;
    pub use mockgen_runtime::JoinsBlock;
    pub use mockgen_runtime::MockFn;
    pub use mockgen_runtime::Real;
    pub use mockgen_runtime::RealFuture;
    pub use mockgen_runtime::Recorder;
    pub use mockgen_runtime::{
        Answer, AsyncSig0, AsyncSig1, AsyncSig2, AsyncSig3, AsyncSig4, AsyncSig5, AsyncSig6,
        AsyncSig7, AsyncSig8, AsyncSig9, AsyncSig10, AsyncSig11, AsyncSig12, AsyncSig13,
        AsyncSig14, AsyncSig15, AsyncSig16, AsyncSignature, BoxFuture,
    };
    pub use mockgen_runtime::{
        Arg, ArgOf, Arity0, Arity1, Arity2, Arity3, Arity4, Arity5, Arity6, Arity7, Arity8, Arity9,
        Arity10, Arity11, Arity12, Arity13, Arity14, Arity15, Arity16, Sig0, Sig1, Sig2, Sig3,
        Sig4, Sig5, Sig6, Sig7, Sig8, Sig9, Sig10, Sig11, Sig12, Sig13, Sig14, Sig15, Sig16,
    };
    pub use mockgen_runtime::{
        ArgView, BoxMatcher, Call, DebugText, Debugged, Delegate, GenericMethod, HasMethod,
        Instantiate, IntoValue, LendingAnswer, LendingEffect, Lends, Method, MockCalls, MockCore,
        Opaque, OpaqueArg, OptVal, PathCall, RecordOf, SameMock, Signature, Statics, Val,
    };
    pub use mockgen_runtime::{Mut, Own, Probes, Recorded, Ref, Shaped, ShapedArgs, Visit};
    /// What `#[patchable]` trampolines use.
    pub mod patching {
        pub use mockgen_runtime::{PatchSlot, Patchable, Patcher, patched, patched_by};
    }
}
