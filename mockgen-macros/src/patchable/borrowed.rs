//! Patched functions whose return value borrows (`fn name(&self) -> &str`,
//! `fn get(key: &str) -> &'static str`, `fn first<'a>(s: &'a str) -> &'a
//! str`): configured with the `'static` form of the return type, or with
//! an owned value leaked once into it; a side effect returns a borrow of
//! the arguments where the return type borrows only from them.

use syn::visit::Visit;
use syn::{FnArg, Lifetime, ReturnType, Signature, Type};

use crate::lifetimes;

/// The return type's `'static` form: every lifetime `'static`
/// (`&'a str` → `&'static str`, `Token<'_>` → `Token<'static>`).
pub(super) fn static_form(ty: &Type) -> Type {
    lifetimes::rename(
        ty,
        &Lifetime::new("'static", proc_macro2::Span::call_site()),
    )
}

/// Names the lifetime the elided ones of the return type stand for when
/// the function has no receiver and one input lifetime (`fn first(s:
/// &str) -> &str` is `fn first<'l>(s: &'l str) -> &'l str`), so that its
/// side effect may return a borrow of that argument. (With a receiver they
/// borrow from `self`, which a patch's side effect does not get.)
pub(super) fn name_elided(sig: &mut Signature) {
    let ReturnType::Type(_, output) = &sig.output else {
        return;
    };
    let elided_out = lifetimes::free_lifetimes(output)
        .iter()
        .any(Option::is_none);
    if !elided_out || sig.receiver().is_some() {
        return;
    }
    let inputs: Vec<Option<String>> = typed_inputs(sig)
        .flat_map(lifetimes::free_lifetimes)
        .collect();
    let elided = inputs.iter().filter(|l| l.is_none()).count();
    let mut named: Vec<&String> = inputs.iter().flatten().collect();
    named.sort();
    named.dedup();
    let lifetime = match (elided, named.as_slice()) {
        (1, []) => {
            let fresh: Lifetime = syn::parse_quote!('__mockgen_elided);
            sig.generics.params.insert(0, syn::parse_quote!(#fresh));
            fresh
        }
        (0, [name]) => Lifetime::new(&format!("'{name}"), proc_macro2::Span::call_site()),
        _ => return,
    };
    for input in &mut sig.inputs {
        if let FnArg::Typed(arg) = input {
            *arg.ty = lifetimes::rename(&arg.ty, &lifetime);
        }
    }
    if let ReturnType::Type(_, output) = &mut sig.output {
        **output = lifetimes::rename(output, &lifetime);
    }
}

fn typed_inputs(sig: &Signature) -> impl Iterator<Item = &Type> {
    sig.inputs.iter().filter_map(|input| match input {
        FnArg::Typed(arg) => Some(&*arg.ty),
        FnArg::Receiver(_) => None,
    })
}

/// Whether `ty` borrows, for any lifetime (`'static` too): such a return
/// value is configured in its `'static` form or with an owned value leaked
/// into it. Function types and `dyn` bounds do not count.
pub(super) fn borrows(ty: &Type) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_type_reference(&mut self, _: &'ast syn::TypeReference) {
            self.0 = true;
        }
        fn visit_lifetime(&mut self, _: &'ast Lifetime) {
            self.0 = true;
        }
        fn visit_type_trait_object(&mut self, _: &'ast syn::TypeTraitObject) {}
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {}
        fn visit_type_bare_fn(&mut self, _: &'ast syn::TypeBareFn) {}
        fn visit_parenthesized_generic_arguments(
            &mut self,
            _: &'ast syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    let mut finder = Finder(false);
    finder.visit_type(ty);
    finder.0
}

/// The first `&mut` of `ty` outside a function type, if any.
pub(super) fn mut_borrow(ty: &Type) -> Option<&syn::TypeReference> {
    struct Finder<'ast>(Option<&'ast syn::TypeReference>);
    impl<'ast> Visit<'ast> for Finder<'ast> {
        fn visit_type_reference(&mut self, reference: &'ast syn::TypeReference) {
            if reference.mutability.is_some() && self.0.is_none() {
                self.0 = Some(reference);
            }
            syn::visit::visit_type_reference(self, reference);
        }
        fn visit_type_bare_fn(&mut self, _: &'ast syn::TypeBareFn) {}
        fn visit_parenthesized_generic_arguments(
            &mut self,
            _: &'ast syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    let mut finder = Finder(None);
    finder.visit_type(ty);
    finder.0
}
