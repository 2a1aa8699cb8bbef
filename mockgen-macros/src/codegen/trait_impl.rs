//! `impl Trait for Mock`: each method records its arguments and lets its
//! handle answer.
//!
//! ```text
//! fn temperature(&self, city: &str) -> f64 {
//!     let handle = &self.temperature;
//!     handle.__call_with((<str as ToOwned>::to_owned(city),), city)
//! }
//! ```
//!
//! A method of a dyn-compatible trait also calls a spy's real value itself
//! (see `wrapping`), when the handle hands its arguments back:
//!
//! ```text
//! match (&self.temperature).__call_or_real((__record::<str>(city),), city) {
//!     Ok(value) => value,
//!     Err((city,)) => self.core.__real::<dyn Weather + Send>().value().temperature(city),
//!     // `__real_mut::<…>().value_mut()` for a `&mut self` method
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::method_parts::{
    self, conversion, handed_back, handle, method_item, passed, record, signature,
};
use super::serve::{lent_mut, serve_expr};
use super::{async_method, wrapping};
use crate::model::{MockMethod, MockSpec, Receiver, Serve, TraitImpl};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let impls = spec
        .impls
        .iter()
        .enumerate()
        .map(|(index, trait_impl)| emit_impl(spec, index, trait_impl, rt));
    quote!(#(#impls)*)
}

