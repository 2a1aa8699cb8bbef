//! A method whose side effect is typed as the method is written, with its
//! own lifetimes, because the per-argument lifetimes of `ArgOf` cannot say
//! what it needs:
//!
//! - its return value borrows from its arguments
//!   (`fn first_word<'a>(&self, text: &'a str) -> &'a str`): the side
//!   effect returns a borrow of what it is given
//!   (`for<'a> Fn(&'a str) -> &'a str`);
//! - an argument borrows for lifetimes that one name per argument cannot
//!   stand for: a `&mut` of a type that borrows for several
//!   (`&mut Pair<'_, '_>`), or a lifetime that another argument shares,
//!   named inside a trait object or function pointer
//!   (`text: &'a str, visit: &dyn Fn(&'a str)`). Such an argument is a
//!   placeholder for what is typed through `ArgOf`, and reaches the side
//!   effect as itself.

use syn::visit::Visit;
use syn::{Lifetime, ReturnType, Type};

use super::context::Context;
use crate::model::{Lending, LentArg, MockArg, MockOutput, Pass, Recording};
use crate::normalize::{ReplaceSelf, mentions_word};

/// The side effect's type, for a method that needs one written out (see
/// the top of this file); `None` for any other method. An async method's
/// side effect is written out only for a return value that borrows from
/// its arguments: a side effect typed as written is a plain closure, and
/// other async methods keep their async side effects.
pub(super) fn of(
    sig: &syn::Signature,
    args: &[MockArg],
    owned: &MockOutput,
    cx: &Context<'_>,
) -> Option<Lending> {
    let receiver = sig.receiver()?;
    let lending = typed_as_written(sig, Some(receiver), args, &owned.owned, false, cx)?;
    let borrows = sig.asyncness.is_none()
        || borrowed_output(sig, Some(receiver), &lending.lifetimes, cx).is_some();
    borrows.then_some(lending)
}

/// The side effect's type for a patched function whose return value
/// borrows (`fn first<'a>(text: &'a str) -> &'a str`,
/// `fn name(&self) -> &str`): it returns a borrow of the arguments when
/// the return type borrows only from them, else `static_form`. Its handle
/// is a lending one either way, configured with the `'static` form or an
/// owned value leaked into it.
pub(crate) fn of_patched(
    sig: &syn::Signature,
    args: &[MockArg],
    static_form: &Type,
    cx: &Context<'_>,
) -> Lending {
    typed_as_written(sig, sig.receiver(), args, static_form, true, cx)
        .expect("invariant: a side effect typed as written is made when asked for")
}

/// The side effect typed with the signature's lifetimes; `None` when it
/// needs no such type (its return value borrows from no argument, and
/// every argument can be named per argument), unless `always`.
fn typed_as_written(
    sig: &syn::Signature,
    receiver: Option<&syn::Receiver>,
    args: &[MockArg],
    owned: &Type,
    always: bool,
    cx: &Context<'_>,
) -> Option<Lending> {
    let replace = |ty: &Type| {
        ReplaceSelf {
            mock_ty: cx.mock_ty,
            assoc: cx.assoc,
        }
        .ty(ty)
    };
    let written: Vec<Type> = args.iter().map(|a| replace(&a.written)).collect();
    // What the side effect receives, with the signature's lifetimes.
    let lent: Vec<LentArg> = args
        .iter()
        .enumerate()
        .map(|(index, arg)| match &arg.pass {
            Pass::Placeholder if unnameable(index, &written) => {
                LentArg::Unnamed(written[index].clone())
            }
            Pass::Placeholder => LentArg::Placeholder,
            Pass::Direct => LentArg::AsIs(written[index].clone()),
            _ => LentArg::AsIs(arg.effect_ty.clone()),
        })
        .collect();
    let mut lifetimes: Vec<Lifetime> = Vec::new();
    for ty in lent.iter().filter_map(LentArg::ty) {
        for lifetime in free_lifetimes(ty) {
            if !lifetimes.contains(&lifetime) {
                lifetimes.push(lifetime);
            }
        }
    }
    let borrowed = borrowed_output(sig, receiver, &lifetimes, cx);
    let unnamed = lent.iter().any(|a| matches!(a, LentArg::Unnamed(_)));
    let output = match borrowed {
        Some(output) => output,
        None if unnamed || always => owned.clone(),
        None => return None,
    };
    Some(Lending {
        lifetimes,
        args: lent,
        output,
    })
}

