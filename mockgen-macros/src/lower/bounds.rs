//! What the trait and method generics say about type parameters: decides
//! how arguments of generic type are recorded.

use std::collections::{BTreeMap, BTreeSet};

use syn::{GenericParam, Generics, Ident, Type, TypeParamBound, WherePredicate};

/// Trait names bounding each type parameter (last path segment), and
/// whether it is `'static`.
#[derive(Clone, Default)]
pub(crate) struct Bounds {
    params: BTreeMap<String, BTreeSet<String>>,
}

impl Bounds {
    pub(crate) fn of(generics: &Generics) -> Self {
        let mut bounds = Bounds::default();
        bounds.add(generics);
        bounds
    }

    /// These bounds plus the ones of `generics` (a method's).
    pub(crate) fn with(&self, generics: &Generics) -> Self {
        let mut bounds = self.clone();
        bounds.add(generics);
        bounds
    }

    fn add(&mut self, generics: &Generics) {
        for param in &generics.params {
            if let GenericParam::Type(param) = param {
                let entry = self.params.entry(param.ident.to_string()).or_default();
                entry.extend(param.bounds.iter().map(bound_name));
            }
        }
        for predicate in generics.where_clause.iter().flat_map(|w| &w.predicates) {
            if let WherePredicate::Type(predicate) = predicate {
                if let Type::Path(path) = &predicate.bounded_ty {
                    if let Some(ident) = path.path.get_ident() {
                        let entry = self.params.entry(ident.to_string()).or_default();
                        entry.extend(predicate.bounds.iter().map(bound_name));
                    }
                }
            }
        }
    }

    /// The type parameters that `ty` mentions.
    pub(crate) fn mentioned(&self, ty: &Type) -> Vec<String> {
        self.params
            .keys()
            .filter(|name| crate::normalize::mentions_word(ty, name))
            .cloned()
            .collect()
    }

    /// Whether parameter `name` is bounded by trait `bound` (e.g. `Clone`).
    pub(crate) fn has(&self, name: &str, bound: &str) -> bool {
        self.params.get(name).is_some_and(|b| b.contains(bound))
    }
}

fn bound_name(bound: &TypeParamBound) -> String {
    match bound {
        TypeParamBound::Trait(t) => t
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        TypeParamBound::Lifetime(l) => format!("'{}", l.ident),
        _ => String::new(),
    }
}

/// The trait's generics with `Send + Sync + 'static` on every type
/// parameter: the mock is a shared handle that keeps values of those types.
pub(crate) fn with_static_type_params(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    for param in &mut generics.params {
        if let GenericParam::Type(param) = param {
            param.bounds.push(syn::parse_quote!(::core::marker::Send));
            param.bounds.push(syn::parse_quote!(::core::marker::Sync));
            param.bounds.push(syn::parse_quote!('static));
        }
    }
    generics
}

/// The generics of a mock of an item with `generics`: `'static` type
/// parameters, and no lifetimes (the mock keeps what it records, so it is
/// generic over none; its methods are mocked for every lifetime).
pub(crate) fn mock_generics(generics: &Generics) -> Generics {
    let mut generics = with_static_type_params(generics);
    generics.params = generics
        .params
        .into_iter()
        .filter(|p| !matches!(p, GenericParam::Lifetime(_)))
        .collect();
    generics
}

/// The type parameters of a method.
pub(crate) fn type_params(generics: &Generics) -> Vec<Ident> {
    generics
        .params
        .iter()
        .filter_map(|p| match p {
            GenericParam::Type(t) => Some(t.ident.clone()),
            _ => None,
        })
        .collect()
}

/// Whether type parameter `ident` has a `'static` bound, in its list or in
/// the `where` clause.
pub(crate) fn is_static(generics: &syn::Generics, ident: &syn::Ident) -> bool {
    let is_static_bound = |b: &syn::TypeParamBound| matches!(b, syn::TypeParamBound::Lifetime(l) if l.ident == "static");
    let in_params = generics.params.iter().any(|p| match p {
        GenericParam::Type(t) => t.ident == *ident && t.bounds.iter().any(is_static_bound),
        _ => false,
    });
    let in_where = generics
        .where_clause
        .iter()
        .flat_map(|w| &w.predicates)
        .any(|p| match p {
            syn::WherePredicate::Type(t) => {
                matches!(&t.bounded_ty, syn::Type::Path(path) if path.path.is_ident(ident))
                    && t.bounds.iter().any(is_static_bound)
            }
            _ => false,
        });
    in_params || in_where
}