fn emit_impl(spec: &MockSpec, index: usize, trait_impl: &TraitImpl, rt: &Runtime) -> TokenStream {
    let MockSpec {
        mock_ident,
        generics,
        ..
    } = spec;
    let TraitImpl {
        path,
        unsafety,
        cfgs,
        ..
    } = trait_impl;
    let (_, ty_generics, _) = generics.split_for_impl();
    // `impl<T> Handler<T> for Name`: a `mock!` block's own parameters join
    // the mock's.
    let mut with_lifetimes = with_trait_lifetimes(generics, trait_impl);
    with_lifetimes.params.extend(
        trait_impl
            .own_params
            .iter()
            .cloned()
            .map(syn::GenericParam::Type),
    );
    let (impl_generics, _, where_clause) = with_lifetimes.split_for_impl();
    let types = trait_impl.assoc_types.iter().map(|a| {
        let (ident, ty) = (&a.ident, &a.ty);
        let (params, clause) = (&a.generics, &a.generics.where_clause);
        quote!(type #ident #params = #ty #clause;)
    });
    let consts = trait_impl.assoc_consts.iter().filter_map(|c| {
        let (ident, ty, value) = (&c.ident, &c.ty, c.value.as_ref()?);
        Some(quote!(const #ident: #ty = #value;))
    });
    let methods = spec
        .methods
        .iter()
        .filter(|m| m.impl_index == index)
        .map(|m| method(spec, m, rt));
    if trait_impl.inherent {
        // The mock mirrors every method of the type, used by the tests or
        // not.
        return quote! {
            #(#cfgs)*
            #[allow(dead_code)]
            impl #impl_generics #mock_ident #ty_generics #where_clause {
                #(#methods)*
            }
        };
    }
    quote! {
        #(#cfgs)*
        #[automatically_derived]
        #unsafety impl #impl_generics #path for #mock_ident #ty_generics #where_clause {
            #(#types)*
            #(#consts)*
            #(#methods)*
        }
    }
}

fn method(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    let MockMethod {
        args,
        output,
        default_body,
        ..
    } = method;
    if method.is_async() {
        return async_method::emit(spec, method, rt);
    }
    let sig = signature(method);
    let conversions = args.iter().map(|a| conversion(a, rt));
    let records: Vec<_> = args.iter().map(|a| record(a, rt)).collect();
    let passed: Vec<_> = args.iter().map(|a| passed(a, rt)).collect();
    let handle = handle(spec, method, rt);
    let (local, value) = (names::hygienic("handle"), names::hygienic("value"));
    // A spy's method that calls the real value itself.
    let real = wrapping::own_delegation(spec, method).map(|view| {
        let core = spec.core_field();
        let idents: Vec<_> = args.iter().map(|a| &a.ident).collect();
        let real = match method.receiver {
            Receiver::Mut => quote!(self.#core.__real_mut::<#view>().value_mut()),
            _ => quote!(self.#core.__real::<#view>().value()),
        };
        let call = wrapping::real_call(method, real, &idents);
        (idents, call)
    });
    // The owned value that answers the call.
    let answer = |handle: &TokenStream| match &real {
        Some((idents, call)) => quote! {
            match #handle.__call_or_real((#(#records,)*), #(#passed),*) {
                ::core::result::Result::Ok(#value) => #value,
                ::core::result::Result::Err((#(#idents,)*)) => #call,
            }
        },
        None => quote!(#handle.__call_with((#(#records,)*), #(#passed),*)),
    };
    // A reference to the answer, which the handle keeps: a configured
    // value is lent as it is, not cloned for each call.
    let lent = |handle: &TokenStream| match &real {
        Some((idents, call)) => quote! {
            match #handle.__call_or_real_lent((#(#records,)*), #(#passed),*) {
                ::core::result::Result::Ok(#value) => #value,
                ::core::result::Result::Err((#(#idents,)*)) => #handle.__lend(#call),
            }
        },
        None => quote!(#handle.__call_lent((#(#records,)*), #(#passed),*)),
    };
    if method.lending.is_some() {
        let body = lending_answer(method, &handle, &records, &passed, real.as_ref(), rt);
        return method_item(spec, method, &sig, quote!(#(#conversions)* #body), rt);
    }
    // `-> !` is answered as a value of `Infallible`, which never exists:
    // only a side effect that diverges (or the trait's default body)
    // answers, and otherwise the call panics once recorded.
    let never = matches!(output.serve, Serve::Never);
    let serve = if never { Serve::Value } else { output.serve };
    let body = match (serve, default_body) {
        (Serve::Value, Some(default)) => {
            let delegate = rt.item("Delegate");
            let back = handed_back(args);
            let default_arm = super::method_parts::default_body(args, default);
            let real_arm = match &real {
                Some((_, call)) => quote!(#call),
                None => default_arm.clone(),
            };
            // A clone of the handle: a `&mut self` default body may use
            // `self` while the answer is matched.
            quote! {
                let #local = ::core::clone::Clone::clone(#handle);
                match #local.__call_or_default((#(#records,)*), #(#passed),*) {
                    ::core::result::Result::Ok(#value) => #value,
                    ::core::result::Result::Err(#delegate::Original(#back)) => #default_arm
                    ::core::result::Result::Err(#delegate::Real(#back)) => #real_arm,
                }
            }
        }
        (Serve::Value, None) => answer(&handle),
        (Serve::Write, _) => {
            let formatter = &args[0].ident;
            let answer = answer(&handle);
            quote! {
                let #value = #answer;
                ::core::fmt::Formatter::write_str(#formatter, &#value)
            }
        }
        (
            serve @ (Serve::RefMut
            | Serve::DerefMut
            | Serve::DynMut
            | Serve::OptionRefMut
            | Serve::OptionDerefMut),
            _,
        ) => {
            let field = &method.ident;
            let answer = answer(&handle);
            let lent = quote!(self.#field.__lend_mut(#value));
            let lent = lent_mut(serve, lent);
            quote! {
                let #value = #answer;
                #lent
            }
        }
        (serve @ (Serve::ResultRef | Serve::ResultDeref | Serve::ResultDyn), _) => {
            let deref = match serve {
                Serve::ResultDeref | Serve::ResultDyn => quote!(::core::ops::Deref::deref),
                _ => quote!(::core::convert::identity),
            };
            let answer = answer(&quote!(#local));
            quote! {
                let #local = #handle;
                match #answer {
                    ::core::result::Result::Ok(#value) => ::core::result::Result::Ok(#deref(#local.__lend(#value))),
                    ::core::result::Result::Err(#value) => ::core::result::Result::Err(#value),
                }
            }
        }
        // A reference lent from the mock, or the trait's default body
        // (which borrows from `self` as the trait's own code does).
        (
            serve @ (Serve::Ref
            | Serve::Deref
            | Serve::Dyn
            | Serve::OptionRef
            | Serve::OptionDeref
            | Serve::OptionDyn
            | Serve::Iter
            | Serve::VecRef
            | Serve::VecDeref),
            Some(default),
        ) => {
            let delegate = rt.item("Delegate");
            let back = handed_back(args);
            let default_arm = super::method_parts::default_body(args, default);
            let served = serve_expr(serve, quote!(#value));
            let real_arm = match &real {
                Some((_, call)) => serve_expr(serve, quote!(#local.__lend(#call))),
                None => default_arm.clone(),
            };
            quote! {
                let #local = #handle;
                match #local.__call_or_default_lent((#(#records,)*), #(#passed),*) {
                    ::core::result::Result::Ok(#value) => #served,
                    ::core::result::Result::Err(#delegate::Original(#back)) => #default_arm
                    ::core::result::Result::Err(#delegate::Real(#back)) => #real_arm,
                }
            }
        }
        (serve, _) => {
            let lent = lent(&quote!(#local));
            let lent = quote!({
                let #local = #handle;
                #lent
            });
            serve_expr(serve, lent)
        }
    };
    let body = if never {
        quote! {
            let #value: ::core::convert::Infallible = { #body };
            match #value {}
        }
    } else {
        body
    };
    method_item(spec, method, &sig, quote!(#(#conversions)* #body), rt)
}

/// The answer of a method whose return value borrows from its arguments:
/// its side effect, run here with the arguments; a configured value; or
/// the trait's default body.
fn lending_answer(
    method: &MockMethod,
    handle: &TokenStream,
    records: &[TokenStream],
    passed: &[TokenStream],
    real: Option<&(Vec<&syn::Ident>, TokenStream)>,
    rt: &Runtime,
) -> TokenStream {
    let answer = rt.item("LendingAnswer");
    let (effect, value) = (names::hygienic("effect"), names::hygienic("value"));
    // An argument that only this side effect can name gets it as itself.
    let passed = method_parts::lent(method, passed.to_vec());
    let default = method
        .default_body
        .as_ref()
        .map(|default| super::method_parts::default_body(&method.args, default));
    // A spy's method: the real value's method answers with the arguments,
    // which are still here (the call only recorded copies of them).
    if let Some((_, call)) = real {
        let has_default = default.is_some();
        let default_arm = default.map(|default| quote!(#answer::Original => #default));
        return quote! {
            match #handle.__call_lending_or_real((#(#records,)*), #has_default) {
                #answer::Effect(#effect) => #effect(#(#passed),*),
                #answer::Real => #call,
                #default_arm
                #value => #value.__value(),
            }
        };
    }
    let Some(default) = default else {
        return quote! {
            match #handle.__call_lending((#(#records,)*)) {
                #answer::Effect(#effect) => #effect(#(#passed),*),
                #value => #value.__value(),
            }
        };
    };
    quote! {
        match #handle.__call_lending_or_default((#(#records,)*)) {
            #answer::Effect(#effect) => #effect(#(#passed),*),
            #answer::Original => #default
            #value => #value.__value(),
        }
    }
}

/// The mock's generics with the trait's lifetime parameters first: the
/// impl is for every lifetime.
fn with_trait_lifetimes(generics: &syn::Generics, trait_impl: &TraitImpl) -> syn::Generics {
    let mut generics = generics.clone();
    let lifetimes = trait_impl
        .lifetimes
        .iter()
        .cloned()
        .map(syn::GenericParam::Lifetime);
    generics.params = lifetimes.chain(generics.params).collect();
    generics
}
