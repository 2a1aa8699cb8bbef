//! Stage 1: the attribute's options (darling) and the annotated item (syn).

use darling::FromMeta;
use darling::ast::NestedMeta;
use proc_macro2::TokenStream;
use syn::spanned::Spanned as _;

/// `#[automock(…)]` options.
#[derive(Debug, Default, FromMeta)]
#[darling(default)]
pub(crate) struct Options {
    /// Path of the `mockgen` crate, for crates that re-export it.
    #[darling(rename = "crate")]
    pub(crate) krate: Option<syn::Path>,
    /// Name of the generated mock type, instead of `Mock<Trait>`.
    pub(crate) mock: Option<syn::Ident>,
}

/// What `#[automock]` was given.
pub(crate) struct Input {
    pub(crate) options: Options,
    pub(crate) item: syn::ItemTrait,
}

/// Parses the options and the trait, reporting problems with both at once.
pub(crate) fn input(args: TokenStream, item: TokenStream) -> Result<Input, syn::Error> {
    let mut errors = darling::Error::accumulator();
    let options = errors
        .handle(NestedMeta::parse_meta_list(args).map_err(darling::Error::from))
        .and_then(|metas| errors.handle(Options::from_list(&metas)));
    let item = match syn::parse2::<syn::Item>(item) {
        Ok(syn::Item::Trait(item)) => Some(item),
        Ok(other) => {
            errors.push(
                darling::Error::custom(
                    "`#[automock]` goes on a trait; for an inherent `impl` block use `#[autospec]`, for a trait you cannot annotate use `mock!`",
                )
                .with_span(&item_head_span(&other)),
            );
            None
        }
        Err(error) => {
            errors.push(error.into());
            None
        }
    };
    errors.finish().map_err(into_syn_error)?;
    match (options, item) {
        (Some(options), Some(item)) => Ok(Input { options, item }),
        _ => unreachable!("invariant: an accumulator without errors yields both parts"),
    }
}

/// The span of an item's keyword and name, where "not a trait" points.
fn item_head_span(item: &syn::Item) -> proc_macro2::Span {
    match item {
        syn::Item::Struct(s) => s
            .struct_token
            .span
            .join(s.ident.span())
            .unwrap_or(s.ident.span()),
        syn::Item::Enum(e) => e
            .enum_token
            .span
            .join(e.ident.span())
            .unwrap_or(e.ident.span()),
        syn::Item::Fn(f) => f.sig.span(),
        syn::Item::Impl(i) => i.impl_token.span,
        other => other.span(),
    }
}

/// darling errors carry their own spans; turn them into one `syn::Error`.
pub(crate) fn into_syn_error(error: darling::Error) -> syn::Error {
    let mut errors = error.into_iter().map(|e| {
        let span = e.span();
        syn::Error::new(span, e.to_string())
    });
    let mut first = errors
        .next()
        .expect("invariant: a darling error holds at least one error");
    for error in errors {
        first.combine(error);
    }
    first
}
