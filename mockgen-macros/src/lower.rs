//! Stage 2: the parsed trait becomes a [`MockSpec`], with every unsupported
//! shape reported at its tokens (all of them at once).

use quote::ToTokens as _;
use syn::spanned::Spanned as _;
use syn::{FnArg, Pat, ReturnType, TraitItem, TraitItemFn, Type};

use crate::diag::Errors;
use crate::lifetimes;
use crate::model::{MockArg, MockMethod, MockSpec, Receiver, Recording};
use crate::names;
use crate::parse::Input;

/// Builds the model of the mock of `input.item`.
pub(crate) fn mock_spec(input: &Input) -> Result<MockSpec, syn::Error> {
    let item = &input.item;
    let mut errors = Errors::default();
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        errors.push(item.generics.span(), "generic traits are not supported yet");
    }
    let mut methods = Vec::new();
    for trait_item in &item.items {
        match trait_item {
            TraitItem::Fn(method) => {
                if let Some(method) = lower_method(method, &mut errors) {
                    methods.push(method);
                }
            }
            TraitItem::Type(ty) => errors.push(ty.span(), "associated types are not supported yet"),
            TraitItem::Const(c) => errors.push(c.span(), "associated consts are not supported yet"),
            other => errors.push(other.span(), "`#[automock]` cannot mock this trait item"),
        }
    }
    errors.finish()?;
    let mock_ident = input
        .options
        .mock
        .clone()
        .unwrap_or_else(|| names::mock_ident(&item.ident));
    Ok(MockSpec {
        vis: item.vis.clone(),
        trait_ident: item.ident.clone(),
        mock_ident,
        unsafety: item.unsafety,
        methods,
    })
}

fn lower_method(method: &TraitItemFn, errors: &mut Errors) -> Option<MockMethod> {
    let sig = &method.sig;
    let before = errors.len();
    if !sig.generics.params.is_empty() {
        errors.push(sig.generics.span(), "generic methods are not supported yet");
    }
    if let Some(asyncness) = sig.asyncness {
        errors.push(asyncness.span(), "async methods are not supported yet");
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic.span(), "variadic methods cannot be mocked");
    }
    let receiver = lower_receiver(sig, errors);
    let args: Vec<MockArg> = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(arg) => Some(arg),
            FnArg::Receiver(_) => None,
        })
        .enumerate()
        .filter_map(|(index, arg)| lower_arg(index, arg, errors))
        .collect();
    if args.len() > 12 {
        errors.push(
            sig.inputs.span(),
            "methods with more than 12 arguments are not supported",
        );
    }
    let output = lower_output(&sig.output, errors);
    if errors.len() > before {
        return None;
    }
    Some(MockMethod {
        ident: sig.ident.clone(),
        cfgs: attrs_named(&method.attrs, "cfg"),
        docs: attrs_named(&method.attrs, "doc"),
        unsafety: sig.unsafety,
        receiver: receiver?,
        args,
        output: output?,
    })
}

fn attrs_named(attrs: &[syn::Attribute], name: &str) -> Vec<syn::Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident(name))
        .cloned()
        .collect()
}

fn lower_receiver(sig: &syn::Signature, errors: &mut Errors) -> Option<Receiver> {
    let Some(receiver) = sig.receiver() else {
        errors.push(
            sig.ident.span(),
            "methods without `self` (static methods, constructors) are not supported yet",
        );
        return None;
    };
    match (
        &receiver.reference,
        &receiver.mutability,
        receiver.colon_token,
    ) {
        (Some(_), None, None) => Some(Receiver::Ref),
        (Some(_), Some(_), None) => Some(Receiver::Mut),
        _ => {
            errors.push(
                receiver.span(),
                "only `&self` and `&mut self` receivers are supported yet",
            );
            None
        }
    }
}

fn lower_arg(index: usize, arg: &syn::PatType, errors: &mut Errors) -> Option<MockArg> {
    let ident = match &*arg.pat {
        Pat::Ident(pat) if pat.subpat.is_none() => pat.ident.clone(),
        _ => names::arg_ident(index),
    };
    let ty = (*arg.ty).clone();
    if contains_impl_or_self(&ty) {
        errors.push(
            ty.span(),
            "`impl Trait` and `Self` in arguments are not supported yet",
        );
        return None;
    }
    let recording = match recording_override(&arg.attrs, errors) {
        Some(recording) => recording,
        None => default_recording(&ty),
    };
    Some(MockArg {
        named_ty: lifetimes::name_elided(&ty, &names::arg_lifetime(index)),
        ident,
        ty,
        recording,
    })
}

/// `#[mockgen(debug)]` or `#[mockgen(opaque)]` on an argument.
fn recording_override(attrs: &[syn::Attribute], errors: &mut Errors) -> Option<Recording> {
    let attr = attrs.iter().find(|a| a.path().is_ident("mockgen"))?;
    let mut recording = None;
    let parsed = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("debug") {
            recording = Some(Recording::Debug);
            Ok(())
        } else if meta.path.is_ident("opaque") {
            recording = Some(Recording::Opaque);
            Ok(())
        } else {
            Err(meta.error("unknown argument option, expected `debug` or `opaque`"))
        }
    });
    if let Err(error) = parsed {
        errors.push_error(error);
    }
    recording
}

/// Owned when the type can be, else a placeholder: `dyn` types and types
/// that borrow cannot be turned into an owned record.
fn default_recording(ty: &Type) -> Recording {
    let (target, by_ref) = match ty {
        Type::Reference(reference) => ((*reference.elem).clone(), true),
        other => (other.clone(), false),
    };
    if mentions_dyn(&target) || lifetimes::has_lifetime(&target) {
        return Recording::Opaque;
    }
    Recording::Owned { target, by_ref }
}

fn lower_output(output: &ReturnType, errors: &mut Errors) -> Option<Type> {
    match output {
        ReturnType::Default => Some(syn::parse_quote!(())),
        ReturnType::Type(_, ty) => {
            if contains_impl_or_self(ty) {
                errors.push(
                    ty.span(),
                    "`impl Trait` and `Self` in return types are not supported yet",
                );
                None
            } else if lifetimes::has_lifetime(ty) {
                errors.push(ty.span(), "returning references is not supported yet");
                None
            } else {
                Some((**ty).clone())
            }
        }
    }
}

fn contains_impl_or_self(ty: &Type) -> bool {
    let text = ty.to_token_stream().to_string();
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|word| word == "impl" || word == "Self")
}

fn mentions_dyn(ty: &Type) -> bool {
    let text = ty.to_token_stream().to_string();
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|word| word == "dyn")
}
