//! The guide chapters about HTTP (`docs/http.md`, `docs/http-cookbook.md`
//! of the mockgen book), included here so that every example in them runs
//! as a doctest.

#[doc = include_str!("../../docs/http.md")]
pub mod mocking_http_apis {}

#[doc = include_str!("../../docs/http-cookbook.md")]
pub mod cookbook {}
