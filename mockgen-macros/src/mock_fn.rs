//! `mock_fn!(|e: Event| -> bool)`: a callable mock (Python's callable
//! `Mock`) for callback parameters, with the full handle API.
//!
//! ```text
//! {
//!     struct __mockgen_MockFn_call; impl Signature … ; impl Sig1 … ;
//!     struct MockFn { handle: Method<__mockgen_MockFn_call>, … }
//!     impl MockFn { fn as_fn(&self) -> impl Fn(Event) -> bool { … } }
//!     MockFn::new()
//! }
//! ```

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Token, Type};

use crate::codegen::{method_parts, signature};
use crate::diag::Errors;
use crate::lower::{Bounds, Context, lower_method};
use crate::model::MockSpec;
use crate::names::{self, Runtime};

/// `|name: Type, …| -> Output`.
struct FnInput {
    args: Punctuated<syn::PatType, Token![,]>,
    output: syn::ReturnType,
}

impl Parse for FnInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Punctuated::new();
        if input.peek(Token![||]) {
            input.parse::<Token![||]>()?;
        } else {
            input.parse::<Token![|]>()?;
            while !input.peek(Token![|]) {
                let pat = syn::Pat::parse_single(input)?;
                let colon: Token![:] = input.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "give every argument a type: `|name: Type| -> Output`",
                    )
                })?;
                let ty: Type = input.parse()?;
                args.push(syn::PatType {
                    attrs: Vec::new(),
                    pat: Box::new(pat),
                    colon_token: colon,
                    ty: Box::new(ty),
                });
                if input.peek(Token![,]) {
                    input.parse::<Token![,]>()?;
                }
            }
            input.parse::<Token![|]>()?;
        }
        let output = input.parse()?;
        if !input.is_empty() {
            return Err(input.error("`mock_fn!` takes a signature only: `|name: Type| -> Output`"));
        }
        Ok(FnInput { args, output })
    }
}

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    match syn::parse2::<FnInput>(input).and_then(|input| emit(&input)) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

fn emit(input: &FnInput) -> syn::Result<TokenStream> {
    let rt = Runtime::new(None);
    let args = &input.args;
    let output = &input.output;
    let sig: syn::TraitItemFn = syn::parse_quote!(fn call(&self, #args) #output;);
    let mock_ident = format_ident!("MockFn");
    let mock_ty: Type = syn::parse_quote!(#mock_ident);
    let assoc = BTreeMap::new();
    let bounds = Bounds::default();
    let cx = Context {
        mock_ty: &mock_ty,
        assoc: &assoc,
        bounds: &bounds,
        async_trait: None,
        overrides: &crate::lower::ArgOverrides::NONE,
        formatting_trait: false,
    };
    let mut errors = Errors::default();
    let method = lower_method(&sig, &cx, &mut errors);
    errors.finish()?;
    let method = method.expect("invariant: lowering without errors yields the method");
    let spec = MockSpec {
        vis: syn::Visibility::Inherited,
        mock_ident: mock_ident.clone(),
        generics: syn::Generics::default(),
        impls: Vec::new(),
        methods: Vec::new(),
        origin: "mock_fn!",
        strict: false,
        inherent_self: None,
        block: None,
    };
    let marker = names::signature_ident(&mock_ident, &method.ident);
    let signature = signature::emit(&spec, &method, &rt);
    let conversions: Vec<_> = method
        .args
        .iter()
        .map(|a| method_parts::conversion(a, &rt))
        .collect();
    let records: Vec<_> = method
        .args
        .iter()
        .map(|a| method_parts::record(a, &rt))
        .collect();
    let passed: Vec<_> = method
        .args
        .iter()
        .map(|a| method_parts::passed(a, &rt))
        .collect();
    let params: Vec<_> = method
        .args
        .iter()
        .map(|a| {
            let (ident, ty) = (&a.ident, &a.written);
            quote!(#ident: #ty)
        })
        .collect();
    let out_ty = match output {
        syn::ReturnType::Default => quote!(()),
        syn::ReturnType::Type(_, ty) => quote!(#ty),
    };
    let (method_ty, core_ty, mock_fn) = (rt.item("Method"), rt.item("MockCore"), rt.item("MockFn"));
    Ok(quote! {{
        #signature

        // The drop check panics here, on the `mock_fn!` line, not in
        // mockgen's sources.
        fn unmet(report: ::std::string::String) {
            ::core::panic!("{}", report)
        }
        let core = #core_ty::__new_reporting("mock_fn", unmet);
        let handle: #method_ty<#marker> = core.__method();
        #mock_fn::__new(core, handle, |handle: &#method_ty<#marker>| {
            let handle = ::core::clone::Clone::clone(handle);
            move |#(#params),*| -> #out_ty {
                #(#conversions)*
                handle.__call_with((#(#records,)*), #(#passed),*)
            }
        })
    }})
}
