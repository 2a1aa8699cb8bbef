//! Methods whose signatures have the same types share one marker type, and
//! with it the marker's `Signature` impls and the runtime code compiled for
//! them: a trait's many `fn x(&self) -> u64` cost the compiler one marker.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{LentArg, MockArg, MockMethod, Pass, Recording};

/// Points every method at the first earlier method with the same key.
pub(crate) fn share_markers(methods: &mut [MockMethod]) {
    let mut first: HashMap<String, syn::Ident> = HashMap::new();
    for method in methods {
        method.same_signature_as = None;
        let Some(key) = key(method) else { continue };
        match first.get(&key) {
            Some(owner) => method.same_signature_as = Some(owner.clone()),
            None => {
                first.insert(key, method.ident.clone());
            }
        }
    }
}

/// Everything the marker's impls are made of, as text; `None` for a
/// generic method, whose marker takes the method's own type parameters.
/// Types are compared as written: they name the same types, as they are
/// written in the same trait (`Self` already stands for the mock).
fn key(method: &MockMethod) -> Option<String> {
    if !method.type_params.is_empty() {
        return None;
    }
    // The marker is as visible as its method (a private method's may name
    // private types), so only methods of one visibility share it.
    let (cfgs, vis) = (&method.cfgs, &method.vis);
    let asyncness = format!("{:?}", std::mem::discriminant(&method.asyncness));
    let owned = &method.output.owned;
    let args = method.args.iter().map(arg_key);
    // A side effect that returns borrows of the arguments has a type of
    // its own.
    let lending = method.lending.as_ref().map(|l| {
        let (lifetimes, output) = (&l.lifetimes, &l.output);
        let args = l.args.iter().map(|a| match a {
            LentArg::Placeholder => quote!(placeholder),
            LentArg::AsIs(ty) => quote!((#ty)),
            LentArg::Unnamed(ty) => quote!(unnamed(#ty)),
        });
        quote!(lending for<#(#lifetimes),*> (#(#args)*) -> #output)
    });
    Some(quote!(#(#cfgs)* #vis #asyncness #owned (#(#args)*) #lending).to_string())
}

fn arg_key(arg: &MockArg) -> TokenStream {
    let recording = match &arg.recording {
        Recording::Owned { target, by_ref } => quote!(owned #target #by_ref),
        Recording::OptionOwned { target } => quote!(option #target),
        Recording::Debug => quote!(debug),
        Recording::Described => quote!(described),
        Recording::SameMock { by_ref } => quote!(same #by_ref),
        Recording::Opaque => quote!(opaque),
    };
    let effect = &arg.effect_ty;
    let passed = match arg.pass {
        Pass::Placeholder => quote!(placeholder),
        _ => quote!(#effect),
    };
    quote!((#recording #passed))
}
