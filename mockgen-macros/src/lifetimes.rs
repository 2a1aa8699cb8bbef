//! Normalisation of lifetimes: an argument type gets one named lifetime
//! (`&str` → `&'__mockgen_a0 str`), so that the signature can declare the
//! argument as a generic associated type.
//!
//! Lifetimes declared by a binder inside the type (`dyn for<'a> Fn(&'a
//! str)`, `for<'a> fn(&'a str)`) and the elided ones of `Fn(&str)` sugar
//! belong to that binder: they are left as written and do not count as a
//! borrow of the argument.

use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{BoundLifetimes, Lifetime, Type, TypeReference};

/// Names every elided (`&T`, `'_`) and non-`'static` lifetime in `ty` as
/// `lifetime`, except the ones a binder inside `ty` declares.
pub(crate) fn rename(ty: &Type, lifetime: &Lifetime) -> Type {
    let mut ty = ty.clone();
    Rename {
        lifetime,
        scope: Scope::default(),
    }
    .visit_type_mut(&mut ty);
    ty
}

/// Whether `ty` is `&mut T` with a lifetime inside `T` (`&mut
/// Formatter<'_>`): one named lifetime cannot stand for both, because `T` is
/// invariant behind `&mut`.
pub(crate) fn is_mut_with_inner_lifetime(ty: &Type) -> bool {
    matches!(ty, Type::Reference(r) if r.mutability.is_some() && has_lifetime(&r.elem))
}

/// The lifetimes that enclosing binders declare, and whether elided ones
/// belong to `Fn(…)` sugar.
#[derive(Default)]
struct Scope {
    bound: Vec<String>,
    in_fn_sugar: usize,
}

impl Scope {
    /// Whether `lifetime` is the caller's to name (not a binder's, not
    /// `'static`).
    fn is_free(&self, lifetime: &Lifetime) -> bool {
        lifetime.ident != "static" && !self.bound.iter().any(|b| lifetime.ident == b)
    }

    fn enter(&mut self, binder: Option<&BoundLifetimes>) -> usize {
        let declared = binder.into_iter().flat_map(|b| &b.lifetimes);
        let before = self.bound.len();
        self.bound.extend(declared.filter_map(|param| match param {
            syn::GenericParam::Lifetime(l) => Some(l.lifetime.ident.to_string()),
            _ => None,
        }));
        before
    }
}

struct Rename<'a> {
    lifetime: &'a Lifetime,
    scope: Scope,
}

impl VisitMut for Rename<'_> {
    fn visit_type_reference_mut(&mut self, reference: &mut TypeReference) {
        if reference.lifetime.is_none() && self.scope.in_fn_sugar == 0 {
            reference.lifetime = Some(self.lifetime.clone());
        }
        syn::visit_mut::visit_type_reference_mut(self, reference);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        let elided_in_sugar = lifetime.ident == "_" && self.scope.in_fn_sugar > 0;
        if self.scope.is_free(lifetime) && !elided_in_sugar {
            *lifetime = self.lifetime.clone();
        }
    }

    fn visit_bound_lifetimes_mut(&mut self, _: &mut BoundLifetimes) {}

    fn visit_trait_bound_mut(&mut self, bound: &mut syn::TraitBound) {
        let before = self.scope.enter(bound.lifetimes.as_ref());
        self.visit_path_mut(&mut bound.path);
        self.scope.bound.truncate(before);
    }

    fn visit_type_bare_fn_mut(&mut self, bare: &mut syn::TypeBareFn) {
        let before = self.scope.enter(bare.lifetimes.as_ref());
        self.scope.in_fn_sugar += 1;
        for input in &mut bare.inputs {
            self.visit_type_mut(&mut input.ty);
        }
        self.visit_return_type_mut(&mut bare.output);
        self.scope.in_fn_sugar -= 1;
        self.scope.bound.truncate(before);
    }

    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        args: &mut syn::ParenthesizedGenericArguments,
    ) {
        self.scope.in_fn_sugar += 1;
        syn::visit_mut::visit_parenthesized_generic_arguments_mut(self, args);
        self.scope.in_fn_sugar -= 1;
    }
}

/// Whether `ty` mentions a lifetime other than `'static`, elided or named,
/// that no binder inside `ty` declares.
pub(crate) fn has_lifetime(ty: &Type) -> bool {
    let mut finder = Finder {
        found: false,
        scope: Scope::default(),
    };
    finder.visit_type(ty);
    finder.found
}

struct Finder {
    found: bool,
    scope: Scope,
}

impl Visit<'_> for Finder {
    fn visit_type_reference(&mut self, reference: &TypeReference) {
        if reference.lifetime.is_none() && self.scope.in_fn_sugar == 0 {
            self.found = true;
        }
        syn::visit::visit_type_reference(self, reference);
    }

    fn visit_lifetime(&mut self, lifetime: &Lifetime) {
        let elided_in_sugar = lifetime.ident == "_" && self.scope.in_fn_sugar > 0;
        self.found |= self.scope.is_free(lifetime) && !elided_in_sugar;
    }

    fn visit_bound_lifetimes(&mut self, _: &BoundLifetimes) {}

    fn visit_trait_bound(&mut self, bound: &syn::TraitBound) {
        let before = self.scope.enter(bound.lifetimes.as_ref());
        self.visit_path(&bound.path);
        self.scope.bound.truncate(before);
    }

    fn visit_type_bare_fn(&mut self, bare: &syn::TypeBareFn) {
        let before = self.scope.enter(bare.lifetimes.as_ref());
        self.scope.in_fn_sugar += 1;
        for input in &bare.inputs {
            self.visit_type(&input.ty);
        }
        self.visit_return_type(&bare.output);
        self.scope.in_fn_sugar -= 1;
        self.scope.bound.truncate(before);
    }

    fn visit_parenthesized_generic_arguments(&mut self, args: &syn::ParenthesizedGenericArguments) {
        self.scope.in_fn_sugar += 1;
        syn::visit::visit_parenthesized_generic_arguments(self, args);
        self.scope.in_fn_sugar -= 1;
    }
}
