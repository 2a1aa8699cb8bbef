//! `#[patchable]` stage 2: one function or method becomes a [`PatchFn`].
//! The signature is lowered as a trait method is (`lower::lower_method`),
//! after the checks of what patching does not support, each reported at its
//! tokens.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;
use syn::visit::Visit;
use syn::{Attribute, Block, FnArg, ReturnType, Signature, TraitItemFn, Type, Visibility};

use super::{borrowed, boxed, impl_args, names as patch_names};
use crate::diag::Errors;
use crate::lower::{self, Bounds, Context, bounds};
use crate::model::{Asyncness, MockMethod, MockOutput, MockSpec, Serve};
use crate::names;
use crate::normalize::ReplaceSelf;

/// One patchable function, ready for codegen.
pub(crate) struct PatchFn {
    /// The attributes as written (docs, `#[inline]`, `#[cfg]`, …).
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) block: Block,
    /// The `#[cfg]` attributes of the function and its `impl` block, for
    /// the items generated inside the block.
    pub(crate) cfgs: Vec<Attribute>,
    /// What the signature marker is named after (`MockSpec::mock_ident` is
    /// the marker prefix) and its visibility: the function's.
    pub(crate) spec: MockSpec,
    /// The function as a mock method (with its visibility): `sig` is the
    /// signature as written, less the `#[mockgen(…)]` argument options;
    /// `cfgs` also carry the gate, since the marker is an item of its own.
    /// A receiver is neither recorded nor passed to side effects (Python's
    /// patched methods do not see `self` either).
    pub(crate) method: MockMethod,
    /// The function's type parameters: the marker is generic over them, so
    /// each instantiation has its own patches (`patch!(parse::<u32>)`).
    pub(crate) type_params: Vec<syn::Ident>,
    /// The box an `impl Trait` return is configured with, which the
    /// original's value is put in too.
    pub(crate) boxed: Option<Type>,
}

impl PatchFn {
    /// The signature marker's name.
    pub(crate) fn marker(&self) -> syn::Ident {
        names::signature_ident(&self.spec.mock_ident, &self.method.ident)
    }

    /// The signature marker of the instantiation being called:
    /// `__mockgen_patch_parse::<T>`.
    pub(crate) fn marker_ty(&self) -> TokenStream {
        let marker = self.marker();
        let block_params = self.spec.generics.type_params().map(|p| &p.ident);
        let params: Vec<&syn::Ident> = block_params.chain(&self.type_params).collect();
        match params.as_slice() {
            [] => quote!(#marker),
            params => quote!(#marker::<#(#params),*>),
        }
    }
}

/// The inherent `impl` block of a method: what `Self` stands for, the
/// name its markers start with, and its `#[cfg]` attributes.
pub(crate) struct SelfType<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) ident: &'a syn::Ident,
    pub(crate) cfgs: &'a [Attribute],
    /// `ident` is a type parameter of the marker standing for `Self`
    /// (a marker nested in a function cannot name the enclosing `Self`).
    pub(crate) as_param: bool,
    /// The block's generics (`impl<T: 'static> Cache<T>`): the markers of
    /// its methods are generic over them, so that each instantiation has
    /// its own patches.
    pub(crate) generics: &'a syn::Generics,
}

