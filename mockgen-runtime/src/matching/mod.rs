//! Matchers and `call!` support: the matcher protocol, the built-in
//! matchers, expected calls and sentinels.
//!
//! Uses `state` only (recorded arguments and failure text).

pub(crate) mod call;
pub(crate) mod matcher;
pub mod matchers;
pub(crate) mod matchers_erased;
pub(crate) mod path_call;
pub(crate) mod sentinel;
