//! Normalisation of the types that go into signatures: `Self` becomes the
//! mock type and `Self::Item` (or `Self::Item<'a>`) the configured
//! associated type.

use std::collections::BTreeMap;

use syn::visit_mut::VisitMut;
use syn::{GenericArgument, Ident, PathArguments, Type, TypeParamBound, TypePath};

use crate::model::AssocType;
use crate::substitute::Substitution;

/// Replaces `Self` and `Self::X` / `<Self as Trait>::X` in types.
pub(crate) struct ReplaceSelf<'a> {
    pub(crate) mock_ty: &'a Type,
    pub(crate) assoc: &'a BTreeMap<String, AssocType>,
}

impl ReplaceSelf<'_> {
    pub(crate) fn ty(&mut self, ty: &Type) -> Type {
        let mut ty = ty.clone();
        self.visit_type_mut(&mut ty);
        ty
    }

    /// The configured type `path` names, with a generic associated type's
    /// arguments (normalised first) put in for its parameters.
    fn assoc_of(&mut self, path: &TypePath) -> Option<Type> {
        let segments: Vec<&Ident> = path.path.segments.iter().map(|s| &s.ident).collect();
        let name = match (&path.qself, segments.as_slice()) {
            (None, [first, name]) if *first == "Self" => name,
            (Some(qself), [.., name]) if is_self(&qself.ty) => name,
            _ => return None,
        };
        let assoc = self.assoc.get(&name.to_string())?;
        if assoc.generics.params.is_empty() {
            return Some(assoc.ty.clone());
        }
        let mut args = match &path.path.segments.last()?.arguments {
            PathArguments::AngleBracketed(args) => args.args.clone(),
            _ => Default::default(),
        };
        for arg in &mut args {
            self.visit_generic_argument_mut(arg);
        }
        Some(Substitution::new(&assoc.generics, &args).ty(&assoc.ty))
    }
}

fn is_self(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self"))
}

impl VisitMut for ReplaceSelf<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if let Type::Path(path) = ty {
            if let Some(assoc) = self.assoc_of(path) {
                *ty = assoc;
                return;
            }
            if is_self(ty) {
                *ty = self.mock_ty.clone();
                return;
            }
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
}

/// Whether the tokens of `ty` contain the identifier or keyword `word`.
pub(crate) fn mentions_word(ty: &Type, word: &str) -> bool {
    tokens_mention(quote::quote!(#ty), word)
}

/// Whether `tokens` contain the identifier or keyword `word`.
pub(crate) fn tokens_mention(tokens: proc_macro2::TokenStream, word: &str) -> bool {
    tokens.into_iter().any(|tree| match tree {
        proc_macro2::TokenTree::Ident(ident) => ident == word,
        proc_macro2::TokenTree::Group(group) => tokens_mention(group.stream(), word),
        _ => false,
    })
}

/// `T` of `impl Future<Output = T>` or `Pin<Box<dyn Future<Output = T> + …>>`.
pub(crate) fn future_output(ty: &Type) -> Option<&Type> {
    let bounds = match ty {
        Type::ImplTrait(imp) => &imp.bounds,
        _ => match generic_arg_of(ty, "Pin").and_then(|inner| generic_arg_of(inner, "Box")) {
            Some(Type::TraitObject(obj)) => &obj.bounds,
            _ => return None,
        },
    };
    bounds.iter().find_map(|bound| {
        let TypeParamBound::Trait(t) = bound else {
            return None;
        };
        let segment = t.path.segments.last()?;
        if segment.ident != "Future" {
            return None;
        }
        let PathArguments::AngleBracketed(args) = &segment.arguments else {
            return None;
        };
        args.args.iter().find_map(|arg| match arg {
            GenericArgument::AssocType(assoc) if assoc.ident == "Output" => Some(&assoc.ty),
            _ => None,
        })
    })
}

/// `T` of `Name<T>` (last path segment `Name`, one type argument).
pub(crate) fn generic_arg_of<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}
