//! What `call!(.method(…))` checks against: one `HasMethod` impl per
//! method of the mock, keyed by the number of the method's name.
//!
//! ```text
//! impl HasMethod<0x…> for MockWeather {
//!     type Args = <__Mockgen…temperature as Signature>::Args;
//! }
//! ```

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::ext::IdentExt as _;

use crate::model::{MockMethod, MockSpec};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = spec.generics.split_for_impl();
    let mock_ident = &spec.mock_ident;
    let (has_method, signature) = (rt.item("HasMethod"), rt.item("Signature"));
    // Generic methods record each instantiation apart; their calls are
    // asserted on their handles. A private method of an `#[autospec]`
    // type has a private marker, which an impl for the mock cannot name
    // (E0446); its calls too are asserted on its handle.
    let methods = spec.methods.iter().filter(|m| {
        let private_inherent =
            spec.impls[m.impl_index].inherent && matches!(m.vis, syn::Visibility::Inherited);
        !m.is_static() && m.type_params.is_empty() && !private_inherent
    });
    let impls = methods.map(|method: &MockMethod| {
        let name = method.ident.unraw().to_string();
        let id = Literal::u64_suffixed(names::method_id(&name));
        let marker = method.marker(mock_ident);
        let cfgs = &method.cfgs;
        quote! {
            #(#cfgs)*
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl #impl_generics #has_method<#id> for #mock_ident #ty_generics #where_clause {
                type Args = <#marker #ty_generics as #signature>::Args;
            }
        }
    });
    quote!(#(#impls)*)
}
