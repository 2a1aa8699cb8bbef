//! `patch!(path)` and `patch_global!(path)`: the last segment is rewritten
//! to the companion that `#[patchable]` generated beside the function.
//!
//! ```text
//! patch!(weather::fetch_temperature)
//!   →  weather::__mockgen_patchable_fetch_temperature().__local("weather::fetch_temperature")
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};

use super::names as patch_names;

const EXPECTED: &str = "expected the path of a `#[patchable]` function, e.g. `patch!(weather::fetch_temperature)` or `patch!(Database::query)`";

struct Target(syn::Path);

impl Parse for Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(EXPECTED));
        }
        let path: syn::Path = input
            .parse()
            .map_err(|error| syn::Error::new(error.span(), EXPECTED))?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after the path: `patch!` takes one function path")
            );
        }
        for segment in &path.segments {
            if !segment.arguments.is_none() {
                return Err(syn::Error::new_spanned(
                    &segment.arguments,
                    "generic functions and types cannot be patched yet",
                ));
            }
        }
        Ok(Target(path))
    }
}

pub(crate) fn expand(input: TokenStream, global: bool) -> TokenStream {
    let Target(mut path) = match syn::parse2(input) {
        Ok(target) => target,
        Err(error) => return error.to_compile_error(),
    };
    let name = written(&path);
    let last = path
        .segments
        .last_mut()
        .expect("invariant: a parsed path has at least one segment");
    last.ident = patch_names::companion(&last.ident);
    let start = if global {
        quote!(__global)
    } else {
        quote!(__local)
    };
    quote!(#path().#start(#name))
}

/// The path as messages print it: `weather::fetch_temperature`.
fn written(path: &syn::Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|s| s.ident.unraw().to_string())
        .collect();
    let leading = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    format!("{leading}{}", segments.join("::"))
}
