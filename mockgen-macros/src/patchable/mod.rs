//! `#[patchable]`, `patch!` and `patch_global!`: runs the stages for
//! functions, inherent `impl` blocks and `extern` blocks (lower → marker +
//! codegen) and turns their errors into tokens.
//!
//! Without the `patching` feature, the patchable version is emitted under
//! `#[cfg(test)]` and the item as written under `#[cfg(not(test))]`.

mod borrowed;
mod boxed;
mod codegen;
mod foreign;
mod impl_args;
mod lower;
mod marker;
mod names;
mod path;
mod single;

use proc_macro2::TokenStream;
use quote::{ToTokens as _, quote};
use syn::{Attribute, ImplItem, Item, ItemFn, ItemImpl};

use crate::diag::Errors;
use crate::names::Runtime;
use lower::{PatchFn, SelfType};

pub(crate) use path::expand as patch;

/// `#[patchable]` as the build asks for it.
pub(crate) fn patchable(args: TokenStream, item: TokenStream) -> TokenStream {
    expand(args, item, cfg!(feature = "patching"))
}

/// `always`: emit the patchable version without the `cfg(test)` gate.
fn expand(args: TokenStream, item: TokenStream, always: bool) -> TokenStream {
    let krate = match parse_options(args) {
        Ok(krate) => krate,
        Err(error) => return fallback(item, &error),
    };
    let rt = Runtime::new(krate.as_ref());
    let gate: Vec<Attribute> = if always {
        Vec::new()
    } else {
        vec![syn::parse_quote!(#[cfg(test)])]
    };
    let result = match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Fn(function)) if single::is_associated(&function) => {
            single::expand(&function, &gate, &rt)
        }
        Ok(Item::Fn(function)) => expand_fn(&function, &gate, &rt),
        Ok(Item::Impl(block)) => expand_impl(&block, &gate, &rt),
        Ok(Item::ForeignMod(block)) => foreign::expand(&block, &gate, &rt),
        Ok(other) => Err(syn::Error::new_spanned(
            item_head(&other),
            "`#[patchable]` goes on a function, an inherent `impl` block or an `extern` block",
        )),
        Err(error) => Err(error),
    };
    match result {
        Ok(patchable) if always => patchable,
        Ok(patchable) => {
            let original = strip_arg_options(item);
            quote! {
                #patchable
                #[cfg(not(test))]
                #original
            }
        }
        Err(error) => fallback(item, &error),
    }
}

/// `#[patchable(crate = path::to::mockgen)]`.
fn parse_options(args: TokenStream) -> syn::Result<Option<syn::Path>> {
    let mut krate = None;
    let parser = syn::meta::parser(|meta| {
        if !meta.path.is_ident("crate") {
            return Err(meta.error("unknown `patchable` option, expected `crate`"));
        }
        if krate.is_some() {
            return Err(meta.error("duplicate `crate` option"));
        }
        krate = Some(meta.value()?.parse::<syn::Path>()?);
        Ok(())
    });
    syn::parse::Parser::parse2(parser, args)?;
    Ok(krate)
}

fn expand_fn(function: &ItemFn, gate: &[Attribute], rt: &Runtime) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let lowered = lower::lower_fn(
        &function.attrs,
        &function.vis,
        &function.sig,
        &function.block,
        None,
        gate,
        &mut errors,
    );
    errors.finish()?;
    let lowered = lowered.expect("invariant: lowering without errors yields the function");
    Ok(codegen::free_fn(&lowered, gate, rt))
}

fn expand_impl(block: &ItemImpl, gate: &[Attribute], rt: &Runtime) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    if let Some((_, path, _)) = &block.trait_ {
        errors.push_error(syn::Error::new_spanned(path, "`#[patchable]` goes on inherent `impl` blocks; to replace a trait implementation, mock the trait with `#[automock]`"));
    }
    check_impl_generics(&block.generics, &mut errors);
    let ident = self_ident(&block.self_ty, &mut errors);
    let mut errors = match errors.finish() {
        Ok(()) => Errors::default(),
        Err(error) => return Err(error),
    };
    let ident = ident.expect("invariant: a checked self type has a name");
    let impl_cfgs: Vec<Attribute> = block
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .cloned()
        .collect();
    let self_ty = SelfType {
        ty: &block.self_ty,
        ident: &ident,
        cfgs: &impl_cfgs,
        as_param: false,
        generics: &block.generics,
    };
    let mut methods: Vec<PatchFn> = Vec::new();
    let mut items = Vec::new();
    for item in &block.items {
        let ImplItem::Fn(f) = item else {
            items.push(item.to_token_stream());
            continue;
        };
        let lowered = lower::lower_fn(
            &f.attrs,
            &f.vis,
            &f.sig,
            &f.block,
            Some(&self_ty),
            gate,
            &mut errors,
        );
        if let Some(lowered) = lowered {
            items.push(codegen::method(&lowered, rt));
            methods.push(lowered);
        }
    }
    errors.finish()?;
    let markers = methods.iter().map(|m| marker::emit(m, rt));
    let (attrs, self_ty) = (&block.attrs, &block.self_ty);
    let (impl_generics, _, where_clause) = block.generics.split_for_impl();
    Ok(quote! {
        #(#gate)*
        #(#attrs)*
        impl #impl_generics #self_ty #where_clause {
            #(#items)*
        }
        #(#markers)*
    })
}

