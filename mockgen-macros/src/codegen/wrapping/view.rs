//! What a spy's methods see the real value as: the `#[autospec]` type,
//! `dyn Trait + Send` for a dyn-compatible trait, or nothing (they call it
//! through closures).

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{MockSpec, TraitImpl};
use crate::substitute::Substitution;

/// Whether the methods of `trait_impl` can reach a spy's real value: all
/// but those of an inherent block in `mock!`, whose real type the macro
/// does not know (only `#[autospec]` sees the type it mocks).
pub(super) fn reaches_real(spec: &MockSpec, trait_impl: &TraitImpl) -> bool {
    // `impl<T> From<T>`: no one bound on the real value says "for every
    // `T`"; nor can one bound say which of two `#[cfg]` alternatives holds.
    // Nor can a bound say what a type-generic associated type is for
    // every type (`for<T>` does not exist).
    let nameable = trait_impl.own_params.is_empty()
        && trait_impl.cfgs.is_empty()
        && trait_impl.assoc_types.iter().all(|a| {
            a.generics
                .params
                .iter()
                .all(|p| matches!(p, syn::GenericParam::Lifetime(_)))
        });
    (!trait_impl.inherent || spec.inherent_self.is_some()) && nameable
}

/// Whether a spy's methods of `trait_impl` call the real value themselves
/// (through a [`view`] of it) rather than through closures.
pub(super) fn calls_real_itself(spec: &MockSpec, trait_impl: &TraitImpl) -> bool {
    spec.inherent_self.is_some() || trait_impl.dyn_compatible
}

/// What a spy's methods of `trait_impl` see the real value as, when they
/// call it themselves: the `#[autospec]` type, or `dyn Trait + Send` for a
/// dyn-compatible trait. `None`: they call it through closures.
pub(crate) fn view(spec: &MockSpec, trait_impl: &TraitImpl) -> Option<TokenStream> {
    if !reaches_real(spec, trait_impl) || !calls_real_itself(spec, trait_impl) {
        return None;
    }
    Some(match &spec.inherent_self {
        Some(self_ty) => quote!(#self_ty),
        None => {
            let bound = bound_with_assoc_types(trait_impl);
            quote!(dyn #bound + ::core::marker::Send + 'static)
        }
    })
}

/// `Iterator<Item = u32>`: the trait with the mock's associated types, so
/// that the real value's methods return what the mock's do; a generic
/// associated type's lifetimes are bound for all lifetimes
/// (`for<'g> Container<Item<'g> = &'g str>`).
pub(super) fn bound_with_assoc_types(trait_impl: &TraitImpl) -> TokenStream {
    let (mut path, bound) = path_with_assoc_types(trait_impl);
    // The trait's lifetimes, bound afresh: `for<'__mockgen_l0> Parser<'__mockgen_l0>`
    // (the impl's own `'a` is in scope where this is written).
    let fresh: Vec<syn::Lifetime> = (0..trait_impl.lifetimes.len())
        .map(|i| fresh_lifetime("l", i))
        .collect();
    if fresh.is_empty() && bound.is_empty() {
        return quote!(#path);
    }
    struct Rebind<'a>(&'a [syn::LifetimeParam], &'a [syn::Lifetime]);
    impl syn::visit_mut::VisitMut for Rebind<'_> {
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if let Some(i) = self
                .0
                .iter()
                .position(|l| l.lifetime.ident == lifetime.ident)
            {
                *lifetime = self.1[i].clone();
            }
        }
    }
    syn::visit_mut::VisitMut::visit_path_mut(&mut Rebind(&trait_impl.lifetimes, &fresh), &mut path);
    quote!(for<#(#fresh,)* #(#bound),*> #path)
}

fn fresh_lifetime(kind: &str, index: usize) -> syn::Lifetime {
    syn::Lifetime::new(
        &format!("'__mockgen_{kind}{index}"),
        proc_macro2::Span::mixed_site(),
    )
}

/// The trait's path with its associated types given, and the lifetimes
/// their generic ones are bound for.
fn path_with_assoc_types(trait_impl: &TraitImpl) -> (syn::Path, Vec<syn::Lifetime>) {
    let mut path = trait_impl.path.clone();
    let mut bound = Vec::new();
    if trait_impl.assoc_types.is_empty() {
        return (path, bound);
    }
    let last = path
        .segments
        .last_mut()
        .expect("invariant: a trait path has a segment");
    let mut args = match std::mem::take(&mut last.arguments) {
        syn::PathArguments::AngleBracketed(args) => args.args,
        _ => Default::default(),
    };
    for assoc in &trait_impl.assoc_types {
        let ident = &assoc.ident;
        let lifetimes: Vec<syn::GenericArgument> = assoc
            .generics
            .params
            .iter()
            .map(|_| {
                let lifetime = fresh_lifetime("g", bound.len());
                bound.push(lifetime.clone());
                syn::GenericArgument::Lifetime(lifetime)
            })
            .collect();
        let ty = Substitution::new(&assoc.generics, &lifetimes).ty(&assoc.ty);
        if lifetimes.is_empty() {
            args.push(syn::parse_quote!(#ident = #ty));
        } else {
            args.push(syn::parse_quote!(#ident<#(#lifetimes),*> = #ty));
        }
    }
    last.arguments = syn::PathArguments::AngleBracketed(syn::parse_quote!(<#args>));
    (path, bound)
}
