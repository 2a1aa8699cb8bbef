//! The handles of static methods and constructors: a `MockXStatics`
//! struct, installed per thread by `MockX::statics()`.
//!
//! ```text
//! pub struct MockServerStatics { pub default_port: Method<…>, __mockgen_core: MockCore }
//! impl MockServer { pub fn statics() -> Statics<MockServerStatics> }
//! ```

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::mock_struct;
use crate::model::{MockMethod, MockSpec};
use crate::names::Runtime;

/// `MockServerStatics`.
fn statics_ident(spec: &MockSpec) -> syn::Ident {
    format_ident!("{}Statics", spec.mock_ident)
}

pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let methods: Vec<&MockMethod> = spec.methods.iter().filter(|m| m.is_static()).collect();
    if methods.is_empty() {
        return quote!();
    }
    let MockSpec {
        vis,
        mock_ident,
        generics,
        ..
    } = spec;
    let ident = statics_ident(spec);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let core = spec.core_field();
    let core_ty = rt.item("MockCore");
    let statics_ty = rt.item("Statics");
    let fields = methods.iter().map(|m| mock_struct::field(spec, m, rt));
    let inits = methods
        .iter()
        .map(|m| mock_struct::init(spec, m, &core, rt));
    let clones = methods.iter().map(|MockMethod { ident, cfgs, .. }| {
        quote!(#(#cfgs)* #ident: ::core::clone::Clone::clone(&self.#ident),)
    });
    let name = mock_ident.to_string();
    let seal = if spec.strict {
        quote!(#core.seal();)
    } else {
        quote!()
    };
    let doc = format!(
        "Handles of the static methods of [`{mock_ident}`], installed on the current thread by [`{mock_ident}::statics`]."
    );
    let [phantom, phantom_init] = super::generics::phantom_field(spec);
    quote! {
        #[doc = #doc]
        #vis struct #ident #generics #where_clause {
            #(#fields)*
            #core: #core_ty,
            #phantom
        }

        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc(hidden)]
            pub fn __new() -> Self {
                // The drop check panics here, in the test's crate, not in
                // mockgen's sources.
                fn unmet(report: ::std::string::String) {
                    ::core::panic!("{}", report)
                }
                let #core = #core_ty::__new_reporting(#name, unmet);
                #seal
                Self {
                    #(#inits)*
                    #core,
                    #phantom_init
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
            fn clone(&self) -> Self {
                Self {
                    #(#clones)*
                    #core: ::core::clone::Clone::clone(&self.#core),
                    #phantom_init
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(::core::concat!(#name, "::statics()"))
            }
        }

        impl #impl_generics #mock_ident #ty_generics #where_clause {
            /// Installs fresh handles for the static methods on this thread;
            /// they answer until the guard is dropped.
            #[must_use = "the handles are uninstalled when the guard is dropped"]
            pub fn statics() -> #statics_ty<#ident #ty_generics> {
                #statics_ty::__install(#ident::__new())
            }
        }
    }
}

/// The handles installed on this thread, or fresh ones.
pub(crate) fn current(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    if spec.block.is_some() {
        // A block's static handles are in the chain of the joined mock's
        // statics (see `joined`).
        return quote!(<Self>::__mockgen_statics());
    }
    let ident = statics_ident(spec);
    let (_, ty_generics, _) = spec.generics.split_for_impl();
    let statics_ty = rt.item("Statics");
    let turbofish = ty_generics.as_turbofish();
    quote!(#statics_ty::<#ident #ty_generics>::__current(#ident #turbofish::__new))
}
