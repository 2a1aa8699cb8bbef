//! How the `impl` blocks of a struct join into one mock
//! (`#[autospec(blocks(…))]` on the struct, `#[autospec(block = Name)]` on
//! each block).

/// Implemented by a struct's mock for the link of each block that the
/// struct's `#[autospec(blocks(…))]` lists; each block checks that it is
/// listed, so that a forgotten one is reported at its name.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `impl` block is not listed in `#[autospec(blocks(…))]` on the struct of `{Self}`",
    label = "not listed on the struct",
    note = "add the block's name to `#[autospec(blocks(…))]` on the struct, with the path of its module if it is in another one (`blocks(Queries, admin::Admin)`)"
)]
pub trait JoinsBlock<B> {}
