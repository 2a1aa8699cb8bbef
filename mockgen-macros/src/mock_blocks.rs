//! What a `mock!` `impl` block adds to its methods: its `#[cfg]` (two
//! blocks of the same trait may be alternatives), its `where` clause, its
//! own type parameters (`impl<T> From<T> for Name`), which its methods'
//! handles are keyed by as by a generic method's, and its lifetime
//! parameters (`impl<'a> Parser<'a> for Name`), which stay on the `impl`:
//! one mock implements the trait for every lifetime, as `#[automock]`'s does.

use syn::spanned::Spanned as _;
use syn::{Attribute, GenericParam, Generics, LifetimeParam, TraitItem, TypeParam, WherePredicate};

use crate::diag::Errors;
use crate::model::{MockMethod, TraitImpl};
use crate::parse_mock::MockImpl;

/// What one block brings beyond the mock's generics.
pub(crate) struct BlockParts {
    cfgs: Vec<Attribute>,
    /// Type parameters the mock does not have, with a `'static` bound.
    own_params: Vec<TypeParam>,
    /// Lifetime parameters, the `impl`'s own (a mock has none).
    lifetimes: Vec<LifetimeParam>,
}

impl BlockParts {
    /// Splits the block's generics: parameters the mock has already are
    /// the mock's; `where` predicates on them join `mock_generics`.
    pub(crate) fn of(
        block: &MockImpl,
        mock_generics: &mut Generics,
        errors: &mut Errors,
    ) -> BlockParts {
        let is_mock_param = |ident: &syn::Ident| {
            mock_generics.params.iter().any(|p| match p {
                GenericParam::Type(t) => t.ident == *ident,
                GenericParam::Const(c) => c.ident == *ident,
                GenericParam::Lifetime(_) => false,
            })
        };
        let mut own_params = Vec::new();
        for param in &block.generics.params {
            match param {
                GenericParam::Type(t) if !is_mock_param(&t.ident) => {
                    let mut t = t.clone();
                    t.bounds.push(syn::parse_quote!('static));
                    own_params.push(t);
                }
                GenericParam::Const(c) if !is_mock_param(&c.ident) => errors.push(
                    c.span(),
                    "a `mock!` `impl` block cannot have const parameters of its own: make the mock generic over it (`pub Name<const N: usize>;`)",
                ),
                _ => {}
            }
        }
        let predicates = block
            .generics
            .where_clause
            .iter()
            .flat_map(|w| &w.predicates);
        for predicate in predicates {
            let tokens = quote::quote!(#predicate);
            let mentions_own = own_params
                .iter()
                .any(|p| crate::normalize::tokens_mention(tokens.clone(), &p.ident.to_string()));
            match predicate {
                WherePredicate::Type(bound) if !mentions_own => mock_generics
                    .make_where_clause()
                    .predicates
                    .push(WherePredicate::Type(bound.clone())),
                WherePredicate::Type(bound) => {
                    let own = own_params.iter_mut().find(|p| {
                        matches!(&bound.bounded_ty, syn::Type::Path(path) if path.path.is_ident(&p.ident))
                    });
                    match own {
                        Some(own) => own.bounds.extend(bound.bounds.iter().cloned()),
                        None => errors.push(
                            predicate.span(),
                            "a `where` clause of a `mock!` `impl` block bounds its parameters one by one (`T: Clone`); move this bound onto the trait's methods",
                        ),
                    }
                }
                WherePredicate::Lifetime(_) => {}
                _ => {}
            }
        }
        BlockParts {
            cfgs: block
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("cfg"))
                .cloned()
                .collect(),
            own_params,
            lifetimes: block.generics.lifetimes().cloned().collect(),
        }
    }

    /// The block's methods as lowering sees them: gated by the block's
    /// `#[cfg]`, and generic over the block's own parameters.
    pub(crate) fn items(&self, items: &[TraitItem]) -> Vec<TraitItem> {
        items
            .iter()
            .cloned()
            .map(|mut item| {
                if let TraitItem::Fn(method) = &mut item {
                    method.attrs.splice(0..0, self.cfgs.iter().cloned());
                    let own = self.own_params.iter().cloned().map(GenericParam::Type);
                    let theirs = std::mem::take(&mut method.sig.generics.params);
                    method.sig.generics.params = own.chain(theirs).collect();
                }
                item
            })
            .collect()
    }

    /// Back from lowering: the block's parameters leave the method's
    /// signature (the impl declares them) for its marker's generics.
    pub(crate) fn finish(
        &self,
        trait_impl: &mut TraitImpl,
        methods: &mut [MockMethod],
        index: usize,
    ) {
        trait_impl.cfgs.clone_from(&self.cfgs);
        trait_impl.own_params.clone_from(&self.own_params);
        trait_impl.lifetimes.clone_from(&self.lifetimes);
        for method in methods.iter_mut().filter(|m| m.impl_index == index) {
            let own = self.own_params.len();
            method.sig.generics.params = method
                .sig
                .generics
                .params
                .iter()
                .skip(own)
                .cloned()
                .collect();
            method.impl_params.clone_from(&self.own_params);
        }
    }
}
