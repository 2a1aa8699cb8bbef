//! Integration tests live in `tests/`; the patchable functions they patch
//! live here, in [`weather`].

pub mod weather;
