//! Runtime support for [mockgen](https://docs.rs/mockgen): the generic types
//! that generated mocks delegate to — per-method handles, call recording,
//! matching, assertions and their messages.
//!
//! Depend on `mockgen`, which re-exports everything here; this crate's
//! items are documented there.
//!
//! ```
//! use mockgen::prelude::*;
//!
//! #[automock]
//! trait Clock {
//!     fn now(&self) -> u64;
//! }
//!
//! let clock = MockClock::new();
//! clock.now.return_value(42);
//! assert_eq!(clock.now(), 42);
//! clock.now.assert_called_once();
//! ```
#![deny(missing_docs)]

mod assertions;
mod async_mock;
mod callables;
mod config;
mod expectations;
mod matching;
mod patch;
mod state;

pub use matching::matchers;

pub use assertions::history::{CallList, MockCall};
pub use assertions::mock_history::MockCalls;
#[doc(hidden)]
pub use async_mock::async_call::{Answer, AsyncCall};
pub use async_mock::async_call::{
    AsyncSig0, AsyncSig1, AsyncSig2, AsyncSig3, AsyncSig4, AsyncSig5, AsyncSig6, AsyncSig7,
    AsyncSig8, AsyncSig9, AsyncSig10, AsyncSig11, AsyncSig12, AsyncSig13, AsyncSig14, AsyncSig15,
    AsyncSig16, AsyncSignature, BoxFuture,
};
#[doc(hidden)]
pub use async_mock::real_future::{RealFuture, RealRef};
pub use callables::generic::{GenericMethod, Instantiate};
pub use callables::mock_fn::MockFn;
pub use callables::mock_open::{MockFile, MockOpen, mock_open};
pub use callables::statics::Statics;
pub use config::configure::ReturnValue;
pub use config::into_static::IntoStatic;
pub use config::lending::LendingAnswer;
pub use expectations::expect_builder::Expectation;
pub use expectations::recorder::Recorder;
pub use expectations::sequence::Sequence;
pub use expectations::times::Times;
pub use matching::call::Call;
pub use matching::matcher::{ANY, AnyArg, ErasedMatcher, IntoValue};
pub use matching::path_call::{HasMethod, PathCall, TakesPaths};
pub use matching::sentinel::Sentinel;
pub use patch::{EnvGuard, EnvValue, PatchGuard, Patchable};
pub use state::arg_matcher::{ArgMatcher, BoxMatcher};
pub use state::args::{
    ArgKind, ArgKinds, ArgView, DebugText, Debugged, IntoMatchers, Opaque, OpaqueArg, OptVal,
    Recordable, SameMock, Val,
};
pub use state::dispatch::Delegate;
pub use state::method::Method;
pub use state::mock::MockCore;
pub use state::shape::{
    ArgShape, Kind, KindOf, Mut, Own, Probes, Recorded, Ref, Relend, Shape, ShapeArgs, ShapeRecord,
    Shaped, ShapedArgs, Visit,
};
pub use state::signature::{
    Arg, ArgOf, Arity0, Arity1, Arity2, Arity3, Arity4, Arity5, Arity6, Arity7, Arity8, Arity9,
    Arity10, Arity11, Arity12, Arity13, Arity14, Arity15, Arity16, LendingEffect, Lends, RecordOf,
    Sig0, Sig1, Sig2, Sig3, Sig4, Sig5, Sig6, Sig7, Sig8, Sig9, Sig10, Sig11, Sig12, Sig13, Sig14,
    Sig15, Sig16, Signature,
};

#[doc(hidden)]
pub use matching::matcher::dispatch as __dispatch;
#[doc(hidden)]
pub use patch::{EnvPatch, PatchSlot, Patcher, patched, patched_by};
#[doc(hidden)]
pub use state::args::__record;
#[doc(hidden)]
pub use state::args::FromMatchers;
#[doc(hidden)]
pub use state::args::probe as __probe;
#[doc(hidden)]
pub use state::blocks::JoinsBlock;
pub use state::real::{Lent, Real, RealCell};
pub use state::real_async::LentAsync;
