//! Stage 2: the parsed trait becomes a [`MockSpec`], with every unsupported
//! shape reported at its tokens (all of them at once).

mod arg;
mod assoc;
mod bounds;
mod method;
mod output;

use std::collections::BTreeMap;

use syn::spanned::Spanned as _;
use syn::{GenericParam, TraitItem, Type};

use crate::diag::Errors;
use crate::model::MockSpec;
use crate::names;
use crate::parse::Input;

pub(crate) use bounds::Bounds;

/// What lowering a method needs to know about the trait.
pub(crate) struct Context<'a> {
    pub(crate) mock_ty: &'a Type,
    pub(crate) assoc: &'a BTreeMap<String, Type>,
    pub(crate) bounds: &'a Bounds,
    /// `Some(send)` when the trait is under `#[async_trait]`.
    pub(crate) async_trait: Option<bool>,
}

/// Builds the model of the mock of `input.item`.
pub(crate) fn mock_spec(input: &Input) -> Result<MockSpec, syn::Error> {
    let item = &input.item;
    let mut errors = Errors::default();
    for param in &item.generics.params {
        if let GenericParam::Lifetime(lifetime) = param {
            errors.push(
                lifetime.span(),
                "traits with lifetime parameters cannot be mocked: the mock keeps what it records, so it cannot borrow",
            );
        }
    }
    let mock_ident = input
        .options
        .mock
        .clone()
        .unwrap_or_else(|| names::mock_ident(&item.ident));
    let generics = bounds::with_static_type_params(&item.generics);
    let (_, ty_generics, _) = generics.split_for_impl();
    let mock_ty: Type = syn::parse_quote!(#mock_ident #ty_generics);
    let (assoc_types, assoc_consts) = assoc::lower(input, &mut errors);
    let assoc_map: BTreeMap<String, Type> = assoc_types
        .iter()
        .map(|a| (a.ident.to_string(), a.ty.clone()))
        .collect();
    let trait_bounds = Bounds::of(&generics);
    let cx = Context {
        mock_ty: &mock_ty,
        assoc: &assoc_map,
        bounds: &trait_bounds,
        async_trait: async_trait_attr(&item.attrs),
    };
    let mut methods = Vec::new();
    for trait_item in &item.items {
        match trait_item {
            TraitItem::Fn(method) => {
                if let Some(method) = method::lower(method, &cx, &mut errors) {
                    methods.push(method);
                }
            }
            TraitItem::Type(_) | TraitItem::Const(_) => {}
            other => errors.push(other.span(), "`#[automock]` cannot mock this trait item"),
        }
    }
    errors.finish()?;
    Ok(MockSpec {
        vis: item.vis.clone(),
        trait_ident: item.ident.clone(),
        mock_ident,
        unsafety: item.unsafety,
        generics,
        assoc_types,
        assoc_consts,
        methods,
    })
}

/// `Some(send)` for `#[async_trait]` (`send` false under `?Send`).
fn async_trait_attr(attrs: &[syn::Attribute]) -> Option<bool> {
    let attr = attrs.iter().find(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "async_trait")
    })?;
    let args = match &attr.meta {
        syn::Meta::List(list) => list.tokens.to_string(),
        _ => String::new(),
    };
    Some(!args.replace(' ', "").contains("?Send"))
}
