//! One marker type per method that is not typed by its structure (see
//! `shape`), and its `Signature` and `SigN` impls: all the runtime needs to
//! know about the method's types. A generic method also gets a family
//! marker mapping its type arguments to the marker.
//!
//! ```text
//! pub struct __Mockgen11MockWeathertemperature;
//! impl Signature for __Mockgen11MockWeathertemperature {
//!     type Arity = Arity1; type Args = (Val<str>,); type Output = f64;
//!     type Fn = dyn for<'a0, 'b0> Fn(&'a0 str) -> f64 + Send + Sync; …
//! }
//! impl<'a0, 'b0> Arg<'a0, 'b0, 0> for __Mockgen11MockWeathertemperature { type Ty = &'a0 str; }
//! impl Sig1 for __Mockgen11MockWeathertemperature { fn boxed … }
//! ```
//!
//! Every argument has two lifetimes: its own, and the one inside a `&mut`
//! argument (`&'a0 mut ReadBuf<'b0>`; see the runtime's `Arg`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;

use super::generics;
use crate::model::{Lending, LentArg, MockArg, MockMethod, MockSpec, Pass, Recording};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    emit_with(spec, method, rt, false)
}

/// The probe traits that `default_output` and `visit_args` call through
/// (method resolution picks `Debug`/`Default` when the type has them).
pub(crate) fn probe_imports(rt: &Runtime) -> TokenStream {
    let probe = rt.item("__probe");
    quote! {
        #[allow(unused_imports)]
        use #probe::traits::*;
    }
}

