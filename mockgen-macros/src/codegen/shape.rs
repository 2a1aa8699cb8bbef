//! Methods typed by their structure: a method whose arguments are all
//! plain references or values recorded by value gets the runtime's
//! `Shape<(Ref<str>, Own<u64>), Output, P>` as its signature, whose
//! `Signature`, `Arg` and `SigN` impls are the runtime's blanket impls.
//! What needs the concrete types is `P`, the method's probes: a zero-sized
//! type and its `Probes` impl (the output's `Default`, each record's
//! `Debug`).
//!
//! ```text
//! pub struct __Mockgen11MockStoreget;
//! impl Probes<(Ref<str>, Own<u64>), Option<Vec<u8>>> for __Mockgen11MockStoreget {
//!     const NAME: &'static str = "get"; const OUTPUT: &'static str = "Option<Vec<u8>>";
//!     fn default_output() -> Option<Option<Vec<u8>>> { … }
//!     fn visit_args<'r>(record: &'r ShapeRecord<(Ref<str>, Own<u64>)>, each: …) { … }
//! }
//! ```
//!
//! Anything else (trait objects, placeholders, borrows inside a `&mut`,
//! generic, async and lending methods, generic mocks) keeps a marker of
//! its own (`signature`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;
use syn::ext::IdentExt as _;

use crate::lifetimes;
use crate::model::{MockArg, MockMethod, MockSpec, Pass, Recording};
use crate::names::{self, Runtime};

/// The argument kinds of `method`, when it is typed by its structure.
fn kinds(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> Option<Vec<TokenStream>> {
    let plain = spec.generics.params.is_empty()
        && method.type_params.is_empty()
        && !method.is_async()
        && method.lending.is_none()
        && !lifetimes::has_lifetime(&method.output.owned);
    if !plain {
        return None;
    }
    (method.args.iter().enumerate())
        .map(|(index, a)| kind(index, a, rt))
        .collect()
}

/// `Ref<T, R>`, `Mut<T, R>` or `Own<T, R>` of an argument recorded by
/// value as an `R`, when its type borrows nothing else.
fn kind(index: usize, arg: &MockArg, rt: &Runtime) -> Option<TokenStream> {
    let Recording::Owned { target, by_ref } = &arg.recording else {
        return None;
    };
    if !matches!(arg.pass, Pass::Direct) || lifetimes::has_lifetime(target) {
        return None;
    }
    match (&arg.effect_ty, by_ref) {
        // The argument's own lifetime (`&'static str` is not a `Ref`).
        (Type::Reference(reference), true)
            if reference.lifetime.as_ref() == Some(&names::arg_lifetime(index))
                && !lifetimes::has_lifetime(&reference.elem) =>
        {
            let mutable = reference.mutability.is_some();
            let kind = rt.item(if mutable { "Mut" } else { "Ref" });
            Some(kind_of(kind, &reference.elem, target))
        }
        (Type::Reference(_), _) | (_, true) => None,
        (ty, false) if !lifetimes::has_lifetime(ty) => Some(kind_of(rt.item("Own"), ty, target)),
        _ => None,
    }
}

/// `Kind<T>`, or `Kind<T, R>` when the record's borrowed form `R` is not
/// `T` itself.
fn kind_of(kind: TokenStream, ty: &Type, target: &Type) -> TokenStream {
    if names::type_text(ty) == names::type_text(target) {
        quote!(#kind<#ty>)
    } else {
        quote!(#kind<#ty, #target>)
    }
}

/// The type a method's handle is typed by: its `Shape`, or its marker.
pub(crate) fn sig_ty(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    let marker = method.marker(&spec.mock_ident);
    match kinds(spec, method, rt) {
        Some(_) => {
            let shaped = rt.item("Shaped");
            quote!(#shaped<#marker>)
        }
        None => {
            let (_, ty_generics, _) = spec.generics.split_for_impl();
            quote!(#marker #ty_generics)
        }
    }
}

/// What `call!(.method(…))` checks the arguments of `method` against.
pub(crate) fn call_args(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    let marker = method.marker(&spec.mock_ident);
    match kinds(spec, method, rt) {
        Some(_) => {
            let shaped_args = rt.item("ShapedArgs");
            quote!(#shaped_args<#marker>)
        }
        None => {
            let signature = rt.item("Signature");
            let (_, ty_generics, _) = spec.generics.split_for_impl();
            quote!(<#marker #ty_generics as #signature>::Args)
        }
    }
}

/// The probes of a shaped method: `None` when it keeps a marker.
pub(crate) fn emit(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> Option<TokenStream> {
    let kinds = kinds(spec, method, rt)?;
    let MockMethod {
        ident, cfgs, args, ..
    } = method;
    let vis = spec.method_item_vis(method);
    let marker = names::signature_ident(&spec.mock_ident, ident);
    let owned = &method.output.owned;
    let (name, output_text) = (ident.unraw().to_string(), names::type_text(owned));
    let [probes, shape_record, arg_view, probe] =
        ["Probes", "ShapeRecord", "ArgView", "__probe"].map(|item| rt.item(item));
    let (record, each) = (names::hygienic("record"), names::hygienic("each"));
    let views = (0..args.len()).map(syn::Index::from);
    let unused = args.is_empty().then(|| quote!(let _ = (#record, #each);));
    // Spanned at the arguments, so that "`T: Clone` is not satisfied" for
    // an argument recorded by value points at the signature.
    let span = args.first().map_or_else(proc_macro2::Span::call_site, |a| {
        syn::spanned::Spanned::span(&a.written)
    });
    let kinds_item = quote::quote_spanned!(span=> type Kinds = (#(#kinds,)*););
    Some(quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #marker;

        #(#cfgs)*
        impl #probes for #marker {
            #kinds_item
            type Output = #owned;
            const NAME: &'static str = #name;
            const OUTPUT: &'static str = #output_text;
            fn default_output() -> ::core::option::Option<Self::Output> {
                (&&&#probe::DefaultProbe::<#owned>(::core::marker::PhantomData)).__mockgen_default()
            }
            fn visit_args<'__mockgen_r>(#record: &'__mockgen_r #shape_record<Self::Kinds>, #each: &mut dyn ::core::ops::FnMut(#arg_view<'__mockgen_r>)) {
                #unused
                #(#each(#arg_view::__new(&#record.#views, (&&#probe::Probe(&#record.#views)).__mockgen_debug()));)*
            }
        }
    })
}
