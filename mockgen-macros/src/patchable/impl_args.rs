//! `impl Trait` arguments of patched functions (`fn open(path: impl
//! AsRef<Path>)`). Callers cannot name the type of such an argument
//! (`patch!(open::<PathBuf>)` is not Rust), so one patch answers every
//! type: each `impl Trait` is lowered as a type parameter without
//! `'static`, which a mock method lends to its side effect as a trait
//! object of its bounds (`&dyn AsRef<Path>`, `&mut dyn FnMut(u32)`) and
//! records by its `Debug` text when `Debug` is among them, else as a
//! placeholder. The trampoline keeps the `impl Trait` as written.

use quote::format_ident;
use syn::visit_mut::VisitMut;
use syn::{FnArg, Signature, Type, TypeParam, TypeParamBound};

use crate::model::{Lend, MockArg, Pass};

/// Rewrites the `impl Trait` argument types of `sig` as type parameters
/// of their bounds, less `'static`.
pub(super) fn desugar(sig: &mut Signature) {
    let mut desugar = Desugar(Vec::new());
    for input in &mut sig.inputs {
        if let FnArg::Typed(arg) = input {
            desugar.visit_type_mut(&mut arg.ty);
        }
    }
    for param in desugar.0 {
        sig.generics.params.push(syn::GenericParam::Type(param));
    }
}

struct Desugar(Vec<TypeParam>);

impl VisitMut for Desugar {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        syn::visit_mut::visit_type_mut(self, ty);
        let Type::ImplTrait(imp) = ty else {
            return;
        };
        let ident = format_ident!("__mockgen_impl{}", self.0.len());
        let bounds = imp
            .bounds
            .iter()
            .filter(|b| !matches!(b, TypeParamBound::Lifetime(l) if l.ident == "static"));
        self.0.push(syn::parse_quote!(#ident: #(#bounds)+*));
        *ty = syn::parse_quote!(#ident);
    }
}

/// An argument lent as a trait object that the trampoline cannot lend:
/// a `FnOnce` (boxed, so the original could not get it back) or any, in
/// an async function (the future would borrow it): the side effect gets
/// a placeholder instead.
pub(super) fn lend_or_placeholder(args: &mut [MockArg], is_async: bool) {
    for arg in args {
        if let Pass::Erased { how, .. } = &arg.pass {
            if is_async || matches!(how, Lend::Boxed) {
                arg.pass = Pass::Placeholder;
            }
        }
    }
}
