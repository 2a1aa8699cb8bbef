//! Error collection, and what the macro emits when it fails.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens as _;

/// Errors gathered over a whole pass, reported together.
#[derive(Default)]
pub(crate) struct Errors {
    errors: Vec<syn::Error>,
}

impl Errors {
    pub(crate) fn push(&mut self, span: Span, message: &str) {
        self.errors.push(syn::Error::new(span, message));
    }

    pub(crate) fn push_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    pub(crate) fn len(&self) -> usize {
        self.errors.len()
    }

    /// `Err` with every error combined, if there was any.
    pub(crate) fn finish(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            first.combine(error);
        }
        Err(first)
    }
}

/// The errors, and the user's item unchanged so that the rest of the crate
/// does not fill up with errors about a missing trait.
pub(crate) fn fallback(item: TokenStream, error: &syn::Error) -> TokenStream {
    let mut out = error.to_compile_error();
    match syn::parse2::<syn::ItemTrait>(item.clone()) {
        Ok(mut item) => {
            strip_argument_attrs(&mut item);
            item.to_tokens(&mut out);
        }
        Err(_) => out.extend(item),
    }
    out
}

/// Removes the `#[mockgen(…)]` argument attributes, which only the macro
/// understands.
pub(crate) fn strip_argument_attrs(item: &mut syn::ItemTrait) {
    for trait_item in &mut item.items {
        if let syn::TraitItem::Fn(method) = trait_item {
            for input in &mut method.sig.inputs {
                if let syn::FnArg::Typed(arg) = input {
                    arg.attrs.retain(|a| !a.path().is_ident("mockgen"));
                }
            }
        }
    }
}
