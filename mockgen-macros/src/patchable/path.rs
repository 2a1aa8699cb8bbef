//! `patch!(path)` and `patch_global!(path, configure)`: the last segment is
//! rewritten to the companion that `#[patchable]` generated beside the
//! function.
//!
//! ```text
//! patch!(weather::fetch_temperature)
//!   →  weather::__mockgen_patchable_fetch_temperature().__local("weather::fetch_temperature")
//! patch_global!(weather::station_count, |count| count.return_value(7))
//!   →  weather::__mockgen_patchable_station_count()
//!          .__global("weather::station_count", |count| count.return_value(7))
//! patch!(parse::<u32>)
//!   →  __mockgen_patchable_parse::<u32>().__local("parse::<u32>")
//! patch!(Cache::<u8>::get)
//!   →  Cache::<u8>::__mockgen_patchable_get().__local("Cache::<u8>::get")
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};

use super::names as patch_names;

const EXPECTED: &str = "expected the path of a `#[patchable]` function, e.g. `patch!(weather::fetch_temperature)` or `patch!(Database::query)`";

const NEEDS_CONFIGURATION: &str = "`patch_global!` takes the patch's configuration after the path, so that other threads never see the patch unconfigured: `patch_global!(weather::station_count, |count| count.return_value(7))`; `|_| {}` answers with the defaults";

struct Target(syn::Path);

impl Parse for Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(EXPECTED));
        }
        let path: syn::Path = input
            .parse()
            .map_err(|error| syn::Error::new(error.span(), EXPECTED))?;
        for segment in &path.segments {
            if let syn::PathArguments::Parenthesized(args) = &segment.arguments {
                return Err(syn::Error::new_spanned(args, EXPECTED));
            }
        }
        Ok(Target(path))
    }
}

/// `patch!(path)`.
struct Local(syn::Path);

impl Parse for Local {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let Target(path) = input.parse()?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after the path: `patch!` takes one function path")
            );
        }
        Ok(Local(path))
    }
}

/// `patch_global!(path, configure)`.
struct Global(syn::Path, syn::Expr);

impl Parse for Global {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let Target(path) = input.parse()?;
        if input.is_empty() {
            return Err(syn::Error::new_spanned(&path, NEEDS_CONFIGURATION));
        }
        input.parse::<syn::Token![,]>()?;
        let configure: syn::Expr = input.parse()?;
        let _ = input.parse::<Option<syn::Token![,]>>()?;
        if !input.is_empty() {
            return Err(input.error(
                "unexpected tokens after the configuration: `patch_global!` takes a function path and a closure that configures the patch",
            ));
        }
        Ok(Global(path, configure))
    }
}

pub(crate) fn expand(input: TokenStream, global: bool) -> TokenStream {
    let parsed = if global {
        syn::parse2(input).map(|Global(path, configure)| (path, Some(configure)))
    } else {
        syn::parse2(input).map(|Local(path)| (path, None))
    };
    let (mut path, configure) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return error.to_compile_error(),
    };
    let name = written(&path);
    let last = path
        .segments
        .last_mut()
        .expect("invariant: a parsed path has at least one segment");
    last.ident = patch_names::companion(&last.ident);
    // `parse::<u32>` and `parse<u32>`, `Cache::<u8>::get` and
    // `Cache<u8>::get` alike: in an expression, type arguments take a
    // turbofish.
    for segment in &mut path.segments {
        if let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments {
            args.colon2_token = Some(Default::default());
        }
    }
    match configure {
        Some(configure) => quote!(#path().__global(#name, #configure)),
        None => quote!(#path().__local(#name)),
    }
}

/// The path as messages print it: `weather::fetch_temperature`,
/// `parse::<u32>`.
fn written(path: &syn::Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(args) => {
                let args: Vec<String> = args
                    .args
                    .iter()
                    .map(|arg| match arg {
                        syn::GenericArgument::Type(ty) => crate::names::type_text(ty),
                        other => quote!(#other).to_string(),
                    })
                    .collect();
                format!("{}::<{}>", s.ident.unraw(), args.join(", "))
            }
            _ => s.ident.unraw().to_string(),
        })
        .collect();
    let leading = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    format!("{leading}{}", segments.join("::"))
}
