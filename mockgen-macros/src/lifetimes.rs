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

/// `&mut T` whose `T` borrows for one lifetime, as `&'outer mut T` with
/// that lifetime named `inner` (`&mut ReadBuf<'_>` → `&'a mut
/// ReadBuf<'b>`): one name cannot stand for both, because `T` is invariant
/// behind `&mut`. Also inside a wrapper of one type (`Option<&mut
/// Buf<'_>>`, `Pin<&mut Buf<'_>>`). `None` for any other type, and when `T`
/// borrows for several lifetimes (`&mut Pair<'_, '_>`), which one name
/// cannot stand for either.
pub(crate) fn split_mut(ty: &Type, outer: &Lifetime, inner: &Lifetime) -> Option<Type> {
    if distinct_lifetimes(ty) < 2 {
        // `&'a mut Buf<'a>` names one lifetime: renaming it keeps the type.
        return None;
    }
    match ty {
        Type::Reference(reference) if reference.mutability.is_some() => {
            if distinct_lifetimes(&reference.elem) != 1 {
                return None;
            }
            let mut split = reference.clone();
            split.lifetime = Some(outer.clone());
            split.elem = Box::new(rename(&reference.elem, inner));
            Some(Type::Reference(split))
        }
        Type::Path(path) if path.qself.is_none() => {
            let mut wrapper = path.clone();
            let wrapped = only_type_argument(&mut wrapper.path)?;
            *wrapped = split_mut(wrapped, outer, inner)?;
            Some(Type::Path(wrapper))
        }
        _ => None,
    }
}

/// `T` of `Wrapper<T>`, when that is the path's only generic argument.
fn only_type_argument(path: &mut syn::Path) -> Option<&mut Type> {
    let init = path.segments.len().checked_sub(1)?;
    if path
        .segments
        .iter()
        .take(init)
        .any(|s| !s.arguments.is_empty())
    {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &mut path.segments.last_mut()?.arguments else {
        return None;
    };
    if args.args.len() != 1 {
        return None;
    }
    match args.args.first_mut()? {
        syn::GenericArgument::Type(ty) => Some(ty),
        _ => None,
    }
}

/// Whether `ty` holds a `&mut T` whose `T` borrows, in a way `split_mut`
/// cannot name (`&mut Pair<'_, '_>`, `(&mut Buf<'_>, &str)`): one name for
/// all its lifetimes would not be the type, and such an argument reaches
/// side effects as a placeholder.
pub(crate) fn is_unnameable_mut(ty: &Type) -> bool {
    let probe = Lifetime::new("'__probe", proc_macro2::Span::call_site());
    distinct_lifetimes(ty) >= 2 && has_mut_borrowing(ty) && split_mut(ty, &probe, &probe).is_none()
}

/// Whether `ty` holds a `&mut T` whose `T` borrows.
fn has_mut_borrowing(ty: &Type) -> bool {
    struct MutFinder(bool);
    impl Visit<'_> for MutFinder {
        fn visit_type_reference(&mut self, reference: &TypeReference) {
            self.0 |= reference.mutability.is_some() && has_lifetime(&reference.elem);
            syn::visit::visit_type_reference(self, reference);
        }
    }
    let mut finder = MutFinder(false);
    finder.visit_type(ty);
    finder.0
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
    distinct_lifetimes(ty) > 0
}

/// The lifetimes `ty` borrows for, in order: the name of each named one,
/// `None` for each elided one; not those a binder inside `ty` declares.
pub(crate) fn free_lifetimes(ty: &Type) -> Vec<Option<String>> {
    let mut finder = Finder {
        found: Vec::new(),
        scope: Scope::default(),
    };
    finder.visit_type(ty);
    finder.found
}

/// How many lifetimes `ty` borrows for: each elided one, and each named
/// one once, except those a binder inside `ty` declares.
fn distinct_lifetimes(ty: &Type) -> usize {
    let finder = Finder {
        found: free_lifetimes(ty),
        scope: Scope::default(),
    };
    let elided = finder.found.iter().filter(|name| name.is_none()).count();
    let mut named: Vec<&String> = finder.found.iter().flatten().collect();
    named.sort();
    named.dedup();
    elided + named.len()
}

/// The free lifetimes of a type, by name (`None` when elided).
struct Finder {
    found: Vec<Option<String>>,
    scope: Scope,
}

impl Visit<'_> for Finder {
    fn visit_type_reference(&mut self, reference: &TypeReference) {
        if reference.lifetime.is_none() && self.scope.in_fn_sugar == 0 {
            self.found.push(None);
        }
        syn::visit::visit_type_reference(self, reference);
    }

    fn visit_lifetime(&mut self, lifetime: &Lifetime) {
        let elided_in_sugar = lifetime.ident == "_" && self.scope.in_fn_sugar > 0;
        if self.scope.is_free(lifetime) && !elided_in_sugar {
            let name = (lifetime.ident != "_").then(|| lifetime.ident.to_string());
            self.found.push(name);
        }
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
