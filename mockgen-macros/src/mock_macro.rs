//! `mock!`: a mock of traits the user cannot annotate (std's, other
//! crates'), from the signatures written in the macro.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned as _;

use crate::diag::Errors;
use crate::lower::{self, TraitDecl};
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
    let decls: Vec<TraitDecl<'_>> = input
        .impls
        .iter()
        .zip(&given)
        .map(|(mock_impl, (types, consts))| TraitDecl {
            path: mock_impl.trait_path.clone(),
            linkable: false,
            unsafety: mock_impl.unsafety,
            attrs: &mock_impl.attrs,
            items: &mock_impl.items,
            given_types: types,
            given_consts: consts,
        })
        .collect();
    let mock_ident = names::mock_ident(&input.ident);
    let generics = bounds::with_static_type_params(&input.generics);
    let (impls, methods) = lower::lower_impls(
        &mock_ident,
        &generics,
        &decls,
        &lower::ArgOverrides::NONE,
        &mut errors,
    );
    errors.finish()?;
    Ok(MockSpec {
        vis: input.vis.clone(),
        mock_ident,
        generics,
        impls,
        methods,
        origin: "mock!",
        strict: false,
        inherent_self: None,
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

fn check_self_type(input: &MockInput, mock_impl: &MockImpl, errors: &mut Errors) {
    let names_mock = matches!(&mock_impl.self_ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == input.ident));
    if !names_mock {
        errors.push(
            mock_impl.self_ty.span(),
            &format!(
                "implement the traits for the mock itself: `impl Trait for {}`",
                input.ident
            ),
        );
    }
}
