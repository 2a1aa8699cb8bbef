//! The signature marker of a patchable function: the marker type and the
//! `Signature` and `SigN` impls a trait method's marker has (emitted by
//! `codegen::signature`), plus `Patchable`, which owns the function's patch
//! slot.
//!
//! ```text
//! pub struct __mockgen_patch_fetch_temperature;
//! impl Signature for __mockgen_patch_fetch_temperature { type Args = (Val<str>,); … }
//! impl<'a0, 'b0> Arg<'a0, 'b0, 0> for __mockgen_patch_fetch_temperature { type Ty = &'a0 str; }
//! impl Sig1 for __mockgen_patch_fetch_temperature { fn boxed … }
//! impl Patchable for __mockgen_patch_fetch_temperature {
//!     type HandleArity = Arity1; // `Lends` when the return value borrows
//!     fn __slot() -> &'static PatchSlot { static SLOT: PatchSlot = PatchSlot::new(); &SLOT }
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::lower::PatchFn;
use super::names as patch_names;
use crate::codegen::{generics, signature};
use crate::names::Runtime;

pub(crate) fn emit(function: &PatchFn, rt: &Runtime) -> TokenStream {
    let signature = signature::emit(&function.spec, &function.method, rt);
    let cfgs = &function.method.cfgs;
    let marker = function.marker();
    let generics = generics::of_method(&function.spec, &function.method);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let [patchable, slot] =
        ["Patchable", "PatchSlot"].map(|item| patch_names::runtime_item(rt, item));
    let handle_arity = handle_arity(function, rt);
    // One slot for every instantiation of a generic function: its layers
    // are told apart by the marker's `TypeId`.
    quote! {
        #signature

        #(#cfgs)*
        #[automatically_derived]
        impl #impl_generics #patchable for #marker #ty_generics #where_clause {
            type HandleArity = #handle_arity;
            fn __slot() -> &'static #slot {
                static SLOT: #slot = #slot::new();
                &SLOT
            }
        }
    }
}

/// The arity marker of the function's handle: `Lends` for a function
/// whose return value borrows, `ArityN` for any other.
pub(super) fn handle_arity(function: &PatchFn, rt: &Runtime) -> TokenStream {
    if function.method.lending.is_some() {
        return rt.item("Lends");
    }
    let (_, arity) = crate::names::arity_items(function.method.args.len());
    rt.item(&arity)
}
