//! Normalisation of lifetimes: an argument type gets one named lifetime
//! (`&str` → `&'__mockgen_a0 str`), so that the signature can declare the
//! argument as a generic associated type.

use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Lifetime, Type, TypeReference};

/// Names every elided (`&T`, `'_`) and non-`'static` lifetime in `ty` as
/// `lifetime`.
pub(crate) fn rename(ty: &Type, lifetime: &Lifetime) -> Type {
    let mut ty = ty.clone();
    Rename { lifetime }.visit_type_mut(&mut ty);
    ty
}

/// Whether `ty` is `&mut T` with a lifetime inside `T` (`&mut
/// Formatter<'_>`): one named lifetime cannot stand for both, because `T` is
/// invariant behind `&mut`.
pub(crate) fn is_mut_with_inner_lifetime(ty: &Type) -> bool {
    matches!(ty, Type::Reference(r) if r.mutability.is_some() && has_lifetime(&r.elem))
}

struct Rename<'a> {
    lifetime: &'a Lifetime,
}

impl VisitMut for Rename<'_> {
    fn visit_type_reference_mut(&mut self, reference: &mut TypeReference) {
        if reference.lifetime.is_none() {
            reference.lifetime = Some(self.lifetime.clone());
        }
        syn::visit_mut::visit_type_reference_mut(self, reference);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident != "static" {
            *lifetime = self.lifetime.clone();
        }
    }

    // Lifetimes inside `fn(&T)` and `dyn Fn(&T)` belong to their own binder.
    fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
}

/// Whether `ty` mentions a lifetime other than `'static`, elided or named.
pub(crate) fn has_lifetime(ty: &Type) -> bool {
    struct Finder(bool);
    impl Visit<'_> for Finder {
        fn visit_type_reference(&mut self, reference: &TypeReference) {
            match &reference.lifetime {
                Some(lifetime) if lifetime.ident == "static" => {}
                _ => self.0 = true,
            }
            syn::visit::visit_type(self, &reference.elem);
        }
        fn visit_lifetime(&mut self, lifetime: &Lifetime) {
            self.0 |= lifetime.ident != "static";
        }
        fn visit_type_bare_fn(&mut self, _: &syn::TypeBareFn) {}
        fn visit_parenthesized_generic_arguments(
            &mut self,
            _: &syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    let mut finder = Finder(false);
    finder.visit_type(ty);
    finder.0
}
