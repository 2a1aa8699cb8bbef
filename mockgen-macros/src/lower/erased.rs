//! Type parameters of a method without a `'static` bound
//! (`fn open<P: AsRef<Path>>(&self, path: P)`): the mock cannot keep one
//! handle per type for them (telling types apart at run time needs
//! `'static`), so they get none. Their arguments reach the side effect as a
//! trait object of their bounds where one exists (`&dyn AsRef<Path>`,
//! `&mut dyn FnMut(&str)`, `&mut dyn Write`), and are recorded by their
//! `Debug` text when `Debug` is among the bounds, else as a placeholder.

use syn::{GenericParam, Generics, Ident, Type, TypeParamBound, WherePredicate};

use crate::model::{Lend, Pass, Recording};
use crate::normalize::mentions_word;

/// Traits whose trait objects exist and are worth lending; the first of a
/// parameter's bounds on this list is the one it is lent as.
const DYN_TRAITS: &[&str] = &[
    "Fn",
    "FnMut",
    "FnOnce",
    "AsRef",
    "AsMut",
    "Borrow",
    "BorrowMut",
    "Read",
    "Write",
    "BufRead",
    "Seek",
    "Iterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Display",
    "Debug",
    "Error",
    "Any",
    "Hasher",
    "AsyncRead",
    "AsyncWrite",
    "AsyncBufRead",
    "AsyncSeek",
];

/// Traits whose methods take `&mut self`: a parameter passed by value is
/// lent mutably.
const MUT_TRAITS: &[&str] = &[
    "FnMut",
    "Read",
    "Write",
    "BufRead",
    "Seek",
    "Iterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Hasher",
];

const AUTO_TRAITS: &[&str] = &["Send", "Sync", "Unpin"];

/// The method's type parameters without `'static`.
#[derive(Default)]
pub(crate) struct Erased {
    params: Vec<Param>,
}

struct Param {
    ident: Ident,
    bounds: Vec<TypeParamBound>,
    sized: bool,
    /// A const parameter (`const N: usize`): types name it as an array
    /// length (`[u8; N]`), never as a type.
    konst: bool,
}

impl Erased {
    /// The parameters of `generics` for which `is_static` is false.
    pub(crate) fn of(generics: &Generics, is_static: impl Fn(&Ident) -> bool) -> Self {
        let mut params: Vec<Param> = generics
            .params
            .iter()
            .filter_map(|p| match p {
                GenericParam::Type(t) if !is_static(&t.ident) => Some(Param {
                    ident: t.ident.clone(),
                    bounds: t.bounds.iter().cloned().collect(),
                    sized: true,
                    konst: false,
                }),
                // No handle per value either: one kept value cannot be each
                // `[u8; N]`, and const values have no `TypeId`.
                GenericParam::Const(c) => Some(Param {
                    ident: c.ident.clone(),
                    bounds: Vec::new(),
                    sized: true,
                    konst: true,
                }),
                _ => None,
            })
            .collect();
        for predicate in generics.where_clause.iter().flat_map(|w| &w.predicates) {
            let WherePredicate::Type(predicate) = predicate else {
                continue;
            };
            let Type::Path(path) = &predicate.bounded_ty else {
                continue;
            };
            if let Some(param) = params.iter_mut().find(|p| path.path.is_ident(&p.ident)) {
                param.bounds.extend(predicate.bounds.iter().cloned());
            }
        }
        for param in &mut params {
            param.sized = !param.bounds.iter().any(|b| {
                matches!(b, TypeParamBound::Trait(t) if matches!(t.modifier, syn::TraitBoundModifier::Maybe(_)))
            });
        }
        Erased { params }
    }

    pub(crate) fn idents(&self) -> Vec<Ident> {
        self.params
            .iter()
            .filter(|p| !p.konst)
            .map(|p| p.ident.clone())
            .collect()
    }

    /// Whether `ident` is one of these parameters and a const one.
    pub(crate) fn is_const(&self, ident: &Ident) -> bool {
        self.params.iter().any(|p| p.konst && p.ident == *ident)
    }

    pub(crate) fn contains(&self, ident: &Ident) -> bool {
        self.params.iter().any(|p| p.ident == *ident)
    }

    /// The first of these parameters that `ty` mentions.
    pub(crate) fn mentioned(&self, ty: &Type) -> Option<&Ident> {
        self.params
            .iter()
            .map(|p| &p.ident)
            .find(|ident| mentions_word(ty, &ident.to_string()))
    }

