//! Lowering the traits a mock implements: their associated items and
//! methods, checked together (a method name may appear once).

use std::collections::BTreeMap;

use syn::spanned::Spanned as _;
use syn::{GenericParam, TraitItem, Type};

use super::bounds::Bounds;
use super::context::{ArgOverrides, Context};
use super::{assoc, method, shared};
use crate::diag::Errors;
use crate::model::{AssocType, MockMethod, TraitImpl};

/// One trait to implement, as the macros received it.
pub(crate) struct TraitDecl<'a> {
    pub(crate) path: syn::Path,
    pub(crate) linkable: bool,
    pub(crate) unsafety: Option<syn::token::Unsafe>,
    pub(crate) attrs: &'a [syn::Attribute],
    pub(crate) items: &'a [TraitItem],
    pub(crate) given_types: &'a [syn::TraitItemType],
    pub(crate) given_consts: &'a [syn::TraitItemConst],
}

pub(crate) fn reject_lifetime_params(generics: &syn::Generics, errors: &mut Errors) {
    for param in &generics.params {
        if let GenericParam::Lifetime(lifetime) = param {
            errors.push(
                lifetime.span(),
                "a mock cannot be generic over a lifetime (it keeps what it records); with `mock!`, give the lifetime to the `impl` instead: `impl<'a> Trait<'a> for Name { … }`",
            );
        }
    }
}

/// Lowers every trait's associated items and methods; a method name used
/// by two traits is an error (the handles are fields named after methods).
pub(crate) fn lower_impls(
    mock_ident: &syn::Ident,
    generics: &syn::Generics,
    decls: &[TraitDecl<'_>],
    overrides: &ArgOverrides,
    errors: &mut Errors,
) -> (Vec<TraitImpl>, Vec<MockMethod>) {
    let (_, ty_generics, _) = generics.split_for_impl();
    let mock_ty: Type = syn::parse_quote!(#mock_ident #ty_generics);
    let bounds = Bounds::of(generics);
    let mut impls = Vec::new();
    let mut methods: Vec<MockMethod> = Vec::new();
    for (impl_index, decl) in decls.iter().enumerate() {
        let (assoc_types, assoc_consts) =
            assoc::lower(decl.items, decl.given_types, decl.given_consts, errors);
        let assoc_map: BTreeMap<String, AssocType> = assoc_types
            .iter()
            .map(|a| (a.ident.to_string(), a.clone()))
            .collect();
        let cx = Context {
            mock_ty: &mock_ty,
            assoc: &assoc_map,
            bounds: &bounds,
            async_trait: async_trait_attr(decl.attrs),
            overrides,
            formatting_trait: is_formatting_trait(&decl.path),
        };
        for trait_item in decl.items {
            match trait_item {
                TraitItem::Fn(method) => {
                    let cfg_gated =
                        |attrs: &[syn::Attribute]| attrs.iter().any(|a| a.path().is_ident("cfg"));
                    let clash = methods.iter().any(|m| {
                        m.ident == method.sig.ident
                            && (m.cfgs.is_empty() || !cfg_gated(&method.attrs))
                    });
                    if clash {
                        errors.push(
                            method.sig.ident.span(),
                            "a method of this name is mocked already (handles are named after methods); mock the traits in separate mocks",
                        );
                    } else if let Some(mut method) = method::lower(method, &cx, errors) {
                        method.impl_index = impl_index;
                        methods.push(method);
                    }
                }
                TraitItem::Type(_) | TraitItem::Const(_) => {}
                other => errors.push(other.span(), "this trait item cannot be mocked"),
            }
        }
        impls.push(TraitImpl {
            path: decl.path.clone(),
            linkable: decl.linkable,
            inherent: false,
            unsafety: decl.unsafety,
            lifetimes: Vec::new(),
            assoc_types,
            assoc_consts,
            cfgs: Vec::new(),
            own_params: Vec::new(),
            dyn_compatible: false,
            requires_sync: false,
        });
    }
    shared::share_markers(&mut methods);
    (impls, methods)
}

/// `Display`, `Debug` and the other traits of `std::fmt` with a `fmt`
/// method, by name.
fn is_formatting_trait(path: &syn::Path) -> bool {
    const NAMES: [&str; 9] = [
        "Display", "Debug", "Binary", "Octal", "LowerHex", "UpperHex", "LowerExp", "UpperExp",
        "Pointer",
    ];
    path.segments
        .last()
        .is_some_and(|s| NAMES.iter().any(|name| s.ident == name))
}

/// `Some(send)` for `#[async_trait]` (`send` false under `?Send`).
pub(crate) fn async_trait_attr(attrs: &[syn::Attribute]) -> Option<bool> {
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
