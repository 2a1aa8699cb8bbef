//! The shape of a signature: its argument kinds, output and side-effect
//! type, without the method it belongs to.
//!
//! The runtime's state and call path are generic over the shape rather than
//! over the per-method [`Signature`] marker, so that the methods of a mock
//! that share a signature (`fn a(&self, x: u64) -> u64` and `fn b(&self, y:
//! u64) -> u64`) share one compiled copy of that code, as the methods of a
//! hand-written stub share its generic recording type. What belongs to one
//! method (its name, the `Debug` of its arguments) travels as a `'static`
//! [`Meta`] of data and function pointers.

use std::marker::PhantomData;

use crate::args::{ArgKinds, ArgView};
use crate::signature::Signature;

/// A signature seen without its method.
pub(crate) trait Shape: 'static {
    type Args: ArgKinds;
    type Output;
    type Fn: ?Sized + Send + Sync;
}

/// The [`Shape`] with these argument kinds, output and side-effect type.
pub(crate) struct ShapeOf<A, O, F: ?Sized>(PhantomData<fn() -> (A, O)>, PhantomData<fn(&F)>);

impl<A, O, F> Shape for ShapeOf<A, O, F>
where
    A: ArgKinds + 'static,
    O: 'static,
    F: ?Sized + Send + Sync + 'static,
{
    type Args = A;
    type Output = O;
    type Fn = F;
}

/// The shape of method `S`.
pub(crate) type ShapeFor<S> =
    ShapeOf<<S as Signature>::Args, <S as Signature>::Output, <S as Signature>::Fn>;

/// The recorded arguments of a call of shape `K`.
pub(crate) type Record<K> = <<K as Shape>::Args as ArgKinds>::Record;

/// What shape-generic code needs to know of a signature's types, beyond
/// the shape: how to show them. (The method's name travels beside it, as
/// the methods of a mock that share a signature share its marker.)
pub(crate) struct Meta<K: Shape> {
    /// The return type as written, for messages.
    pub(crate) output: &'static str,
    pub(crate) default_output: fn() -> Option<K::Output>,
    pub(crate) visit_args: for<'r> fn(&'r Record<K>, &mut dyn FnMut(ArgView<'r>)),
}

/// The `'static` [`Meta`] of marker `S` (one constant per marker).
pub(crate) fn meta<S: Signature>() -> &'static Meta<ShapeFor<S>> {
    const {
        &Meta {
            output: S::OUTPUT,
            default_output: S::default_output,
            visit_args: S::visit_args,
        }
    }
}

impl<K: Shape> Meta<K> {
    /// Renders `name(arg, …)`.
    pub(crate) fn render(&self, name: &str, record: &Record<K>) -> String {
        let mut args = Vec::new();
        (self.visit_args)(record, &mut |view| args.push(view.to_debug_string()));
        crate::message::render_call(name, &args)
    }
}
