//! The user guide: the chapters of `docs/`, also an mdBook
//! (`mdbook build docs`). They are included here so that the API docs show
//! them and every Rust example in them runs as a doctest.
//!
//! Start with [`getting_started`]. The cookbook (`docs/cookbook.md`) is not
//! repeated here: its examples are the integration tests
//! `tests/tests/cookbook_*.rs`, compiled and run by `cargo test`.

#[doc = include_str!("../docs/getting-started.md")]
pub mod getting_started {}

#[doc = include_str!("../docs/generating-mocks.md")]
pub mod generating_mocks {}

#[doc = include_str!("../docs/configuring.md")]
pub mod configuring {}

#[doc = include_str!("../docs/assertions.md")]
pub mod assertions {}

#[doc = include_str!("../docs/matchers.md")]
pub mod matchers {}

#[doc = include_str!("../docs/async.md")]
pub mod async_methods {}

#[doc = include_str!("../docs/foreign-traits.md")]
pub mod foreign_traits {}

#[doc = include_str!("../docs/callables.md")]
pub mod callables {}

#[doc = include_str!("../docs/spies.md")]
pub mod spies {}

// Its examples run as doctests through the crate root already.
#[cfg(not(doctest))]
#[doc = include_str!("../docs/patching.md")]
pub mod patching {}

#[doc = include_str!("../docs/ordering.md")]
pub mod ordering {}

#[doc = include_str!("../docs/troubleshooting.md")]
pub mod troubleshooting {}

#[doc = include_str!("../docs/from-unittest-mock.md")]
pub mod from_unittest_mock {}

#[doc = include_str!("../docs/from-mockall.md")]
pub mod from_mockall {}
