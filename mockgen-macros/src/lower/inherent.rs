//! `#[autospec]` on an `impl` block: its methods and associated functions,
//! whatever their visibility, become the mock's own, with handles like a
//! trait mock's. With `block = Name`, the block is one of several (a trait
//! impl among them) that join into the struct's mock (see `joined`).

use syn::spanned::Spanned as _;
use syn::visit_mut::VisitMut;
use syn::{ImplItem, TraitItem, TraitItemFn, Type};

use super::bounds;
use super::impls::{TraitDecl, lower_impls};
use crate::diag::Errors;
use crate::model::{MockSpec, Recording};
use crate::names;
use crate::parse::{Input, Macro};

pub(super) fn mock_spec(input: &Input, item: &syn::ItemImpl) -> Result<MockSpec, syn::Error> {
    let mut errors = Errors::default();
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
    // A trait impl may give only associated items: the trait's default
    // methods are the mock's.
    if sources.is_empty() && item.trait_.is_none() {
        errors.push(
            item.self_ty.span(),
            "`#[autospec]` found no method to mock in this block",
        );
    }
    let mut items: Vec<TraitItem> = sources
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
    // A trait impl's associated types: declared, and given as written.
    let given_types: Vec<syn::TraitItemType> = item
        .items
        .iter()
        .filter_map(|item| match item {
            ImplItem::Type(t) => {
                let (ident, ty) = (&t.ident, &t.ty);
                let (params, clause) = (&t.generics, &t.generics.where_clause);
                Some(syn::parse_quote!(type #ident #params = #ty #clause;))
            }
            _ => None,
        })
        .collect();
    items.extend(given_types.iter().map(|t| {
        let (ident, params) = (&t.ident, &t.generics);
        TraitItem::Type(syn::parse_quote!(type #ident #params;))
    }));
    // Its associated consts likewise.
    let given_consts: Vec<syn::TraitItemConst> = item
        .items
        .iter()
        .filter_map(|item| match item {
            ImplItem::Const(c) => {
                let (ident, ty, value) = (&c.ident, &c.ty, &c.expr);
                Some(syn::parse_quote!(const #ident: #ty = #value;))
            }
            _ => None,
        })
        .collect();
    items.extend(given_consts.iter().map(|c| {
        let (ident, ty) = (&c.ident, &c.ty);
        TraitItem::Const(syn::parse_quote!(const #ident: #ty;))
    }));
    // The mock is not generic over the block's lifetimes (it keeps what it
    // records): its methods are mocked for every lifetime, `impl<'a>
    // MockParser`. An anonymous one (`impl Column<'_, i32>`) is named.
    let (self_ty, lifetimes) = named_lifetimes(item);
    let generics = bounds::mock_generics(&item.generics);
    let (path, inherent) = match &item.trait_ {
        Some((_, path, _)) => (path.clone(), false),
        None => (self_path.clone(), true),
    };
    let decl = TraitDecl {
        path,
        linkable: false,
        unsafety: item.unsafety,
        attrs: &item.attrs,
        items: &items,
        given_types: &given_types,
        given_consts: &given_consts,
    };
    let overrides = input.options.overrides();
    let (mut impls, mut methods) =
        lower_impls(&mock_ident, &generics, &[decl], &overrides, &mut errors);
    errors.finish()?;
    for trait_impl in &mut impls {
        trait_impl.inherent = inherent;
        trait_impl.lifetimes.clone_from(&lifetimes);
    }
    for method in &mut methods {
        if let Some(source) = sources.iter().find(|f| f.sig.ident == method.ident) {
            if inherent {
                method.vis = source.vis.clone();
            }
        }
        if input.options.block.is_some() {
            // The joined mock's handles are reached through its blocks, not
            // from one `Deref` to the mock-level state that matching a mock
            // by identity needs.
            for arg in &mut method.args {
                if matches!(arg.recording, Recording::SameMock { .. }) {
                    arg.recording = Recording::Opaque;
                }
            }
        }
    }
    super::shared::share_markers(&mut methods);
    Ok(MockSpec {
        vis: syn::parse_quote!(pub(crate)),
        mock_ident,
        generics,
        impls,
        methods,
        origin: match input.which {
            Macro::Automock => "#[automock]",
            Macro::Autospec => "#[autospec]",
        },
        strict: false,
        // A spy keeps its real value, which must be `'static`: not one of
        // a type with lifetime parameters.
        inherent_self: lifetimes.is_empty().then_some(self_ty),
        block: input.options.block.clone(),
    })
}

/// The block's self type with its anonymous lifetimes named, and every
/// lifetime of the block: those of `impl<'a>` and the named `'_`.
fn named_lifetimes(item: &syn::ItemImpl) -> (Type, Vec<syn::LifetimeParam>) {
    struct NameAnonymous(Vec<syn::LifetimeParam>);
    impl VisitMut for NameAnonymous {
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if lifetime.ident == "_" {
                let named = syn::Lifetime::new(
                    &format!("'__mockgen_self{}", self.0.len()),
                    lifetime.span(),
                );
                self.0.push(syn::LifetimeParam::new(named.clone()));
                *lifetime = named;
            }
        }
    }
    let mut self_ty = (*item.self_ty).clone();
    let mut anonymous = NameAnonymous(Vec::new());
    anonymous.visit_type_mut(&mut self_ty);
    let lifetimes = item
        .generics
        .lifetimes()
        .cloned()
        .chain(anonymous.0)
        .collect();
    (self_ty, lifetimes)
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
