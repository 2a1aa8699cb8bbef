//! `#[autospec]` on an inherent `impl` block: its public methods and
//! associated functions become the mock's own, with handles like a trait
//! mock's.

use syn::spanned::Spanned as _;
use syn::visit_mut::VisitMut;
use syn::{ImplItem, TraitItem, TraitItemFn, Type};

use super::bounds;
use super::impls::{TraitDecl, lower_impls, reject_lifetime_params};
use crate::diag::Errors;
use crate::model::MockSpec;
use crate::names;
use crate::parse::Input;

pub(super) fn mock_spec(input: &Input, item: &syn::ItemImpl) -> Result<MockSpec, syn::Error> {
    let mut errors = Errors::default();
    reject_lifetime_params(&item.generics, &mut errors);
    let self_path = match &*item.self_ty {
        Type::Path(path) if path.qself.is_none() => path.path.clone(),
        other => {
            return Err(syn::Error::new(
                other.span(),
                "`#[autospec]` mocks `impl Name { … }` blocks of a named type",
            ));
        }
    };
    let self_ident = &self_path
        .segments
        .last()
        .expect("invariant: a type path has a segment")
        .ident;
    let mock_ident = input
        .options
        .mock
        .clone()
        .unwrap_or_else(|| names::mock_ident(self_ident));
    let sources: Vec<&syn::ImplItemFn> = item
        .items
        .iter()
        .filter_map(|item| match item {
            ImplItem::Fn(f) => Some(f),
            _ => None,
        })
        .collect();
    if sources.is_empty() {
        errors.push(
            item.self_ty.span(),
            "`#[autospec]` found no method to mock in this block",
        );
    }
    let items: Vec<TraitItem> = sources
        .iter()
        .map(|f| {
            let attrs = f
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("doc") || a.path().is_ident("cfg"))
                .cloned()
                .collect();
            let mut sig = f.sig.clone();
            self_type_to_self(&item.self_ty, &mut sig);
            TraitItem::Fn(TraitItemFn {
                attrs,
                sig,
                default: None,
                semi_token: Some(Default::default()),
            })
        })
        .collect();
    let generics = bounds::with_static_type_params(&item.generics);
    let decl = TraitDecl {
        path: self_path.clone(),
        linkable: false,
        unsafety: None,
        attrs: &item.attrs,
        items: &items,
        given_types: &[],
        given_consts: &[],
    };
    let overrides = input.options.overrides();
    let (mut impls, mut methods) =
        lower_impls(&mock_ident, &generics, &[decl], &overrides, &mut errors);
    errors.finish()?;
    for trait_impl in &mut impls {
        trait_impl.inherent = true;
    }
    for method in &mut methods {
        if let Some(source) = sources.iter().find(|f| f.sig.ident == method.ident) {
            method.vis = source.vis.clone();
        }
    }
    super::shared::share_markers(&mut methods);
    Ok(MockSpec {
        vis: syn::parse_quote!(pub(crate)),
        mock_ident,
        generics,
        impls,
        methods,
        origin: "#[autospec]",
        strict: false,
        inherent_self: Some((*item.self_ty).clone()),
    })
}

/// Writes the mocked type's own name as `Self` (`fn connect(url: &str) ->
/// Database` returns the mock).
pub(crate) fn self_type_to_self(own: &Type, sig: &mut syn::Signature) {
    SelfTypeToSelf(own).visit_signature_mut(sig);
}

struct SelfTypeToSelf<'a>(&'a Type);

impl VisitMut for SelfTypeToSelf<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if quote::quote!(#ty).to_string() == {
            let own = self.0;
            quote::quote!(#own).to_string()
        } {
            *ty = syn::parse_quote!(Self);
            return;
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
}
