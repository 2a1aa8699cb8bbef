//! One argument: what the side effect receives and how it is recorded.

use syn::{Pat, PatType, PathArguments, Type, TypeImplTrait, TypeParamBound};

use super::bounds::Bounds;
use super::context::Context;
use super::erased::Erased;
use crate::diag::Errors;
use crate::model::{MockArg, Pass, Recording};
use crate::normalize::{ReplaceSelf, mentions_word};
use crate::{lifetimes, names};

pub(super) fn lower(
    index: usize,
    arg: &PatType,
    cx: &Context<'_>,
    bounds: &Bounds,
    erased: &Erased,
    errors: &mut Errors,
) -> Option<MockArg> {
    let (ident, pattern) = match &*arg.pat {
        Pat::Ident(pat) if pat.subpat.is_none() && pat.by_ref.is_none() => {
            // `mut x` is rebound for default bodies that change it.
            let rebind = pat.mutability.is_some().then(|| (*arg.pat).clone());
            (pat.ident.clone(), rebind)
        }
        other => (names::arg_ident(index), Some(other.clone())),
    };
    let written = (*arg.ty).clone();
    if let Some(recording) = self_recording(&written) {
        let effect_ty = ReplaceSelf {
            mock_ty: cx.mock_ty,
            assoc: cx.assoc,
        }
        .ty(&written);
        return Some(MockArg {
            ident,
            effect_ty: effect_lifetimes(&effect_ty, index),
            pass: Pass::Direct,
            recording,
            written,
            pattern,
        });
    }
    let mut replace = ReplaceSelf {
        mock_ty: cx.mock_ty,
        assoc: cx.assoc,
    };
    let ty = replace.ty(&written);
    let (pass, effect_ty, default_recording) = match &ty {
        _ if erased.mentioned(&ty).is_some() => erased.lower_arg(&ty),
        Type::ImplTrait(imp) => lower_impl(imp, bounds),
        // `Option<impl Into<String>>`, `Vec<impl Display>`: an anonymous
        // type parameter, as `Vec<T>` of a generic method without
        // `'static` is: a placeholder for the side effect, recorded by its
        // `Debug` text when its bounds give one.
        _ if mentions_word(&ty, "impl") => (Pass::Placeholder, ty.clone(), Recording::Described),
        _ if lifetimes::is_unnameable_mut(&ty) => {
            (Pass::Placeholder, ty.clone(), Recording::Opaque)
        }
        _ => (Pass::Direct, ty.clone(), recording_of(&ty, bounds)),
    };
    let by_name = if cx.overrides.debug.contains(&ident.to_string()) {
        Some(Recording::Debug)
    } else if cx.overrides.opaque.contains(&ident.to_string()) {
        Some(Recording::Opaque)
    } else {
        None
    };
    let recording = match recording_override(&arg.attrs, errors).or(by_name) {
        Some(recording) => recording,
        None => default_recording,
    };
    Some(MockArg {
        ident,
        effect_ty: effect_lifetimes(&effect_ty, index),
        pass,
        recording,
        written,
        pattern,
    })
}

/// `effect_ty` with its lifetimes named: the argument's own, and the one
/// inside a `&mut` argument (`&'a mut ReadBuf<'b>`), which must stay
/// apart.
fn effect_lifetimes(effect_ty: &Type, index: usize) -> Type {
    let own = names::arg_lifetime(index);
    lifetimes::split_mut(effect_ty, &own, &names::inner_lifetime(index))
        .unwrap_or_else(|| lifetimes::rename(effect_ty, &own))
}

