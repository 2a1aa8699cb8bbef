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

mod async_delegation;
mod delegation;
mod view;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{MockSpec, TraitImpl};
use crate::names::Runtime;

pub(crate) use async_delegation::{
    awaits_through_closure, own_async_delegation, real_call_awaited,
};
pub(crate) use delegation::{own_delegation, real_call};
pub(crate) use view::view;

use async_delegation::async_delegation;
use delegation::{closure_can_lend, delegates, delegation};
use view::{bound_with_assoc_types, calls_real_itself, reaches_real};

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
            delegates(m)
                && closure_can_lend(m)
                && reaches_real(spec, trait_impl)
                && !calls_real_itself(spec, trait_impl)
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
