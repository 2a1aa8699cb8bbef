//! A check per argument recorded by value, so that a type without an
//! owned form (not `Clone`), or whose owned form cannot be shared with
//! other threads (`Rc<T>`, `*const T`), gets an error that names the ways
//! out (`#[mockgen(debug)]`, `#[mockgen(opaque)]`), spanned at the argument.
//!
//! ```text
//! const _: fn() = || {
//!     use __probe::{ViaOwned as _, ViaNotSendOwned as _, ViaNoOwned as _};
//!     __probe::recorded_by_value::<Event, _>((&&&__probe::OwnedProbe::<Event>(PhantomData)).__mockgen_owned());
//! };
//! ```
//!
//! Only types known where the marker is defined are checked: one that
//! mentions a type parameter, `Self` or `impl Trait` is left to the bounds
//! of `Val<T>`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::model::{MockMethod, Recording};
use crate::names::Runtime;
use crate::normalize::mentions_word;

pub(crate) fn emit(method: &MockMethod, generics: &syn::Generics, rt: &Runtime) -> TokenStream {
    let probe = rt.item("__probe");
    let params: Vec<String> = generics
        .type_params()
        .map(|t| t.ident.to_string())
        // `impl Into<String>` is recorded as the `String` it becomes.
        .chain(["Self".to_owned(), "impl".to_owned()])
        .collect();
    let checks: Vec<TokenStream> = method
        .args
        .iter()
        .filter_map(|arg| {
            let Recording::Owned { target, .. } = &arg.recording else {
                return None;
            };
            let generic = params
                .iter()
                .any(|p| mentions_word(target, p) || mentions_word(&arg.written, p));
            if generic {
                return None;
            }
            let written = match &arg.written {
                syn::Type::Reference(reference) => &*reference.elem,
                other => other,
            };
            Some(quote_spanned! {arg.written.span()=>
                #probe::recorded_by_value::<#written, _>(
                    (&&&#probe::OwnedProbe::<#target>(::core::marker::PhantomData)).__mockgen_owned(),
                );
            })
        })
        .collect();
    if checks.is_empty() {
        return quote!();
    }
    let cfgs = &method.cfgs;
    quote! {
        #(#cfgs)*
        const _: fn() = || {
            #[allow(unused_imports)]
            use #probe::{ViaOwned as _, ViaNotSendOwned as _, ViaNoOwned as _};
            #(#checks)*
        };
    }
}
