//! What `call!(.method(…))` checks against: one `HasMethod` impl per
//! method of the mock, keyed by the number of the method's name.
//!
//! ```text
//! impl HasMethod<0x…> for MockWeather {
//!     type Args = <__Mockgen…temperature as Signature>::Args;
//! }
//! ```
//!
//! A mock whose `impl` blocks join into one gets its impls from each
//! block, told apart by the block (`HasMethod<ID, Block>`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::ext::IdentExt as _;

use crate::model::{MockMethod, MockSpec};
use crate::names::{self, Runtime};

/// A single mock's impls: one for all the methods with probes of their
/// own, keyed by the number of their name, and one per other method.
pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let own = own_methods(spec, rt, None, |m| !keyed(spec, m, rt));
    if !spec.methods.iter().any(|m| keyed(spec, m, rt)) {
        return own;
    }
    let mock_ident = &spec.mock_ident;
    let (has_method, probes, shaped_args) = (
        rt.item("HasMethod"),
        rt.item("Probes"),
        rt.item("ShapedArgs"),
    );
    let keyed_probes = names::probes_ident(mock_ident);
    quote! {
        #own
        #[diagnostic::do_not_recommend]
        impl<const ID: u64> #has_method<ID> for #mock_ident
        where
            #keyed_probes<ID>: #probes,
        {
            type Args = #shaped_args<#keyed_probes<ID>>;
        }
    }
}

/// Whether the mock's one impl over its probes answers for `method`.
fn keyed(spec: &MockSpec, method: &MockMethod, rt: &Runtime) -> bool {
    !method.is_static() && super::shape::keyed_probes(spec, method, rt)
}

/// The impls of one block of a joined mock, for the mock: `At` is the
/// block's link type, so that the blocks' impls do not overlap.
pub(crate) fn emit_block(spec: &MockSpec, link: &syn::Ident, rt: &Runtime) -> TokenStream {
    let params = spec.generics.type_params().map(|t| &t.ident);
    own_methods(spec, rt, Some(quote!(#link<#(#params,)* ()>)), |_| true)
}

/// One impl per method of `spec` that `call!(.method(…))` can name:
/// `HasMethod<ID>`, or `HasMethod<ID, At>` for a block `at`.
fn own_methods(
    spec: &MockSpec,
    rt: &Runtime,
    at: Option<TokenStream>,
    include: impl Fn(&MockMethod) -> bool,
) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = spec.generics.split_for_impl();
    let at = at.map(|at| quote!(, #at));
    let mock_ident = &spec.mock_ident;
    let has_method = rt.item("HasMethod");
    // Generic methods record each instantiation apart; their calls are
    // asserted on their handles. A private method of an `#[autospec]`
    // type has a private marker, which an impl for the mock cannot name
    // (E0446); its calls too are asserted on its handle.
    let methods = spec.methods.iter().filter(|m| {
        let private_inherent =
            spec.impls[m.impl_index].inherent && matches!(m.vis, syn::Visibility::Inherited);
        !m.is_static() && m.type_params.is_empty() && !private_inherent && include(m)
    });
    let impls = methods.map(|method: &MockMethod| {
        let name = method.ident.unraw().to_string();
        let id = Literal::u64_suffixed(names::method_id(&name));
        let args = super::shape::call_args(spec, method, rt);
        let cfgs = &method.cfgs;
        quote! {
            #(#cfgs)*
            #[diagnostic::do_not_recommend]
            impl #impl_generics #has_method<#id #at> for #mock_ident #ty_generics #where_clause {
                type Args = #args;
            }
        }
    });
    quote!(#(#impls)*)
}