/// The return type, when it borrows for lifetimes of the arguments
/// (`lifetimes`) and not of the receiver.
fn borrowed_output(
    sig: &syn::Signature,
    receiver: Option<&syn::Receiver>,
    lifetimes: &[Lifetime],
    cx: &Context<'_>,
) -> Option<Type> {
    let ReturnType::Type(_, written) = &sig.output else {
        return None;
    };
    let output = ReplaceSelf {
        mock_ty: cx.mock_ty,
        assoc: cx.assoc,
    }
    .ty(written);
    if mentions_word(&output, "impl") || mentions_word(&output, "dyn") {
        return None;
    }
    let returned = free_lifetimes(&output);
    let receiver_lifetime = receiver
        .and_then(|r| r.reference.as_ref())
        .and_then(|(_, l)| l.as_ref());
    if returned.is_empty() || returned.iter().any(|l| Some(l) == receiver_lifetime) {
        return None;
    }
    // Every lifetime of the return type must come from an argument: a
    // side effect cannot make up a borrow for any other.
    returned
        .iter()
        .all(|l| lifetimes.contains(l))
        .then_some(output)
}

/// Marks as placeholders the arguments that name, inside a trait object or
/// function pointer, a lifetime another argument shares
/// (`visit: &dyn Fn(&'a str)` next to `text: &'a str`): one lifetime per
/// argument cannot stand for it (see the top of this file).
pub(super) fn unname_shared(args: &mut [MockArg], cx: &Context<'_>) -> Vec<usize> {
    let written: Vec<Type> = args
        .iter()
        .map(|a| {
            ReplaceSelf {
                mock_ty: cx.mock_ty,
                assoc: cx.assoc,
            }
            .ty(&a.written)
        })
        .collect();
    let mut marked = Vec::new();
    for (index, arg) in args.iter_mut().enumerate() {
        if matches!(arg.pass, Pass::Direct) && shares_inside_fn(index, &written) {
            arg.pass = Pass::Placeholder;
            if matches!(arg.recording, Recording::Owned { .. }) {
                arg.recording = Recording::Opaque;
            }
            marked.push(index);
        }
    }
    marked
}

/// Whether argument `index` of a method is a placeholder because its type
/// cannot be named per argument (see the top of this file).
fn unnameable(index: usize, written: &[Type]) -> bool {
    crate::lifetimes::is_unnameable_mut(&written[index]) || shares_inside_fn(index, written)
}

/// Whether argument `index` names, inside a trait object or function
/// pointer, a lifetime that another argument names too.
fn shares_inside_fn(index: usize, written: &[Type]) -> bool {
    let inside = lifetimes_inside_fn(&written[index]);
    !inside.is_empty()
        && written
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .any(|(_, ty)| free_lifetimes(ty).iter().any(|l| inside.contains(l)))
}

/// The free lifetimes of `ty` named inside a trait object or function
/// pointer (`'a` of `&dyn Fn(&'a str)`).
fn lifetimes_inside_fn(ty: &Type) -> Vec<Lifetime> {
    struct Inside(Vec<Lifetime>);
    impl<'ast> Visit<'ast> for Inside {
        fn visit_type(&mut self, ty: &'ast Type) {
            match ty {
                Type::TraitObject(_) | Type::BareFn(_) => {
                    for lifetime in free_lifetimes(ty) {
                        if !self.0.contains(&lifetime) {
                            self.0.push(lifetime);
                        }
                    }
                }
                _ => syn::visit::visit_type(self, ty),
            }
        }
    }
    let mut inside = Inside(Vec::new());
    inside.visit_type(ty);
    inside.0
}

/// The named lifetimes of `ty` other than `'static`, `'_` and those a
/// binder inside `ty` declares, in order of appearance.
fn free_lifetimes(ty: &Type) -> Vec<Lifetime> {
    #[derive(Default)]
    struct Free {
        bound: Vec<Lifetime>,
        found: Vec<Lifetime>,
    }
    impl<'ast> Visit<'ast> for Free {
        fn visit_bound_lifetimes(&mut self, binder: &'ast syn::BoundLifetimes) {
            self.bound
                .extend(binder.lifetimes.iter().filter_map(|p| match p {
                    syn::GenericParam::Lifetime(l) => Some(l.lifetime.clone()),
                    _ => None,
                }));
        }
        fn visit_lifetime(&mut self, lifetime: &'ast Lifetime) {
            let named = lifetime.ident != "static" && lifetime.ident != "_";
            if named && !self.bound.contains(lifetime) && !self.found.contains(lifetime) {
                self.found.push(lifetime.clone());
            }
        }
    }
    let mut free = Free::default();
    free.visit_type(ty);
    free.found
}
