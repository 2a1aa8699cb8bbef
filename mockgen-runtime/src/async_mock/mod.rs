//! Async methods (Python's `AsyncMock`): recording awaits, answering with
//! futures, and the assertions on awaits.
//!
//! Uses `state`, `matching` and `assertions`.

pub(crate) mod assert_await;
pub(crate) mod async_call;
