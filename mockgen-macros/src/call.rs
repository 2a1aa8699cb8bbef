//! `call!`: an expected call of one method (`call!(a, _, gt(3))`) or of a
//! named method (`call!(.temperature("Oslo"))`, `call!(.db.open(path))`).
//!
//! ```text
//! call!("Oslo", _)  →  Call::__new(((&&Wrap::new("Oslo")).__mockgen_matcher(),
//!                                   (&&Wrap::new(ANY)).__mockgen_matcher(),))
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Token};

/// One position: a value, a matcher, or `_`.
enum Position {
    Any,
    Expr(Expr),
}

impl Parse for Position {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Token![_]) && (input.peek2(Token![,]) || is_last_token(input)) {
            input.parse::<Token![_]>()?;
            return Ok(Position::Any);
        }
        input.parse().map(Position::Expr)
    }
}

fn is_last_token(input: ParseStream<'_>) -> bool {
    let fork = input.fork();
    fork.parse::<proc_macro2::TokenTree>().is_ok() && fork.is_empty()
}

enum CallInput {
    /// `call!(a, b)`.
    Args(Punctuated<Position, Token![,]>),
    /// `call!(.path.method(a, b))`.
    Path {
        path: Vec<Ident>,
        method: Ident,
        args: Punctuated<Position, Token![,]>,
    },
}

impl Parse for CallInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if !input.peek(Token![.]) {
            return Punctuated::parse_terminated(input).map(CallInput::Args);
        }
        let mut segments = Vec::new();
        while input.peek(Token![.]) {
            input.parse::<Token![.]>()?;
            segments.push(input.call(Ident::parse_any_ident)?);
        }
        let content;
        syn::parenthesized!(content in input);
        let args = Punctuated::parse_terminated(&content)?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after the call; write `call!(.method(args))`")
            );
        }
        let method = segments
            .pop()
            .expect("invariant: the loop parsed at least one segment");
        Ok(CallInput::Path {
            path: segments,
            method,
            args,
        })
    }
}

trait ParseAnyIdent {
    fn parse_any_ident(input: ParseStream<'_>) -> syn::Result<Ident>;
}

impl ParseAnyIdent for Ident {
    fn parse_any_ident(input: ParseStream<'_>) -> syn::Result<Ident> {
        use syn::ext::IdentExt as _;
        Ident::parse_any(input)
    }
}

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    match syn::parse2::<CallInput>(input) {
        Ok(CallInput::Args(args)) => typed_call(&args),
        Ok(CallInput::Path { path, method, args }) => path_call(&path, &method, &args),
        Err(error) => error.to_compile_error(),
    }
}

fn position_expr(position: &Position) -> TokenStream {
    match position {
        Position::Any => quote!(::mockgen::ANY),
        Position::Expr(expr) => quote!(#expr),
    }
}

fn typed_call(args: &Punctuated<Position, Token![,]>) -> TokenStream {
    let matchers = args.iter().map(|position| {
        let expr = position_expr(position);
        quote!((&&::mockgen::__private::__dispatch::Wrap::new(#expr)).__mockgen_matcher())
    });
    quote! {{
        #[allow(unused_imports)]
        use ::mockgen::__private::__dispatch::{ViaMatcher as _, ViaValue as _};
        ::mockgen::__private::Call::__new((#(#matchers,)*))
    }}
}

fn path_call(
    path: &[Ident],
    method: &Ident,
    args: &Punctuated<Position, Token![,]>,
) -> TokenStream {
    use syn::ext::IdentExt as _;
    let path = path.iter().map(|segment| segment.unraw().to_string());
    let method = method.unraw().to_string();
    let matchers = args.iter().map(|position| {
        let expr = position_expr(position);
        quote!((&&::mockgen::__private::__dispatch::Wrap::new(#expr)).__mockgen_erased())
    });
    quote! {{
        #[allow(unused_imports)]
        use ::mockgen::__private::__dispatch::{ViaErasedMatcher as _, ViaErasedValue as _};
        ::mockgen::__private::PathCall::__new(
            &[#(#path),*],
            #method,
            ::std::vec![#(#matchers),*],
        )
    }}
}
