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

mod answer;
mod append_log;
mod args;
mod assert;
mod assert_await;
mod async_call;
mod call;
mod calls;
mod checks;
mod configure;
mod dispatch;
mod expect;
mod expect_builder;
mod generic;
mod history;
mod history_check;
mod inspect;
mod matcher;
pub mod matchers;
mod matchers_erased;
mod message;
mod meta;
mod method;
mod mock;
mod mock_fn;
mod mock_open;
mod patch;
mod queue;
mod real;
mod recorder;
mod sentinel;
mod seq;
mod sequence;
mod signature;
mod statics;
mod sync;
mod times;
mod verify;
mod wait;

pub use args::{
    ArgKind, ArgKinds, ArgView, DebugText, Debugged, IntoMatchers, Opaque, OpaqueArg, OptVal,
    Recordable, SameMock, Val,
};
#[doc(hidden)]
pub use async_call::{Answer, AsyncCall};
pub use async_call::{
    AsyncSig0, AsyncSig1, AsyncSig2, AsyncSig3, AsyncSig4, AsyncSig5, AsyncSig6, AsyncSig7,
    AsyncSig8, AsyncSig9, AsyncSig10, AsyncSig11, AsyncSig12, AsyncSignature, BoxFuture,
};
pub use call::{Call, PathCall};
pub use configure::ReturnValue;
pub use dispatch::Respond;
pub use expect_builder::Expectation;
pub use generic::{GenericMethod, Instantiate};
pub use history::{CallList, MockCall};
pub use matcher::{ANY, AnyArg, ArgMatcher, BoxMatcher, ErasedMatcher, IntoValue};
pub use method::Method;
pub use mock::MockCore;
pub use mock_fn::MockFn;
pub use mock_open::{MockFile, MockOpen, mock_open};
pub use patch::{EnvGuard, EnvValue, PatchGuard, Patchable};
pub use recorder::Recorder;
pub use sentinel::Sentinel;
pub use sequence::Sequence;
pub use signature::{
    Arity0, Arity1, Arity2, Arity3, Arity4, Arity5, Arity6, Arity7, Arity8, Arity9, Arity10,
    Arity11, Arity12, RecordOf, Sig0, Sig1, Sig2, Sig3, Sig4, Sig5, Sig6, Sig7, Sig8, Sig9, Sig10,
    Sig11, Sig12, Signature,
};
pub use statics::Statics;
pub use times::Times;

#[doc(hidden)]
pub use args::__record;
#[doc(hidden)]
pub use args::probe as __probe;
#[doc(hidden)]
pub use matcher::dispatch as __dispatch;
#[doc(hidden)]
pub use patch::{EnvPatch, PatchSlot, Patcher, patched};
pub use real::{Lent, Real, RealCell};
