//! A spy's async methods: which await the real value's method, and the
//! closure `wrapping` gives those that start its future through one.

use proc_macro2::TokenStream;
use quote::quote;

use super::delegation::{answer_from, closure_params, passes_on, real_method};
use super::view::{calls_real_itself, reaches_real, view};
use crate::model::{Asyncness, MockMethod, MockSpec, Receiver, Serve};
use crate::names::{self, Runtime};

/// The view an async method awaits the real value's method through, if it
/// does: a method of a dyn-compatible `#[async_trait]` trait (called as
/// `dyn Trait`) or an async method of an `#[autospec]` type.
pub(crate) fn own_async_delegation(spec: &MockSpec, method: &MockMethod) -> Option<TokenStream> {
    let awaits = matches!(method.asyncness, Asyncness::AsyncTrait { .. })
        || (spec.inherent_self.is_some()
            && matches!(method.asyncness, Asyncness::AsyncFn | Asyncness::ImplFuture));
    if !(awaits && passes_on(method)) {
        return None;
    }
    view(spec, &spec.impls[method.impl_index])
}

/// Whether an async method awaits the real value's method through a closure
/// made by `wrapping`: a native `async fn` or an `-> impl Future` method of
/// a trait (either makes the trait dyn-incompatible), or any async method
/// of a `mock!` trait impl.
pub(crate) fn awaits_through_closure(spec: &MockSpec, method: &MockMethod) -> bool {
    let trait_impl = &spec.impls[method.impl_index];
    matches!(
        method.asyncness,
        Asyncness::AsyncFn | Asyncness::AsyncTrait { .. } | Asyncness::ImplFuture
    ) && passes_on(method)
        && reaches_real(spec, trait_impl)
        && !calls_real_itself(spec, trait_impl)
}

/// `mock.fetch.__set_real_future(|real, a0| RealFuture::local(<R as
/// Store>::fetch(real.shared::<R>(), a0)))`: the real method's future,
/// `Send` when the trait says so ([`promises_send`]).
pub(super) fn async_delegation(
    spec: &MockSpec,
    method: &MockMethod,
    real_ty: &syn::Ident,
    rt: &Runtime,
) -> TokenStream {
    let ident = &method.ident;
    let cfgs = &method.cfgs;
    let params = closure_params(method);
    let real = names::hygienic("real");
    let receiver = match method.receiver {
        Receiver::Mut => quote!(#real.exclusive::<#real_ty>()),
        _ => quote!(#real.shared::<#real_ty>()),
    };
    let call = real_method(spec, method, real_ty, receiver, &params);
    let future = match method.output.serve {
        Serve::Value => call,
        _ => {
            let answer = answer_from(method, quote!(#call.await));
            quote!(async move { #answer })
        }
    };
    let real_future = rt.item("RealFuture");
    let kind = if promises_send(method) {
        quote!(send)
    } else {
        quote!(local)
    };
    quote! {
        #(#cfgs)*
        mock.#ident.__set_real_future(move |#real, #(#params),*| #real_future::#kind(#future));
    }
}

/// Whether the trait promises the method's future to be `Send`: an
/// `#[async_trait]` method, or `-> impl Future<Output = T> + Send`.
fn promises_send(method: &MockMethod) -> bool {
    match method.asyncness {
        Asyncness::AsyncTrait { send } => send,
        Asyncness::ImplFuture => match &method.sig.output {
            syn::ReturnType::Type(_, ty) => match &**ty {
                syn::Type::ImplTrait(future) => future.bounds.iter().any(|bound| {
                    matches!(bound, syn::TypeParamBound::Trait(t)
                        if t.path.segments.last().is_some_and(|s| s.ident == "Send"))
                }),
                _ => false,
            },
            syn::ReturnType::Default => false,
        },
        _ => false,
    }
}

/// `real.method(args).await`, turned into the owned value the mock's
/// handle answers with.
pub(crate) fn real_call_awaited(
    method: &MockMethod,
    real: TokenStream,
    args: &[impl quote::ToTokens],
) -> TokenStream {
    let ident = &method.ident;
    answer_from(method, quote!(#real.#ident(#(#args),*).await))
}
