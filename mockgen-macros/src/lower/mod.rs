//! Stage 2: the parsed trait becomes a [`MockSpec`], with every unsupported
//! shape reported at its tokens (all of them at once).

mod arg;
mod assoc;
pub(crate) mod bounds;
pub(crate) mod context;
mod dyn_compatible;
mod erased;
mod impls;
mod inherent;
mod joined;
pub(crate) mod lending;
mod method;
mod output;
mod rejected;
mod shared;

use crate::diag::Errors;
use crate::model::{JoinedSpec, MockSpec};
use crate::names;
use crate::parse::{Annotated, Input, Macro};

pub(crate) use bounds::Bounds;
pub(crate) use context::{ArgOverrides, Context};
pub(crate) use impls::{TraitDecl, lower_impls, reject_lifetime_params};
pub(crate) use inherent::self_type_to_self;
pub(crate) use method::lower as lower_method;

/// What an attribute's item lowers to.
pub(crate) enum Lowered {
    /// A mock of its own: of a trait, or of an `impl` block.
    Mock(MockSpec),
    /// A struct's mock, which its `impl` blocks join.
    Joined(JoinedSpec),
}

/// Builds the model of `input.item`'s mock.
pub(crate) fn lower(input: &Input) -> Result<Lowered, syn::Error> {
    match &input.item {
        Annotated::Trait(item) => {
            trait_spec(input, item, input.which == Macro::Autospec).map(Lowered::Mock)
        }
        Annotated::Impl(item) => inherent::mock_spec(input, item).map(Lowered::Mock),
        Annotated::Struct(item) => {
            let blocks: Vec<syn::Path> = input
                .options
                .blocks
                .as_ref()
                .map(|list| list.iter().cloned().collect())
                .unwrap_or_default();
            joined::joined_spec(input, item, &blocks).map(Lowered::Joined)
        }
    }
}

/// Builds the model of the mock of trait `item`; `strict` for
/// `#[autospec]`.
pub(crate) fn trait_spec(
    input: &Input,
    item: &syn::ItemTrait,
    strict: bool,
) -> Result<MockSpec, syn::Error> {
    let mut errors = Errors::default();
    let mock_ident = input
        .options
        .mock
        .clone()
        .unwrap_or_else(|| names::mock_ident(&item.ident));
    // The mock is not generic over the trait's lifetimes: it implements
    // the trait for every one of them.
    let lifetimes: Vec<syn::LifetimeParam> = item.generics.lifetimes().cloned().collect();
    let trait_generics = bounds::with_static_type_params(&item.generics);
    let (_, trait_ty_generics, _) = trait_generics.split_for_impl();
    let mut generics = trait_generics.clone();
    generics.params = trait_generics
        .params
        .iter()
        .filter(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
        .cloned()
        .collect();
    let trait_ident = &item.ident;
    let trait_impl = TraitDecl {
        path: syn::parse_quote!(#trait_ident #trait_ty_generics),
        linkable: true,
        unsafety: item.unsafety,
        attrs: &item.attrs,
        items: &item.items,
        given_types: &input.assoc_types,
        given_consts: &input.assoc_consts,
    };
    let overrides = input.options.overrides();
    let (mut impls, methods) = lower_impls(
        &mock_ident,
        &generics,
        &[trait_impl],
        &overrides,
        &mut errors,
    );
    errors.finish()?;
    let async_trait = impls::async_trait_attr(&item.attrs).is_some();
    impls[0].dyn_compatible = dyn_compatible::is(item, async_trait);
    impls[0].lifetimes = lifetimes;
    impls[0].requires_sync = dyn_compatible::requires_sync(item);
    Ok(MockSpec {
        vis: item.vis.clone(),
        mock_ident,
        generics,
        impls,
        methods,
        origin: if strict { "#[autospec]" } else { "#[automock]" },
        strict,
        inherent_self: None,
        block: None,
    })
}
