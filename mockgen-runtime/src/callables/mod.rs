//! Handles that are not a trait method: callable mocks (`mock_fn!`),
//! generic and static methods, and in-memory files (`mock_open`).
//!
//! Uses `state` and `assertions`.

pub(crate) mod generic;
pub(crate) mod mock_fn;
pub(crate) mod mock_open;
pub(crate) mod statics;
