//! Methods typed by their structure: a method whose arguments are all
//! plain references or values recorded by value gets the runtime's
//! `Shape<(Ref<str>, Own<u64>), Output>` as its signature, whose
//! `Signature`, `Arg` and `SigN` impls are the runtime's blanket impls.
//! What needs the concrete types is the method's probes: a zero-sized
//! type and its `Probes` impl (the output's `Default`, each record's
//! `Debug`), given to the handle when it is made
//! (`MockCore::__method_probed`), so that methods of the same types share
//! one handle type and one copy of its code.
//!
//! ```text
//! pub struct __Mockgen11MockStoreget;
//! impl Probes<(Ref<str>, Own<u64>), Option<Vec<u8>>> for __Mockgen11MockStoreget {
//!     const NAME: &'static str = "get"; const OUTPUT: &'static str = "Option<Vec<u8>>";
//!     fn default_output() -> Option<Option<Vec<u8>>> { … }
//!     fn visit_args(visit: Visit<'_, '_, Self>) { … }
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
    if !matches!(arg.pass, Pass::Direct) || !recordable(target) {
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

/// Whether values of `ty` are recorded whatever the crate defines: std
/// types whose owned form is `Clone + Send + Sync`. An argument of any
/// other type keeps a signature marker of its own, so that a type that
/// cannot be recorded is reported once, at the argument; a shared handle
/// type would report it at every use of the handle.
fn recordable(ty: &Type) -> bool {
    const PLAIN: [&str; 22] = [
        "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32",
        "i64", "i128", "isize", "f32", "f64", "String", "Path", "PathBuf", "OsStr", "OsString",
    ];
    const WRAPPERS: [&str; 3] = ["Vec", "Option", "Box"];
    match ty {
        Type::Slice(slice) => recordable(&slice.elem),
        Type::Array(array) => recordable(&array.elem),
        Type::Tuple(tuple) => tuple.elems.iter().all(recordable),
        Type::Paren(paren) => recordable(&paren.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => PLAIN.contains(&name.as_str()),
                syn::PathArguments::AngleBracketed(args) if WRAPPERS.contains(&name.as_str()) => {
                    args.args.len() == 1
                        && matches!(&args.args[0], syn::GenericArgument::Type(t) if recordable(t))
                }
                _ => false,
            }
        }
        _ => false,
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

/// The probes type of a shaped method: the mock's `__MockgenProbes…<ID>`,
/// `ID` the number of the name of the method whose probes it shares (as
/// `call!(.method(…))` names it: see `call_paths`), or a type of its own
/// for an inherent method (whose types may be private to it).
fn probes_ty(spec: &MockSpec, method: &MockMethod) -> TokenStream {
    let owner = method.same_signature_as.as_ref().unwrap_or(&method.ident);
    if spec.impls[method.impl_index].inherent {
        let marker = names::signature_ident(&spec.mock_ident, owner);
        return quote!(#marker);
    }
    let id = proc_macro2::Literal::u64_suffixed(names::method_id(&owner.unraw().to_string()));
    let shared = names::probes_ident(&spec.mock_ident);
    quote!(#shared<#id>)
}

/// Whether `method` has probes of its own in the mock's probes type,
/// keyed by the number of its name: what the mock's one `HasMethod` impl
/// for such methods reaches (`call_paths`).
pub(crate) fn keyed_probes(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> bool {
    method.same_signature_as.is_none()
        && !spec.impls[method.impl_index].inherent
        && kinds(spec, method, rt).is_some()
}

/// The probes type of `method`, when it is typed by its structure (its
/// handle is then made with them).
pub(crate) fn probes_of(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> Option<TokenStream> {
    kinds(spec, method, rt).map(|_| probes_ty(spec, method))
}

/// The type a method's handle is typed by: its `Shape`, or its marker.
pub(crate) fn sig_ty(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    if let Some(probes) = probes_of(spec, method, rt) {
        let shaped = rt.item("Shaped");
        return quote!(#shaped<#probes>);
    }
    let marker = method.marker(&spec.mock_ident);
    let (_, ty_generics, _) = spec.generics.split_for_impl();
    quote!(#marker #ty_generics)
}

/// What `call!(.method(…))` checks the arguments of `method` against.
pub(crate) fn call_args(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    if kinds(spec, method, rt).is_some() {
        let (shaped_args, probes) = (rt.item("ShapedArgs"), probes_ty(spec, method));
        return quote!(#shaped_args<#probes>);
    }
    let (marker, signature) = (method.marker(&spec.mock_ident), rt.item("Signature"));
    let (_, ty_generics, _) = spec.generics.split_for_impl();
    quote!(<#marker #ty_generics as #signature>::Args)
}

/// The mock's probes type, shared by the shaped methods of its traits
/// (one item per mock, not one per method).
pub(crate) fn emit_shared(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    if !spec.methods.iter().any(|m| keyed_probes(spec, m, rt)) {
        return quote!();
    }
    let (vis, probes) = (&spec.vis, names::probes_ident(&spec.mock_ident));
    quote! {
        #[doc(hidden)]
        #vis struct #probes<const ID: u64>;
    }
}

/// The probes of a shaped method: `None` when it keeps a marker.
pub(crate) fn emit(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> Option<TokenStream> {
    let kinds = kinds(spec, method, rt)?;
    let MockMethod { cfgs, args, .. } = method;
    let probes_ty = probes_ty(spec, method);
    let own_struct = if spec.impls[method.impl_index].inherent {
        let vis = spec.method_item_vis(method);
        quote! {
            #(#cfgs)*
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #vis struct #probes_ty;
        }
    } else {
        quote!()
    };
    let owned = &method.output.owned;
    let output_text = super::signature::output_text(&method.output);
    let [probes, visit_ty, probe] = ["Probes", "Visit", "__probe"].map(|item| rt.item(item));
    let visit = if args.is_empty() {
        quote!(_)
    } else {
        let visit = names::hygienic("visit");
        quote!(#visit)
    };
    let views = (0..args.len()).map(syn::Index::from);
    // Spanned at the arguments, so that "`T: Clone` is not satisfied" for
    // an argument recorded by value points at the signature.
    let span = args.first().map_or_else(proc_macro2::Span::call_site, |a| {
        syn::spanned::Spanned::span(&a.written)
    });
    let kinds_item = quote::quote_spanned!(span=> type Kinds = (#(#kinds,)*););
    Some(quote! {
        #own_struct

        #(#cfgs)*
        impl #probes for #probes_ty {
            #kinds_item
            type Output = #owned;
            const OUTPUT: &'static str = #output_text;
            fn default_output() -> ::core::option::Option<#owned> {
                (&&&#probe::DefaultProbe::<#owned>(::core::marker::PhantomData)).__mockgen_default()
            }
            fn visit_args(#visit: #visit_ty<'_, '_, Self>) {
                #((#visit.each)((&&#probe::ViewProbe(&#visit.record.#views)).__mockgen_view());)*
            }
        }
    })
}
