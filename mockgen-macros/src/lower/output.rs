//! The return type: what the handle is configured with (the owned form) and
//! how it becomes the return value (references are lent from the mock).

use syn::spanned::Spanned as _;
use syn::{GenericArgument, PathArguments, ReturnType, Type, TypeParamBound};

use super::context::Context;
use crate::diag::Errors;
use crate::lifetimes::has_lifetime;
use crate::model::{MockOutput, Serve};
use crate::normalize::ReplaceSelf;
pub(super) use crate::normalize::future_output;
use crate::normalize::generic_arg_of;

const BORROWING: &str = "return types that borrow are supported as `&T`, `&str`, `&[T]`, `&Path`, `&dyn Trait`, `Option<&T>`, `Vec<&T>` and iterators of `&T` lent from `self`, and as types whose lifetimes are type arguments (`Token<'a>`, configured as `Token<'static>`)";

/// The output, and whether the method returns `impl Future` (whose
/// output is what the handle is configured with).
pub(super) fn lower(
    sig: &syn::Signature,
    cx: &Context<'_>,
    errors: &mut Errors,
) -> (Option<MockOutput>, bool) {
    let written = match &sig.output {
        ReturnType::Default => {
            let unit = MockOutput {
                owned: syn::parse_quote!(()),
                serve: Serve::Value,
            };
            return (Some(unit), false);
        }
        ReturnType::Type(_, ty) => ty,
    };
    let (written, future) = match future_output(written) {
        Some(output) => (output, true),
        None => (&**written, false),
    };
    if let Type::Never(_) = written {
        // `-> !`: answered by a side effect that diverges; `Infallible`
        // is what its closure's `!` coerces to.
        let never = MockOutput {
            owned: syn::parse_quote!(::core::convert::Infallible),
            serve: Serve::Never,
        };
        return (Some(never), future);
    }
    // An async method's answer is lent from the handle when its future
    // completes, as a sync method's is when it returns.
    (lower_value(sig, written, cx, errors), future)
}

fn lower_value(
    sig: &syn::Signature,
    written: &Type,
    cx: &Context<'_>,
    errors: &mut Errors,
) -> Option<MockOutput> {
    let mut replace = ReplaceSelf {
        mock_ty: cx.mock_ty,
        assoc: cx.assoc,
    };
    let ty = replace.ty(written);
    if let Some(owned) = static_form_when_not_from_self(sig, &ty) {
        return Some(MockOutput {
            owned,
            serve: Serve::Value,
        });
    }
    match lower_type(&ty) {
        Ok(output) => {
            if !matches!(output.serve, Serve::Value) && sig.receiver().is_none() {
                errors.push(
                    written.span(),
                    "a static method cannot lend a reference from the mock: it has no `self` for the reference to borrow from; return `&'static` data or an owned value",
                );
                return None;
            }
            if matches!(
                output.serve,
                Serve::RefMut | Serve::DerefMut | Serve::OptionRefMut | Serve::OptionDerefMut
            ) {
                return lends_mut(sig, written, errors).then_some(output);
            }
            Some(output)
        }
        Err(message) => {
            errors.push(written.span(), message);
            None
        }
    }
}

