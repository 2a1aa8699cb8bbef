//! Configuring a handle: `return_value`, `side_effect`, `return_once`,
//! resets — the slots the call path reads when it answers.
//!
//! Uses `state` only.

pub(crate) mod configure;
pub(crate) mod into_static;
pub(crate) mod lending;
