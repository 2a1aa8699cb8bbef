//! Whether a trait is dyn-compatible, from its declaration. A spy of a
//! dyn-compatible trait calls its real value as `dyn Trait`; any other
//! keeps one closure per method. The check is conservative: what it cannot
//! be sure of (a supertrait it cannot see, `Self` where a trait object has
//! no type) keeps the closures, which work for every trait.

use syn::visit::Visit;
use syn::{FnArg, ReturnType, TraitItem, Type, TypeParamBound, WherePredicate};

/// `async_trait`: the trait is under `#[async_trait]`, which turns its
/// `async fn`s into methods returning boxed futures, callable on `dyn Trait`.
pub(crate) fn is(item: &syn::ItemTrait, async_trait: bool) -> bool {
    let supertraits = item.supertraits.iter().all(|bound| match bound {
        TypeParamBound::Lifetime(_) => true,
        TypeParamBound::Trait(bound) => {
            matches!(bound.modifier, syn::TraitBoundModifier::None)
                && bound.lifetimes.is_none()
                && bound
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Send" || s.ident == "Sync")
        }
        _ => false,
    });
    supertraits
        && !bounds_self(item.generics.where_clause.as_ref())
        && item
            .items
            .iter()
            .all(|i| item_is_dyn_compatible(i, async_trait))
}

/// Whether the trait names `Sync` among its supertraits (as in
/// `trait Gate: Send + Sync`): every implementor is then `Sync`, which the
/// compiler checks where generated code relies on it.
pub(crate) fn requires_sync(item: &syn::ItemTrait) -> bool {
    item.supertraits.iter().any(|bound| match bound {
        TypeParamBound::Trait(bound) => {
            matches!(bound.modifier, syn::TraitBoundModifier::None)
                && bound
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Sync")
        }
        _ => false,
    })
}

fn item_is_dyn_compatible(item: &TraitItem, async_trait: bool) -> bool {
    match item {
        TraitItem::Fn(method) => {
            let sig = &method.sig;
            let generic = sig
                .generics
                .params
                .iter()
                .any(|p| !matches!(p, syn::GenericParam::Lifetime(_)));
            let mut inputs = sig.inputs.iter();
            let has_receiver = matches!(inputs.next(), Some(FnArg::Receiver(_)));
            let plain_inputs = inputs.all(|input| match input {
                FnArg::Typed(pat) => plain(&pat.ty),
                FnArg::Receiver(_) => false,
            });
            let plain_output = match &sig.output {
                ReturnType::Default => true,
                ReturnType::Type(_, ty) => plain(ty),
            };
            has_receiver
                && plain_inputs
                && plain_output
                && !generic
                && (sig.asyncness.is_none() || async_trait)
                && sig.variadic.is_none()
                && !bounds_self(sig.generics.where_clause.as_ref())
        }
        // A generic associated type makes a trait dyn-incompatible.
        TraitItem::Type(assoc) => {
            assoc.generics.params.is_empty() && assoc.generics.where_clause.is_none()
        }
        _ => false,
    }
}

/// `where Self: Sized` (or any bound on `Self`) takes a method out of the
/// trait object, or the trait object out of existence.
fn bounds_self(clause: Option<&syn::WhereClause>) -> bool {
    clause.is_some_and(|clause| {
        clause.predicates.iter().any(|predicate| match predicate {
            WherePredicate::Type(predicate) => !plain(&predicate.bounded_ty),
            _ => false,
        })
    })
}

/// A type a trait object's method can take or return: no bare `Self`
/// (`Self::Item` is fine: it is bound in `dyn Trait<Item = …>`) and no
/// `impl Trait`.
fn plain(ty: &Type) -> bool {
    let mut finder = SelfOrImpl(false);
    finder.visit_type(ty);
    !finder.0
}

struct SelfOrImpl(bool);

impl<'ast> Visit<'ast> for SelfOrImpl {
    fn visit_type(&mut self, ty: &'ast Type) {
        match ty {
            Type::ImplTrait(_) => self.0 = true,
            Type::Path(path) => {
                let first = path.path.segments.first().map(|s| &s.ident);
                let self_projection = match &path.qself {
                    // `<Self as Trait>::Item`
                    Some(qself) => matches!(&*qself.ty, Type::Path(p) if p.path.is_ident("Self")),
                    // `Self::Item`
                    None => path.path.segments.len() > 1 && first.is_some_and(|i| i == "Self"),
                };
                if path.qself.is_none() && path.path.is_ident("Self") {
                    self.0 = true;
                } else if !self_projection {
                    syn::visit::visit_type(self, ty);
                }
            }
            _ => syn::visit::visit_type(self, ty),
        }
    }
}
