//! Spies (Python's `wraps=`): `MockX::wrapping(real)` makes every method
//! that can delegate answer unconfigured calls with the real value's
//! method; `into_inner()` gives the real value back.
//!
//! The mock keeps the real value with the views its methods see it through.
//! A method of a dyn-compatible trait (or of an `#[autospec]` type) calls
//! it itself (see `trait_impl`), so that `wrapping` is the same few lines
//! however many methods the trait has:
//!
//! ```text
//! pub fn wrapping<R: Weather + Send + 'static>(real: R) -> Self {
//!     let mock = Self::named("MockWeather");
//!     mock.core.__keep_real(Real::new(real).view::<dyn Weather + Send>(|r| r, |r| r));
//!     mock
//! }
//! ```
//!
//! Any other trait's methods call it through one closure each:
//!
//! ```text
//!     let real = mock.core.__keep_real(Real::new(real).view::<R>(|r| r, |r| r));
//!     mock.next.__set_original(<Sig as Sig0>::boxed({
//!         let real = Arc::clone(&real);
//!         move || real.lend_mut::<R>().value_mut().next()
//!     }));
//! ```

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{Asyncness, MockMethod, MockSpec, Pass, Receiver, Recording, Serve, TraitImpl};
use crate::names::{self, Runtime};
use crate::normalize::mentions_word;

pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let MockSpec {
        mock_ident,
        generics,
        ..
    } = spec;
    let spied: Vec<&TraitImpl> = spec
        .impls
        .iter()
        .filter(|i| reaches_real(spec, i))
        .collect();
    if spied.is_empty() {
        return quote!();
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let real_ty = format_ident!("__MockgenReal");
    let bound = match &spec.inherent_self {
        Some(self_ty) => quote!(::core::borrow::BorrowMut<#self_ty>),
        None => {
            let traits = spied.iter().map(|i| bound_with_assoc_types(i));
            quote!(#(#traits)+*)
        }
    };
    let real = rt.item("Real");
    let core = spec.core_field();
    let mut views: Vec<TokenStream> = spied
        .iter()
        .filter_map(|trait_impl| {
            let view = view(spec, trait_impl)?;
            Some(match &spec.inherent_self {
                Some(self_ty) => quote!(.view::<#view>(
                    |r| ::core::borrow::Borrow::<#self_ty>::borrow(r),
                    |r| ::core::borrow::BorrowMut::<#self_ty>::borrow_mut(r),
                )),
                None => quote!(.view::<#view>(|r| r, |r| r)),
            })
        })
        .collect();
    // Methods of a trait that is not dyn-compatible call the real value
    // through closures, which see it as its own type.
    let closures: Vec<_> = spec
        .methods
        .iter()
        .filter(|m| {
            let trait_impl = &spec.impls[m.impl_index];
            delegates(m) && reaches_real(spec, trait_impl) && !calls_real_itself(spec, trait_impl)
        })
        .map(|m| delegation(spec, m, &real_ty, rt))
        .collect();
    if !closures.is_empty() {
        views.push(quote!(.view::<#real_ty>(|r| r, |r| r)));
    }
    // Their async methods start the real method's future through one
    // closure each, on the value lent type-erased.
    let async_closures: Vec<_> = spec
        .methods
        .iter()
        .filter(|m| awaits_through_closure(spec, m))
        .map(|m| async_delegation(spec, m, &real_ty, rt))
        .collect();
    if !async_closures.is_empty() {
        views.push(quote!(.view::<dyn ::core::any::Any>(|r| r, |r| r)));
    }
    // A trait that requires `Sync` makes the real value `Sync`: its `&self`
    // methods then run side by side on several threads, as without the spy.
    let keep = if spec.impls.iter().any(|i| i.requires_sync) {
        quote!(shared)
    } else {
        quote!(new)
    };
    let kept = quote!(mock.#core.__keep_real(#real::#keep(real) #(#views)*));
    let keep = if closures.is_empty() && async_closures.is_empty() {
        quote!(#kept;)
    } else {
        quote!(let real = #kept;)
    };
    let mock_name = mock_ident.to_string();
    quote! {
        impl #impl_generics #mock_ident #ty_generics #where_clause {
            /// A spy (Python's `wraps=`): methods with nothing configured
            /// call the real value's method; every call is recorded.
            /// Configured methods (side effect, return value, expectations)
            /// do not reach the real value.
            pub fn wrapping<#real_ty>(real: #real_ty) -> Self
            where
                #real_ty: #bound + ::core::marker::Send + 'static,
            {
                let mock = Self::named(#mock_name);
                #keep
                #(#closures)*
                #(#async_closures)*
                mock
            }

            /// The real value given to [`wrapping`](Self::wrapping), taken
            /// back: `None` if there is none, it was taken already, or it is
            /// not of type `R`.
            pub fn into_inner<#real_ty: ::core::marker::Send + 'static>(self) -> ::core::option::Option<#real_ty> {
                self.#core.__take_real::<#real_ty>()
            }
        }
    }
}

/// Whether the methods of `trait_impl` can reach a spy's real value: all
/// but those of an inherent block in `mock!`, whose real type the macro
/// does not know (only `#[autospec]` sees the type it mocks).
fn reaches_real(spec: &MockSpec, trait_impl: &TraitImpl) -> bool {
    // `impl<T> From<T>`: no one bound on the real value says "for every
    // `T`"; nor can one bound say which of two `#[cfg]` alternatives holds.
    let nameable = trait_impl.own_params.is_empty() && trait_impl.cfgs.is_empty();
    (!trait_impl.inherent || spec.inherent_self.is_some()) && nameable
}

/// Whether a spy's methods of `trait_impl` call the real value themselves
/// (through a [`view`] of it) rather than through closures.
fn calls_real_itself(spec: &MockSpec, trait_impl: &TraitImpl) -> bool {
    spec.inherent_self.is_some() || trait_impl.dyn_compatible
}

/// What a spy's methods of `trait_impl` see the real value as, when they
/// call it themselves: the `#[autospec]` type, or `dyn Trait + Send` for a
/// dyn-compatible trait. `None`: they call it through closures.
pub(crate) fn view(spec: &MockSpec, trait_impl: &TraitImpl) -> Option<TokenStream> {
    if !reaches_real(spec, trait_impl) || !calls_real_itself(spec, trait_impl) {
        return None;
    }
    Some(match &spec.inherent_self {
        Some(self_ty) => quote!(#self_ty),
        None => {
            let bound = bound_with_assoc_types(trait_impl);
            quote!(dyn #bound + ::core::marker::Send + 'static)
        }
    })
}

/// The view a method calls the real value through itself (see [`view`]),
/// if it delegates that way.
pub(crate) fn own_delegation(spec: &MockSpec, method: &MockMethod) -> Option<TokenStream> {
    if !delegates(method) {
        return None;
    }
    view(spec, &spec.impls[method.impl_index])
}

/// `Iterator<Item = u32>`: the trait with the mock's associated types, so
/// that the real value's methods return what the mock's do.
fn bound_with_assoc_types(trait_impl: &TraitImpl) -> TokenStream {
    let mut path = path_with_assoc_types(trait_impl);
    if trait_impl.lifetimes.is_empty() {
        return quote!(#path);
    }
    // The trait's lifetimes, bound afresh: `for<'__mockgen_l0> Parser<'__mockgen_l0>`
    // (the impl's own `'a` is in scope where this is written).
    let fresh: Vec<syn::Lifetime> = (0..trait_impl.lifetimes.len())
        .map(|i| syn::Lifetime::new(&format!("'__mockgen_l{i}"), proc_macro2::Span::mixed_site()))
        .collect();
    struct Rebind<'a>(&'a [syn::LifetimeParam], &'a [syn::Lifetime]);
    impl syn::visit_mut::VisitMut for Rebind<'_> {
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if let Some(i) = self
                .0
                .iter()
                .position(|l| l.lifetime.ident == lifetime.ident)
            {
                *lifetime = self.1[i].clone();
            }
        }
    }
    syn::visit_mut::VisitMut::visit_path_mut(&mut Rebind(&trait_impl.lifetimes, &fresh), &mut path);
    quote!(for<#(#fresh),*> #path)
}

fn path_with_assoc_types(trait_impl: &TraitImpl) -> syn::Path {
    let mut path = trait_impl.path.clone();
    if trait_impl.assoc_types.is_empty() {
        return path;
    }
    let last = path
        .segments
        .last_mut()
        .expect("invariant: a trait path has a segment");
    let mut args = match std::mem::take(&mut last.arguments) {
        syn::PathArguments::AngleBracketed(args) => args.args,
        _ => Default::default(),
    };
    for assoc in &trait_impl.assoc_types {
        let (ident, ty) = (&assoc.ident, &assoc.ty);
        args.push(syn::parse_quote!(#ident = #ty));
    }
    last.arguments = syn::PathArguments::AngleBracketed(syn::parse_quote!(<#args>));
    path
}

/// Whether a sync method can delegate to the real value (see
/// [`passes_on`]).
fn delegates(method: &MockMethod) -> bool {
    passes_on(method) && !method.is_async()
}

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

/// Whether a method can pass its call on to the real value: it borrows
/// `self`, is not generic, and its arguments and result are the real
/// method's.
fn passes_on(method: &MockMethod) -> bool {
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
            !lends_borrowed_value
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
            Serve::Write | Serve::RefMut | Serve::DerefMut
        )
}

fn delegation(
    spec: &MockSpec,
    method: &MockMethod,
    real_ty: &syn::Ident,
    rt: &Runtime,
) -> TokenStream {
    let ident = &method.ident;
    let cfgs = &method.cfgs;
    let marker = method.marker(&spec.mock_ident);
    let (_, ty_generics, _) = spec.generics.split_for_impl();
    let sig_trait = rt.item(&names::arity_items(method.args.len()).0);
    let params = closure_params(method);
    let trait_path = trait_path(spec, method);
    let receiver = match method.receiver {
        Receiver::Mut => quote!(&mut *real.lend_mut::<#real_ty>().value_mut()),
        _ => quote!(&*real.lend::<#real_ty>().value()),
    };
    let call = answer_from(
        method,
        quote!(<#real_ty as #trait_path>::#ident(#receiver, #(#params),*)),
    );
    quote! {
        #(#cfgs)*
        mock.#ident.__set_original(<#marker #ty_generics as #sig_trait>::boxed({
            let real = ::std::sync::Arc::clone(&real);
            move |#(#params),*| #call
        }));
    }
}

/// `mock.fetch.__set_real_future(|real, a0| RealFuture::local(<R as
/// Store>::fetch(real.shared::<R>(), a0)))`: the real method's future,
/// `Send` when the trait says so ([`promises_send`]).
fn async_delegation(
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
    let trait_path = trait_path(spec, method);
    let call = quote!(<#real_ty as #trait_path>::#ident(#receiver, #(#params),*));
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

/// The parameters of a spy's closure: one per argument.
fn closure_params(method: &MockMethod) -> Vec<syn::Ident> {
    (0..method.args.len())
        .map(|i| names::hygienic(&format!("a{i}")))
        .collect()
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

/// The real method's result `call`, turned into the owned value the mock's
/// handle answers with.
fn answer_from(method: &MockMethod, call: TokenStream) -> TokenStream {
    match method.output.serve {
        Serve::Value | Serve::Write => call,
        Serve::Ref | Serve::RefMut => quote!(::core::clone::Clone::clone(#call)),
        Serve::Deref | Serve::DerefMut => quote!(::std::borrow::ToOwned::to_owned(#call)),
        Serve::OptionRef => quote!((#call).cloned()),
        Serve::OptionDeref => {
            quote!(::core::option::Option::map(#call, ::std::borrow::ToOwned::to_owned))
        }
        Serve::Iter => {
            quote!(::core::iter::Iterator::collect(::core::iter::Iterator::cloned(#call)))
        }
        Serve::ResultRef => quote!(::core::result::Result::map(#call, ::core::clone::Clone::clone)),
        Serve::ResultDeref => {
            quote!(::core::result::Result::map(#call, ::std::borrow::ToOwned::to_owned))
        }
    }
}