/// The type parameters of a generic `impl` block: each instantiation is
/// patched on its own (`patch!(Cache::<u32>::get)`), told apart by
/// `TypeId`, which needs `'static` types.
fn check_impl_generics(generics: &syn::Generics, errors: &mut Errors) {
    for param in &generics.params {
        match param {
            syn::GenericParam::Type(t) if !crate::lower::bounds::is_static(generics, &t.ident) => {
                errors.push_error(syn::Error::new_spanned(
                    &t.ident,
                    format!(
                        "each type given to `{0}` is patched on its own (`patch!(Type::<u32>::method)`), which needs `{0}: 'static`: add the bound",
                        t.ident
                    ),
                ));
            }
            syn::GenericParam::Lifetime(l) => errors.push_error(syn::Error::new_spanned(
                l,
                "an `impl` block with lifetime parameters cannot be patched: patches are told apart by `TypeId`, which exists only for types that borrow nothing",
            )),
            syn::GenericParam::Const(c) => errors.push_error(syn::Error::new_spanned(
                c,
                "an `impl` block with const generic parameters cannot be patched: patches are told apart by `TypeId`; put a trait in front and mock it",
            )),
            syn::GenericParam::Type(_) => {}
        }
    }
}

/// `Database` in `impl Database`, `impl crate::db::Database` or
/// `impl<T> Cache<T>`.
fn self_ident(ty: &syn::Type, errors: &mut Errors) -> Option<syn::Ident> {
    if let syn::Type::Path(path) = ty {
        let last = path.path.segments.last()?;
        if path.qself.is_none() {
            return Some(last.ident.clone());
        }
    }
    errors.push_error(syn::Error::new_spanned(
        ty,
        "`#[patchable]` needs an `impl` of a named type",
    ));
    None
}

/// The errors, then the item as written so that the rest of the crate does
/// not fill up with errors about a missing function.
fn fallback(item: TokenStream, error: &syn::Error) -> TokenStream {
    let mut out = error.to_compile_error();
    out.extend(strip_arg_options(item));
    out
}

/// The item less the `#[mockgen(…)]` argument options, which only the
/// macro understands.
fn strip_arg_options(item: TokenStream) -> TokenStream {
    let Ok(mut item) = syn::parse2::<Item>(item.clone()) else {
        return item;
    };
    let strip = |sig: &mut syn::Signature| {
        for input in &mut sig.inputs {
            if let syn::FnArg::Typed(arg) = input {
                arg.attrs.retain(|a| !a.path().is_ident("mockgen"));
            }
        }
    };
    match &mut item {
        Item::Fn(function) => strip(&mut function.sig),
        Item::Impl(block) => {
            for item in &mut block.items {
                if let ImplItem::Fn(f) = item {
                    strip(&mut f.sig);
                }
            }
        }
        Item::ForeignMod(block) => {
            for item in &mut block.items {
                if let syn::ForeignItem::Fn(f) = item {
                    strip(&mut f.sig);
                }
            }
        }
        _ => {}
    }
    item.into_token_stream()
}

/// Where "not a function" points: the item's keyword and name.
fn item_head(item: &Item) -> TokenStream {
    match item {
        Item::Struct(s) => head(&s.struct_token, &s.ident),
        Item::Enum(e) => head(&e.enum_token, &e.ident),
        Item::Trait(t) => head(&t.trait_token, &t.ident),
        Item::Mod(m) => head(&m.mod_token, &m.ident),
        other => other.to_token_stream(),
    }
}

fn head(keyword: &dyn quote::ToTokens, ident: &syn::Ident) -> TokenStream {
    quote!(#keyword #ident)
}

#[cfg(test)]
mod tests;
