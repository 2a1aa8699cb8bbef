//! Runs the stages in order; the only place that turns errors into tokens.

use proc_macro2::TokenStream;
use quote::ToTokens as _;

use crate::parse::{Annotated, Macro};
use crate::{codegen, diag, lower, parse};

/// `#[automock]`: the trait as written, followed by its mock.
pub(crate) fn automock(args: TokenStream, item: TokenStream) -> TokenStream {
    expand(args, item, Macro::Automock)
}

/// `#[autospec]`: on a trait, `#[automock]` in strict mode; on an inherent
/// `impl` block, a mock with the same public methods.
pub(crate) fn autospec(args: TokenStream, item: TokenStream) -> TokenStream {
    expand(args, item, Macro::Autospec)
}

fn expand(args: TokenStream, item: TokenStream, which: Macro) -> TokenStream {
    match parse::input(args, item.clone(), which).and_then(emit) {
        Ok(out) => out,
        Err(error) => diag::fallback(item, &error),
    }
}

/// The item as written (less argument attributes), followed by its mock.
fn emit(mut input: parse::Input) -> Result<TokenStream, syn::Error> {
    let runtime = crate::names::Runtime::new(input.options.krate.as_ref());
    let lowered = lower::lower(&input)?;
    let mut out = match &mut input.item {
        Annotated::Trait(item) => {
            diag::strip_argument_attrs(item);
            item.to_token_stream()
        }
        Annotated::Impl(item) => item.to_token_stream(),
        Annotated::Struct(item) => item.to_token_stream(),
    };
    out.extend(match lowered {
        lower::Lowered::Mock(spec) => codegen::emit(&spec, &runtime),
        lower::Lowered::Joined(spec) => codegen::joined::emit(&spec, &runtime),
    });
    Ok(out)
}
