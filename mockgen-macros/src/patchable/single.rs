//! `#[patchable]` on one method or associated function inside an `impl`
//! block: everything it emits is an associated item. The marker and its
//! impls live in the companion's body, which returns `Patcher<impl …>`
//! with the marker's associated types spelled out; the trampoline reaches
//! the marker through `Self::companion()`.
//!
//! ```text
//! pub fn get(&self, path: &str) -> String {
//!     match patched_by(Self::__mockgen_patchable_get()) { /* as for a method */ }
//! }
//! fn __mockgen_original_get(&self, path: &str) -> String { /* the body */ }
//! pub fn __mockgen_patchable_get()
//!     -> Patcher<impl Patchable<Output = String, …> + Sig1 + for<'a0, 'b0> Arg<'a0, 'b0, 0, Ty = &'a0 str>>
//! {
//!     struct Marker<__mockgen_Self>(…);
//!     impl<__mockgen_Self: 'static> Signature for Marker<__mockgen_Self> { … }
//!     Patcher::<Marker<Self>>::__new()
//! }
//! ```
//!
//! An item nested in a function cannot name the enclosing `Self`, so the
//! marker takes it as a type parameter: `Self` arguments are recorded in
//! the trampoline (by their `Debug` text when `Self` has one), and an
//! unconfigured call returning `Self` cannot fall back to `Self::default()`.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::{ToTokens as _, quote};
use syn::{Attribute, ItemFn};

use super::lower::{self, PatchFn, SelfType};
use super::{codegen, marker, names as patch_names};
use crate::codegen::{generics, signature};
use crate::diag::Errors;
use crate::model::Recording;
use crate::names::Runtime;
use crate::normalize::mentions_word;

/// Whether a function marked on its own sits in an `impl` block: it takes
/// `self` or names `Self`. (A function that does neither reads the same
/// in a module and in an `impl`; it is taken for a free function.)
pub(crate) fn is_associated(function: &ItemFn) -> bool {
    let sig = &function.sig;
    sig.receiver().is_some()
        || names_self(quote!(#sig))
        || names_self(function.block.to_token_stream())
}

fn names_self(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => ident == "Self",
        TokenTree::Group(group) => names_self(group.stream()),
        _ => false,
    })
}

pub(crate) fn expand(
    function: &ItemFn,
    gate: &[Attribute],
    rt: &Runtime,
) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let param = patch_names::self_param();
    let ty: syn::Type = syn::parse_quote!(#param);
    let no_generics = syn::Generics::default();
    let self_ty = SelfType {
        ty: &ty,
        ident: &param,
        cfgs: &[],
        as_param: true,
        generics: &no_generics,
    };
    let lowered = lower::lower_fn(
        &function.attrs,
        &function.vis,
        &function.sig,
        &function.block,
        Some(&self_ty),
        gate,
        &mut errors,
    );
    errors.finish()?;
    let mut lowered = lowered.expect("invariant: lowering without errors yields the function");
    if lowered.method.lending.is_some() {
        return Err(syn::Error::new_spanned(
            &function.sig.output,
            "a method returning a borrow is patched through its whole `impl` block (`#[patchable]` on the block): marked on its own, its patch has an `impl Trait` type, which cannot state the side effect's lifetimes",
        ));
    }
    for arg in &mut lowered.method.args {
        if mentions_word(&arg.effect_ty, &param.to_string()) {
            arg.recording = Recording::Described;
        }
    }
    Ok(emit(&lowered, gate, rt))
}

/// The trampoline and original as for a method of a patchable block
/// (`codegen::method_items`), asking through `Self::companion()`, and the
/// companion that holds the marker.
fn emit(function: &PatchFn, gate: &[Attribute], rt: &Runtime) -> TokenStream {
    let companion = patch_names::companion(&function.method.ident);
    let types = &function.type_params;
    let turbofish = (!types.is_empty()).then(|| quote!(::<#(#types),*>));
    let patched_by = patch_names::runtime_item(rt, "patched_by");
    let lookup = quote!(#patched_by(Self::#companion #turbofish()));
    let companion = nested_companion(function, rt);
    codegen::method_items(function, gate, &lookup, &companion, rt)
}

/// `fn __mockgen_patchable_f() -> Patcher<impl Patchable + …>`, with the
/// marker inside.
fn nested_companion(function: &PatchFn, rt: &Runtime) -> TokenStream {
    let PatchFn { cfgs, method, .. } = function;
    let vis = &method.vis;
    let marker = function.marker();
    let types = &function.type_params;
    let own = generics::with_method(&syn::Generics::default(), method);
    let (_, _, where_clause) = own.split_for_impl();
    let params = own.params.iter();
    let companion = patch_names::companion(&method.ident);
    let [patcher, patchable] =
        ["Patcher", "Patchable"].map(|item| patch_names::runtime_item(rt, item));
    let (bindings, arg_traits) = signature::bounds(method, rt);
    let handle_arity = marker::handle_arity(function, rt);
    let bounds =
        restore_self(quote!(#patchable<#bindings HandleArity = #handle_arity> #arg_traits));
    let marker_items = marker::emit(function, rt);
    let doc = format!(
        "Patches `{}`: `patch!` and `patch_global!` call this.",
        method.ident
    );
    quote! {
        #(#cfgs)*
        #[doc = #doc]
        #[doc(hidden)]
        #[allow(dead_code)]
        #[inline]
        #vis fn #companion<#(#params),*>() -> #patcher<impl #bounds> #where_clause {
            #marker_items
            #patcher::<#marker<Self, #(#types),*>>::__new()
        }
    }
}

/// `tokens` with the marker's `Self` parameter written `Self` again: the
/// bounds of the companion's return type are read inside the `impl`.
pub(crate) fn restore_self(tokens: TokenStream) -> TokenStream {
    let param = patch_names::self_param();
    tokens
        .into_iter()
        .map(|token| match token {
            TokenTree::Ident(ident) if ident == param => {
                TokenTree::Ident(syn::Ident::new("Self", ident.span()))
            }
            TokenTree::Group(group) => {
                let mut restored = Group::new(group.delimiter(), restore_self(group.stream()));
                restored.set_span(group.span());
                TokenTree::Group(restored)
            }
            other => other,
        })
        .collect()
}
