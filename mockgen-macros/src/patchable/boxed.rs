//! Patched functions returning `impl Trait` (`fn numbers() -> impl
//! Iterator<Item = u8>`): the patch is configured with a boxed value
//! (`Box<dyn Iterator<Item = u8> + Send>`), and the trampoline returns
//! that box, or the original's value boxed the same way, as the `impl
//! Trait` (`Box<dyn Trait>` implements the trait for `Iterator`, `Fn`,
//! `Display`, `Error`, `Read`, …; a user's trait needs that impl).

use syn::{Type, TypeParamBound};

use crate::lifetimes;

/// Auto traits: a trait object takes them beside its one trait.
const AUTO_TRAITS: [&str; 5] = ["Send", "Sync", "Unpin", "UnwindSafe", "RefUnwindSafe"];

/// The box a patch of a function returning `ty` is configured with, when
/// `ty` is an `impl Trait`; `Err` with the reason when it cannot be boxed;
/// `Ok(None)` for any other return type.
pub(super) fn boxed_output(ty: &Type) -> Result<Option<Type>, &'static str> {
    let Type::ImplTrait(imp) = ty else {
        return Ok(None);
    };
    let mut traits = 0;
    let mut send = false;
    for bound in &imp.bounds {
        match bound {
            TypeParamBound::Trait(t) => {
                let name = t.path.segments.last().map(|s| s.ident.to_string());
                match name.as_deref() {
                    Some("Future") => return Err(FUTURE),
                    Some("Send") => send = true,
                    Some(name) if AUTO_TRAITS.contains(&name) => {}
                    _ => traits += 1,
                }
            }
            TypeParamBound::Lifetime(l) if l.ident == "static" => {}
            _ => return Err(BORROWS),
        }
    }
    if traits > 1 {
        return Err(SEVERAL);
    }
    if lifetimes::has_lifetime(ty) {
        return Err(BORROWS);
    }
    let bounds = &imp.bounds;
    let send = (!send).then(|| quote::quote!(+ ::core::marker::Send));
    Ok(Some(
        syn::parse_quote!(::std::boxed::Box<dyn #bounds #send>),
    ))
}

const FUTURE: &str = "a function returning `impl Future` cannot be patched: a boxed future is not a `Future` until it is pinned; write it as an `async fn`, which can be patched";
const SEVERAL: &str = "a function returning `impl` of several traits cannot be patched: its patch answers with a `Box<dyn …>`, and a trait object has one trait besides auto traits";
const BORROWS: &str = "a function returning an `impl Trait` that borrows cannot be patched: its patch answers with a boxed value it keeps, which cannot borrow for the caller's lifetimes";