/// `emit`, with the probe imports left to the caller when `hoisted` (one
/// import per mock instead of two per method).
pub(crate) fn emit_with(
    spec: &MockSpec,
    method: &MockMethod,
    rt: &Runtime,
    hoisted: bool,
) -> TokenStream {
    let MockMethod {
        ident,
        cfgs,
        args,
        output,
        ..
    } = method;
    let vis = spec.method_item_vis(method);
    let marker = names::signature_ident(&spec.mock_ident, ident);
    let generics = generics::of_method(spec, method);
    let phantom = generics::phantom(&generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let (sig_trait, arity) = names::arity_items(args.len());
    let (sig_trait, arity) = (rt.item(&sig_trait), rt.item(&arity));
    let kinds = args.iter().map(|a| arg_kind(a, rt));
    // Spanned at the arguments, so that "`T: Clone` is not satisfied" for
    // an argument recorded by value points at the signature.
    let args_span = args
        .iter()
        .find(|a| matches!(a.recording, Recording::Owned { .. }))
        .map_or_else(proc_macro2::Span::call_site, |a| {
            syn::spanned::Spanned::span(&a.written)
        });
    let args_item = quote::quote_spanned!(args_span=> type Args = (#(#kinds,)*););
    let binder = binder(args.len());
    let effect_tys = effect_types(args, rt);
    let fn_args = &effect_tys;
    let arg_impls = arg_impls(&generics, &marker, &effect_tys, rt);
    let arg_tys = arg_types(args.len(), rt);
    let views: Vec<syn::Index> = (0..args.len()).map(syn::Index::from).collect();
    let name = ident.unraw().to_string();
    let owned = &output.owned;
    let output_text = output_text(output);
    let [signature, record_of, arg_view, probe] =
        ["Signature", "RecordOf", "ArgView", "__probe"].map(|item| rt.item(item));
    // One import for every argument's probe: the `Debug` text when the
    // recorded type has one (method resolution prefers the `&Probe` impl).
    let (record, each) = (names::hygienic("record"), names::hygienic("each"));
    let view_imports = match (args.is_empty(), hoisted) {
        (true, _) => quote!(let _ = (#record, #each);),
        (false, true) => quote!(),
        (false, false) => quote!(use #probe::{ViaDebug as _, ViaNothing as _};),
    };
    let default_imports = if hoisted {
        quote!()
    } else {
        quote!(use #probe::{ViaDefault as _, ViaNoDefault as _, ViaOkDefault as _, ViaReadyDefault as _};)
    };
    let (family_struct, family_impl) = family(spec, method, &marker, rt);
    // A mock checks all its methods' arguments at once (`owned_check::emit_mock`).
    let owned_checks = if hoisted {
        quote!()
    } else {
        super::owned_check::emit(method, &generics, rt)
    };
    let box_future = rt.item("BoxFuture");
    let params = closure_args(args.len());
    let closure = names::hygienic("closure");
    let (closure_ty, _) = names::closure_params();
    // An async method's side effects return futures; a plain closure is
    // wrapped in a ready future.
    let (fn_output, boxed_body, async_impls) = if method.is_async() {
        // A lending side effect is a plain closure (no `AsyncSigN`).
        let lends = method.lending.is_some();
        let impls = async_impls(&generics, &marker, args.len(), lends, rt);
        (
            quote!(#box_future<#owned>),
            quote! {
                ::std::boxed::Box::new(move |#(#params),*| -> #box_future<#owned> {
                    ::std::boxed::Box::pin(::core::future::ready(#closure(#(#params),*)))
                })
            },
            impls,
        )
    } else {
        (
            quote!(#owned),
            quote!(::std::boxed::Box::new(#closure)),
            quote!(),
        )
    };
    // A side effect that returns borrows of the arguments: `Fn` is typed
    // with the method's lifetimes; a closure returning the configured
    // `'static` form is wrapped into it.
    let (fn_type, boxed_body, lending_impl) = match &method.lending {
        Some(lending) => (
            {
                let bound = lending_bound(lending, rt);
                quote!(dyn #bound)
            },
            lending_boxed(args, lending, rt),
            {
                let lending_impl = lending_impl(&generics, &marker, lending, rt);
                quote!(#(#cfgs)* #lending_impl)
            },
        ),
        None => (
            quote! {
                dyn for<#binder> ::core::ops::Fn(#(#fn_args),*) -> #fn_output
                    + ::core::marker::Send + ::core::marker::Sync
            },
            boxed_body,
            quote!(),
        ),
    };
    let again = again(args, rt, hoisted);
    // Further impls (async, generic family) share the method's `#[cfg]`.
    let extras = if async_impls.is_empty() && family_impl.is_empty() {
        quote!()
    } else {
        quote!(#(#cfgs)* const _: () = { #async_impls #family_impl };)
    };
    quote! {
        #(#cfgs)*
        #family_struct

        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #marker #impl_generics #phantom #where_clause;

        #(#cfgs)*
            impl #impl_generics #signature for #marker #ty_generics #where_clause {
                type Arity = #arity;
                #args_item
                type Output = #owned;
                type Fn = #fn_type;
                const NAME: &'static str = #name;
                const OUTPUT: &'static str = #output_text;
                fn default_output() -> ::core::option::Option<#owned> {
                    #default_imports
                    (&&&#probe::DefaultProbe::<#owned>(::core::marker::PhantomData)).__mockgen_default()
                }
                fn visit_args<'__mockgen_r>(#record: &'__mockgen_r #record_of<Self>, #each: &mut dyn ::core::ops::FnMut(#arg_view<'__mockgen_r>)) {
                    #view_imports
                    #(#each(#arg_view::__new(&#record.#views, (&&#probe::Probe(&#record.#views)).__mockgen_debug()));)*
                }
            }

            #(#cfgs)*
            #arg_impls

            #(#cfgs)*
            impl #impl_generics #sig_trait for #marker #ty_generics #where_clause {
                fn boxed<#closure_ty>(#closure: #closure_ty) -> ::std::boxed::Box<Self::Fn>
                where
                    #closure_ty: for<#binder> ::core::ops::Fn(#(#arg_tys),*) -> Self::Output
                        + ::core::marker::Send + ::core::marker::Sync + 'static,
                {
                    #boxed_body
                }
                #again
            }

            #lending_impl

            #extras

            #owned_checks
    }
}

/// `for<'a> Fn(&'a str, &str) -> &'a str + Send + Sync`: the side
/// effect of a method whose return value borrows from its arguments.
fn lending_bound(lending: &Lending, rt: &Runtime) -> TokenStream {
    let Lending {
        lifetimes,
        args,
        output,
    } = lending;
    let opaque = rt.item("OpaqueArg");
    let args = args.iter().map(|a| match a.ty() {
        Some(ty) => quote!(#ty),
        None => quote!(#opaque),
    });
    let binder = if lifetimes.is_empty() {
        quote!()
    } else {
        quote!(for<#(#lifetimes),*>)
    };
    quote! {
        #binder ::core::ops::Fn(#(#args),*) -> #output
            + ::core::marker::Send + ::core::marker::Sync
    }
}

/// `SigN::boxed` of a side effect typed as written: a closure typed
/// through `ArgOf`, which returns the configured form and gets a
/// placeholder for what it cannot name, wrapped into `Fn`.
fn lending_boxed(args: &[MockArg], lending: &Lending, rt: &Runtime) -> TokenStream {
    let opaque = rt.item("OpaqueArg");
    let closure = names::hygienic("closure");
    let (patterns, passed): (Vec<_>, Vec<_>) = closure_args(args.len())
        .into_iter()
        .zip(args.iter().zip(&lending.args))
        .map(|(param, (arg, lent))| match lent {
            LentArg::Unnamed(_) => {
                let text = names::type_text(&arg.written);
                (quote!(_), quote!(#opaque::new(#text)))
            }
            _ => (quote!(#param), quote!(#param)),
        })
        .unzip();
    quote!(::std::boxed::Box::new(move |#(#patterns),*| #closure(#(#passed),*)))
}

/// `LendingEffect<C>` for every closure `C` of the method's signature, its
/// lifetimes written out, so that the handle's `side_effect` infers the
/// closure's types from it.
fn lending_impl(
    generics: &syn::Generics,
    marker: &syn::Ident,
    lending: &Lending,
    rt: &Runtime,
) -> TokenStream {
    let (closure, (closure_ty, _)) = (names::hygienic("closure"), names::closure_params());
    let mut with_closure = generics.clone();
    with_closure.params.push(syn::parse_quote!(#closure_ty));
    let (impl_generics, _, _) = with_closure.split_for_impl();
    let (_, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = where_clause.map(|w| &w.predicates);
    let lending_effect = rt.item("LendingEffect");
    let bound = lending_bound(lending, rt);
    quote! {
        #[automatically_derived]
        impl #impl_generics #lending_effect<#closure_ty> for #marker #ty_generics
        where
            #closure_ty: #bound + 'static,
            #predicates
        {
            fn boxed_lending(#closure: #closure_ty) -> ::std::boxed::Box<Self::Fn> {
                ::std::boxed::Box::new(#closure)
            }
        }
    }
}

/// `AsyncSignature` and `AsyncSigN` (async side effects) for an async
/// method's marker.
fn async_impls(
    generics: &syn::Generics,
    marker: &syn::Ident,
    arity: usize,
    lends: bool,
    rt: &Runtime,
) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let async_signature = rt.item("AsyncSignature");
    if lends {
        return quote! {
            #[automatically_derived]
            impl #impl_generics #async_signature for #marker #ty_generics #where_clause {}
        };
    }
    let async_sig = rt.item(&format!("AsyncSig{arity}"));
    let box_future = rt.item("BoxFuture");
    let binder = binder(arity);
    let arg_tys = arg_types(arity, rt);
    let params = closure_args(arity);
    let closure = names::hygienic("closure");
    let (closure_ty, future_ty) = names::closure_params();
    quote! {
        #[automatically_derived]
        impl #impl_generics #async_signature for #marker #ty_generics #where_clause {}

        #[automatically_derived]
        impl #impl_generics #async_sig for #marker #ty_generics #where_clause {
            fn boxed_async<#closure_ty, #future_ty>(#closure: #closure_ty) -> ::std::boxed::Box<Self::Fn>
            where
                #closure_ty: for<#binder> ::core::ops::Fn(#(#arg_tys),*) -> #future_ty
                    + ::core::marker::Send + ::core::marker::Sync + 'static,
                #future_ty: ::core::future::Future<Output = Self::Output> + ::core::marker::Send + 'static,
            {
                ::std::boxed::Box::new(move |#(#params),*| -> #box_future<Self::Output> {
                    ::std::boxed::Box::pin(#closure(#(#params),*))
                })
            }
        }
    }
}

/// `SigN::__again`: the arguments lent again (a `&mut` reborrowed, any
/// other cloned when its type is `Clone`), so that a side effect that steps
/// aside leaves them to what answers after it. Left to the trait's default
/// (`None`) when an argument is lent as a trait object it cannot share.
fn again(args: &[MockArg], rt: &Runtime, hoisted: bool) -> TokenStream {
    let shareable = args.iter().all(|a| {
        !matches!(
            a.pass,
            Pass::DynMut(_) | Pass::BoxOnce(_) | Pass::Erased { .. }
        )
    });
    if !shareable {
        return quote!();
    }
    let probe = rt.item("__probe");
    let own: Vec<_> = (0..args.len()).map(names::arg_lifetime).collect();
    let inner: Vec<_> = (0..args.len()).map(names::inner_lifetime).collect();
    let indices: Vec<_> = (0..args.len())
        .map(proc_macro2::Literal::usize_unsuffixed)
        .collect();
    let arg_of = rt.item("ArgOf");
    let lent = syn::Lifetime::new("'__mockgen_lent", proc_macro2::Span::mixed_site());
    let all = names::hygienic("args");
    let mut probed = false;
    let again: Vec<_> = args
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let index = syn::Index::from(i);
            let mutable = matches!(&a.pass, Pass::Direct | Pass::Into(_))
                && matches!(&a.effect_ty, syn::Type::Reference(r) if r.mutability.is_some());
            // A shared reference is copied: no probe to resolve.
            let shared = !matches!(&a.pass, Pass::Placeholder)
                && matches!(&a.effect_ty, syn::Type::Reference(r) if r.mutability.is_none());
            if mutable {
                quote!(&mut *#all.#index)
            } else if shared {
                quote!(#all.#index)
            } else {
                probed = true;
                quote!((&&#probe::CloneProbe(&#all.#index)).__mockgen_again()?)
            }
        })
        .collect();
    let imports = if probed && !hoisted {
        quote! {
            #[allow(unused_imports)]
            use #probe::{ViaClone as _, ViaNoClone as _};
        }
    } else {
        quote!()
    };
    quote! {
        #[allow(clippy::type_complexity, clippy::needless_lifetimes)]
        fn __again<#lent, #(#own, #inner),*>(
            #all: &#lent mut (#(#arg_of<#own, #inner, Self, #indices>,)*),
        ) -> ::core::option::Option<(#(#arg_of<#lent, #inner, Self, #indices>,)*)> {
            #imports
            ::core::option::Option::Some((#(#again,)*))
        }
    }
}

/// `'a0, 'b0, 'a1, 'b1, …`: the lifetimes of every argument (see the
/// runtime's `Arg`).
fn binder(arity: usize) -> TokenStream {
    let own = (0..arity).map(names::arg_lifetime);
    let inner = (0..arity).map(names::inner_lifetime);
    quote!(#(#own, #inner),*)
}

/// `ArgOf<'a0, 'b0, Self, 0>, …`: the argument types, as the runtime's
/// side-effect bounds name them.
fn arg_types(arity: usize, rt: &Runtime) -> Vec<TokenStream> {
    let arg_of = rt.item("ArgOf");
    (0..arity)
        .map(|i| {
            let (own, inner) = (names::arg_lifetime(i), names::inner_lifetime(i));
            let index = proc_macro2::Literal::usize_unsuffixed(i);
            quote!(#arg_of<#own, #inner, Self, #index>)
        })
        .collect()
}

/// `impl<'a0, 'b0> Arg<'a0, 'b0, 0> for Marker { type Ty = …; }`, per
/// argument.
fn arg_impls(
    generics: &syn::Generics,
    marker: &syn::Ident,
    effect_tys: &[TokenStream],
    rt: &Runtime,
) -> TokenStream {
    let arg = rt.item("Arg");
    let (_, ty_generics, where_clause) = generics.split_for_impl();
    let impls = effect_tys.iter().enumerate().map(|(i, ty)| {
        let (own, inner) = (names::arg_lifetime(i), names::inner_lifetime(i));
        let mut with_lifetimes = generics.clone();
        for lifetime in [&inner, &own] {
            let param = syn::LifetimeParam::new(lifetime.clone());
            with_lifetimes
                .params
                .insert(0, syn::GenericParam::Lifetime(param));
        }
        let (impl_generics, _, _) = with_lifetimes.split_for_impl();
        let index = proc_macro2::Literal::usize_unsuffixed(i);
        quote! {
            impl #impl_generics #arg<#own, #inner, #index> for #marker #ty_generics #where_clause {
                type Ty = #ty;
            }
        }
    });
    quote!(#(#impls)*)
}

/// The parameters of the closures `boxed` and `boxed_async` wrap the side
/// effect in (hygienic: a constant named `a0` in scope must not turn them
/// into patterns).
fn closure_args(arity: usize) -> Vec<syn::Ident> {
    (0..arity)
        .map(|i| names::hygienic(&format!("a{i}")))
        .collect()
}

/// For a generic method: `impl Instantiate<(T,)> for Family { type Sig = Marker<T>; }`.
fn family(
    spec: &MockSpec,
    method: &MockMethod,
    marker: &syn::Ident,
    rt: &Runtime,
) -> (TokenStream, TokenStream) {
    if method.type_params.is_empty() {
        return (quote!(), quote!());
    }
    let family = family_ident(spec, method);
    let vis = spec.method_item_vis(method);
    let mock_generics = generics::without_defaults(&spec.generics);
    let phantom = generics::phantom(&mock_generics);
    let (mock_impl, mock_ty, mock_where) = mock_generics.split_for_impl();
    let generics = generics::of_method(spec, method);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let params = &method.type_params;
    let key = match params.as_slice() {
        [one] => quote!(#one),
        many => quote!((#(#many,)*)),
    };
    let instantiate = rt.item("Instantiate");
    let family_struct = quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #family #mock_impl #phantom #mock_where;
    };
    let family_impl = quote! {
        #[automatically_derived]
        impl #impl_generics #instantiate<#key> for #family #mock_ty #where_clause {
            type Sig = #marker #ty_generics;
        }
    };
    (family_struct, family_impl)
}

/// The family marker of a generic method.
pub(crate) fn family_ident(spec: &MockSpec, method: &MockMethod) -> syn::Ident {
    names::family_ident(&spec.mock_ident, &method.ident)
}

fn arg_kind(arg: &MockArg, rt: &Runtime) -> TokenStream {
    match &arg.recording {
        // Spanned at the argument's type, so that "`T: Clone` is not
        // satisfied" points there.
        Recording::Owned { .. } => {
            let val = rt.item("Val");
            let target = match &arg.recording {
                Recording::Owned { target, .. } => target,
                _ => unreachable!(),
            };
            let span = syn::spanned::Spanned::span(&arg.written);
            quote::quote_spanned!(span=> #val<#target>)
        }
        Recording::OptionOwned { target } => {
            let opt_val = rt.item("OptVal");
            quote!(#opt_val<#target>)
        }
        Recording::Debug | Recording::Described => rt.item("Debugged"),
        Recording::SameMock { .. } => rt.item("SameMock"),
        Recording::Opaque => rt.item("Opaque"),
    }
}

/// What the side effect receives, per argument.
fn effect_types(args: &[MockArg], rt: &Runtime) -> Vec<TokenStream> {
    args.iter()
        .map(|a| match a.pass {
            Pass::Placeholder => rt.item("OpaqueArg"),
            _ => {
                let ty = &a.effect_ty;
                quote!(#ty)
            }
        })
        .collect()
}

/// The marker's associated types and argument traits, for a companion that
/// returns `Patcher<impl Patchable<…> + …>`: the bindings of `Signature`'s
/// items (given on a subtrait, which implies it), then the rest.
///
/// ```text
/// (Arity = Arity1, Args = (Val<str>,), Output = String,
///      Fn = dyn for<'a0, 'b0> Fn(&'a0 str) -> String + Send + Sync,
///  + Sig1 + for<'a0, 'b0> Arg<'a0, 'b0, 0, Ty = &'a0 str>)
/// ```
pub(crate) fn bounds(method: &MockMethod, rt: &Runtime) -> (TokenStream, TokenStream) {
    let args = &method.args;
    let (sig_trait, arity) = names::arity_items(args.len());
    let (sig_trait, arity) = (rt.item(&sig_trait), rt.item(&arity));
    let kinds = args.iter().map(|a| arg_kind(a, rt));
    let effect_tys = effect_types(args, rt);
    let owned = &method.output.owned;
    let fn_output = if method.is_async() {
        let box_future = rt.item("BoxFuture");
        quote!(#box_future<#owned>)
    } else {
        quote!(#owned)
    };
    let binder = binder(args.len());
    let bindings = quote! {
        Arity = #arity,
        Args = (#(#kinds,)*),
        Output = #owned,
        Fn = dyn for<#binder> ::core::ops::Fn(#(#effect_tys),*) -> #fn_output
            + ::core::marker::Send + ::core::marker::Sync,
    };
    // `AsyncSigN` implies `SigN`.
    let sig_trait = if method.is_async() {
        rt.item(&format!("AsyncSig{}", args.len()))
    } else {
        sig_trait
    };
    let arg = rt.item("Arg");
    let arg_bounds = effect_tys.iter().enumerate().map(|(i, ty)| {
        let (own, inner) = (names::arg_lifetime(i), names::inner_lifetime(i));
        let index = proc_macro2::Literal::usize_unsuffixed(i);
        quote!(+ for<#own, #inner> #arg<#own, #inner, #index, Ty = #ty>)
    });
    let arg_traits = quote!(+ #sig_trait #(#arg_bounds)*);
    (bindings, arg_traits)
}

/// The return type as messages show it. `-> !` reads as written: the
/// runtime's message for an unconfigured call asks for a side effect that
/// diverges.
pub(crate) fn output_text(output: &crate::model::MockOutput) -> String {
    match output.serve {
        crate::model::Serve::Never => "!".to_owned(),
        _ => names::type_text(&output.owned),
    }
}
