//! One marker type per method, and its `Signature` and `SigN` impls: all the
//! runtime needs to know about the method's types.
//!
//! ```text
//! pub struct __mockgen_MockWeather_temperature;
//! impl Signature for __mockgen_MockWeather_temperature {
//!     type Arity = Arity1; type Args = (Val<str>,); type Output = f64;
//!     type Fn = dyn for<'a0> Fn(&'a0 str) -> f64 + Send + Sync; …
//! }
//! impl Sig1 for __mockgen_MockWeather_temperature { type A0<'a0> = &'a0 str; fn boxed … }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{MockArg, MockMethod, MockSpec, Recording};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> TokenStream {
    let MockMethod {
        ident,
        cfgs,
        args,
        output,
        ..
    } = method;
    let vis = &spec.vis;
    let marker = names::signature_ident(&spec.mock_ident, ident);
    let (sig_trait, arity) = names::arity_items(args.len());
    let (sig_trait, arity) = (rt.item(&sig_trait), rt.item(&arity));
    let kinds = args.iter().map(|a| arg_kind(a, rt));
    let lifetimes: Vec<_> = (0..args.len()).map(names::arg_lifetime).collect();
    let gats: Vec<_> = (0..args.len()).map(names::gat_ident).collect();
    let named_tys = args.iter().map(|a| &a.named_ty);
    let views = (0..args.len()).map(syn::Index::from);
    let name = ident.unraw_string();
    let output_text = names::type_text(output);
    let (signature, record_of, arg_view, default_of) = (
        rt.item("Signature"),
        rt.item("RecordOf"),
        rt.item("ArgView"),
        rt.item("__default_of"),
    );
    let arg_view_macro = rt.item("__arg_view");
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #marker;

        #(#cfgs)*
        const _: () = {
            #[automatically_derived]
            impl #signature for #marker {
                type Arity = #arity;
                type Args = (#(#kinds,)*);
                type Output = #output;
                type Fn = dyn for<#(#lifetimes),*> ::core::ops::Fn(#(<Self as #sig_trait>::#gats<#lifetimes>),*) -> #output
                    + ::core::marker::Send + ::core::marker::Sync;
                const NAME: &'static str = #name;
                const OUTPUT: &'static str = #output_text;
                fn default_output() -> ::core::option::Option<#output> {
                    #default_of!(#output)
                }
                fn visit_args<'r>(
                    record: &'r #record_of<Self>,
                    each: &mut dyn ::core::ops::FnMut(#arg_view<'r>),
                ) {
                    let _ = &record;
                    #(each(#arg_view_macro!(&record.#views));)*
                }
            }

            #[automatically_derived]
            impl #sig_trait for #marker {
                #(type #gats<#lifetimes> = #named_tys;)*
                fn boxed<C>(closure: C) -> ::std::boxed::Box<Self::Fn>
                where
                    C: for<#(#lifetimes),*> ::core::ops::Fn(#(Self::#gats<#lifetimes>),*) -> Self::Output
                        + ::core::marker::Send + ::core::marker::Sync + 'static,
                {
                    ::std::boxed::Box::new(closure)
                }
            }
        };
    }
}

fn arg_kind(arg: &MockArg, rt: &Runtime) -> TokenStream {
    match &arg.recording {
        Recording::Owned { target, .. } => {
            let val = rt.item("Val");
            quote!(#val<#target>)
        }
        Recording::Debug => rt.item("Debugged"),
        Recording::Opaque => rt.item("Opaque"),
    }
}

trait UnrawString {
    fn unraw_string(&self) -> String;
}

impl UnrawString for syn::Ident {
    fn unraw_string(&self) -> String {
        use syn::ext::IdentExt as _;
        self.unraw().to_string()
    }
}
