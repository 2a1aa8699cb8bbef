//! Runs the stages in order; the only place that turns errors into tokens.

use proc_macro2::TokenStream;
use quote::ToTokens as _;

use crate::{codegen, diag, lower, parse};

/// `#[automock]`: the trait as written, followed by its mock.
pub(crate) fn automock(args: TokenStream, item: TokenStream) -> TokenStream {
    let result = parse::input(args, item.clone()).and_then(|input| {
        let spec = lower::mock_spec(&input)?;
        Ok((input, spec))
    });
    match result {
        Ok((mut input, spec)) => {
            let runtime = crate::names::Runtime::new(input.options.krate.as_ref());
            diag::strip_argument_attrs(&mut input.item);
            let mut out = input.item.to_token_stream();
            out.extend(codegen::emit(&spec, &runtime));
            out
        }
        Err(error) => diag::fallback(item, &error),
    }
}
