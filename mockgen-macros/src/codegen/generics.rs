//! The generics of generated items: the mock has the trait's (with
//! `'static` on type parameters); a method's marker adds the method's own
//! type parameters.

use syn::{GenericParam, Generics, WherePredicate};

use crate::model::{MockMethod, MockSpec};
use crate::normalize::mentions_word;

/// The mock's generics without defaults (for items that add parameters).
pub(crate) fn without_defaults(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    for param in &mut generics.params {
        match param {
            GenericParam::Type(t) => {
                t.eq_token = None;
                t.default = None;
            }
            GenericParam::Const(c) => {
                c.eq_token = None;
                c.default = None;
            }
            GenericParam::Lifetime(_) => {}
        }
    }
    generics
}

/// The generics of a method's marker: the mock's plus the method's type
/// parameters (with their bounds and `where` predicates), except those
/// lent to side effects as trait objects.
pub(crate) fn of_method(spec: &MockSpec, method: &MockMethod) -> Generics {
    with_method(&spec.generics, method)
}

/// `base` (without defaults) plus the method's type parameters (those of
/// its `mock!` block first).
pub(crate) fn with_method(base: &Generics, method: &MockMethod) -> Generics {
    let mut generics = without_defaults(base);
    for param in &method.impl_params {
        generics.params.push(GenericParam::Type(param.clone()));
    }
    let own = &method.sig.generics;
    let kept: Vec<&syn::Ident> = own
        .params
        .iter()
        .filter_map(|p| match p {
            GenericParam::Type(t) if !method.lent_params.contains(&t.ident) => Some(&t.ident),
            _ => None,
        })
        .collect();
    for param in &own.params {
        if let GenericParam::Type(t) = param {
            if kept.contains(&&t.ident) {
                generics.params.push(GenericParam::Type(t.clone()));
            }
        }
    }
    // Predicates about the kept parameters only (not `Self`, not the
    // parameters lent as trait objects).
    let predicates = own
        .where_clause
        .iter()
        .flat_map(|w| &w.predicates)
        .filter(|p| match p {
            WherePredicate::Type(t) => kept
                .iter()
                .any(|param| mentions_word(&t.bounded_ty, &param.to_string())),
            _ => false,
        })
        .cloned();
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// `(PhantomData<fn() -> (A, B)>)`, the body of a tuple struct over the
/// type parameters of `generics`, or nothing when there are none.
pub(crate) fn phantom(generics: &Generics) -> proc_macro2::TokenStream {
    match phantom_type(generics) {
        Some(ty) => quote::quote!((#ty)),
        None => quote::quote!(),
    }
}

/// `PhantomData<fn() -> (A, B)>` over the type parameters of `generics`
/// (`Send`, `Sync` and covariant whatever they are), if there are any.
pub(crate) fn phantom_type(generics: &Generics) -> Option<proc_macro2::TokenStream> {
    let types: Vec<_> = generics
        .params
        .iter()
        .filter_map(|p| match p {
            GenericParam::Type(t) => Some(&t.ident),
            _ => None,
        })
        .collect();
    if types.is_empty() {
        return None;
    }
    // `*const T` also admits `T: ?Sized`.
    Some(quote::quote!(::core::marker::PhantomData<fn() -> (#(*const #types,)*)>))
}

/// The field and its value (also that of a clone) that keep every type parameter
/// of the mock used (a parameter may appear only in static methods, whose
/// handles are elsewhere, or only in instance methods), or nothing.
pub(crate) fn phantom_field(spec: &MockSpec) -> [proc_macro2::TokenStream; 2] {
    let Some(ty) = phantom_type(&spec.generics) else {
        return Default::default();
    };
    let field = spec.phantom_field();
    [
        quote::quote!(#field: #ty,),
        quote::quote!(#field: ::core::marker::PhantomData,),
    ]
}