/// Lowers `fn` items; `self_ty` is `Some` inside an inherent `impl`, `gate`
/// is `#[cfg(test)]` unless the feature is on.
pub(crate) fn lower_fn(
    attrs: &[Attribute],
    vis: &Visibility,
    sig: &Signature,
    block: &Block,
    self_ty: Option<&SelfType<'_>>,
    gate: &[Attribute],
    errors: &mut Errors,
) -> Option<PatchFn> {
    let before = errors.len();
    check_signature(sig, errors);
    if errors.len() > before {
        return None;
    }
    let mut written = sig.clone();
    for input in &mut written.inputs {
        if let FnArg::Typed(arg) = input {
            arg.attrs.retain(|a| !a.path().is_ident("mockgen"));
        }
    }
    // `Self` is replaced before lowering: to a mock, `Self` is the mock
    // (recorded by identity); here it is the type, recorded by value, and
    // the marker lives outside the `impl`.
    let unit: Type = syn::parse_quote!(());
    let mock_ty = self_ty.map_or(&unit, |s| s.ty);
    let assoc = BTreeMap::new();
    let mut replace = ReplaceSelf {
        mock_ty,
        assoc: &assoc,
    };
    let mut lowered = sig.clone();
    for input in &mut lowered.inputs {
        if let FnArg::Typed(arg) = input {
            *arg.ty = replace.ty(&arg.ty);
        }
    }
    let output = match &sig.output {
        ReturnType::Default => unit.clone(),
        ReturnType::Type(_, ty) => replace.ty(ty),
    };
    lowered.output = syn::parse_quote!(-> #output);
    // A return value that borrows is configured in its `'static` form
    // (`borrowed.rs`); the side effect may return borrows of the arguments.
    impl_args::desugar(&mut lowered);
    let borrows = borrowed::borrows(&output);
    borrowed::name_elided(&mut lowered);
    let as_written = lowered.clone();
    // An `impl Trait` return is configured with a box (`boxed.rs`).
    let boxed = boxed::boxed_output(&output).ok().flatten();
    let output = match &boxed {
        Some(boxed) => boxed.clone(),
        None => borrowed::static_form(&output),
    };
    lowered.output = syn::parse_quote!(-> #output);
    let impl_cfgs = self_ty.map_or(&[][..], |s| s.cfgs);
    let cfgs: Vec<Attribute> = impl_cfgs
        .iter()
        .chain(attrs)
        .filter(|a| a.path().is_ident("cfg"))
        .cloned()
        .collect();
    // The ABI is the trampoline's business: the handle and its side
    // effects are Rust functions.
    lowered.abi = None;
    let trait_fn = TraitItemFn {
        attrs: gate.iter().chain(&cfgs).cloned().collect(),
        sig: lowered,
        default: None,
        semi_token: Some(Default::default()),
    };
    let bounds = Bounds::default();
    let cx = Context {
        mock_ty,
        assoc: &assoc,
        bounds: &bounds,
        async_trait: None,
        overrides: &crate::lower::ArgOverrides::NONE,
        formatting_trait: false,
    };
    let mut method = lower::lower_method(&trait_fn, &cx, errors)?;
    impl_args::lend_or_placeholder(&mut method.args, sig.asyncness.is_some());
    // A patched function's side effects return the configured form, but
    // for a borrowing return value of a function that is not async: typed
    // as written, returning borrows of the arguments it can.
    method.lending = (borrows && sig.asyncness.is_none())
        .then(|| lower::lending::of_patched(&as_written, &method.args, &output, &cx));
    adapt(&mut method, written, output);
    // The marker needs no family of instantiations (generic mock methods
    // have one for `.of::<T>()`): `patch!` names the instantiation.
    let type_params = std::mem::take(&mut method.type_params);
    method.vis = vis.clone();
    let spec = MockSpec {
        vis: vis.clone(),
        mock_ident: patch_names::marker_prefix(self_ty.map(|s| s.ident)),
        generics: match self_ty {
            Some(SelfType {
                ident,
                as_param: true,
                ..
            }) => syn::parse_quote!(<#ident: 'static>),
            Some(SelfType { generics, .. }) => (*generics).clone(),
            None => syn::Generics::default(),
        },
        impls: Vec::new(),
        methods: Vec::new(),
        origin: "#[patchable]",
        strict: false,
        inherent_self: None,
        block: None,
    };
    Some(PatchFn {
        attrs: attrs.to_vec(),
        block: block.clone(),
        cfgs,
        spec,
        method,
        type_params,
        boxed,
    })
}

/// Where a patched function differs from a mocked method.
fn adapt(method: &mut MockMethod, written: Signature, output: Type) {
    // A patched function returns what its body returns: no future or
    // `fmt::Result` is configured by its output the way a mock's is (and
    // `check_signature` let through only outputs that borrow nothing).
    method.output = MockOutput {
        owned: output,
        serve: Serve::Value,
    };
    method.asyncness = if written.asyncness.is_some() {
        Asyncness::AsyncFn
    } else {
        Asyncness::Sync
    };
    // The names made up for patterns cannot collide with the user's: a
    // trampoline may take both `(a, b): (u8, u8)` and `arg0: u8`.
    for (index, arg) in method.args.iter_mut().enumerate() {
        if arg.ident == names::arg_ident(index) {
            arg.ident = names::hygienic(&arg.ident.to_string());
        }
    }
    // The trampoline keeps the signature as written (with `Self`).
    method.sig = written;
}

fn check_signature(sig: &Signature, errors: &mut Errors) {
    if let Some(constness) = &sig.constness {
        errors.push_error(syn::Error::new_spanned(
            constness,
            "a `const fn` cannot be patched",
        ));
    }
    check_generics(&sig.generics, errors);
    if let Some(variadic) = &sig.variadic {
        errors.push_error(syn::Error::new_spanned(
            variadic,
            "variadic functions cannot be patched",
        ));
    }
    let typed = sig
        .inputs
        .iter()
        .filter(|input| matches!(input, FnArg::Typed(_)))
        .count();
    if typed > crate::names::MAX_ARGS {
        errors.push_error(syn::Error::new_spanned(
            &sig.inputs,
            "functions with more than 16 arguments cannot be patched: the runtime's handles are written out per number of arguments, up to 16; group arguments into a struct",
        ));
    }
    if let ReturnType::Type(_, ty) = &sig.output {
        if contains_impl_trait(ty) {
            match boxed::boxed_output(ty) {
                Ok(Some(_)) if sig.asyncness.is_none() => {}
                Ok(_) if sig.asyncness.is_some() => errors.push_error(syn::Error::new_spanned(
                    ty,
                    "an `async fn` returning `impl Trait` cannot be patched: its patch's futures would return a boxed value, which is not the function's opaque type",
                )),
                Ok(_) => errors.push_error(syn::Error::new_spanned(
                    ty,
                    "a function returning `impl Trait` inside another type cannot be patched: its patch answers with a boxed value, which only a whole `impl Trait` return can stand for",
                )),
                Err(reason) => errors.push_error(syn::Error::new_spanned(ty, reason)),
            }
        } else if let Some(reference) = borrowed::mut_borrow(ty) {
            errors.push_error(syn::Error::new_spanned(
                reference,
                "a function returning a `&mut` borrow cannot be patched: a patch answers with values it leaks and lends to every call, and Rust lets one value be borrowed mutably only once at a time",
            ));
        }
    }
}

/// Type parameters are patched per instantiation, which the patch tables
/// tell apart by `TypeId`: they need `'static`.
fn check_generics(generics: &syn::Generics, errors: &mut Errors) {
    for param in &generics.params {
        match param {
            syn::GenericParam::Const(c) => errors.push_error(syn::Error::new_spanned(
                c,
                "functions with const generic parameters cannot be patched",
            )),
            syn::GenericParam::Type(t) if !bounds::is_static(generics, &t.ident) => {
                errors.push_error(syn::Error::new_spanned(
                    &t.ident,
                    format!(
                        "each type given to `{0}` is patched on its own (`patch!(f::<u32>)`), which needs `{0}: 'static`: add the bound",
                        t.ident
                    ),
                ));
            }
            _ => {}
        }
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
