//! Associated types and consts: given in the attribute
//! (`#[automock(type Item = u32; const MAX: usize = 8;)]`), or the trait's
//! own default for consts.

use syn::TraitItem;
use syn::spanned::Spanned as _;

use crate::diag::Errors;
use crate::model::{AssocConst, AssocType};
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
                if !ty.generics.params.is_empty() {
                    errors.push(
                        ty.generics.span(),
                        "generic associated types are not supported",
                    );
                    continue;
                }
                let given = given_types.iter().find(|t| t.ident == ty.ident);
                match given
                    .and_then(|t| t.default.as_ref())
                    .or(ty.default.as_ref())
                {
                    Some((_, value)) => types.push(AssocType {
                        ident: ty.ident.clone(),
                        ty: value.clone(),
                    }),
                    None => errors.push(
                        ty.ident.span(),
                        &format!(
                            "the mock needs a type for `{0}`: write `#[automock(type {0} = …;)]`",
                            ty.ident
                        ),
                    ),
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
