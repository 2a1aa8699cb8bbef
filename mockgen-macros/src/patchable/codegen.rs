//! `#[patchable]` stage 3: the trampoline that replaces the function, the
//! original body it falls back to, and the companion `patch!` calls.
//!
//! ```text
//! pub fn fetch_temperature(city: &str) -> f64 {
//!     fn __mockgen_original(city: &str) -> f64 { /* the body as written */ }
//!     match patched::<__mockgen_patch_fetch_temperature>() {
//!         None => __mockgen_original(city),
//!         Some(handle) => match handle.__call_or_original((__record::<str>(city),), city) {
//!             Ok(value) => value,
//!             // After `call_original()`: the arguments come back.
//!             Err((city,)) => __mockgen_original(city),
//!         },
//!     }
//! }
//! pub fn __mockgen_patchable_fetch_temperature() -> Patcher<__mockgen_patch_fetch_temperature>;
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::Attribute;

use super::lower::PatchFn;
use super::{marker, names as patch_names};
use crate::codegen::{generics, method_parts};
use crate::model::Pass;
use crate::names::{self, Runtime};

/// A free function: its marker, trampoline and companion.
pub(crate) fn free_fn(function: &PatchFn, gate: &[Attribute], rt: &Runtime) -> TokenStream {
    let PatchFn {
        attrs,
        block,
        method,
        ..
    } = function;
    let vis = &method.vis;
    let original = patch_names::nested_original();
    let mut original_sig = method.sig.clone();
    original_sig.ident = original.clone();
    let inner_attrs = attrs.iter().filter(|a| is_codegen_attr(a));
    let call = call_original(function, quote!(#original));
    let dispatch = dispatch(function, &lookup(function, rt), &call, rt);
    let trampoline_sig = method_parts::signature(method);
    let marker = marker::emit(function, rt);
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
    let lookup = lookup(function, rt);
    method_items(function, &[], &lookup, &companion(function, &[], rt), rt)
}

/// A method's trampoline (asking the patch tables through `lookup`), its
/// original as a hidden associated function, and `companion`; each under
/// `gate`.
pub(super) fn method_items(
    function: &PatchFn,
    gate: &[Attribute],
    lookup: &TokenStream,
    companion: &TokenStream,
    rt: &Runtime,
) -> TokenStream {
    let PatchFn {
        attrs,
        block,
        cfgs,
        method,
        ..
    } = function;
    let vis = &method.vis;
    let original = patch_names::original_method(&method.ident);
    let mut original_sig = method.sig.clone();
    original_sig.ident = original.clone();
    let original_attrs = attrs.iter().filter_map(original_method_attr);
    let call = call_original(function, quote!(Self::#original));
    let dispatch = dispatch(function, lookup, &call, rt);
    let trampoline_sig = method_parts::signature(method);
    quote! {
        #(#gate)*
        #(#attrs)*
        #vis #trampoline_sig {
            #dispatch
        }

        #(#gate)*
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(dead_code)]
        #(#original_attrs)*
        #original_sig #block

        #(#gate)*
        #companion
    }
}

/// `pub fn __mockgen_patchable_f() -> Patcher<Marker>`: what `patch!` calls.
fn companion(function: &PatchFn, gate: &[Attribute], rt: &Runtime) -> TokenStream {
    let PatchFn { cfgs, method, .. } = function;
    let vis = &method.vis;
    let marker = function.marker_ty();
    // A generic `impl` block's parameters are in scope already: the
    // companion is one of its associated functions.
    let generics = generics::with_method(&syn::Generics::default(), method);
    let (_, _, where_clause) = generics.split_for_impl();
    let params = generics.params.iter();
    let companion = patch_names::companion(&method.ident);
    let patcher = patch_names::runtime_item(rt, "Patcher");
    let doc = format!(
        "Patches `{}`: `patch!` and `patch_global!` call this.",
        method.ident
    );
    quote! {
        #(#gate)* #(#cfgs)*
        #[doc = #doc]
        #[doc(hidden)]
        #[allow(dead_code)]
        #[inline]
        #vis fn #companion<#(#params),*>() -> #patcher<#marker> #where_clause {
            #patcher::__new()
        }
    }
}

/// Asks the patch tables, then either answers through the handle or runs
/// the original.
fn dispatch(
    function: &PatchFn,
    lookup: &TokenStream,
    call_original: &TokenStream,
    rt: &Runtime,
) -> TokenStream {
    let method = &function.method;
    let records = method.args.iter().map(|a| method_parts::record(a, rt));
    let (lend, passed) = lend_aside(function, rt);
    let [handle, f, value] = ["handle", "side_effect", "value"].map(names::hygienic);
    let back = handed_back(function);
    if method.lending.is_some() {
        return lending_dispatch(function, lookup, call_original, rt);
    }
    if method.is_async() {
        let answer = rt.item("Answer");
        let effect_args: Vec<_> = (0..method.args.len())
            .map(|i| names::hygienic(&format!("x{i}")))
            .collect();
        return quote! {
            match #lookup {
                ::core::option::Option::None => #call_original.await,
                ::core::option::Option::Some(#handle) => {
                    match #handle.__call_patched_async((#(#records,)*), #(#passed),*) {
                        #answer::SideEffect(#f, (#(#effect_args,)*)) => #f(#(#effect_args),*).await,
                        #answer::Value(#value) => #value,
                        #answer::Original(#back) | #answer::Real(#back) => #call_original.await,
                    }
                }
            }
        };
    }
    let answer = quote! {
        match #lookup {
            ::core::option::Option::None => #call_original,
            ::core::option::Option::Some(#handle) => {
                #(#lend)*
                match #handle.__call_or_original((#(#records,)*), #(#passed),*) {
                    ::core::result::Result::Ok(#value) => #value,
                    ::core::result::Result::Err(#back) => #call_original,
                }
            }
        }
    };
    match &function.boxed {
        // The configured box, or the original's value boxed alike.
        Some(boxed) => {
            let answered = names::hygienic("answered");
            quote! {
                let #answered: #boxed = #answer;
                #answered
            }
        }
        None => answer,
    }
}

