//! Stage 3: tokens from the model, one file per emitted artefact.

mod async_method;
mod block;
mod call_paths;
pub(crate) mod generics;
pub(crate) mod joined;
pub(crate) mod method_parts;
mod mock_struct;
mod owned_check;
pub(crate) mod serve;
pub(crate) mod shape;
pub(crate) mod signature;
mod statics;
pub(crate) mod trait_impl;
mod wrapping;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::MockSpec;
use crate::names::Runtime;

/// Everything generated for one mock.
pub(crate) fn emit(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    if let Some(block) = &spec.block {
        return block::emit(spec, block, rt);
    }
    let mock = mock_struct::emit(spec, rt);
    let signatures = signatures(spec, rt);
    let statics = statics::emit(spec, rt);
    let trait_impl = trait_impl::emit(spec, rt);
    let call_paths = call_paths::emit(spec, rt);
    quote! {
        #mock
        #statics
        #signatures
        #trait_impl
        #call_paths
    }
}

/// The signature markers of the mock's methods, with the probe traits they
/// use, and the mock's one check of its owned arguments; methods with the
/// same signature share the first one's marker.
fn signatures(spec: &MockSpec, rt: &Runtime) -> TokenStream {
    let imports = signature::probe_imports(rt);
    let signatures = spec
        .methods
        .iter()
        .filter(|m| m.same_signature_as.is_none())
        .map(|m| {
            shape::emit(spec, m, rt).unwrap_or_else(|| signature::emit_with(spec, m, rt, true))
        });
    let owned_checks = owned_check::emit_mock(spec, rt);
    let shared_probes = shape::emit_shared(spec, rt);
    quote! {
        #imports
        #shared_probes
        #(#signatures)*
        #owned_checks
    }
}
