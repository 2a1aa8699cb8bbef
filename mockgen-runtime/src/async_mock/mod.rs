//! Async methods (Python's `AsyncMock`): recording awaits, answering with
//! futures, and the assertions on awaits; a spy's real async methods.
//!
//! Uses `state`, `matching` and `assertions`.

pub(crate) mod assert_await;
pub(crate) mod async_call;
mod on_its_thread;
pub(crate) mod real_future;
