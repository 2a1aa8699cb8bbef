//! Async methods: the call is recorded when the method is called; the
//! returned future records the await and answers when first polled.
//!
//! ```text
//! fn forecast(&self, city: &str) -> impl Future<Output = Vec<f64>> {
//!     let call = (&self.forecast).__call_async((<str as ToOwned>::to_owned(city),));
//!     async move {
//!         match call.__answer(false, false, city) {
//!             Answer::SideEffect(f, (x0,)) => f(x0).await,
//!             Answer::Value(value) => value,
//!             Answer::Original((city,)) | Answer::Real((city,)) => unreachable!(),
//!             // A spy's method awaits the real value's instead:
//!             // Answer::Real((city,)) => self.core.__real_async::<dyn Weather + Send>().await.value().forecast(city).await,
//!             // or, for a trait that is not dyn-compatible, the closure `wrapping` made:
//!             // Answer::Real((city,)) => {
//!             //     let lent = self.core.__real_async::<dyn Any>().await;
//!             //     (&self.forecast).__real_future(lent.erased(), city).await
//!             // }
//!         }
//!     }
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::visit_mut::VisitMut;
use syn::{FnArg, GenericParam, Lifetime, ReturnType, Type};

use super::{method_parts, wrapping};
use crate::model::{Asyncness, MockMethod, MockSpec, Receiver, Serve};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    let MockMethod {
        args, default_body, ..
    } = method;
    let conversions = args.iter().map(|a| method_parts::conversion(a, rt));
    let records = args.iter().map(|a| method_parts::record(a, rt));
    let passed = args.iter().map(|a| method_parts::passed(a, rt));
    let handle = method_parts::handle(spec, method, rt);
    let answer = rt.item("Answer");
    let (call, f, value) = (
        names::hygienic("call"),
        names::hygienic("side_effect"),
        names::hygienic("value"),
    );
    let original = match default_body {
        Some(default) => method_parts::default_body(args, default),
        None => quote!(::core::unreachable!(
            "invariant: only methods with a default body run an original"
        )),
    };
    let has_default = default_body.is_some();
    let real = real_arm(spec, method, rt);
    let reaches_real = real.is_some();
    // The arguments handed back, to the arms that use them.
    let back = method_parts::handed_back(args);
    let original_back = if has_default { back.clone() } else { quote!(_) };
    let (real_back, real_arm) = match real {
        Some(real) => (back, real),
        None => (original_back.clone(), original.clone()),
    };
    let effect_args: Vec<_> = (0..args.len())
        .map(|i| names::hygienic(&format!("x{i}")))
        .collect();
    // A default body answers with the reference itself.
    let returned_original = if has_default {
        quote!(return #original)
    } else {
        original.clone()
    };
    let future = match (&method.lending, lent_answer(method, &value)) {
        // A return value borrowing from the arguments: the side effect
        // is a plain closure run here, with them.
        (Some(_), _) => {
            let lending = rt.item("LendingAnswer");
            let passed = method_parts::lent(method, passed.collect());
            quote! {
                async move {
                    match #call.__answer_lending(#has_default) {
                        #lending::Effect(#f) => #f(#(#passed),*),
                        #lending::Original => #original,
                        #value => #value.__value(),
                    }
                }
            }
        }
        // A returned reference: the owned answer is lent from the handle,
        // which the future borrows through `self`; a default body returns
        // the reference itself.
        (None, Some(lent)) => quote! {
            async move {
                let #value = match #call.__answer(#has_default, #reaches_real, #(#passed),*) {
                    #answer::SideEffect(#f, (#(#effect_args,)*)) => #f(#(#effect_args),*).await,
                    #answer::Value(#value) => #value,
                    #answer::Original(#original_back) => #returned_original,
                    #answer::Real(#real_back) => #real_arm,
                };
                #lent
            }
        },
        (None, None) => quote! {
            async move {
                match #call.__answer(#has_default, #reaches_real, #(#passed),*) {
                    #answer::SideEffect(#f, (#(#effect_args,)*)) => #f(#(#effect_args),*).await,
                    #answer::Value(#value) => #value,
                    #answer::Original(#original_back) => #original,
                    #answer::Real(#real_back) => #real_arm,
                }
            }
        },
    };
    let (sig, future) = match method.asyncness {
        Asyncness::AsyncTrait { send } => (
            async_trait_signature(method, send),
            quote!(::std::boxed::Box::pin(#future)),
        ),
        Asyncness::AsyncFn => (native_signature(method), future),
        Asyncness::BoxedFuture => (
            method_parts::signature(method),
            quote!(::std::boxed::Box::pin(#future)),
        ),
        _ => (method_parts::signature(method), future),
    };
    let body = quote! {
        #(#conversions)*
        let #call = #handle.__call_async((#(#records,)*));
        #future
    };
    method_parts::method_item(spec, method, &sig, body, rt)
}

/// For a method returning a reference, the expression that lends the
/// owned answer `value` from the method's handle in the returned shape.
fn lent_answer(method: &MockMethod, value: &syn::Ident) -> Option<TokenStream> {
    let field = &method.ident;
    let shared = quote!((&self.#field).__lend(#value));
    let mutable = quote!(self.#field.__lend_mut(#value));
    let serve = method.output.serve;
    let lent = match serve {
        Serve::Value | Serve::Write | Serve::Never => return None,
        Serve::RefMut
        | Serve::DerefMut
        | Serve::DynMut
        | Serve::OptionRefMut
        | Serve::OptionDerefMut => super::serve::lent_mut(serve, mutable),
        Serve::ResultRef | Serve::ResultDeref | Serve::ResultDyn => {
            let deref = match serve {
                Serve::ResultRef => quote!(::core::convert::identity),
                _ => quote!(::core::ops::Deref::deref),
            };
            quote! {
                match #value {
                    ::core::result::Result::Ok(#value) => ::core::result::Result::Ok(#deref(#shared)),
                    ::core::result::Result::Err(#value) => ::core::result::Result::Err(#value),
                }
            }
        }
        serve => super::serve::serve_expr(serve, shared),
    };
    // The box's `dyn Trait + Send + Sync` coerces to the written type,
    // which an async block's value is not coerced to by itself.
    let coerced = matches!(
        serve,
        Serve::Dyn | Serve::OptionDyn | Serve::ResultDyn | Serve::DynMut
    );
    match &method.sig.output {
        ReturnType::Type(_, written) if coerced => {
            let written = crate::normalize::future_output(written).unwrap_or(written);
            Some(quote!({
                let #value: #written = #lent;
                #value
            }))
        }
        _ => Some(lent),
    }
}

/// A spy's method awaits the real value's, lent for as long as its future
/// runs: called on the value seen as `dyn Trait` (or as the `#[autospec]`
/// type), or, for a trait that is not dyn-compatible, through the closure
/// that `wrapping` made for the method.
fn real_arm(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> Option<TokenStream> {
    let core = spec.core_field();
    let lent = names::hygienic("lent");
    let idents: Vec<_> = method.args.iter().map(|a| &a.ident).collect();
    let exclusive = matches!(method.receiver, Receiver::Mut);
    let (binding, lend) = if exclusive {
        (quote!(mut #lent), quote!(__real_mut_async))
    } else {
        (quote!(#lent), quote!(__real_async))
    };
    if let Some(view) = wrapping::own_async_delegation(spec, method) {
        let value = if exclusive {
            quote!(value_mut)
        } else {
            quote!(value)
        };
        let call = wrapping::real_call_awaited(method, quote!(#lent.#value()), &idents);
        return Some(quote!({
            let #binding = self.#core.#lend::<#view>().await;
            #call
        }));
    }
    if !wrapping::awaits_through_closure(spec, method) {
        return None;
    }
    let handle = method_parts::handle(spec, method, rt);
    let erased = if exclusive {
        quote!(erased_mut)
    } else {
        quote!(erased)
    };
    Some(quote!({
        let #binding = self.#core.#lend::<dyn ::core::any::Any>().await;
        #handle.__real_future(#lent.#erased(), #(#idents),*).await
    }))
}

/// `async fn f(…) -> T` as `fn f(…) -> impl Future<Output = T>`.
fn native_signature(method: &MockMethod) -> TokenStream {
    let mut sig = plain_signature(method);
    let output = output_type(&sig.output);
    sig.asyncness = None;
    sig.output = syn::parse_quote!(-> impl ::core::future::Future<Output = #output>);
    quote!(#sig)
}

/// `async fn f(&self, x: &T) -> R` as `#[async_trait]` writes it:
/// `fn f<'life0, 'life1, 'async_trait>(&'life0 self, x: &'life1 T)
/// -> Pin<Box<dyn Future<Output = R> + Send + 'async_trait>>` with every
/// lifetime and type parameter bounded by `'async_trait`, so that the impl
/// matches the trait's transformed signature.
fn async_trait_signature(method: &MockMethod, send: bool) -> TokenStream {
    let mut sig = plain_signature(method);
    sig.asyncness = None;
    let async_trait: Lifetime = syn::parse_quote!('async_trait);
    let mut elided = NameElided::default();
    let mut receiver_lifetime = None;
    for input in &mut sig.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                elided.visit_receiver_mut(receiver);
                receiver_lifetime = receiver.lifetime().cloned();
            }
            FnArg::Typed(arg) => {
                elided.visit_type_mut(&mut arg.ty);
                if let Type::ImplTrait(imp) = &mut *arg.ty {
                    imp.bounds.push(syn::parse_quote!('async_trait));
                }
            }
        }
    }
    let mut predicates: Vec<syn::WherePredicate> = Vec::new();
    for param in &mut sig.generics.params {
        match param {
            GenericParam::Type(t) => {
                let (ident, bounds) = (&t.ident, std::mem::take(&mut t.bounds));
                t.colon_token = None;
                predicates.push(syn::parse_quote!(#ident: 'async_trait + #bounds));
            }
            GenericParam::Lifetime(l) => {
                let (lifetime, bounds) = (&l.lifetime, std::mem::take(&mut l.bounds));
                l.colon_token = None;
                predicates.push(syn::parse_quote!(#lifetime: 'async_trait + #bounds));
            }
            GenericParam::Const(_) => {}
        }
    }
    for lifetime in &elided.named {
        sig.generics.params.push(syn::parse_quote!(#lifetime));
        predicates.push(syn::parse_quote!(#lifetime: 'async_trait));
    }
    sig.generics.params.push(syn::parse_quote!(#async_trait));
    if sig.receiver().is_some() {
        predicates.push(syn::parse_quote!(Self: 'async_trait));
    }
    // A reference returned through `&self` borrows for the receiver's
    // lifetime, now named: written out, as elision would give it.
    if let (Some(lifetime), ReturnType::Type(_, ty)) = (&receiver_lifetime, &mut sig.output) {
        NameElided::as_one(lifetime.clone()).visit_type_mut(ty);
    }
    let output = output_type(&sig.output);
    let where_clause = sig.generics.make_where_clause();
    where_clause.predicates.extend(predicates);
    let send = send.then(|| quote!(+ ::core::marker::Send));
    sig.output = syn::parse_quote! {
        -> ::core::pin::Pin<::std::boxed::Box<dyn ::core::future::Future<Output = #output> #send + 'async_trait>>
    };
    quote!(#sig)
}

fn plain_signature(method: &MockMethod) -> syn::Signature {
    syn::parse2(method_parts::signature(method))
        .expect("invariant: a signature prints as a signature")
}

fn output_type(output: &ReturnType) -> TokenStream {
    match output {
        ReturnType::Default => quote!(()),
        ReturnType::Type(_, ty) => quote!(#ty),
    }
}

/// Names elided lifetimes `'life0`, `'life1`, … in order, as `async_trait`
/// does; or, made with [`as_one`](Self::as_one), gives each the one lifetime
/// it elides to.
#[derive(Default)]
struct NameElided {
    named: Vec<Lifetime>,
    only: Option<Lifetime>,
}

impl NameElided {
    fn as_one(lifetime: Lifetime) -> Self {
        NameElided {
            named: Vec::new(),
            only: Some(lifetime),
        }
    }

    fn next(&mut self) -> Lifetime {
        if let Some(only) = &self.only {
            return only.clone();
        }
        let lifetime = Lifetime::new(
            &format!("'life{}", self.named.len()),
            proc_macro2::Span::call_site(),
        );
        self.named.push(lifetime.clone());
        lifetime
    }
}

impl VisitMut for NameElided {
    fn visit_receiver_mut(&mut self, receiver: &mut syn::Receiver) {
        if let Some((_, lifetime)) = &mut receiver.reference {
            if lifetime.is_none() || lifetime.as_ref().is_some_and(|l| l.ident == "_") {
                let named = self.next();
                *lifetime = Some(named.clone());
                if let Type::Reference(r) = &mut *receiver.ty {
                    r.lifetime = Some(named);
                }
            }
        }
    }

    fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
        if reference.lifetime.is_none() {
            reference.lifetime = Some(self.next());
        }
        syn::visit_mut::visit_type_reference_mut(self, reference);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident == "_" {
            *lifetime = self.next();
        }
    }

    fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
}
