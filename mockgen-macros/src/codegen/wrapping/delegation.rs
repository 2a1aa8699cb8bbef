//! A spy's sync methods: which delegate to the real value, and the
//! closure `wrapping` gives those that call it through one.

use proc_macro2::TokenStream;
use quote::quote;

use super::view;
use crate::model::{Asyncness, MockMethod, MockSpec, Pass, Receiver, Recording, Serve};
use crate::names::{self, Runtime};
use crate::normalize::mentions_word;

/// The view a method calls the real value through itself (see [`view`]),
/// if it delegates that way.
pub(crate) fn own_delegation(spec: &MockSpec, method: &MockMethod) -> Option<TokenStream> {
    if !delegates(method) {
        return None;
    }
    view(spec, &spec.impls[method.impl_index])
}

/// Whether a spy's closure can call the real method: one returning
/// borrows of its arguments cannot when its lifetimes have bounds
/// (`'b: 'a`), which the closure's higher-ranked type cannot state.
pub(super) fn closure_can_lend(method: &MockMethod) -> bool {
    let generics = &method.sig.generics;
    let bounded = generics.lifetimes().any(|l| !l.bounds.is_empty())
        || generics.where_clause.as_ref().is_some_and(|w| {
            w.predicates
                .iter()
                .any(|p| matches!(p, syn::WherePredicate::Lifetime(_)))
        });
    method.lending.is_none() || !bounded
}

/// Whether a sync method can delegate to the real value (see
/// [`passes_on`]).
pub(super) fn delegates(method: &MockMethod) -> bool {
    passes_on(method) && !method.is_async()
}

/// Whether a method can pass its call on to the real value: it borrows
/// `self`, is not generic, and its arguments and result are the real
/// method's.
pub(super) fn passes_on(method: &MockMethod) -> bool {
    let receiver = matches!(method.receiver, Receiver::Ref | Receiver::Mut)
        && method.sig.receiver().is_some_and(|r| r.reference.is_some());
    let args = method.args.iter().all(|a| {
        !matches!(
            a.pass,
            Pass::Placeholder
                | Pass::DynRef(_)
                | Pass::DynMut(_)
                | Pass::BoxOnce(_)
                | Pass::Erased { .. }
        ) && !matches!(a.recording, Recording::SameMock { .. })
    });
    let output = match &method.sig.output {
        syn::ReturnType::Default => true,
        // `-> impl Future<Output = T>`: the real future answers with a `T`.
        syn::ReturnType::Type(..) if method.asyncness == Asyncness::ImplFuture => {
            matches!(method.output.serve, Serve::Value)
                && !mentions_word(&method.output.owned, "Self")
        }
        syn::ReturnType::Type(_, ty) => {
            let lends_borrowed_value =
                crate::lifetimes::has_lifetime(ty) && matches!(method.output.serve, Serve::Value);
            // `&'static dyn Trait` is configured as `&'static (dyn Trait
            // + Sync)`, which the real value's answer is not.
            let dyn_ref = matches!(&**ty, syn::Type::Reference(r) if mentions_word(&r.elem, "dyn"));
            // A sync method whose return value borrows from its
            // arguments returns the real method's borrow as it is.
            let lends_from_args = method.lending.is_some() && !method.is_async();
            (!lends_borrowed_value || lends_from_args)
                && !dyn_ref
                && !matches!(**ty, syn::Type::ImplTrait(_))
                && (!mentions_word(ty, "Self") || mentions_word(ty, "Item"))
        }
    };
    // `where T: Default` on a trait parameter: the spy's constructor cannot
    // promise it.
    let tightens = method
        .sig
        .generics
        .where_clause
        .iter()
        .flat_map(|w| &w.predicates)
        .any(|p| !matches!(p, syn::WherePredicate::Type(t) if matches!(&t.bounded_ty, syn::Type::Path(p) if p.path.is_ident("Self"))));
    receiver
        && args
        && output
        && !tightens
        && method.sig.unsafety.is_none()
        && method.type_params.is_empty()
        && !matches!(
            method.output.serve,
            Serve::Write
                | Serve::RefMut
                | Serve::DerefMut
                | Serve::OptionRefMut
                | Serve::OptionDerefMut
                | Serve::Dyn
                | Serve::OptionDyn
                | Serve::ResultDyn
                | Serve::DynMut
        )
}

