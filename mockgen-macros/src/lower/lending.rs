//! A method whose return value borrows from its arguments
//! (`fn first_word<'a>(&self, text: &'a str) -> &'a str`): its side effect
//! is typed with the method's own lifetimes, so that it can return a borrow
//! of what it is given (`for<'a> Fn(&'a str) -> &'a str`).

use syn::visit::Visit;
use syn::{Lifetime, ReturnType, Type};

use super::context::Context;
use crate::model::{Lending, MockArg, Pass};
use crate::normalize::{ReplaceSelf, mentions_word};

/// The side effect's type for a method whose return type names a lifetime
/// of its arguments' and not of the receiver's; `None` for any other
/// method, whose side effects return what the handle is configured with.
pub(super) fn of(sig: &syn::Signature, args: &[MockArg], cx: &Context<'_>) -> Option<Lending> {
    let ReturnType::Type(_, written) = &sig.output else {
        return None;
    };
    let receiver = sig.receiver()?;
    if !bounds_are_implied(sig) {
        return None;
    }
    let output = ReplaceSelf {
        mock_ty: cx.mock_ty,
        assoc: cx.assoc,
    }
    .ty(written);
    if mentions_word(&output, "impl") || mentions_word(&output, "dyn") {
        return None;
    }
    let returned = free_lifetimes(&output);
    let receiver_lifetime = receiver.reference.as_ref().and_then(|(_, l)| l.as_ref());
    if returned.is_empty() || returned.iter().any(|l| Some(l) == receiver_lifetime) {
        return None;
    }
    // What the side effect receives, with the signature's lifetimes.
    let lent: Vec<Option<Type>> = args
        .iter()
        .map(|arg| match &arg.pass {
            Pass::Placeholder => None,
            Pass::Direct => Some(
                ReplaceSelf {
                    mock_ty: cx.mock_ty,
                    assoc: cx.assoc,
                }
                .ty(&arg.written),
            ),
            _ => Some(arg.effect_ty.clone()),
        })
        .collect();
    let mut lifetimes: Vec<Lifetime> = Vec::new();
    for ty in lent.iter().flatten() {
        for lifetime in free_lifetimes(ty) {
            if !lifetimes.contains(&lifetime) {
                lifetimes.push(lifetime);
            }
        }
    }
    // Every lifetime of the return type must come from an argument: a
    // side effect cannot make up a borrow for any other.
    if !returned.iter().all(|l| lifetimes.contains(l)) {
        return None;
    }
    Some(Lending {
        lifetimes,
        args: lent,
        output,
    })
}

/// Whether the method's lifetimes have no bounds (`'b: 'a`): a
/// higher-ranked side-effect type cannot state them.
fn bounds_are_implied(sig: &syn::Signature) -> bool {
    let bounded_param = sig.generics.lifetimes().any(|l| !l.bounds.is_empty());
    let bounded_where = sig.generics.where_clause.as_ref().is_some_and(|w| {
        w.predicates
            .iter()
            .any(|p| matches!(p, syn::WherePredicate::Lifetime(_)))
    });
    !bounded_param && !bounded_where
}

/// The named lifetimes of `ty` other than `'static`, `'_` and those a
/// binder inside `ty` declares, in order of appearance.
fn free_lifetimes(ty: &Type) -> Vec<Lifetime> {
    #[derive(Default)]
    struct Free {
        bound: Vec<Lifetime>,
        found: Vec<Lifetime>,
    }
    impl<'ast> Visit<'ast> for Free {
        fn visit_bound_lifetimes(&mut self, binder: &'ast syn::BoundLifetimes) {
            self.bound
                .extend(binder.lifetimes.iter().filter_map(|p| match p {
                    syn::GenericParam::Lifetime(l) => Some(l.lifetime.clone()),
                    _ => None,
                }));
        }
        fn visit_lifetime(&mut self, lifetime: &'ast Lifetime) {
            let named = lifetime.ident != "static" && lifetime.ident != "_";
            if named && !self.bound.contains(lifetime) && !self.found.contains(lifetime) {
                self.found.push(lifetime.clone());
            }
        }
    }
    let mut free = Free::default();
    free.visit_type(ty);
    free.found
}