    /// How an argument of type `ty`, which mentions one of these
    /// parameters, is passed and recorded: `(pass, effect type, recording)`.
    pub(crate) fn lower_arg(&self, ty: &Type) -> (Pass, Type, Recording) {
        let (form, inner) = match ty {
            Type::Reference(r) if r.mutability.is_some() => (Form::Mut, &*r.elem),
            Type::Reference(r) => (Form::Ref, &*r.elem),
            other => (Form::Value, other),
        };
        if let Some(lowered) = self.lower_array(form, inner) {
            return lowered;
        }
        let param = self
            .params
            .iter()
            .filter(|p| !p.konst)
            .find(|p| matches!(inner, Type::Path(path) if path.qself.is_none() && path.path.is_ident(&p.ident)));
        let Some(param) = param else {
            // `Vec<T>`, `&[T]`, `Option<&T>`: the side effect gets a
            // placeholder; recorded by `Debug` text when the type has one.
            return (Pass::Placeholder, ty.clone(), Recording::Described);
        };
        let recording = if has_trait(&param.bounds, "Debug") {
            Recording::Debug
        } else {
            Recording::Opaque
        };
        let Some(dyn_bounds) = self.dyn_bounds(param) else {
            return (Pass::Placeholder, ty.clone(), recording);
        };
        let main = main_trait(&dyn_bounds);
        let lent: Type = match (form, main.as_str()) {
            (Form::Value, "FnOnce") => {
                syn::parse_quote!(::std::boxed::Box<dyn #(#dyn_bounds)+* + '_>)
            }
            (Form::Mut, _) => syn::parse_quote!(&mut (dyn #(#dyn_bounds)+* + '_)),
            (Form::Value, name) if MUT_TRAITS.contains(&name) => {
                syn::parse_quote!(&mut (dyn #(#dyn_bounds)+* + '_))
            }
            _ => syn::parse_quote!(&(dyn #(#dyn_bounds)+* + '_)),
        };
        let how = match (form, main.as_str()) {
            (Form::Ref | Form::Mut, _) if !param.sized => {
                return (Pass::Placeholder, ty.clone(), recording);
            }
            (Form::Ref | Form::Mut, _) => Lend::Coerce,
            (Form::Value, "FnOnce") => Lend::Boxed,
            (Form::Value, name) if MUT_TRAITS.contains(&name) => Lend::BorrowMut,
            (Form::Value, _) => Lend::Borrow,
        };
        (
            Pass::Erased {
                lent: lent.clone(),
                how,
            },
            lent,
            recording,
        )
    }

    /// `[T; N]`, `&[T; N]`, `&mut [T; N]` of a const parameter `N` (and a
    /// `T` that names none of these parameters): lent as the slice
    /// (`&[T]`, `&mut [T]`), recorded by its `Debug` text when it has one.
    fn lower_array(&self, form: Form, inner: &Type) -> Option<(Pass, Type, Recording)> {
        let Type::Array(array) = inner else {
            return None;
        };
        let len = &array.len;
        let len_names_const = self.params.iter().any(|p| {
            p.konst && mentions_word(&syn::parse_quote!([u8; #len]), &p.ident.to_string())
        });
        if !len_names_const || self.mentioned(&array.elem).is_some() {
            return None;
        }
        let elem = &array.elem;
        let (lent, how): (Type, Lend) = match form {
            Form::Mut => (syn::parse_quote!(&mut [#elem]), Lend::Coerce),
            Form::Ref => (syn::parse_quote!(&[#elem]), Lend::Coerce),
            Form::Value => (syn::parse_quote!(&[#elem]), Lend::Borrow),
        };
        Some((
            Pass::Erased {
                lent: lent.clone(),
                how,
            },
            lent,
            Recording::Described,
        ))
    }

    /// `AsRef<Path> + Send`: the first lendable trait among the bounds of
    /// `param` with its auto traits, when it names no parameter of these.
    fn dyn_bounds(&self, param: &Param) -> Option<Vec<TypeParamBound>> {
        let main = param
            .bounds
            .iter()
            .find(|b| trait_name(b).is_some_and(|n| DYN_TRAITS.contains(&n.as_str())))?;
        let dyn_ty: Type = syn::parse_quote!(dyn #main);
        if self.mentioned(&dyn_ty).is_some() {
            return None;
        }
        let autos = param
            .bounds
            .iter()
            .filter(|b| trait_name(b).is_some_and(|n| AUTO_TRAITS.contains(&n.as_str())));
        Some(std::iter::once(main).chain(autos).cloned().collect())
    }
}

#[derive(Clone, Copy)]
enum Form {
    Value,
    Ref,
    Mut,
}

fn trait_name(bound: &TypeParamBound) -> Option<String> {
    match bound {
        TypeParamBound::Trait(t) if matches!(t.modifier, syn::TraitBoundModifier::None) => {
            t.path.segments.last().map(|s| s.ident.to_string())
        }
        _ => None,
    }
}

fn has_trait(bounds: &[TypeParamBound], name: &str) -> bool {
    bounds
        .iter()
        .any(|b| trait_name(b).is_some_and(|n| n == name))
}

fn main_trait(bounds: &[TypeParamBound]) -> String {
    bounds.first().and_then(trait_name).unwrap_or_default()
}
