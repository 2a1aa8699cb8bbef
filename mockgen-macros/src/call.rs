//! `call!`: an expected call of one method (`call!(a, _, gt(3))`) or of a
//! named method (`call!(.temperature("Oslo"))`, `call!(.db.open(path))`).
//!
//! ```text
//! call!("Oslo", _)  →  Call::__new(((&&Wrap::new("Oslo")).__mockgen_matcher(),
//!                                   (&&Wrap::new(ANY)).__mockgen_matcher(),))
//! call!(.temperature("Oslo"))
//!     →  PathCall::__method::<ID, _>("temperature",
//!            Call::__of_method(((&&Wrap::new("Oslo")).__mockgen_matcher(),)))
//! call!(.db.open(path))
//!     →  PathCall::__path(&["db"], "open", vec![(&&Wrap::new(path)).__mockgen_erased()])
//! ```
//!
//! `ID` is the number of the method's name ([`crate::names::method_id`]):
//! the mock the call is checked against implements `HasMethod<ID>` for each
//! of its methods, which gives the method's argument kinds, so rustc checks
//! the name, the number of arguments and their types. Each part is spanned
//! on the tokens it comes from, so that errors point at them.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
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
        /// The span of the parenthesized arguments.
        parens: Span,
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
        let parens = syn::parenthesized!(content in input).span.join();
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
            parens,
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
        Ok(CallInput::Path {
            path,
            method,
            parens,
            args,
        }) if path.is_empty() => method_call(&method, parens, &args),
        Ok(CallInput::Path {
            path, method, args, ..
        }) => path_call(&path, &method, &args),
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

/// `call!(.method(…))`: typed by the mock it is checked against.
fn method_call(
    method: &Ident,
    parens: Span,
    args: &Punctuated<Position, Token![,]>,
) -> TokenStream {
    use syn::ext::IdentExt as _;
    let name = method.unraw().to_string();
    let mut id = Literal::u64_suffixed(crate::names::method_id(&name));
    id.set_span(method.span());
    let mut name = Literal::string(&name);
    name.set_span(method.span());
    let matchers = args.iter().map(|position| {
        let expr = position_expr(position);
        quote_spanned! {position_span(position)=>
            (&&::mockgen::__private::__dispatch::Wrap::new(#expr)).__mockgen_matcher()
        }
    });
    let call = quote_spanned!(parens=> ::mockgen::__private::Call::__of_method((#(#matchers,)*)));
    let path_call = quote_spanned!(method.span()=> ::mockgen::__private::PathCall::__method::<#id, _, _>(#name, #call));
    quote! {{
        #[allow(unused_imports)]
        use ::mockgen::__private::__dispatch::{ViaMatcher as _, ViaValue as _};
        #path_call
    }}
}

fn position_span(position: &Position) -> Span {
    match position {
        Position::Any => Span::call_site(),
        Position::Expr(expr) => expr.span(),
    }
}

/// `call!(.db.open(…))`: a call of the mock a `Recorder` has as `db`.
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
        ::mockgen::__private::PathCall::__path(
            &[#(#path),*],
            #method,
            ::std::vec![#(#matchers),*],
        )
    }}
}
