//! Procedural macros of [mockgen](https://docs.rs/mockgen). Depend on
//! `mockgen` and use its re-exports; the macros are documented there.
//!
//! The expansion of `#[automock]` runs in stages: `parse` the attribute
//! and the trait, `lower` them into the `model`, then `codegen`.
//!
//! ```
//! use mockgen::prelude::*;
//!
//! #[automock]
//! trait Clock {
//!     fn now(&self) -> u64;
//! }
//!
//! let clock = MockClock::new();
//! clock.now.return_value(42);
//! assert_eq!(clock.now(), 42);
//! clock.now.assert_called_once();
//! ```
#![deny(missing_docs)]

mod call;
mod codegen;
mod diag;
mod expand;
mod lifetimes;
mod lower;
mod mock_blocks;
mod mock_fn;
mod mock_macro;
mod model;
mod names;
mod normalize;
mod parse;
mod parse_mock;
mod patchable;
mod substitute;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Generates `Mock<Trait>` for the annotated trait; see the `mockgen` crate.
#[proc_macro_attribute]
pub fn automock(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::automock(args.into(), item.into()).into()
}

/// Generates a mock of traits the user cannot annotate; see the `mockgen`
/// crate.
#[proc_macro]
pub fn mock(input: TokenStream) -> TokenStream {
    mock_macro::expand(input.into()).into()
}

/// Generates a strict mock of a trait, or a mock of an inherent `impl`
/// block; see the `mockgen` crate.
#[proc_macro_attribute]
pub fn autospec(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::autospec(args.into(), item.into()).into()
}

/// Generates a callable mock; see the `mockgen` crate.
#[proc_macro]
pub fn mock_fn(input: TokenStream) -> TokenStream {
    mock_fn::expand(input.into()).into()
}

/// Builds an expected call; see the `mockgen` crate.
#[proc_macro]
pub fn call(input: TokenStream) -> TokenStream {
    call::expand(input.into()).into()
}

/// Makes a function, or every method of an inherent `impl` block,
/// patchable with `patch!`; see the `mockgen` crate.
#[proc_macro_attribute]
pub fn patchable(args: TokenStream, item: TokenStream) -> TokenStream {
    patchable::patchable(args.into(), item.into()).into()
}

/// Patches a `#[patchable]` function for the current thread; see the
/// `mockgen` crate.
#[proc_macro]
pub fn patch(input: TokenStream) -> TokenStream {
    patchable::patch(input.into(), false).into()
}

/// Patches a `#[patchable]` function for every thread; see the `mockgen`
/// crate.
#[proc_macro]
pub fn patch_global(input: TokenStream) -> TokenStream {
    patchable::patch(input.into(), true).into()
}
