//! Expectations checked when a call happens: `expect(call!(…))`, its
//! builder, `times`, sequences, the recorder that orders calls across mocks,
//! and `verify()`.
//!
//! Uses `state`, `matching` and `assertions` (for histories and their text).

pub(crate) mod expect;
pub(crate) mod expect_builder;
pub(crate) mod recorder;
pub(crate) mod sequence;
pub(crate) mod times;
pub(crate) mod verify;
