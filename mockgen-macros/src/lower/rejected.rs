//! Method shapes the generated code cannot express, reported at the
//! user's tokens with what to write instead, before lowering would turn
//! them into errors inside generated code.

use syn::spanned::Spanned as _;
use syn::visit::Visit;
use syn::{ReturnType, Signature, Type, TypeParamBound};

use super::output::future_output;
use crate::diag::Errors;
use crate::normalize::mentions_word;

/// Qualifiers a mock's method cannot have: `const fn` (a mock records
/// calls at run time) and a foreign ABI (a mock's assertion panics would
/// have to unwind through it).
pub(super) fn qualifiers(sig: &Signature, errors: &mut Errors) {
    if let Some(constness) = &sig.constness {
        errors.push(
            constness.span(),
            "a `const fn` cannot be mocked: a mock records its calls at run time; remove `const`, or leave the function out of the mocked trait or `impl` block",
        );
    }
    if let Some(abi) = &sig.abi {
        errors.push(
            abi.span(),
            "a method with an `extern` ABI cannot be mocked: a mock's panics (failed assertions, unconfigured strict calls) cannot unwind through it; mock a trait whose method has the Rust ABI and call that",
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
    if matches!(value, Type::Never(_)) {
        errors.push(
            value.span(),
            "a method that never returns (`-> !`) cannot be mocked: a mock's method returns to its caller; mock a trait whose method returns `()` and diverge in the caller",
        );
    }
    if let Type::ImplTrait(imp) = value {
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
    } else if mentions_word(value, "impl") {
        errors.push(
            value.span(),
            "`impl Trait` is supported as the whole return type only (`-> impl Iterator<Item = T>`); inside another type, return a box instead: `Option<Box<dyn Fn()>>`",
        );
    }
    let mut unsized_refs = UnsizedRefs::default();
    unsized_refs.visit_type(value);
    for (span, name, owned) in unsized_refs.found {
        errors.push(
            span,
            &format!(
                "returning `&{name}` from a mock is not supported yet: return the owned `{owned}` instead, or mock a wrapper trait that does"
            ),
        );
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

/// References to the unsized std types the mock cannot keep yet:
/// `&CStr`, `&OsStr`, `&Path`.
#[derive(Default)]
struct UnsizedRefs {
    found: Vec<(proc_macro2::Span, &'static str, &'static str)>,
}

impl<'ast> Visit<'ast> for UnsizedRefs {
    fn visit_type_reference(&mut self, reference: &'ast syn::TypeReference) {
        if let Type::Path(path) = &*reference.elem {
            let last = path.path.segments.last();
            let owned = [
                ("CStr", "CString"),
                ("OsStr", "OsString"),
                ("Path", "PathBuf"),
            ]
            .into_iter()
            .find(|(name, _)| last.is_some_and(|s| s.ident == name));
            if let Some((name, owned)) = owned {
                self.found.push((reference.span(), name, owned));
                return;
            }
        }
        syn::visit::visit_type_reference(self, reference);
    }
}
