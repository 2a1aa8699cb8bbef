//! `#[patchable]` stage 3: the trampoline that replaces the function, the
//! original body it falls back to, and the companion `patch!` calls.
//!
//! ```text
//! pub fn fetch_temperature(city: &str) -> f64 {
//!     fn __mockgen_original(city: &str) -> f64 { /* the body as written */ }
//!     match patched::<__mockgen_patch_fetch_temperature>() {
//!         None => __mockgen_original(city),
//!         Some(handle) => handle.__call_spy((city.to_owned(),), |respond| match respond {
//!             Respond::SideEffect(f) => f(city),
//!             Respond::Original => __mockgen_original(city),
//!         }),
//!     }
//! }
//! pub fn __mockgen_patchable_fetch_temperature() -> Patcher<__mockgen_patch_fetch_temperature>;
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, FnArg, Ident, Signature};

use super::lower::PatchFn;
use super::{marker, names as patch_names};
use crate::names::{self, Runtime};

/// A free function: its marker, trampoline and companion.
pub(crate) fn free_fn(function: &PatchFn, gate: &[Attribute], rt: &Runtime) -> TokenStream {
    let PatchFn {
        attrs,
        vis,
        sig,
        block,
        ..
    } = function;
    let original = patch_names::nested_original();
    let mut original_sig = sig.clone();
    original_sig.ident = original.clone();
    let inner_attrs = attrs.iter().filter(|a| is_codegen_attr(a));
    let call = call_original(function, quote!(#original));
    let dispatch = dispatch(function, &call, rt);
    let trampoline_sig = trampoline_signature(function);
    let marker = marker::emit(function, gate, rt);
    let companion = companion(function, gate, rt);
    quote! {
        #marker

        #(#gate)*
        #(#attrs)*
        #vis #trampoline_sig {
            #(#inner_attrs)*
            #original_sig #block
            #dispatch
        }

        #companion
    }
}

/// The items a method contributes to the patchable `impl` block: the
/// trampoline, the original as a hidden associated function, the companion.
pub(crate) fn method(function: &PatchFn, rt: &Runtime) -> TokenStream {
    let PatchFn {
        attrs,
        vis,
        sig,
        block,
        cfgs,
        ..
    } = function;
    let original = patch_names::original_method(&sig.ident);
    let mut original_sig = sig.clone();
    original_sig.ident = original.clone();
    let original_attrs = attrs.iter().filter_map(original_method_attr);
    let call = call_original(function, quote!(Self::#original));
    let dispatch = dispatch(function, &call, rt);
    let trampoline_sig = trampoline_signature(function);
    let companion = companion(function, &[], rt);
    quote! {
        #(#attrs)*
        #vis #trampoline_sig {
            #dispatch
        }

        #(#cfgs)*
        #[doc(hidden)]
        #[allow(dead_code)]
        #(#original_attrs)*
        #original_sig #block

        #companion
    }
}

/// `pub fn __mockgen_patchable_f() -> Patcher<Marker>`: what `patch!` calls.
fn companion(function: &PatchFn, gate: &[Attribute], rt: &Runtime) -> TokenStream {
    let PatchFn {
        vis,
        sig,
        cfgs,
        marker,
        ..
    } = function;
    let companion = patch_names::companion(&sig.ident);
    let patcher = patch_names::runtime_item(rt, "Patcher");
    let doc = format!(
        "Patches `{}`: `patch!` and `patch_global!` call this.",
        sig.ident
    );
    quote! {
        #(#gate)* #(#cfgs)*
        #[doc = #doc]
        #[doc(hidden)]
        #[allow(dead_code)]
        #[inline]
        #vis fn #companion() -> #patcher<#marker> {
            #patcher::__new()
        }
    }
}

/// Asks the patch tables, then either answers through the handle or runs
/// the original.
fn dispatch(function: &PatchFn, call_original: &TokenStream, rt: &Runtime) -> TokenStream {
    let PatchFn {
        marker,
        params,
        args,
        ..
    } = function;
    let records = args.iter().map(|a| marker::record(a, rt));
    let [patched, respond_ty] =
        ["patched", "Respond"].map(|item| patch_names::runtime_item(rt, item));
    let [handle, respond, f, value] =
        ["handle", "respond", "side_effect", "value"].map(names::hygienic);
    if function.asyncness {
        let answer = rt.item("Answer");
        return quote! {
            match #patched::<#marker>() {
                ::core::option::Option::None => #call_original.await,
                ::core::option::Option::Some(#handle) => {
                    match #handle.__call_patched_async((#(#records,)*)) {
                        #answer::SideEffect(#f) => #f(#(#params),*).await,
                        #answer::Value(#value) => #value,
                        #answer::Original => #call_original.await,
                    }
                }
            }
        };
    }
    quote! {
        match #patched::<#marker>() {
            ::core::option::Option::None => #call_original,
            ::core::option::Option::Some(#handle) => #handle.__call_spy(
                (#(#records,)*),
                |#respond| match #respond {
                    #respond_ty::SideEffect(#f) => #f(#(#params),*),
                    #respond_ty::Original => #call_original,
                },
            ),
        }
    }
}

/// `original(a, b)`, `Self::original(self, a, b)`, in `unsafe` for an
/// `unsafe fn`.
fn call_original(function: &PatchFn, path: TokenStream) -> TokenStream {
    let params = &function.params;
    let receiver = function.has_receiver.then(|| quote!(self,));
    let call = quote!(#path(#receiver #(#params),*));
    if function.sig.unsafety.is_some() {
        quote!(unsafe { #call })
    } else {
        call
    }
}

/// The signature with every typed argument bound to the trampoline's name
/// for it (patterns and `mut` stay with the original).
fn trampoline_signature(function: &PatchFn) -> Signature {
    let mut sig = function.sig.clone();
    let mut params = function.params.iter();
    for input in &mut sig.inputs {
        if let FnArg::Typed(arg) = input {
            let ident: &Ident = params
                .next()
                .expect("invariant: one trampoline parameter per typed argument");
            *arg.pat = syn::parse_quote!(#ident);
        }
    }
    sig
}

/// Attributes that shape code generation and must stay on the original
/// body too: a nested function does not inherit them.
fn is_codegen_attr(attr: &Attribute) -> bool {
    ["inline", "cold", "track_caller"]
        .iter()
        .any(|name| attr.path().is_ident(name))
}

/// What a method's original copies: codegen attributes, and lint levels
/// (an associated function does not inherit them from its sibling;
/// `expect` becomes `allow`, since the trampoline keeps the expectation).
fn original_method_attr(attr: &Attribute) -> Option<Attribute> {
    let path = attr.path();
    if is_codegen_attr(attr)
        || ["allow", "warn", "deny", "forbid"]
            .iter()
            .any(|n| path.is_ident(n))
    {
        return Some(attr.clone());
    }
    if !path.is_ident("expect") {
        return None;
    }
    let mut allow = attr.clone();
    if let syn::Meta::List(list) = &mut allow.meta {
        list.path = syn::parse_quote!(allow);
    }
    Some(allow)
}
