//! `#[patchable]` stage 2: one function or method becomes a [`PatchFn`],
//! with every unsupported shape reported at its tokens.

use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Attribute, Block, FnArg, Ident, Pat, ReturnType, Signature, Type, Visibility};

use super::names as patch_names;
use crate::diag::Errors;
use crate::lifetimes;
use crate::names;

/// How an argument is recorded (as `crate::model::Recording` is for trait
/// mocks).
pub(crate) enum Recording {
    /// An owned copy through `ToOwned` of `target` (of the referent when
    /// `by_ref`).
    Owned { target: Box<Type>, by_ref: bool },
    /// Its `Debug` text.
    Debug,
    /// A placeholder naming its type.
    Opaque,
}

/// One argument of a patchable function, as its signature marker sees it.
pub(crate) struct PatchArg {
    /// The trampoline's name for it.
    pub(crate) ident: Ident,
    /// The type as written, `Self` replaced.
    pub(crate) ty: Type,
    /// The type with its elided lifetimes named: the signature's `AN`.
    pub(crate) named_ty: Type,
    pub(crate) recording: Recording,
}

/// One patchable function, ready for codegen.
pub(crate) struct PatchFn {
    /// The attributes as written (docs, `#[inline]`, `#[cfg]`, …).
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    /// The signature as written, less the `#[mockgen(…)]` argument options.
    pub(crate) sig: Signature,
    pub(crate) block: Block,
    /// `#[cfg]` attributes, copied to every generated item.
    pub(crate) cfgs: Vec<Attribute>,
    /// The signature marker type.
    pub(crate) marker: Ident,
    /// Whether it is an `async fn`: side effects then return futures.
    pub(crate) asyncness: bool,
    /// Whether it is a method taking `self` (not recorded, not passed to
    /// side effects: Python's patched methods do not see `self` either).
    pub(crate) has_receiver: bool,
    /// The argument names of the trampoline, one per typed argument.
    pub(crate) params: Vec<Ident>,
    /// The arguments as the signature marker sees them (`Self` replaced).
    pub(crate) args: Vec<PatchArg>,
    /// The output type, `()` when there is none (`Self` replaced).
    pub(crate) output: Type,
}

/// What a method's `Self` stands for, and the name its markers start with.
pub(crate) struct SelfType<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) ident: &'a Ident,
}

/// Lowers `fn` items; `self_ty` is `Some` inside an inherent `impl`.
pub(crate) fn lower_fn(
    attrs: &[Attribute],
    vis: &Visibility,
    sig: &Signature,
    block: &Block,
    self_ty: Option<&SelfType<'_>>,
    errors: &mut Errors,
) -> Option<PatchFn> {
    let before = errors.len();
    check_signature(sig, self_ty.is_some(), errors);
    let mut sig = sig.clone();
    let mut params = Vec::new();
    let mut args = Vec::new();
    let typed = sig.inputs.iter_mut().filter_map(|input| match input {
        FnArg::Typed(arg) => Some(arg),
        FnArg::Receiver(_) => None,
    });
    for (index, arg) in typed.enumerate() {
        let recording = recording_override(&arg.attrs, errors);
        arg.attrs.retain(|a| !a.path().is_ident("mockgen"));
        params.push(param_ident(index, &arg.pat));
        if let Some(arg) = lower_arg(index, arg, self_ty, recording, errors) {
            args.push(arg);
        }
    }
    let output = lower_output(&sig.output, self_ty, errors);
    if errors.len() > before {
        return None;
    }
    let prefix = patch_names::marker_prefix(self_ty.map(|s| s.ident));
    Some(PatchFn {
        attrs: attrs.to_vec(),
        vis: vis.clone(),
        asyncness: sig.asyncness.is_some(),
        has_receiver: sig.receiver().is_some(),
        marker: names::signature_ident(&prefix, &sig.ident),
        cfgs: attrs
            .iter()
            .filter(|a| a.path().is_ident("cfg"))
            .cloned()
            .collect(),
        sig,
        block: block.clone(),
        params,
        args,
        output: output?,
    })
}

fn check_signature(sig: &Signature, in_impl: bool, errors: &mut Errors) {
    if let Some(constness) = &sig.constness {
        errors.push_error(syn::Error::new_spanned(
            constness,
            "a `const fn` cannot be patched",
        ));
    }
    if let Some(abi) = &sig.abi {
        errors.push_error(syn::Error::new_spanned(
            abi,
            "a function with an explicit ABI (`extern`) cannot be patched",
        ));
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.push_error(syn::Error::new_spanned(
            &sig.generics,
            "generic functions cannot be patched yet",
        ));
    }
    if let Some(variadic) = &sig.variadic {
        errors.push_error(syn::Error::new_spanned(
            variadic,
            "variadic functions cannot be patched",
        ));
    }
    if let (false, Some(receiver)) = (in_impl, sig.receiver()) {
        errors.push_error(syn::Error::new_spanned(
            receiver,
            "`#[patchable]` on a method: put it on the `impl` block instead",
        ));
    }
    let typed = sig
        .inputs
        .iter()
        .filter(|input| matches!(input, FnArg::Typed(_)))
        .count();
    if typed > 12 {
        errors.push_error(syn::Error::new_spanned(
            &sig.inputs,
            "functions with more than 12 arguments cannot be patched",
        ));
    }
}

