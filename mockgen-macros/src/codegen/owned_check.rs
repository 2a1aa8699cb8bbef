//! A check per argument recorded by value, so that a type without an
//! owned form (not `Clone`), or whose owned form cannot be shared with
//! other threads (`Rc<T>`, `*const T`), gets an error that names the ways
//! out (`#[mockgen(debug)]`, `#[mockgen(opaque)]`), spanned at the argument.
//!
//! A mock gets one closure for the checks of all its methods (each check
//! under its method's `#[cfg]`s), not one item per method: the checks only
//! need type checking, and every item costs the compiler.
//!
//! ```text
//! const _: fn() = || {
//!     use __probe::{ViaOwned as _, ViaNotSendOwned as _, ViaNoOwned as _};
//!     __probe::recorded_by_value::<Event, _>((&&&__probe::OwnedProbe::<Event>(PhantomData)).__mockgen_owned());
//!     __probe::recorded_by_value::<str, _>((&&&__probe::OwnedProbe::<str>(PhantomData)).__mockgen_owned());
//! };
//! ```
//!
//! Only types known where the marker is defined are checked: one that
//! mentions a type parameter, `Self` or `impl Trait` is left to the bounds
//! of `Val<T>`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::generics;
use crate::model::{MockMethod, MockSpec, Recording};
use crate::names::Runtime;
use crate::normalize::mentions_word;

/// The checks of every method of `spec` that has a marker of its own.
pub(crate) fn emit_mock(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    // A type is checked once per mock (under the same `#[cfg]`s): the
    // error points at its first argument.
    let mut seen = std::collections::HashSet::new();
    let checks: Vec<TokenStream> = spec
        .methods
        .iter()
        .filter(|m| m.same_signature_as.is_none())
        .flat_map(|m| checks(m, &generics::of_method(spec, m), &m.cfgs, rt))
        .filter(|check| seen.insert(check.to_string()))
        .collect();
    wrap(&checks, &[], rt)
}

/// The checks of one method, under its `#[cfg]`s.
pub(crate) fn emit(method: &MockMethod, generics: &syn::Generics, rt: &Runtime) -> TokenStream {
    wrap(&checks(method, generics, &[], rt), &method.cfgs, rt)
}

fn wrap(checks: &[TokenStream], cfgs: &[syn::Attribute], rt: &Runtime) -> TokenStream {
    if checks.is_empty() {
        return quote!();
    }
    let probe = rt.item("__probe");
    quote! {
        #(#cfgs)*
        const _: fn() = || {
            #[allow(unused_imports)]
            use #probe::{ViaOwned as _, ViaNotSendOwned as _, ViaNoOwned as _};
            #(#checks)*
        };
    }
}

/// One statement per argument to check, under `cfgs`.
fn checks(
    method: &MockMethod,
    generics: &syn::Generics,
    cfgs: &[syn::Attribute],
    rt: &Runtime,
) -> Vec<TokenStream> {
    let probe = rt.item("__probe");
    let params: Vec<String> = generics
        .type_params()
        .map(|t| t.ident.to_string())
        // `impl Into<String>` is recorded as the `String` it becomes.
        .chain(["Self".to_owned(), "impl".to_owned()])
        .collect();
    method
        .args
        .iter()
        .filter_map(|arg| {
            let Recording::Owned { target, .. } = &arg.recording else {
                return None;
            };
            let generic = params
                .iter()
                .any(|p| mentions_word(target, p) || mentions_word(&arg.written, p));
            if generic || std_owned(target) {
                return None;
            }
            let written = match &arg.written {
                syn::Type::Reference(reference) => &*reference.elem,
                other => other,
            };
            Some(quote_spanned! {arg.written.span()=>
                #(#cfgs)*
                #probe::recorded_by_value::<#written, _>(
                    (&&&#probe::OwnedProbe::<#target>(::core::marker::PhantomData)).__mockgen_owned(),
                );
            })
        })
        .collect()
}

/// Whether `ty` is a std type whose owned form is `Clone`, `Send` and
/// `Sync` (`str`, `u64`, `[u8]`, `Vec<String>`, …): its check could not
/// fail, so it is left out.
fn std_owned(ty: &syn::Type) -> bool {
    const LEAVES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char", "str", "String", "Path", "PathBuf", "OsStr", "OsString",
        "Duration",
    ];
    const WRAPPERS: &[&str] = &["Vec", "Option", "Box"];
    match ty {
        syn::Type::Slice(slice) => std_owned(&slice.elem),
        syn::Type::Array(array) => std_owned(&array.elem),
        syn::Type::Tuple(tuple) => tuple.elems.iter().all(std_owned),
        syn::Type::Paren(paren) => std_owned(&paren.elem),
        syn::Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => LEAVES.contains(&name.as_str()),
                syn::PathArguments::AngleBracketed(args) if WRAPPERS.contains(&name.as_str()) => {
                    args.args.len() == 1
                        && matches!(args.args.first(), Some(syn::GenericArgument::Type(t)) if std_owned(t))
                }
                _ => false,
            }
        }
        _ => false,
    }
}
