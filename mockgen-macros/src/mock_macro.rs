//! `mock!`: a mock of traits the user cannot annotate (std's, other
//! crates') and of a foreign struct's own methods, from the signatures
//! written in the macro.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned as _;

use crate::diag::Errors;
use crate::lower::{self, TraitDecl};
use crate::mock_blocks::BlockParts;
use crate::model::MockSpec;
use crate::names::{self, Runtime};
use crate::parse_mock::{MockImpl, MockInput};
use crate::{codegen, lower::bounds};

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<MockInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    match mock_spec(&input) {
        Ok(spec) => {
            let attrs = input
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("doc") || a.path().is_ident("cfg"));
            let out = codegen::emit(&spec, &Runtime::new(None));
            quote!(#(#attrs)* #out)
        }
        Err(error) => error.to_compile_error(),
    }
}

fn mock_spec(input: &MockInput) -> Result<MockSpec, syn::Error> {
    let mut errors = Errors::default();
    lower::reject_lifetime_params(&input.generics, &mut errors);
    for mock_impl in &input.impls {
        check_self_type(input, mock_impl, &mut errors);
    }
    let given: Vec<(Vec<syn::TraitItemType>, Vec<syn::TraitItemConst>)> =
        input.impls.iter().map(|i| given_items(&i.items)).collect();
    let mut generics = bounds::with_static_type_params(&input.generics);
    let blocks: Vec<BlockParts> = input
        .impls
        .iter()
        .map(|i| BlockParts::of(i, &mut generics, &mut errors))
        .collect();
    let own_items: Vec<Vec<syn::TraitItem>> = input
        .impls
        .iter()
        .zip(&blocks)
        .map(|(i, block)| match &i.trait_path {
            Some(_) => block.items(&i.items),
            None => block.items(&inherent_items(i, &mut errors)),
        })
        .collect();
    let decls: Vec<TraitDecl<'_>> = input
        .impls
        .iter()
        .zip(&given)
        .zip(&own_items)
        .map(
            |((mock_impl, (types, consts)), own)| match &mock_impl.trait_path {
                Some(path) => TraitDecl {
                    path: path.clone(),
                    linkable: false,
                    unsafety: mock_impl.unsafety,
                    attrs: &mock_impl.attrs,
                    items: own,
                    given_types: types,
                    given_consts: consts,
                },
                None => TraitDecl {
                    path: input.ident.clone().into(),
                    linkable: false,
                    unsafety: None,
                    attrs: &mock_impl.attrs,
                    items: own,
                    given_types: &[],
                    given_consts: &[],
                },
            },
        )
        .collect();
    let mock_ident = names::mock_ident(&input.ident);
    let (mut impls, mut methods) = lower::lower_impls(
        &mock_ident,
        &generics,
        &decls,
        &lower::ArgOverrides::NONE,
        &mut errors,
    );
    errors.finish()?;
    for (index, (trait_impl, mock_impl)) in impls.iter_mut().zip(&input.impls).enumerate() {
        trait_impl.inherent = mock_impl.trait_path.is_none();
        blocks[index].finish(trait_impl, &mut methods, index);
    }
    // The mock stands in for the foreign struct: its own methods are as
    // visible as the mock unless they say otherwise.
    for method in &mut methods {
        if impls[method.impl_index].inherent {
            method.vis = written_vis(&input.impls[method.impl_index], &method.ident)
                .unwrap_or_else(|| input.vis.clone());
        }
    }
    Ok(MockSpec {
        vis: input.vis.clone(),
        mock_ident,
        generics,
        impls,
        methods,
        origin: "mock!",
        strict: false,
        inherent_self: None,
        block: None,
    })
}

/// In `mock!`, `type Item = u32;` and `const N: usize = 3;` both declare the
/// item and give its value.
fn given_items(items: &[syn::TraitItem]) -> (Vec<syn::TraitItemType>, Vec<syn::TraitItemConst>) {
    let types = items
        .iter()
        .filter_map(|item| match item {
            syn::TraitItem::Type(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let consts = items
        .iter()
        .filter_map(|item| match item {
            syn::TraitItem::Const(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    (types, consts)
}

/// The methods of an inherent block (`impl Client { fn new(url: &str) ->
/// Client; }`), with the struct's own name written as `Self`, as
/// `#[autospec]` reads an `impl` block; empty for a trait's block.
fn inherent_items(mock_impl: &MockImpl, errors: &mut Errors) -> Vec<syn::TraitItem> {
    if mock_impl.trait_path.is_some() {
        return Vec::new();
    }
    let mut items = Vec::new();
    for item in &mock_impl.items {
        match item {
            syn::TraitItem::Fn(method) => {
                let mut method = method.clone();
                lower::self_type_to_self(&mock_impl.self_ty, &mut method.sig);
                items.push(syn::TraitItem::Fn(method));
            }
            other => errors.push(
                other.span(),
                "an inherent `impl` in `mock!` holds methods and associated functions only (associated types and consts belong to a trait's `impl`)",
            ),
        }
    }
    items
}

/// The visibility written before method `ident` of an inherent block, if
/// any.
fn written_vis(mock_impl: &MockImpl, ident: &syn::Ident) -> Option<syn::Visibility> {
    mock_impl
        .items
        .iter()
        .zip(&mock_impl.item_vis)
        .find(|(item, _)| matches!(item, syn::TraitItem::Fn(f) if f.sig.ident == *ident))
        .map(|(_, vis)| vis.clone())
        .filter(|vis| !matches!(vis, syn::Visibility::Inherited))
}

fn check_self_type(input: &MockInput, mock_impl: &MockImpl, errors: &mut Errors) {
    if mock_impl.trait_path.is_some() {
        for vis in &mock_impl.item_vis {
            if !matches!(vis, syn::Visibility::Inherited) {
                errors.push(
                    vis.span(),
                    "the items of a trait's `impl` take no visibility (they have the trait's)",
                );
            }
        }
    }
    let names_mock = matches!(&mock_impl.self_ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == input.ident));
    if names_mock {
        return;
    }
    let message = match &mock_impl.trait_path {
        Some(_) => format!(
            "implement the traits for the mock itself: `impl Trait for {}`",
            input.ident
        ),
        None => format!(
            "an inherent `impl` in `mock!` is for the mock itself: `impl {} {{ … }}`",
            input.ident
        ),
    };
    errors.push(mock_impl.self_ty.span(), &message);
}
