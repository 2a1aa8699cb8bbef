//! How a method that returns a reference lends the value its handle keeps,
//! in the shape the signature returns (`&str` from a `String`, `Vec<&T>`
//! from a `Vec<T>`, `Option<&mut T>` from an `Option<T>`): shared by sync
//! and async methods.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Serve;

/// Lends the kept value in the shape the signature returns.
pub(crate) fn serve_expr(serve: Serve, lent: TokenStream) -> TokenStream {
    match serve {
        Serve::Value
        | Serve::Ref
        | Serve::RefMut
        | Serve::DerefMut
        | Serve::DynMut
        | Serve::OptionRefMut
        | Serve::OptionDerefMut
        | Serve::Write
        | Serve::ResultRef
        | Serve::ResultDeref
        | Serve::ResultDyn
        | Serve::Never => lent,
        // The box's `dyn Trait + Send + Sync` coerces to the return type.
        Serve::Deref | Serve::Dyn => quote!(::core::ops::Deref::deref(#lent)),
        Serve::OptionDyn => quote! {
            match ::core::option::Option::as_deref(#lent) {
                ::core::option::Option::Some(lent) => ::core::option::Option::Some(lent),
                ::core::option::Option::None => ::core::option::Option::None,
            }
        },
        Serve::OptionRef => quote!(::core::option::Option::as_ref(#lent)),
        Serve::OptionDeref => quote!(::core::option::Option::as_deref(#lent)),
        Serve::VecRef => quote! {
            ::core::iter::Iterator::collect(<[_]>::iter(#lent))
        },
        Serve::VecDeref => quote! {
            ::core::iter::Iterator::collect(::core::iter::Iterator::map(
                <[_]>::iter(#lent),
                ::core::ops::Deref::deref,
            ))
        },
        Serve::Iter => quote!(::std::boxed::Box::new(#lent.iter())),
    }
}

/// Lends the value a `&mut self` method keeps (`lent`, a `&mut` of it) in
/// the shape the signature returns.
pub(crate) fn lent_mut(serve: Serve, lent: TokenStream) -> TokenStream {
    match serve {
        Serve::DerefMut | Serve::DynMut => quote!(::core::ops::DerefMut::deref_mut(#lent)),
        Serve::OptionRefMut => quote!(::core::option::Option::as_mut(#lent)),
        Serve::OptionDerefMut => quote!(::core::option::Option::as_deref_mut(#lent)),
        _ => lent,
    }
}