/// The trampoline's name for an argument: the user's when the pattern is a
/// plain name (without `mut`/`ref`), else one of ours.
fn param_ident(index: usize, pat: &Pat) -> Ident {
    match pat {
        Pat::Ident(pat) if pat.subpat.is_none() => pat.ident.clone(),
        _ => names::hygienic(&names::arg_ident(index).to_string()),
    }
}

fn lower_arg(
    index: usize,
    arg: &syn::PatType,
    self_ty: Option<&SelfType<'_>>,
    recording: Option<Recording>,
    errors: &mut Errors,
) -> Option<PatchArg> {
    if contains_impl_trait(&arg.ty) {
        errors.push_error(syn::Error::new_spanned(
            &arg.ty,
            "`impl Trait` arguments cannot be patched yet",
        ));
        return None;
    }
    let ty = replace_self(&arg.ty, self_ty);
    let recording = recording.unwrap_or_else(|| default_recording(&ty));
    Some(PatchArg {
        ident: param_ident(index, &arg.pat),
        named_ty: name_elided(&ty, &names::arg_lifetime(index)),
        ty,
        recording,
    })
}

fn lower_output(
    output: &ReturnType,
    self_ty: Option<&SelfType<'_>>,
    errors: &mut Errors,
) -> Option<Type> {
    let ReturnType::Type(_, ty) = output else {
        return Some(syn::parse_quote!(()));
    };
    if contains_impl_trait(ty) {
        errors.push_error(syn::Error::new_spanned(
            ty,
            "functions returning `impl Trait` cannot be patched yet",
        ));
        return None;
    }
    if lifetimes::has_lifetime(ty) {
        errors.push_error(syn::Error::new_spanned(
            ty,
            "functions returning references cannot be patched yet",
        ));
        return None;
    }
    Some(replace_self(ty, self_ty))
}

/// `#[mockgen(debug)]` or `#[mockgen(opaque)]` on an argument.
fn recording_override(attrs: &[Attribute], errors: &mut Errors) -> Option<Recording> {
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

/// Owned when the type can be, else a placeholder, as for trait mocks.
fn default_recording(ty: &Type) -> Recording {
    let (target, by_ref) = match ty {
        Type::Reference(reference) => ((*reference.elem).clone(), true),
        other => (other.clone(), false),
    };
    let mut finder = DynFinder(false);
    finder.visit_type(&target);
    if finder.0 || lifetimes::has_lifetime(&target) {
        return Recording::Opaque;
    }
    Recording::Owned {
        target: Box::new(target),
        by_ref,
    }
}

struct DynFinder(bool);

impl Visit<'_> for DynFinder {
    fn visit_type_trait_object(&mut self, _: &syn::TypeTraitObject) {
        self.0 = true;
    }
}

fn contains_impl_trait(ty: &Type) -> bool {
    struct Finder(bool);
    impl Visit<'_> for Finder {
        fn visit_type_impl_trait(&mut self, _: &syn::TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    finder.visit_type(ty);
    finder.0
}

/// `Self` → the impl's type, for the marker, which lives outside the impl.
fn replace_self(ty: &Type, self_ty: Option<&SelfType<'_>>) -> Type {
    struct ReplaceSelf<'a>(&'a Type);
    impl VisitMut for ReplaceSelf<'_> {
        fn visit_type_mut(&mut self, ty: &mut Type) {
            if let Type::Path(path) = ty {
                if path.qself.is_none() && path.path.is_ident("Self") {
                    *ty = self.0.clone();
                    return;
                }
            }
            syn::visit_mut::visit_type_mut(self, ty);
        }
    }
    let mut ty = ty.clone();
    if let Some(self_ty) = self_ty {
        ReplaceSelf(self_ty.ty).visit_type_mut(&mut ty);
    }
    ty
}

/// Names every elided lifetime (`&T`, `'_`) of an argument type, so that
/// the signature can declare it as a generic associated type. Lifetimes
/// inside `fn(&T)` and `dyn Fn(&T)` belong to their own binder.
fn name_elided(ty: &Type, lifetime: &syn::Lifetime) -> Type {
    struct NameElided<'a>(&'a syn::Lifetime);
    impl VisitMut for NameElided<'_> {
        fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
            if reference.lifetime.is_none() {
                reference.lifetime = Some(self.0.clone());
            }
            syn::visit_mut::visit_type_reference_mut(self, reference);
        }
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if lifetime.ident == "_" {
                *lifetime = self.0.clone();
            }
        }
        fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
        fn visit_parenthesized_generic_arguments_mut(
            &mut self,
            _: &mut syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    let mut ty = ty.clone();
    NameElided(lifetime).visit_type_mut(&mut ty);
    ty
}
