//! `impl Trait for Mock`: each method records its arguments and lets the
//! runtime answer.
//!
//! ```text
//! fn temperature(&self, city: &str) -> f64 {
//!     self.temperature.__call((<str as ToOwned>::to_owned(city),), |f| f(city))
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{MockArg, MockMethod, MockSpec, Receiver, Recording};
use crate::names::{self, Runtime};

pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let MockSpec {
        trait_ident,
        mock_ident,
        unsafety,
        ..
    } = spec;
    let methods = spec.methods.iter().map(|m| method(m, rt));
    quote! {
        #[automatically_derived]
        #unsafety impl #trait_ident for #mock_ident {
            #(#methods)*
        }
    }
}

fn method(method: &MockMethod, rt: &Runtime) -> TokenStream {
    let MockMethod {
        ident,
        cfgs,
        unsafety,
        receiver,
        args,
        output,
        ..
    } = method;
    let receiver = match receiver {
        Receiver::Ref => quote!(&self),
        Receiver::Mut => quote!(&mut self),
    };
    let params = args
        .iter()
        .map(|MockArg { ident, ty, .. }| quote!(#ident: #ty));
    let records = args.iter().map(|a| record(a, rt));
    let passed = args.iter().map(|a| &a.ident);
    let side_effect = names::hygienic("side_effect");
    quote! {
        #(#cfgs)*
        #[track_caller]
        #unsafety fn #ident(#receiver, #(#params),*) -> #output {
            self.#ident.__call(
                (#(#records,)*),
                |#side_effect| #side_effect(#(#passed),*),
            )
        }
    }
}

/// The expression that records one argument.
fn record(arg: &MockArg, rt: &Runtime) -> TokenStream {
    let ident = &arg.ident;
    match &arg.recording {
        Recording::Owned {
            target,
            by_ref: true,
        } => {
            quote!(<#target as ::std::borrow::ToOwned>::to_owned(#ident))
        }
        Recording::Owned {
            target,
            by_ref: false,
        } => {
            quote!(<#target as ::std::borrow::ToOwned>::to_owned(&#ident))
        }
        Recording::Debug => {
            let debug_text = rt.item("DebugText");
            quote!(#debug_text::of(&#ident))
        }
        Recording::Opaque => {
            let opaque = rt.item("OpaqueArg");
            let text = names::type_text(&arg.ty);
            quote!(#opaque::new(#text))
        }
    }
}
