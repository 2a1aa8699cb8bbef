//! History, inspection and assertions over recorded calls: `call_args`,
//! `assert_called_with` and friends, histories across methods and mocks,
//! and waiting for calls made on other threads.
//!
//! Uses `state` and `matching` (the `call!` values assertions compare
//! against); never `expectations`.

pub(crate) mod assert;
pub(crate) mod checks;
pub(crate) mod history;
pub(crate) mod history_check;
pub(crate) mod inspect;
pub(crate) mod mock_history;
pub(crate) mod wait;
