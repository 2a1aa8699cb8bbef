//! `#[patchable]` on an `extern` block: each foreign function keeps its
//! name as a Rust trampoline, and its declaration is renamed (the symbol
//! kept with `#[link_name]`) for the trampoline's original to call.
//!
//! ```text
//! unsafe extern "C" { pub fn abs(x: c_int) -> c_int; }
//!   →  unsafe extern "C" { #[link_name = "abs"] fn __mockgen_extern_abs(x: c_int) -> c_int; }
//!      pub unsafe fn abs(x: c_int) -> c_int { /* trampoline */ unsafe { __mockgen_extern_abs(x) } }
//! ```
//!
//! A `safe fn` gets a safe trampoline; statics and other items stay as
//! they are.

use proc_macro2::TokenStream;
use quote::{ToTokens as _, format_ident, quote};
use syn::parse::Parser as _;
use syn::{Attribute, FnArg, ForeignItem, ForeignItemFn, ItemForeignMod, Pat};

use super::{codegen, lower};
use crate::diag::Errors;
use crate::names::{self, Runtime};

pub(crate) fn expand(
    block: &ItemForeignMod,
    gate: &[Attribute],
    rt: &Runtime,
) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let mut declarations = Vec::new();
    let mut trampolines = Vec::new();
    for item in &block.items {
        let Some((function, safe)) = foreign_fn(item) else {
            declarations.push(item.to_token_stream());
            continue;
        };
        if let Some(variadic) = &function.sig.variadic {
            errors.push_error(syn::Error::new_spanned(
                variadic,
                "variadic functions cannot be patched; declare them in another `extern` block",
            ));
            continue;
        }
        let hidden = format_ident!("__mockgen_extern_{}", function.sig.ident);
        declarations.push(declaration(&function, &hidden, safe));
        let (attrs, vis, sig, body) = trampoline(&function, &hidden, safe);
        if let Some(lowered) = lower::lower_fn(&attrs, &vis, &sig, &body, None, gate, &mut errors) {
            trampolines.push(codegen::free_fn(&lowered, gate, rt));
        }
    }
    errors.finish()?;
    let ItemForeignMod {
        attrs,
        unsafety,
        abi,
        ..
    } = block;
    Ok(quote! {
        #(#gate)*
        #(#attrs)*
        #unsafety #abi {
            #(#declarations)*
        }
        #(#trampolines)*
    })
}

/// A foreign function, and whether it is declared `safe fn` (which syn
/// keeps as verbatim tokens).
fn foreign_fn(item: &ForeignItem) -> Option<(ForeignItemFn, bool)> {
    match item {
        ForeignItem::Fn(function) => Some((function.clone(), false)),
        ForeignItem::Verbatim(tokens) => {
            let parser = |input: syn::parse::ParseStream<'_>| {
                let attrs = input.call(Attribute::parse_outer)?;
                let vis = input.parse()?;
                let keyword: syn::Ident = input.parse()?;
                if keyword != "safe" {
                    return Err(syn::Error::new(keyword.span(), "expected `safe`"));
                }
                let mut function: ForeignItemFn = input.parse()?;
                function.attrs = attrs;
                function.vis = vis;
                Ok(function)
            };
            parser.parse2(tokens.clone()).ok().map(|f| (f, true))
        }
        _ => None,
    }
}

/// The declaration under its hidden name, linked to the original symbol.
fn declaration(function: &ForeignItemFn, hidden: &syn::Ident, safe: bool) -> TokenStream {
    let mut declared = function.clone();
    let ident = &function.sig.ident;
    let links = declared
        .attrs
        .iter()
        .any(|a| a.path().is_ident("link_name"));
    if !links {
        let symbol = ident.to_string();
        declared
            .attrs
            .push(syn::parse_quote!(#[link_name = #symbol]));
    }
    declared.attrs.retain(|a| !a.path().is_ident("doc"));
    declared.vis = syn::Visibility::Inherited;
    declared.sig.ident = hidden.clone();
    strip_arg_options(&mut declared.sig);
    let safety = safe.then(|| quote!(safe));
    let ForeignItemFn {
        attrs,
        sig,
        semi_token,
        ..
    } = &declared;
    quote!(#(#attrs)* #safety #sig #semi_token)
}

/// The function a caller reaches: `unsafe` unless declared `safe fn`, its
/// body a call of the hidden declaration.
fn trampoline(
    function: &ForeignItemFn,
    hidden: &syn::Ident,
    safe: bool,
) -> (Vec<Attribute>, syn::Visibility, syn::Signature, syn::Block) {
    let attrs = function
        .attrs
        .iter()
        .filter(|a| !a.path().is_ident("link_name"))
        .cloned()
        .collect();
    let mut sig = function.sig.clone();
    if !safe {
        sig.unsafety = Some(Default::default());
    }
    let mut params = Vec::new();
    for (index, input) in sig.inputs.iter_mut().enumerate() {
        if let FnArg::Typed(arg) = input {
            let ident = match &*arg.pat {
                Pat::Ident(pat) => pat.ident.clone(),
                _ => names::arg_ident(index),
            };
            *arg.pat = syn::parse_quote!(#ident);
            params.push(ident);
        }
    }
    let call = quote!(#hidden(#(#params),*));
    let body = if safe {
        syn::parse_quote!({ #call })
    } else {
        syn::parse_quote!({ unsafe { #call } })
    };
    (attrs, function.vis.clone(), sig, body)
}

fn strip_arg_options(sig: &mut syn::Signature) {
    for input in &mut sig.inputs {
        if let FnArg::Typed(arg) = input {
            arg.attrs.retain(|a| !a.path().is_ident("mockgen"));
        }
    }
}
