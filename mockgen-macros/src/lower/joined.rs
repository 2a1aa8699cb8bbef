//! `#[autospec(blocks(…))]` on a struct: the mock that its `impl` blocks
//! join into (each block brings its methods, see `inherent`).

use std::collections::HashSet;

use crate::diag::Errors;
use crate::model::JoinedSpec;
use crate::names;
use crate::parse::Input;

use super::bounds;

pub(super) fn joined_spec(
    input: &Input,
    item: &syn::ItemStruct,
    blocks: &[syn::Path],
) -> Result<JoinedSpec, syn::Error> {
    let mut errors = Errors::default();
    if blocks.is_empty() {
        errors.push(
            item.ident.span(),
            "`#[autospec(blocks(…))]` lists the struct's `impl` blocks: name at least one",
        );
    }
    let mut seen = HashSet::new();
    for path in blocks {
        let name = path.segments.last().map(|s| s.ident.to_string());
        if !seen.insert(name) {
            errors.push(
                syn::spanned::Spanned::span(path),
                "this block is listed already: each `impl` block has a name of its own",
            );
        }
    }
    errors.finish()?;
    let mock_ident = input
        .options
        .mock
        .clone()
        .unwrap_or_else(|| names::mock_ident(&item.ident));
    let generics = bounds::mock_generics(&item.generics);
    let ident = &item.ident;
    let args = item.generics.params.iter().map(|p| match p {
        syn::GenericParam::Lifetime(l) => {
            let l = &l.lifetime;
            quote::quote!(#l)
        }
        syn::GenericParam::Type(t) => {
            let t = &t.ident;
            quote::quote!(#t)
        }
        syn::GenericParam::Const(c) => {
            let c = &c.ident;
            quote::quote!(#c)
        }
    });
    let real_ty = if item.generics.params.is_empty() {
        syn::parse_quote!(#ident)
    } else {
        syn::parse_quote!(#ident<#(#args),*>)
    };
    Ok(JoinedSpec {
        vis: syn::parse_quote!(pub(crate)),
        mock_ident,
        generics,
        real_ty,
        spyable: item.generics.lifetimes().next().is_none(),
        blocks: blocks.to_vec(),
    })
}
