//! Expectations checked when a call happens: `expect(call!(…))`, its
//! builder, `times`, sequences, the recorder that orders calls across mocks,
//! and `verify()`.
//!
//! Uses `state` (and implements its `ErasedExpectation`), `matching`,
//! `config` (the bound of return values) and `assertions` (histories).

pub(crate) mod expect;
pub(crate) mod expect_builder;
pub(crate) mod recorder;
pub(crate) mod sequence;
pub(crate) mod times;
pub(crate) mod verify;