/// `dispatch` for a function whose return value borrows: the handle
/// resolves the answer, and a side effect runs here, with the arguments it
/// may return borrows of.
fn lending_dispatch(
    function: &PatchFn,
    lookup: &TokenStream,
    call_original: &TokenStream,
    rt: &Runtime,
) -> TokenStream {
    let method = &function.method;
    let records = method.args.iter().map(|a| method_parts::record(a, rt));
    let (lend, passed) = lend_aside(function, rt);
    let passed = method_parts::lent(method, passed);
    let [handle, effect, value] = ["handle", "effect", "value"].map(names::hygienic);
    let answer = rt.item("LendingAnswer");
    quote! {
        match #lookup {
            ::core::option::Option::None => #call_original,
            ::core::option::Option::Some(#handle) => {
                #(#lend)*
                match #handle.__call_lending_or_original((#(#records,)*)) {
                    #answer::Effect(#effect) => #effect(#(#passed),*),
                    #answer::Original => #call_original,
                    #value => #value.__value(),
                }
            }
        }
    }
}

/// What the handle gets for each argument, and the statements that lend
/// the arguments it gets as trait objects (`impl_args.rs`) to locals of
/// their own, so that the original can still take them.
fn lend_aside(function: &PatchFn, rt: &Runtime) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut lend = Vec::new();
    let passed = function
        .method
        .args
        .iter()
        .map(|arg| match method_parts::lend_aside(arg, rt) {
            Some((statements, local)) => {
                lend.push(statements);
                quote!(#local)
            }
            None => method_parts::passed(arg, rt),
        })
        .collect();
    (lend, passed)
}

/// The pattern taking back the arguments the handle hands back for the
/// original: those lent aside are not, the original takes them itself.
fn handed_back(function: &PatchFn) -> TokenStream {
    let back = function.method.args.iter().map(|arg| match arg.pass {
        Pass::Placeholder | Pass::Erased { .. } => quote!(_),
        _ => {
            let ident = &arg.ident;
            quote!(#ident)
        }
    });
    quote!((#(#back,)*))
}

/// `patched::<Marker>()`: the handle on top of the patch tables, if any.
fn lookup(function: &PatchFn, rt: &Runtime) -> TokenStream {
    let patched = patch_names::runtime_item(rt, "patched");
    let marker = function.marker_ty();
    quote!(#patched::<#marker>())
}

/// `original(a, b)`, `Self::original(self, a, b)`, in `unsafe` for an
/// `unsafe fn`.
fn call_original(function: &PatchFn, path: TokenStream) -> TokenStream {
    let method = &function.method;
    let params = method.args.iter().map(|a| &a.ident);
    let receiver = (!method.is_static()).then(|| quote!(self,));
    let types = &function.type_params;
    let turbofish = (!types.is_empty()).then(|| quote!(::<#(#types),*>));
    let call = quote!(#path #turbofish(#receiver #(#params),*));
    let call = if method.sig.unsafety.is_some() {
        quote!(unsafe { #call })
    } else {
        call
    };
    match function.boxed {
        Some(_) => quote!(::std::boxed::Box::new(#call)),
        None => call,
    }
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
