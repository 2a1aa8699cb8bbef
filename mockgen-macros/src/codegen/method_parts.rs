//! The pieces of one mocked method that every kind of method shares
//! (trait methods, sync and async, callable mocks, patchable functions):
//! its signature and item, the handle it calls, and how each argument is
//! converted, recorded and passed on.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::statics;
use crate::model::{Lend, LentArg, MockArg, MockMethod, MockSpec, Pass, Recording};
use crate::names::{self, Runtime};

/// The generated method: the signature, then the static handles (for a
/// static method) and `body`.
pub(crate) fn method_item(
    spec: &MockSpec,
    method: &MockMethod,
    sig: &TokenStream,
    body: TokenStream,
    rt: &Runtime,
) -> TokenStream {
    let statics = if method.is_static() {
        let current = statics::current(spec, rt);
        let statics = names::hygienic("statics");
        quote!(let #statics = #current;)
    } else {
        quote!()
    };
    let (cfgs, vis) = (&method.cfgs, &method.vis);
    // Spanned at the method's name, so that what the compiler says about
    // the method as a whole (a `mock!` method the trait does not have)
    // points there rather than at the whole macro.
    let span = method.sig.ident.span();
    // `#[track_caller]` needs the Rust ABI: an `extern "C"` method's
    // failures point at the mock instead of the caller.
    let rust_abi = method
        .sig
        .abi
        .as_ref()
        .is_none_or(|abi| abi.name.as_ref().is_some_and(|name| name.value() == "Rust"));
    let track_caller = rust_abi.then(|| quote!(#[track_caller]));
    quote_spanned! {span=>
        #(#cfgs)*
        #track_caller
        #vis #sig {
            #statics
            #body
        }
    }
}

/// The trait's signature with every parameter named by a plain identifier.
pub(crate) fn signature(method: &MockMethod) -> TokenStream {
    let mut sig = method.sig.clone();
    let mut typed = method.args.iter();
    for input in &mut sig.inputs {
        if let syn::FnArg::Typed(pat) = input {
            let arg = typed
                .next()
                .expect("invariant: one model argument per typed input");
            let ident = &arg.ident;
            pat.attrs.clear();
            *pat.pat = syn::parse_quote!(#ident);
        }
    }
    quote!(#sig)
}

/// The handle that answers: a field, one instantiation of a generic
/// method, or a static method's handle installed on this thread.
pub(crate) fn handle(spec: &MockSpec, method: &MockMethod, _rt: &Runtime) -> TokenStream {
    let ident = &method.ident;
    let owner = if method.is_static() {
        let statics = names::hygienic("statics");
        quote!(#statics)
    } else {
        quote!(self)
    };
    let _ = spec;
    match method.type_params.as_slice() {
        [] => quote!((&#owner.#ident)),
        [one] => quote!(#owner.#ident.of::<#one>()),
        many => quote!(#owner.#ident.of::<(#(#many,)*)>()),
    }
}

/// Turns the parameter into what the side effect receives.
pub(crate) fn conversion(arg: &MockArg, rt: &Runtime) -> TokenStream {
    let ident = &arg.ident;
    match &arg.pass {
        Pass::Erased { lent, how } => {
            // Recorded first: the trait object it becomes may not show it.
            let (recorded, record) = (recorded_ident(arg), record_value(arg, rt));
            let lend = match how {
                Lend::Coerce => quote!(let #ident: #lent = #ident;),
                Lend::Borrow => quote!(let #ident: #lent = &#ident;),
                Lend::BorrowMut => quote! {
                    let mut #ident = #ident;
                    let #ident: #lent = &mut #ident;
                },
                Lend::Boxed => quote!(let #ident: #lent = ::std::boxed::Box::new(#ident);),
            };
            quote!(let #recorded = #record; #lend)
        }
        Pass::Direct => quote!(),
        Pass::Into(target) => quote!(let #ident: #target = ::core::convert::Into::into(#ident);),
        Pass::AsRef(target) => {
            quote!(let #ident: &#target = ::core::convert::AsRef::<#target>::as_ref(&#ident);)
        }
        Pass::Collect(item) => quote! {
            let #ident: ::std::vec::Vec<#item> = ::core::iter::Iterator::collect(::core::iter::IntoIterator::into_iter(#ident));
        },
        Pass::DynRef(lent) => quote!(let #ident: #lent = &#ident;),
        Pass::DynMut(lent) => quote! {
            let mut #ident = #ident;
            let #ident: #lent = &mut #ident;
        },
        Pass::BoxOnce(lent) => quote!(let #ident: #lent = ::std::boxed::Box::new(#ident);),
        // Only its placeholder is recorded and passed on.
        Pass::Placeholder => quote!(let _ = &#ident;),
    }
}

/// What the side effect receives for one argument.
pub(crate) fn passed(arg: &MockArg, rt: &Runtime) -> TokenStream {
    let ident = &arg.ident;
    match arg.pass {
        Pass::Placeholder => {
            let opaque = rt.item("OpaqueArg");
            let text = names::type_text(&arg.written);
            quote!(#opaque::new(#text))
        }
        _ => quote!(#ident),
    }
}

/// What a side effect typed as written gets (`MockMethod::lending`): an
/// argument that only it can name is passed as itself, any other as
/// `passed` says.
pub(crate) fn lent(method: &MockMethod, passed: Vec<TokenStream>) -> Vec<TokenStream> {
    let Some(lending) = &method.lending else {
        return passed;
    };
    passed
        .into_iter()
        .zip(method.args.iter().zip(&lending.args))
        .map(|(passed, (arg, lent))| match lent {
            LentArg::Unnamed(_) => {
                let ident = &arg.ident;
                quote!(#ident)
            }
            _ => passed,
        })
        .collect()
}

/// The pattern that takes back the arguments a handle hands back (to an
/// original or a spy's real value): `(city, days)`. A placeholder's
/// argument was not moved, and is used as it is.
pub(crate) fn handed_back(args: &[MockArg]) -> TokenStream {
    let back = args.iter().map(|a| match a.pass {
        Pass::Placeholder => quote!(_),
        _ => {
            let ident = &a.ident;
            quote!(#ident)
        }
    });
    quote!((#(#back,)*))
}

/// `let (a, b) = arg1;` where the trait's pattern was not an identifier, so
/// that a default body sees the names it uses.
pub(crate) fn rebind_pattern(arg: &MockArg) -> TokenStream {
    let ident = &arg.ident;
    match &arg.pattern {
        Some(pattern) => quote!(let #pattern = #ident;),
        None => quote!(),
    }
}

/// A trait's default body as the mock runs it: a block that rebinds the
/// arguments' patterns, then the body's statements. Not the body's own
/// block inside ours: `{ { 7 } }` warns `unused_braces` at the user's
/// braces.
pub(crate) fn default_body(args: &[MockArg], body: &syn::Block) -> TokenStream {
    let rebind = args.iter().map(rebind_pattern);
    let stmts = &body.stmts;
    quote!({ #(#rebind)* #(#stmts)* })
}

/// The expression that records one argument.
pub(crate) fn record(arg: &MockArg, rt: &Runtime) -> TokenStream {
    match arg.pass {
        Pass::Erased { .. } => {
            let recorded = recorded_ident(arg);
            quote!(#recorded)
        }
        _ => record_value(arg, rt),
    }
}

/// For an argument lent as a trait object where the argument itself must
/// stay usable afterwards (a patched function's original gets it back):
/// the statements that record it and lend it to a local of its own, and
/// that local. `None` for any other argument.
pub(crate) fn lend_aside(arg: &MockArg, rt: &Runtime) -> Option<(TokenStream, syn::Ident)> {
    let Pass::Erased { lent, how } = &arg.pass else {
        return None;
    };
    let ident = &arg.ident;
    let (recorded, record) = (recorded_ident(arg), record_value(arg, rt));
    let local = names::hygienic(&format!("lent_{}", syn::ext::IdentExt::unraw(ident)));
    let mutable = matches!(lent, syn::Type::Reference(r) if r.mutability.is_some());
    let lend = match how {
        Lend::Coerce if mutable => quote!(let #local: #lent = &mut *#ident;),
        Lend::Coerce => quote!(let #local: #lent = &*#ident;),
        Lend::Borrow => quote!(let #local: #lent = &#ident;),
        Lend::BorrowMut => quote! {
            let mut #ident = #ident;
            let #local: #lent = &mut #ident;
        },
        Lend::Boxed => return None,
    };
    Some((quote!(let #recorded = #record; #lend), local))
}

/// The local that keeps an argument's record made before the argument is
/// lent as a trait object.
fn recorded_ident(arg: &MockArg) -> syn::Ident {
    names::hygienic(&format!(
        "recorded_{}",
        syn::ext::IdentExt::unraw(&arg.ident)
    ))
}

fn record_value(arg: &MockArg, rt: &Runtime) -> TokenStream {
    let ident = &arg.ident;
    match &arg.recording {
        Recording::Owned { target, by_ref } => {
            let record = rt.item("__record");
            let value = if *by_ref {
                quote!(#ident)
            } else {
                quote!(&#ident)
            };
            quote!(#record::<#target>(#value))
        }
        Recording::OptionOwned { target } => {
            quote!(::core::option::Option::map(#ident, <#target as ::std::borrow::ToOwned>::to_owned))
        }
        Recording::Debug => {
            let debug_text = rt.item("DebugText");
            quote!(#debug_text::of(&#ident))
        }
        Recording::Described => {
            let (debug_text, probe) = (rt.item("DebugText"), rt.item("__probe"));
            let text = names::type_text(&arg.written);
            quote!({
                use #probe::{ViaDebug as _, ViaNothing as _};
                #debug_text::__described((&&#probe::Probe(&#ident)).__mockgen_debug(), #text)
            })
        }
        Recording::SameMock { by_ref } => {
            let value = if *by_ref {
                quote!(#ident)
            } else {
                quote!(&#ident)
            };
            quote!(::core::clone::Clone::clone(::core::ops::Deref::deref(#value)))
        }
        Recording::Opaque => {
            let opaque = rt.item("OpaqueArg");
            let text = names::type_text(&arg.written);
            quote!(#opaque::new(#text))
        }
    }
}
