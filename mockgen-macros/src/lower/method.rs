//! One trait method: receiver, generics, arguments, return type, default.

use syn::spanned::Spanned as _;
use syn::{FnArg, TraitItemFn, Visibility};

use super::context::Context;
use super::erased::Erased;
use super::{arg, bounds, lending, output, rejected};
use crate::diag::Errors;
use crate::model::{Asyncness, MockMethod, MockOutput, Pass, Receiver, Recording, Serve};

pub(crate) fn lower(
    method: &TraitItemFn,
    cx: &Context<'_>,
    errors: &mut Errors,
) -> Option<MockMethod> {
    let sig = &method.sig;
    let before = errors.len();
    rejected::qualifiers(sig, errors);
    if let Some(variadic) = &sig.variadic {
        errors.push(
            variadic.span(),
            "a variadic method cannot be mocked: Rust gives a variable argument list (`...`) only to foreign functions declared in `extern` blocks, and a mock's method is a Rust function with a body, which cannot receive one; take a slice or a `Vec` of the arguments instead",
        );
    }
    let erased = Erased::of(&sig.generics, |ident| {
        bounds::is_static(&sig.generics, ident)
    });
    let bounds = cx.bounds.with(&sig.generics);
    let receiver = lower_receiver(sig);
    let mut args: Vec<_> = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(arg) => Some(arg),
            FnArg::Receiver(_) => None,
        })
        .enumerate()
        .filter_map(|(index, pat)| arg::lower(index, pat, cx, &bounds, &erased, errors))
        .collect();
    if args.len() > crate::names::MAX_ARGS {
        errors.push(
            sig.inputs.span(),
            "methods with more than 16 arguments are not supported: the runtime's handles are written out per number of arguments, up to 16; group arguments into a struct",
        );
    }
    if let syn::ReturnType::Type(_, ty) = &sig.output {
        if let Some(param) = erased.mentioned(ty).filter(|p| erased.is_const(p)) {
            errors.push(
                ty.span(),
                &format!(
                    "a method cannot return a type built on its const parameter `{param}`: the mock answers with values it keeps or a side effect makes, and neither can be generic over `{param}` (Rust has no generic closures); return a `Vec`, or fill a `&mut [T; {param}]` argument"
                ),
            );
        } else if let Some(param) = erased.mentioned(ty) {
            errors.push(
                ty.span(),
                &format!(
                    "a method cannot return a type built on `{param}` unless `{param}: 'static`: the mock answers with values it keeps, and it can only keep and tell apart types that borrow nothing; add `{param}: 'static` to configure each type with `.of::<{param}>()`"
                ),
            );
        }
    }
    let (output, future) = if rejected::return_type(sig, errors) {
        (None, false)
    } else {
        output::lower(sig, cx, errors)
    };
    let unnamed = lending::unname_shared(&mut args, cx);
    let output = if is_fmt(sig, cx) {
        // The formatter is lent to the mock only for the call (`Formatter`
        // with its lifetime elided is still a borrow).
        for arg in &mut args {
            arg.pass = Pass::Placeholder;
            arg.recording = Recording::Opaque;
        }
        Some(MockOutput {
            owned: syn::parse_quote!(::std::string::String),
            serve: Serve::Write,
        })
    } else {
        output
    };
    let asyncness = match (sig.asyncness, cx.async_trait) {
        (Some(_), Some(send)) => Asyncness::AsyncTrait { send },
        (Some(_), None) => Asyncness::AsyncFn,
        (None, _)
            if future
                && matches!(&sig.output, syn::ReturnType::Type(_, ty) if matches!(**ty, syn::Type::ImplTrait(_))) =>
        {
            Asyncness::ImplFuture
        }
        (None, _) if future => Asyncness::BoxedFuture,
        (None, _) => Asyncness::Sync,
    };
    if errors.len() > before {
        return None;
    }
    let type_params: Vec<_> = bounds::type_params(&sig.generics)
        .into_iter()
        .filter(|param| !erased.contains(param))
        .collect();
    let served = output
        .as_ref()
        .is_some_and(|o| matches!(o.serve, Serve::Value));
    // Futures that are not an `async fn`'s own (`-> impl Future<…>`) name
    // no borrowed return type to lend.
    let written_async = matches!(
        asyncness,
        Asyncness::Sync | Asyncness::AsyncFn | Asyncness::AsyncTrait { .. }
    );
    let lending = (served && written_async)
        .then(|| lending::of(sig, &args, output.as_ref()?, cx))
        .flatten();
    if lending.is_none() && !unnamed.is_empty() {
        for index in unnamed {
            errors.push(
                args[index].written.span(),
                "this argument names inside `dyn` or `fn` a lifetime that another argument names too, which a side effect gets only in a method that takes `self`, does not return a borrow of `self`, and is not async (an async method qualifies when its return value borrows from its arguments)",
            );
        }
        return None;
    }
    Some(MockMethod {
        ident: sig.ident.clone(),
        vis: Visibility::Inherited,
        impl_index: 0,
        cfgs: attrs_named(&method.attrs, "cfg"),
        docs: attrs_named(&method.attrs, "doc"),
        sig: sig.clone(),
        receiver,
        type_params,
        lent_params: erased.idents(),
        impl_params: Vec::new(),
        same_signature_as: None,
        args,
        output: output?,
        default_body: method.default.clone(),
        asyncness,
        lending,
    })
}

fn attrs_named(attrs: &[syn::Attribute], name: &str) -> Vec<syn::Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident(name))
        .cloned()
        .collect()
}

fn lower_receiver(sig: &syn::Signature) -> Receiver {
    match sig.receiver() {
        None => Receiver::Static,
        Some(r) if r.colon_token.is_none() && r.reference.is_some() && r.mutability.is_none() => {
            Receiver::Ref
        }
        Some(_) => Receiver::Mut,
    }
}

/// `fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result`: the formatting
/// traits' method, configured with the text to write. Bare `Formatter` and
/// `Result` are std's only in a formatting trait, or next to a `fmt::` path
/// or a lifetime that says so: a trait of the user's may have its own types
/// of those names.
fn is_fmt(sig: &syn::Signature, cx: &Context<'_>) -> bool {
    let mut typed = sig.inputs.iter().filter_map(|input| match input {
        FnArg::Typed(arg) => Some(&*arg.ty),
        FnArg::Receiver(_) => None,
    });
    let (Some(syn::Type::Reference(formatter)), None) = (typed.next(), typed.next()) else {
        return false;
    };
    let syn::Type::Path(formatter) = &*formatter.elem else {
        return false;
    };
    let syn::ReturnType::Type(_, output) = &sig.output else {
        return false;
    };
    let syn::Type::Path(output) = &**output else {
        return false;
    };
    let (formatter, output) = (&formatter.path, &output.path);
    let last_is =
        |path: &syn::Path, name: &str| path.segments.last().is_some_and(|s| s.ident == name);
    let under_fmt = |path: &syn::Path| {
        path.segments.len() >= 2 && path.segments[path.segments.len() - 2].ident == "fmt"
    };
    let has_lifetime = formatter.segments.last().is_some_and(|s| {
        matches!(&s.arguments, syn::PathArguments::AngleBracketed(args)
            if args.args.iter().any(|a| matches!(a, syn::GenericArgument::Lifetime(_))))
    });
    let plain_result = output
        .segments
        .last()
        .is_some_and(|s| s.ident == "Result" && s.arguments.is_empty());
    sig.ident == "fmt"
        && last_is(formatter, "Formatter")
        && plain_result
        && (cx.formatting_trait || under_fmt(formatter) || under_fmt(output) || has_lifetime)
}
