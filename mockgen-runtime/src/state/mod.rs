//! The per-method state and the call path: what a mocked call records and
//! how it is answered (record → resolve → answer), the configuration and
//! the registry of expectations a call reads, and what a whole mock
//! shares. Also the pieces everything else stands on: the signature traits,
//! recorded arguments, the append-only call log, lock helpers and the
//! failure-text renderer.
//!
//! This folder is the bottom layer: it uses nothing else in the crate.
//! Expectations reach the call path only through the `ErasedExpectation`
//! trait of `registry.rs`.

pub(crate) mod answer;
pub(crate) mod append_log;
pub(crate) mod arg_matcher;
pub(crate) mod args;
pub(crate) mod attached;
pub(crate) mod blocks;
pub(crate) mod calls;
pub(crate) mod config;
pub(crate) mod dispatch;
pub(crate) mod entry;
pub(crate) mod expectation_list;
pub(crate) mod lend;
pub(crate) mod match_expectations;
pub(crate) mod message;
pub(crate) mod meta;
pub(crate) mod method;
pub(crate) mod mock;
pub(crate) mod mock_shared;
pub(crate) mod queue;
pub(crate) mod real;
pub(crate) mod real_access;
pub(crate) mod real_async;
pub(crate) mod registry;
pub(crate) mod seq;
pub(crate) mod shape;
pub(crate) mod signature;
pub(crate) mod step_aside;
pub(crate) mod sync;
