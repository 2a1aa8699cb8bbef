//! The signature marker of a patchable function: the `Signature` and `SigN`
//! impls a trait method's marker has (see `codegen/signature.rs`), plus
//! `Patchable`, which owns the function's patch slot.
//!
//! ```text
//! pub struct __mockgen_patch_fetch_temperature;
//! impl Signature for __mockgen_patch_fetch_temperature { type Args = (Val<str>,); … }
//! impl Sig1 for __mockgen_patch_fetch_temperature { type A0<'a0> = &'a0 str; … }
//! impl Patchable for __mockgen_patch_fetch_temperature {
//!     fn __slot() -> &'static PatchSlot { static SLOT: PatchSlot = PatchSlot::new(); &SLOT }
//! }
//! ```

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Attribute;
use syn::ext::IdentExt as _;

use super::lower::{PatchArg, PatchFn, Recording};
use super::names as patch_names;
use crate::names::{self, Runtime};

pub(crate) fn emit(function: &PatchFn, gate: &[Attribute], rt: &Runtime) -> TokenStream {
    let PatchFn {
        vis,
        sig,
        cfgs,
        marker,
        args,
        output,
        ..
    } = function;
    let (sig_trait, arity) = names::arity_items(args.len());
    let (sig_trait, arity) = (rt.item(&sig_trait), rt.item(&arity));
    let kinds = args.iter().map(|a| arg_kind(a, rt));
    let lifetimes: Vec<_> = (0..args.len()).map(names::arg_lifetime).collect();
    let gats: Vec<_> = (0..args.len()).map(names::gat_ident).collect();
    let named_tys = args.iter().map(|a| &a.named_ty);
    let views = (0..args.len()).map(syn::Index::from);
    let name = sig.ident.unraw().to_string();
    let output_text = names::type_text(output);
    let [signature, record_of, arg_view, default_of, view_of] = [
        "Signature",
        "RecordOf",
        "ArgView",
        "__default_of",
        "__arg_view",
    ]
    .map(|item| rt.item(item));
    let [patchable, slot] =
        ["Patchable", "PatchSlot"].map(|item| patch_names::runtime_item(rt, item));
    // An async function's side effects return futures; a plain closure is
    // wrapped in a ready future.
    let params: Vec<_> = (0..args.len()).map(|i| format_ident!("a{}", i)).collect();
    let box_future = rt.item("BoxFuture");
    let (fn_output, boxed_body, async_impls) = if function.asyncness {
        (
            quote!(#box_future<#output>),
            quote! {
                ::std::boxed::Box::new(move |#(#params),*| -> #box_future<#output> {
                    ::std::boxed::Box::pin(::core::future::ready(closure(#(#params),*)))
                })
            },
            async_impls(marker, args.len(), rt),
        )
    } else {
        (
            quote!(#output),
            quote!(::std::boxed::Box::new(closure)),
            quote!(),
        )
    };
    quote! {
        #(#gate)* #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #marker;

        #(#gate)* #(#cfgs)*
        const _: () = {
            #[automatically_derived]
            impl #signature for #marker {
                type Arity = #arity;
                type Args = (#(#kinds,)*);
                type Output = #output;
                type Fn = dyn for<#(#lifetimes),*> ::core::ops::Fn(#(<Self as #sig_trait>::#gats<#lifetimes>),*) -> #fn_output
                    + ::core::marker::Send + ::core::marker::Sync;
                const NAME: &'static str = #name;
                const OUTPUT: &'static str = #output_text;
                fn default_output() -> ::core::option::Option<#output> {
                    #default_of!(#output)
                }
                fn visit_args<'r>(record: &'r #record_of<Self>, each: &mut dyn ::core::ops::FnMut(#arg_view<'r>)) {
                    let _ = &record;
                    #(each(#view_of!(&record.#views));)*
                }
            }

            #[automatically_derived]
            impl #sig_trait for #marker {
                #(type #gats<#lifetimes> = #named_tys;)*
                fn boxed<C>(closure: C) -> ::std::boxed::Box<Self::Fn>
                where
                    C: for<#(#lifetimes),*> ::core::ops::Fn(#(Self::#gats<#lifetimes>),*) -> Self::Output
                        + ::core::marker::Send + ::core::marker::Sync + 'static,
                {
                    #boxed_body
                }
            }

            #async_impls

            #[automatically_derived]
            impl #patchable for #marker {
                fn __slot() -> &'static #slot {
                    static SLOT: #slot = #slot::new();
                    &SLOT
                }
            }
        };
    }
}

/// `AsyncSignature` and `AsyncSigN` (async side effects), as an async
/// trait method's marker has them.
fn async_impls(marker: &syn::Ident, arity: usize, rt: &Runtime) -> TokenStream {
    let async_signature = rt.item("AsyncSignature");
    let async_sig = rt.item(&format!("AsyncSig{arity}"));
    let box_future = rt.item("BoxFuture");
    let lifetimes: Vec<_> = (0..arity).map(names::arg_lifetime).collect();
    let gats: Vec<_> = (0..arity).map(names::gat_ident).collect();
    let params: Vec<_> = (0..arity).map(|i| format_ident!("a{}", i)).collect();
    quote! {
        #[automatically_derived]
        impl #async_signature for #marker {}

        #[automatically_derived]
        impl #async_sig for #marker {
            fn boxed_async<C, F>(closure: C) -> ::std::boxed::Box<Self::Fn>
            where
                C: for<#(#lifetimes),*> ::core::ops::Fn(#(Self::#gats<#lifetimes>),*) -> F
                    + ::core::marker::Send + ::core::marker::Sync + 'static,
                F: ::core::future::Future<Output = Self::Output> + ::core::marker::Send + 'static,
            {
                ::std::boxed::Box::new(move |#(#params),*| -> #box_future<Self::Output> {
                    ::std::boxed::Box::pin(closure(#(#params),*))
                })
            }
        }
    }
}

fn arg_kind(arg: &PatchArg, rt: &Runtime) -> TokenStream {
    match &arg.recording {
        Recording::Owned { target, .. } => {
            let val = rt.item("Val");
            quote!(#val<#target>)
        }
        Recording::Debug => rt.item("Debugged"),
        Recording::Opaque => rt.item("Opaque"),
    }
}

/// The expression that records one argument of the trampoline.
pub(crate) fn record(arg: &PatchArg, rt: &Runtime) -> TokenStream {
    let ident = &arg.ident;
    match &arg.recording {
        Recording::Owned {
            target,
            by_ref: true,
        } => quote!(<#target as ::std::borrow::ToOwned>::to_owned(#ident)),
        Recording::Owned {
            target,
            by_ref: false,
        } => quote!(<#target as ::std::borrow::ToOwned>::to_owned(&#ident)),
        Recording::Debug => {
            let debug_text = rt.item("DebugText");
            quote!(#debug_text::of(&#ident))
        }
        Recording::Opaque => {
            let opaque = rt.item("OpaqueArg");
            let text = names::type_text(&arg.ty);
            quote!(#opaque::new(#text))
        }
    }
}
