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
    let result = parse::input(args, item.clone(), which).and_then(|input| {
        let spec = lower::mock_spec(&input, which == Macro::Autospec)?;
        Ok((input, spec))
    });
    match result {
        Ok((mut input, spec)) => {
            let runtime = crate::names::Runtime::new(input.options.krate.as_ref());
            let mut out = match &mut input.item {
                Annotated::Trait(item) => {
                    diag::strip_argument_attrs(item);
                    item.to_token_stream()
                }
                Annotated::Impl(item) => item.to_token_stream(),
            };
            out.extend(codegen::emit(&spec, &runtime));
            out
        }
        Err(error) => diag::fallback(item, &error),
    }
}
