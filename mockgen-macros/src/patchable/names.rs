//! The hidden items of a `#[patchable]` function. `patch!` names the
//! companion from the path the user wrote, so both macros build the names
//! here.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;
use syn::ext::IdentExt as _;

use crate::names::Runtime;

/// The companion `patch!` calls: `__mockgen_patchable_fetch_temperature`.
/// It exists only for `#[patchable]` functions, so patching any other
/// function fails to compile with an error that names it.
pub(crate) fn companion(function: &Ident) -> Ident {
    format_ident!(
        "__mockgen_patchable_{}",
        function.unraw(),
        span = function.span()
    )
}

/// The prefix of the signature markers, as `MockSpec::mock_ident` is for
/// trait mocks: `__mockgen_patch_fetch_temperature`, or
/// `__mockgen_patch_Database_query` for a method.
pub(crate) fn marker_prefix(self_ty: Option<&Ident>) -> Ident {
    match self_ty {
        Some(ty) => format_ident!("patch_{}", ty.unraw()),
        None => Ident::new("patch", Span::call_site()),
    }
}

/// The type parameter standing for `Self` in a marker nested in a
/// companion (see `single`); messages print it as `Self`.
pub(crate) fn self_param() -> Ident {
    Ident::new(crate::names::SELF_PARAM, Span::call_site())
}

/// The original body of a free function, nested in its trampoline.
pub(crate) fn nested_original() -> Ident {
    Ident::new("__mockgen_original", Span::call_site())
}

/// The original body of a method, a hidden associated function beside it.
pub(crate) fn original_method(method: &Ident) -> Ident {
    format_ident!("__mockgen_original_{}", method.unraw())
}

/// `::mockgen::__private::patching::<item>`: the runtime items only
/// patching uses.
pub(crate) fn runtime_item(rt: &Runtime, item: &str) -> TokenStream {
    let module = rt.item("patching");
    let item = Ident::new(item, Span::call_site());
    quote!(#module::#item)
}