/// `Self` and `&Self` arguments are recorded as the mock they are; other
/// types built on `Self` as a placeholder (a record holding the mock type
/// would make the mock contain itself).
fn self_recording(written: &Type) -> Option<Recording> {
    let (inner, by_ref) = match written {
        Type::Reference(r) => (&*r.elem, true),
        other => (other, false),
    };
    if matches!(inner, Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self")) {
        return Some(Recording::SameMock { by_ref });
    }
    let only_assoc = |ty: &Type| {
        let text = quote::quote!(#ty).to_string();
        text.matches("Self").count() == text.matches("Self ::").count()
    };
    (mentions_word(written, "Self") && !only_assoc(written)).then_some(Recording::Opaque)
}

/// `#[mockgen(debug)]` or `#[mockgen(opaque)]` on an argument.
fn recording_override(attrs: &[syn::Attribute], errors: &mut Errors) -> Option<Recording> {
    let attr = attrs.iter().find(|a| a.path().is_ident("mockgen"))?;
    let mut recording = None;
    let parsed = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("debug") {
            recording = Some(Recording::Debug);
            Ok(())
        } else if meta.path.is_ident("opaque") {
            recording = Some(Recording::Opaque);
            Ok(())
        } else {
            Err(meta.error("unknown argument option, expected `debug` or `opaque`"))
        }
    });
    if let Err(error) = parsed {
        errors.push_error(error);
    }
    recording
}

/// Owned when the type can be; `Debug` text or a placeholder otherwise.
fn recording_of(ty: &Type, bounds: &Bounds) -> Recording {
    let (target, by_ref) = match ty {
        Type::Reference(reference) => ((*reference.elem).clone(), true),
        other => (other.clone(), false),
    };
    if let Some(recording) = dyn_recording(&target) {
        return recording;
    }
    if matches!(target, Type::Ptr(_)) {
        // A raw pointer is neither `Send` nor `Sync`: its address, as text.
        return Recording::Debug;
    }
    if let Some(inner) = option_of_ref(ty) {
        if !lifetimes::has_lifetime(inner) && bounds.mentioned(inner).is_empty() {
            return Recording::OptionOwned {
                target: inner.clone(),
            };
        }
    }
    if lifetimes::has_lifetime(&target) {
        // Borrowing values cannot be owned: their `Debug` text, if any.
        return Recording::Described;
    }
    let params = bounds.mentioned(&target);
    let owned =
        |p: &String| bounds.has(p, "Clone") && bounds.has(p, "Send") && bounds.has(p, "Sync");
    if params.iter().all(owned) {
        Recording::Owned {
            target: borrowed_form(target),
            by_ref,
        }
    } else if is_param(&target) && params.iter().all(|p| bounds.has(p, "Debug")) {
        Recording::Debug
    } else {
        // A type built on parameters (`X<T>`) is `Debug` only if its own
        // impl says so: the probe finds out.
        Recording::Described
    }
}

/// Whether `ty` is a bare type parameter (`T`), whose bounds say whether
/// it is `Debug`.
fn is_param(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.get_ident().is_some())
}

/// Owned std types are seen by matchers in their borrowed form (the
/// guide's matchers chapter): `String` as `str`, `Vec<T>` as `[T]`, `PathBuf` as `Path`.
fn borrowed_form(target: Type) -> Type {
    let Type::Path(path) = &target else {
        return target;
    };
    let Some(segment) = path.path.segments.last() else {
        return target;
    };
    let name = segment.ident.to_string();
    let first_arg = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args.args.first().and_then(|a| match a {
            syn::GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        }),
        _ => None,
    };
    match (name.as_str(), first_arg) {
        ("String", None) => syn::parse_quote!(::core::primitive::str),
        ("PathBuf", None) => syn::parse_quote!(::std::path::Path),
        ("OsString", None) => syn::parse_quote!(::std::ffi::OsStr),
        ("Vec", Some(item)) if path.path.segments.len() == 1 || name == "Vec" => {
            syn::parse_quote!([#item])
        }
        _ => target,
    }
}

/// `T` of `Option<&T>`.
fn option_of_ref(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(Type::Reference(r)) if r.mutability.is_none() => Some(&r.elem),
        _ => None,
    }
}

