//! Associated types and consts: given in the attribute
//! (`#[automock(type Item = u32; const MAX: usize = 8;)]`), or the trait's
//! own default for consts.

use syn::spanned::Spanned as _;
use syn::{GenericParam, TraitItem};

use crate::diag::Errors;
use crate::model::{AssocConst, AssocType};
use crate::substitute::Substitution;

/// The associated items of a trait (`items`) with the values given for
/// them (`given_types`, `given_consts`: the attribute's items for
/// `#[automock]`, the impl's own for `mock!`).
pub(super) fn lower(
    items: &[TraitItem],
    given_types: &[syn::TraitItemType],
    given_consts: &[syn::TraitItemConst],
    errors: &mut Errors,
) -> (Vec<AssocType>, Vec<AssocConst>) {
    let mut types = Vec::new();
    let mut consts = Vec::new();
    for item in items {
        match item {
            TraitItem::Type(ty) => {
                let given = given_types.iter().find(|t| t.ident == ty.ident);
                match given.filter(|t| t.default.is_some()) {
                    Some(given) => {
                        if let Some(assoc) = given_type(ty, given, errors) {
                            types.push(assoc);
                        }
                    }
                    None => match &ty.default {
                        Some((_, value)) if ty.generics.params.is_empty() => {
                            types.push(AssocType {
                                ident: ty.ident.clone(),
                                generics: syn::Generics::default(),
                                ty: value.clone(),
                            })
                        }
                        _ => errors.push(
                            ty.ident.span(),
                            &format!(
                                "the mock needs a type for `{0}`: write `#[automock(type {0}{1} = …;)]`",
                                ty.ident,
                                params_text(&ty.generics)
                            ),
                        ),
                    },
                }
            }
            TraitItem::Const(c) => {
                let given = given_consts.iter().find(|g| g.ident == c.ident);
                match (given.and_then(|g| g.default.as_ref()), &c.default) {
                    (Some((_, value)), _) => consts.push(AssocConst {
                        ident: c.ident.clone(),
                        ty: c.ty.clone(),
                        value: Some(value.clone()),
                    }),
                    (None, Some(_)) => consts.push(AssocConst {
                        ident: c.ident.clone(),
                        ty: c.ty.clone(),
                        value: None,
                    }),
                    (None, None) => errors.push(
                        c.ident.span(),
                        &format!(
                            "the mock needs a value for `{0}`: write `#[automock(const {0}: {1} = …;)]`",
                            c.ident,
                            crate::names::type_text(&c.ty)
                        ),
                    ),
                }
            }
            _ => {}
        }
    }
    let known = |name: &syn::Ident| {
        items.iter().any(|item| match item {
            TraitItem::Type(t) => t.ident == *name,
            TraitItem::Const(c) => c.ident == *name,
            _ => false,
        })
    };
    for given in given_types {
        if !known(&given.ident) {
            errors.push(
                given.ident.span(),
                &format!("the trait has no associated type `{}`", given.ident),
            );
        } else if given.default.is_none() {
            errors.push(given.span(), "write the type: `type Name = Type;`");
        }
    }
    for given in given_consts {
        if !known(&given.ident) {
            errors.push(
                given.ident.span(),
                &format!("the trait has no associated const `{}`", given.ident),
            );
        } else if given.default.is_none() {
            errors.push(given.span(), "write the value: `const NAME: Type = value;`");
        }
    }
    (types, consts)
}

/// The type `given` for the trait's associated type `declared`, with the
/// parameters of a generic associated type written as the trait has them
/// (same kinds, same order; names of the user's choosing), and the trait's
/// `where` clause in the given names unless `given` writes its own.
fn given_type(
    declared: &syn::TraitItemType,
    given: &syn::TraitItemType,
    errors: &mut Errors,
) -> Option<AssocType> {
    let (_, value) = given.default.as_ref()?;
    let kinds = |generics: &syn::Generics| -> Vec<&'static str> {
        generics
            .params
            .iter()
            .map(|param| match param {
                GenericParam::Lifetime(_) => "lifetime",
                GenericParam::Type(_) => "type",
                GenericParam::Const(_) => "const",
            })
            .collect()
    };
    if kinds(&declared.generics) != kinds(&given.generics) {
        let span = match given.generics.params.is_empty() {
            true => given.ident.span(),
            false => given.generics.span(),
        };
        errors.push(
            span,
            &format!(
                "`{0}` has the parameters `{1}` in the trait: write `type {0}{1} = …;`, naming them as you like",
                given.ident,
                params_text(&declared.generics)
            ),
        );
        return None;
    }
    let mut generics = given.generics.clone();
    if generics.where_clause.is_none() {
        if let Some(clause) = &declared.generics.where_clause {
            let mut clause = clause.clone();
            let mut rename = Substitution::renaming(&declared.generics, &given.generics);
            syn::visit_mut::VisitMut::visit_where_clause_mut(&mut rename, &mut clause);
            generics.where_clause = Some(clause);
        }
    }
    Some(AssocType {
        ident: given.ident.clone(),
        generics,
        ty: value.clone(),
    })
}

/// `<'a, T>`, or nothing for a type without parameters.
fn params_text(generics: &syn::Generics) -> String {
    if generics.params.is_empty() {
        return String::new();
    }
    let params = &generics.params;
    crate::names::type_text(&syn::Type::Verbatim(quote::quote!(<#params>)))
}