fn lower_type(ty: &Type) -> Result<MockOutput, &'static str> {
    let value = |owned: Type, serve| Ok(MockOutput { owned, serve });
    if !has_lifetime(ty) && !matches!(ty, Type::ImplTrait(_)) {
        // Owned, or borrowing only `'static` data: returned as it is.
        return value(ty.clone(), Serve::Value);
    }
    if let Type::Reference(r) = ty {
        if let Some(obj) = trait_object(&r.elem) {
            let serve = match r.mutability {
                Some(_) => Serve::DynMut,
                None => Serve::Dyn,
            };
            return value(boxed_object(obj)?, serve);
        }
    }
    match ty {
        Type::Reference(r) if r.mutability.is_some() => match &*r.elem {
            elem if has_lifetime(elem) => Err(BORROWING),
            Type::Path(p) if p.path.is_ident("str") => {
                value(syn::parse_quote!(::std::string::String), Serve::DerefMut)
            }
            Type::Slice(s) => {
                let item = &s.elem;
                value(syn::parse_quote!(::std::vec::Vec<#item>), Serve::DerefMut)
            }
            other => match owned_of_unsized(other) {
                Some((owned, true)) => value(owned, Serve::DerefMut),
                Some((_, false)) => Err(
                    "returning `&mut CStr` is not supported: `CString` lends its text only shared; return `&CStr`",
                ),
                None => value(other.clone(), Serve::RefMut),
            },
        },
        Type::Reference(r) => {
            let elem = &*r.elem;
            if has_lifetime(elem) {
                return Err(BORROWING);
            }
            match elem {
                Type::Path(p) if p.path.is_ident("str") => {
                    value(syn::parse_quote!(::std::string::String), Serve::Deref)
                }
                Type::Slice(s) => {
                    let item = &s.elem;
                    value(syn::parse_quote!(::std::vec::Vec<#item>), Serve::Deref)
                }
                other => match owned_of_unsized(other) {
                    Some((owned, _)) => value(owned, Serve::Deref),
                    None => value(other.clone(), Serve::Ref),
                },
            }
        }
        Type::ImplTrait(imp) => {
            if let Some(item) = borrowed_iter_item(imp.bounds.iter()) {
                return value(syn::parse_quote!(::std::vec::Vec<#item>), Serve::Iter);
            }
            // `+ '_` only ties the value to `self`; an owned box satisfies it.
            let bounds: syn::punctuated::Punctuated<TypeParamBound, syn::Token![+]> = imp
                .bounds
                .iter()
                .filter(|b| !matches!(b, TypeParamBound::Lifetime(_)))
                .cloned()
                .collect();
            if bounds
                .iter()
                .any(|b| has_lifetime(&syn::parse_quote!(dyn #b)))
            {
                return Err(BORROWING);
            }
            let send = if bounds.iter().any(|b| is_trait(b, "Send")) {
                quote::quote!()
            } else {
                quote::quote!(+ ::core::marker::Send)
            };
            // Poll-based traits are implemented by a pinned box only.
            let pinned = [
                "Stream",
                "AsyncRead",
                "AsyncWrite",
                "AsyncBufRead",
                "AsyncSeek",
            ]
            .iter()
            .any(|name| bounds.iter().any(|b| is_trait(b, name)));
            let boxed: Type = syn::parse_quote!(::std::boxed::Box<dyn #bounds #send>);
            if pinned {
                value(syn::parse_quote!(::core::pin::Pin<#boxed>), Serve::Value)
            } else {
                value(boxed, Serve::Value)
            }
        }
        _ if !has_lifetime(ty) => value(ty.clone(), Serve::Value),
        _ => lower_borrowing(ty),
    }
}

/// A trait object's bounds without its lifetime bound; `None` when a
/// trait of it borrows (`dyn Parser<'a>`), which no `'static` value can
/// stand for.
fn owned_bounds(obj: &syn::TypeTraitObject) -> Option<Vec<&TypeParamBound>> {
    let bounds: Vec<&TypeParamBound> = obj
        .bounds
        .iter()
        .filter(|b| !matches!(b, TypeParamBound::Lifetime(_)))
        .collect();
    let borrows = bounds
        .iter()
        .any(|b| has_lifetime(&syn::parse_quote!(dyn #b)));
    (!borrows).then_some(bounds)
}

/// The box a `&dyn Trait` (or `&mut dyn Trait`) return is configured with
/// and lent from: `Box<dyn Trait + Send + Sync>`, since the mock's values
/// are shared between threads; the reference's object lifetime bound is
/// the box's `'static`, which outlives it. A trait that borrows
/// (`dyn Parser<'a>`) has no `'static` box.
fn boxed_object(obj: &syn::TypeTraitObject) -> Result<Type, &'static str> {
    let bounds = owned_bounds(obj).ok_or(BORROWING)?;
    let send = (!bounds.iter().any(|b| is_trait(b, "Send")))
        .then(|| quote::quote!(+ ::core::marker::Send));
    let sync = (!bounds.iter().any(|b| is_trait(b, "Sync")))
        .then(|| quote::quote!(+ ::core::marker::Sync));
    Ok(syn::parse_quote!(::std::boxed::Box<dyn #(#bounds)+* #send #sync>))
}

/// `dyn Trait` of `&dyn Trait` or `&(dyn Trait + Send)`.
fn trait_object(elem: &Type) -> Option<&syn::TypeTraitObject> {
    match elem {
        Type::TraitObject(obj) => Some(obj),
        Type::Paren(inner) => trait_object(&inner.elem),
        Type::Group(inner) => trait_object(&inner.elem),
        _ => None,
    }
}

/// Whether a method returning `&mut` can lend the value its handle keeps:
/// only through `&mut self` (two calls through `&self` would hand out two
/// mutable borrows of one value, which Rust forbids), and not from a
/// generic method (whose handles are shared per type).
fn lends_mut(sig: &syn::Signature, written: &Type, errors: &mut Errors) -> bool {
    let by_mut_ref = sig.receiver().is_some_and(|r| {
        r.colon_token.is_none() && r.reference.is_some() && r.mutability.is_some()
    });
    if !by_mut_ref {
        errors.push(
            written.span(),
            "a method returning `&mut` needs a `&mut self` receiver: the mock lends one value it keeps, and through `&self` two calls would hold two mutable borrows of it",
        );
        return false;
    }
    let generic = sig
        .generics
        .params
        .iter()
        .any(|p| matches!(p, syn::GenericParam::Type(_)));
    if generic {
        errors.push(
            written.span(),
            "a generic method cannot return `&mut`: the mock keeps one value per method, not one per type argument",
        );
        return false;
    }
    true
}

/// Types that borrow from `self` inside a wrapper: `Option<&T>`,
/// `Result<&T, E>`, `Box<dyn Iterator<Item = &T> + '_>`.
fn lower_borrowing(ty: &Type) -> Result<MockOutput, &'static str> {
    let value = |owned: Type, serve| Ok(MockOutput { owned, serve });
    if let Some(lowered) = wrapped_reference(ty) {
        return lowered;
    }
    if let Some(Type::TraitObject(obj)) = generic_arg_of(ty, "Box") {
        if let Some(item) = borrowed_iter_item(obj.bounds.iter()) {
            return value(syn::parse_quote!(::std::vec::Vec<#item>), Serve::Iter);
        }
        // `Box<dyn Trait + '_>` of owned data: an owned box satisfies it.
        let bounds: Vec<&TypeParamBound> = obj
            .bounds
            .iter()
            .filter(|b| !matches!(b, TypeParamBound::Lifetime(_)))
            .collect();
        let owned: Type = syn::parse_quote!(::std::boxed::Box<dyn #(#bounds)+*>);
        if !has_lifetime(&owned) {
            return value(owned, Serve::Value);
        }
    }
    if let Some(owned) = with_static_lifetimes(ty) {
        // `Token<'a>`, `Cow<'_, str>`: configured with the `'static` form,
        // which the method returns as the shorter-lived type.
        return value(owned, Serve::Value);
    }
    Err(BORROWING)
}

/// `Option<&T>`, `Option<&mut T>`, `Vec<&T>`, `Result<&T, E>` (with `&str`,
/// `&[T]`, `&dyn Trait` alike): a reference inside a wrapper, lent from
/// `self`, configured with the wrapper of the reference's owned form. `None`
/// when `ty` is no such wrapper.
fn wrapped_reference(ty: &Type) -> Option<Result<MockOutput, &'static str>> {
    for wrapper in ["Option", "Vec", "Result"] {
        let Some(Type::Reference(r)) = generic_arg_of(ty, wrapper) else {
            continue;
        };
        if has_lifetime(&r.elem) {
            continue;
        }
        let inner = match lower_type(&Type::Reference(r.clone())) {
            Ok(inner) => inner,
            Err(message) => return Some(Err(message)),
        };
        let serve = match (wrapper, inner.serve) {
            ("Option", Serve::Ref) => Serve::OptionRef,
            ("Option", Serve::Deref) => Serve::OptionDeref,
            ("Option", Serve::Dyn) => Serve::OptionDyn,
            ("Option", Serve::RefMut) => Serve::OptionRefMut,
            ("Option", Serve::DerefMut) => Serve::OptionDerefMut,
            ("Vec", Serve::Ref) => Serve::VecRef,
            ("Vec", Serve::Deref) => Serve::VecDeref,
            ("Result", Serve::Ref) => Serve::ResultRef,
            ("Result", Serve::Deref) => Serve::ResultDeref,
            ("Result", Serve::Dyn) => Serve::ResultDyn,
            _ => return Some(Err(BORROWING)),
        };
        let owned = inner.owned;
        let owned: Type = match wrapper {
            "Option" => syn::parse_quote!(::core::option::Option<#owned>),
            "Vec" => syn::parse_quote!(::std::vec::Vec<#owned>),
            _ => replace_first_arg(ty, &owned),
        };
        return Some(Ok(MockOutput { owned, serve }));
    }
    None
}

/// `ty` with every lifetime argument `'static`, when its lifetimes are all
/// arguments of named types (`Token<'a>`, `Vec<Cow<'_, str>>`), not
/// references or trait objects.
fn with_static_lifetimes(ty: &Type) -> Option<Type> {
    use syn::visit_mut::VisitMut;
    struct ToStatic {
        borrows: bool,
    }
    impl VisitMut for ToStatic {
        fn visit_type_mut(&mut self, ty: &mut Type) {
            match ty {
                Type::Path(_)
                | Type::Tuple(_)
                | Type::Array(_)
                | Type::Paren(_)
                | Type::Group(_) => {
                    syn::visit_mut::visit_type_mut(self, ty);
                }
                _ => self.borrows |= has_lifetime(ty),
            }
        }
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            *lifetime = syn::Lifetime::new("'static", lifetime.span());
        }
    }
    let mut owned = ty.clone();
    let mut to_static = ToStatic { borrows: false };
    to_static.visit_type_mut(&mut owned);
    (!to_static.borrows).then_some(owned)
}

/// The owned form of an unsized std type lent by reference: `Path` as
/// `PathBuf`, `OsStr` as `OsString`, `CStr` as `CString`; and whether the
/// owned form lends it mutably too.
fn owned_of_unsized(elem: &Type) -> Option<(Type, bool)> {
    let Type::Path(path) = elem else { return None };
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let std_path = match segments.as_slice() {
        [_] => true,
        [first, .., _] => {
            ["std", "core", "alloc"].contains(&first.as_str()) && path.qself.is_none()
        }
        [] => false,
    };
    if !std_path || !path.path.segments.iter().all(|s| s.arguments.is_none()) {
        return None;
    }
    Some(match segments.last()?.as_str() {
        "Path" => (syn::parse_quote!(::std::path::PathBuf), true),
        "OsStr" => (syn::parse_quote!(::std::ffi::OsString), true),
        "CStr" => (syn::parse_quote!(::std::ffi::CString), false),
        _ => return None,
    })
}

/// `T` of `Iterator<Item = &T>` among the bounds.
fn borrowed_iter_item<'a>(mut bounds: impl Iterator<Item = &'a TypeParamBound>) -> Option<Type> {
    bounds.find_map(|bound| {
        let TypeParamBound::Trait(t) = bound else {
            return None;
        };
        let segment = t.path.segments.last()?;
        if segment.ident != "Iterator" {
            return None;
        }
        let PathArguments::AngleBracketed(args) = &segment.arguments else {
            return None;
        };
        args.args.iter().find_map(|arg| match arg {
            GenericArgument::AssocType(assoc) if assoc.ident == "Item" => match &assoc.ty {
                Type::Reference(r) if r.mutability.is_none() && !has_lifetime(&r.elem) => {
                    Some((*r.elem).clone())
                }
                _ => None,
            },
            _ => None,
        })
    })
}

fn is_trait(bound: &TypeParamBound, name: &str) -> bool {
    matches!(bound, TypeParamBound::Trait(t) if t.path.segments.last().is_some_and(|s| s.ident == name))
}

/// `Result<X, E>` with `X` replaced by `first`.
fn replace_first_arg(ty: &Type, first: &Type) -> Type {
    let mut ty = ty.clone();
    if let Type::Path(path) = &mut ty {
        if let Some(segment) = path.path.segments.last_mut() {
            if let PathArguments::AngleBracketed(args) = &mut segment.arguments {
                if let Some(GenericArgument::Type(t)) = args.args.first_mut() {
                    *t = first.clone();
                }
            }
        }
    }
    ty
}

/// A return type that borrows for a lifetime other than the receiver's
/// (`-> &'a str` of `fn first<'a>(&self, text: &'a str)`, `-> Token<'a>` of
/// `trait Parser<'a>`) cannot be lent from the mock: it is configured with
/// its `'static` form (`&'static str`, `Token<'static>`), returned as the
/// shorter-lived type.
fn static_form_when_not_from_self(sig: &syn::Signature, ty: &Type) -> Option<Type> {
    use syn::visit::Visit;
    use syn::visit_mut::VisitMut;
    let object = match ty {
        Type::Reference(r) if r.mutability.is_none() => trait_object(&r.elem),
        _ => None,
    };
    if crate::normalize::mentions_word(ty, "impl")
        || (crate::normalize::mentions_word(ty, "dyn") && object.is_none())
    {
        return None;
    }
    let is_static =
        |r: &syn::TypeReference| r.lifetime.as_ref().is_some_and(|l| l.ident == "static");
    if let (Some(object), Type::Reference(r)) = (object, ty) {
        if is_static(r) {
            return static_object(object);
        }
    }
    struct Named(Vec<syn::Lifetime>);
    impl Visit<'_> for Named {
        fn visit_lifetime(&mut self, lifetime: &syn::Lifetime) {
            if lifetime.ident != "static" && lifetime.ident != "_" {
                self.0.push(lifetime.clone());
            }
        }
    }
    let mut named = Named(Vec::new());
    named.visit_type(ty);
    let receiver = sig
        .receiver()
        .and_then(|r| r.reference.as_ref())
        .and_then(|(_, lifetime)| lifetime.clone());
    // A static method has no `self` to lend from: what it returns borrows
    // from its arguments (or is `'static`), so it takes the `'static` form.
    if sig.receiver().is_some() && named.0.iter().all(|l| Some(l) == receiver.as_ref()) {
        return None;
    }
    if let Some(object) = object {
        return static_object(object);
    }
    struct ToStatic;
    impl VisitMut for ToStatic {
        fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
            if reference.lifetime.is_none() {
                reference.lifetime = Some(syn::parse_quote!('static));
            }
            syn::visit_mut::visit_type_reference_mut(self, reference);
        }
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            *lifetime = syn::Lifetime::new("'static", lifetime.span());
        }
    }
    let mut owned = ty.clone();
    ToStatic.visit_type_mut(&mut owned);
    Some(owned)
}

/// `&'static (dyn Trait + Sync)`, the form a `&'a dyn Trait` that does not
/// borrow from `self` is configured with: a reference the mock's shared
/// values can hold. `None` when the trait itself borrows.
fn static_object(object: &syn::TypeTraitObject) -> Option<Type> {
    let bounds = owned_bounds(object)?;
    let sync = (!bounds.iter().any(|b| is_trait(b, "Sync")))
        .then(|| quote::quote!(+ ::core::marker::Sync));
    Some(syn::parse_quote!(&'static (dyn #(#bounds)+* #sync)))
}