/// `dyn Debug` is recorded by its text; other trait objects by placeholder.
fn dyn_recording(ty: &Type) -> Option<Recording> {
    if !mentions_word(ty, "dyn") {
        return None;
    }
    let is_debug = matches!(ty, Type::TraitObject(obj) if has_bound(&obj.bounds, "Debug"));
    Some(if is_debug {
        Recording::Debug
    } else {
        Recording::Opaque
    })
}

fn has_bound<'a>(bounds: impl IntoIterator<Item = &'a TypeParamBound>, name: &str) -> bool {
    bounds
        .into_iter()
        .any(|b| bound_path(b).is_some_and(|p| p.ident == name))
}

fn bound_path(bound: &TypeParamBound) -> Option<&syn::PathSegment> {
    match bound {
        TypeParamBound::Trait(t) => t.path.segments.last(),
        _ => None,
    }
}

/// `impl Into<T>`, `impl AsRef<T>`, `impl IntoIterator<Item = T>`,
/// `impl Fn…`, or any other `impl Trait` (lent as `&dyn Trait`). Bounds
/// that name no type to hand over (`impl Send`, `impl Iterator` without
/// `Item`, `impl IntoIterator + Send`) make a placeholder, like any
/// argument the side effect cannot see.
fn lower_impl(imp: &TypeImplTrait, bounds: &Bounds) -> (Pass, Type, Recording) {
    let placeholder = (
        Pass::Placeholder,
        Type::ImplTrait(imp.clone()),
        Recording::Opaque,
    );
    let traits: Vec<&syn::PathSegment> = imp.bounds.iter().filter_map(bound_path).collect();
    let Some(main) = traits.iter().find(|s| !is_auto_trait(&s.ident)) else {
        return placeholder;
    };
    // The type the conversion produces; one that is itself `impl Trait`
    // cannot be named in the mock.
    let generic_arg = match &main.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t.clone()),
            syn::GenericArgument::AssocType(t) if t.ident == "Item" => Some(t.ty.clone()),
            _ => None,
        }),
        _ => None,
    }
    .filter(|ty| !mentions_word(ty, "impl"));
    let dyn_bounds: Vec<&TypeParamBound> = imp
        .bounds
        .iter()
        .filter(|b| !matches!(b, TypeParamBound::Lifetime(_)))
        .collect();
    let lent = |kind: &str| -> Type {
        match kind {
            "mut" => syn::parse_quote!(&mut (dyn #(#dyn_bounds)+* + '_)),
            "box" => syn::parse_quote!(::std::boxed::Box<dyn #(#dyn_bounds)+* + '_>),
            _ => syn::parse_quote!(&(dyn #(#dyn_bounds)+* + '_)),
        }
    };
    let debug = if has_bound(imp.bounds.iter(), "Debug") {
        Recording::Debug
    } else {
        Recording::Opaque
    };
    match (main.ident.to_string().as_str(), generic_arg) {
        ("Into", Some(target)) => {
            let recording = recording_of(&target, bounds);
            (Pass::Into(target.clone()), target, recording)
        }
        ("AsRef", Some(target)) => {
            let effect: Type = syn::parse_quote!(&#target);
            let recording = recording_of(&effect, bounds);
            (Pass::AsRef(target), effect, recording)
        }
        ("IntoIterator" | "Iterator", Some(item)) => {
            let effect: Type = syn::parse_quote!(::std::vec::Vec<#item>);
            let recording = recording_of(&effect, bounds);
            (Pass::Collect(item), effect, recording)
        }
        ("Into" | "AsRef" | "IntoIterator" | "Iterator", None) => placeholder,
        ("FnMut", _) => (Pass::DynMut(lent("mut")), lent("mut"), Recording::Opaque),
        ("FnOnce", _) => (Pass::BoxOnce(lent("box")), lent("box"), Recording::Opaque),
        _ => (Pass::DynRef(lent("ref")), lent("ref"), debug),
    }
}

fn is_auto_trait(ident: &syn::Ident) -> bool {
    ["Send", "Sync", "Unpin", "Sized", "Copy"]
        .iter()
        .any(|t| ident == t)
}
