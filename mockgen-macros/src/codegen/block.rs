//! One `impl` block of a struct whose blocks join into one mock
//! (`#[autospec(block = Admin)]`): the block's methods on the mock, and
//! its handles in two links of the chains that the struct's mock derefs
//! through (see `joined`).
//!
//! ```text
//! pub(crate) struct __MockgenBlock12MockDatabaseAdmin<N> {
//!     pub drop_table: Method<…>,
//!     __mockgen_next: N,
//! }
//! impl<N> Deref for __MockgenBlock12MockDatabaseAdmin<N> { type Target = N; … }
//! impl MockDatabase { pub fn drop_table(&self, name: &str) { … &self.drop_table … } }
//! ```

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::{call_paths, mock_struct, trait_impl};
use crate::model::{MockMethod, MockSpec};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, block: &syn::Ident, rt: &Runtime) -> TokenStream {
    let signatures = super::signatures(spec, rt);
    let (instance, statics): (Vec<&MockMethod>, Vec<&MockMethod>) =
        spec.methods.iter().partition(|m| !m.is_static());
    let handles = link(
        spec,
        &names::block_ident(&spec.mock_ident, block),
        &instance,
        rt,
    );
    let static_handles = link(
        spec,
        &names::block_statics_ident(&spec.mock_ident, block),
        &statics,
        rt,
    );
    let listed = listed_check(spec, block, rt);
    let methods = trait_impl::emit(spec, rt);
    let call_paths = call_paths::emit_block(spec, &names::block_ident(&spec.mock_ident, block), rt);
    quote! {
        #call_paths
        #handles
        #static_handles
        #listed
        #signatures
        #methods
    }
}

/// A link of a chain: the handles of `methods`, then the rest of the chain,
/// which it derefs to.
fn link(spec: &MockSpec, ident: &syn::Ident, methods: &[&MockMethod], rt: &Runtime) -> TokenStream {
    let next_ty = names::hygienic("__MockgenNext");
    let next_ty = syn::Ident::new("__MockgenNext", next_ty.span());
    let mut generics = super::generics::without_defaults(&spec.generics);
    generics.params.push(syn::parse_quote!(#next_ty));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let core = names::hygienic("core");
    let next = syn::Ident::new("__mockgen_next", proc_macro2::Span::call_site());
    let core_ty = rt.item("MockCore");
    let fields = methods.iter().map(|m| mock_struct::field(spec, m, rt));
    let inits = methods
        .iter()
        .map(|m| mock_struct::init(spec, m, &core, rt));
    let clones = methods.iter().map(|MockMethod { ident, cfgs, .. }| {
        quote!(#(#cfgs)* #ident: ::core::clone::Clone::clone(&self.#ident),)
    });
    let [phantom, phantom_init] = super::generics::phantom_field(spec);
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub(crate) struct #ident #impl_generics #where_clause {
            #(#fields)*
            #next: #next_ty,
            #phantom
        }

        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc(hidden)]
            pub(crate) fn __new(#core: &#core_ty, #next: #next_ty) -> Self {
                let _ = #core;
                Self {
                    #(#inits)*
                    #next,
                    #phantom_init
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::clone::Clone for #ident #ty_generics
        where
            #next_ty: ::core::clone::Clone,
            #where_clause
        {
            fn clone(&self) -> Self {
                Self {
                    #(#clones)*
                    #next: ::core::clone::Clone::clone(&self.#next),
                    #phantom_init
                }
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::ops::Deref for #ident #ty_generics #where_clause {
            type Target = #next_ty;
            fn deref(&self) -> &#next_ty {
                &self.#next
            }
        }
    }
}

/// Fails to compile, spanned at the block's name, unless the struct lists
/// the block.
fn listed_check(spec: &MockSpec, block: &syn::Ident, rt: &Runtime) -> TokenStream {
    let joins = rt.item("JoinsBlock");
    let mock = &spec.mock_ident;
    let link = names::block_ident(mock, block);
    let generics = super::generics::without_defaults(&spec.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let params = generics.type_params().map(|t| &t.ident);
    let check = quote_spanned! {block.span()=>
        listed::<#mock #ty_generics, #link<#(#params,)* ()>>();
    };
    quote! {
        const _: () = {
            fn listed<M: #joins<B>, B>() {}
            #[allow(dead_code)]
            fn check #impl_generics () #where_clause {
                #check
            }
        };
    }
}