pub(super) fn delegation(
    spec: &MockSpec,
    method: &MockMethod,
    real_ty: &syn::Ident,
    rt: &Runtime,
) -> TokenStream {
    let ident = &method.ident;
    let cfgs = &method.cfgs;
    let marker = crate::codegen::shape::sig_ty(spec, method, rt);
    let sig_trait = rt.item(&names::arity_items(method.args.len()).0);
    let params = closure_params(method);
    let receiver = match method.receiver {
        Receiver::Mut => quote!(&mut *real.lend_mut::<#real_ty>().value_mut()),
        _ => quote!(&*real.lend::<#real_ty>().value()),
    };
    let call = answer_from(
        method,
        real_method(spec, method, real_ty, receiver, &params),
    );
    // A closure returning borrows of its arguments is typed by the
    // method's `LendingEffect`.
    let boxed = match method.lending {
        Some(_) => {
            let lending_effect = rt.item("LendingEffect");
            quote!(<#marker as #lending_effect<_>>::boxed_lending)
        }
        None => quote!(<#marker as #sig_trait>::boxed),
    };
    quote! {
        #(#cfgs)*
        mock.#ident.__set_original(#boxed({
            let real = ::std::sync::Arc::clone(&real);
            move |#(#params),*| #call
        }));
    }
}

/// `<R as Trait>::method(receiver, a0, …)`: a spy's closure calling the
/// real value's method.
pub(super) fn real_method(
    spec: &MockSpec,
    method: &MockMethod,
    real_ty: &syn::Ident,
    receiver: TokenStream,
    params: &[syn::Ident],
) -> TokenStream {
    let ident = &method.ident;
    let trait_path = trait_path(spec, method);
    quote!(<#real_ty as #trait_path>::#ident(#receiver, #(#params),*))
}

/// The parameters of a spy's closure: one per argument.
pub(super) fn closure_params(method: &MockMethod) -> Vec<syn::Ident> {
    (0..method.args.len())
        .map(|i| names::hygienic(&format!("a{i}")))
        .collect()
}

/// The path a spy's closure calls the real method through: the trait's,
/// so that a `mock!` method the trait does not have is reported as that,
/// at its name, and not as a method missing on the generated type
/// parameter.
fn trait_path(spec: &MockSpec, method: &MockMethod) -> syn::Path {
    let trait_impl = &spec.impls[method.impl_index];
    let mut trait_path = trait_impl.path.clone();
    // `impl<'a> Parser<'a>`: the closure calls the real value's method for
    // whichever lifetime the call has (`Parser<'_>`).
    struct Elide<'a>(&'a [syn::LifetimeParam]);
    impl syn::visit_mut::VisitMut for Elide<'_> {
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if self.0.iter().any(|l| l.lifetime.ident == lifetime.ident) {
                *lifetime = syn::Lifetime::new("'_", lifetime.span());
            }
        }
    }
    syn::visit_mut::VisitMut::visit_path_mut(&mut Elide(&trait_impl.lifetimes), &mut trait_path);
    trait_path
}

/// `real.method(args)`, turned into the owned value the mock's handle
/// answers with.
pub(crate) fn real_call(
    method: &MockMethod,
    real: TokenStream,
    args: &[impl quote::ToTokens],
) -> TokenStream {
    let ident = &method.ident;
    answer_from(method, quote!(#real.#ident(#(#args),*)))
}

/// The real method's result `call`, turned into the owned value the mock's
/// handle answers with.
pub(super) fn answer_from(method: &MockMethod, call: TokenStream) -> TokenStream {
    match method.output.serve {
        // The real `!` coerces to the `Infallible` the handle answers with.
        Serve::Value | Serve::Write | Serve::Never => call,
        // A borrowed trait object has no owned form to answer with: such
        // methods do not pass on (`passes_on`), so this arm is never used.
        Serve::Dyn
        | Serve::OptionDyn
        | Serve::ResultDyn
        | Serve::DynMut
        | Serve::OptionRefMut
        | Serve::OptionDerefMut => call,
        Serve::Ref | Serve::RefMut => quote!(::core::clone::Clone::clone(#call)),
        Serve::Deref | Serve::DerefMut => quote!(::std::borrow::ToOwned::to_owned(#call)),
        Serve::OptionRef => quote!((#call).cloned()),
        Serve::OptionDeref => {
            quote!(::core::option::Option::map(#call, ::std::borrow::ToOwned::to_owned))
        }
        Serve::Iter => {
            quote!(::core::iter::Iterator::collect(::core::iter::Iterator::cloned(#call)))
        }
        Serve::VecRef => quote! {
            ::core::iter::Iterator::collect::<::std::vec::Vec<_>>(::core::iter::Iterator::cloned(
                ::core::iter::IntoIterator::into_iter(#call),
            ))
        },
        Serve::VecDeref => quote! {
            ::core::iter::Iterator::collect::<::std::vec::Vec<_>>(::core::iter::Iterator::map(
                ::core::iter::IntoIterator::into_iter(#call),
                ::std::borrow::ToOwned::to_owned,
            ))
        },
        Serve::ResultRef => quote!(::core::result::Result::map(#call, ::core::clone::Clone::clone)),
        Serve::ResultDeref => {
            quote!(::core::result::Result::map(#call, ::std::borrow::ToOwned::to_owned))
        }
    }
}
