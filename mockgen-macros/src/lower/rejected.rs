//! Method shapes the generated code cannot express, reported at the
//! user's tokens with what to write instead, before lowering would turn
//! them into errors inside generated code.

use syn::spanned::Spanned as _;
use syn::{ReturnType, Signature, Type, TypeParamBound};

use super::output::future_output;
use crate::diag::Errors;
use crate::normalize::mentions_word;

/// Qualifiers a mock's method cannot have: `const fn` (Rust runs a `const
/// fn` at compile time too, where no mock exists to record the call).
pub(super) fn qualifiers(sig: &Signature, errors: &mut Errors) {
    if let Some(constness) = &sig.constness {
        errors.push(
            constness.span(),
            "a `const fn` cannot be mocked: a mock records its calls at run time; remove `const`, or leave the function out of the mocked trait or `impl` block",
        );
    }
}

/// The return type, when no mock can produce it; `true` when an error was
/// reported.
pub(super) fn return_type(sig: &Signature, errors: &mut Errors) -> bool {
    let ReturnType::Type(_, written) = &sig.output else {
        return false;
    };
    let value = future_output(written).unwrap_or(written);
    let reported = errors.len();
    let nested_impl = match value {
        Type::ImplTrait(imp) => imp
            .bounds
            .iter()
            .any(|b| crate::normalize::tokens_mention(quote::quote!(#b), "impl")),
        other => mentions_word(other, "impl"),
    };
    if nested_impl {
        errors.push(
            value.span(),
            "`impl Trait` is supported as the whole return type only (`-> impl Iterator<Item = T>`); inside another type, return a box instead: `Option<Box<dyn Fn()>>`",
        );
    } else if let Type::ImplTrait(imp) = value {
        for bound in &imp.bounds {
            if let Some(name) = bare_associated_trait(bound) {
                errors.push(
                    bound.span(),
                    &format!(
                        "a mock cannot return `impl {name}` without naming its item type: write `impl {name}<Item = T>`"
                    ),
                );
            }
        }
    }
    errors.len() > reported
}

/// `Iterator` or `IntoIterator` without `Item = …`.
fn bare_associated_trait(bound: &TypeParamBound) -> Option<&'static str> {
    let TypeParamBound::Trait(t) = bound else {
        return None;
    };
    let segment = t.path.segments.last()?;
    let name = ["Iterator", "IntoIterator"]
        .into_iter()
        .find(|name| segment.ident == name)?;
    let names_item = match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .any(|a| matches!(a, syn::GenericArgument::AssocType(t) if t.ident == "Item")),
        _ => false,
    };
    (!names_item).then_some(name)
}
