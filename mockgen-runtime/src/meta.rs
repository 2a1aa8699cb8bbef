//! What the runtime needs to know of a signature's types beyond its
//! argument kinds: how to show them, and the default answer.
//!
//! The runtime's state and call path are generic over the argument kinds
//! alone ([`ArgKinds`]): answers are type-erased (see
//! [`answer`](crate::answer)), so that the methods of a mock that take the
//! same arguments share one compiled copy of that code whatever they
//! return. What belongs to one signature travels as a `'static` [`Meta`]
//! of data and function pointers.

use crate::answer::{Slot, put};
use crate::args::ArgKinds;
use crate::calls::VisitArgs;
use crate::message::render_call;
use crate::signature::Signature;

/// How to show a signature's calls, and its default answer.
pub(crate) struct Meta<A: ArgKinds> {
    pub(crate) output: Output,
    pub(crate) visit_args: VisitArgs<A>,
}

/// What the runtime needs of a signature's return type.
pub(crate) struct Output {
    /// As written, for messages.
    pub(crate) text: &'static str,
    /// Writes `Default::default()`; `false` when it has none.
    pub(crate) default_into: fn(&mut Slot<'_>) -> bool,
}

/// The `'static` [`Meta`] of marker `S` (one constant per marker).
pub(crate) fn meta<S: Signature>() -> &'static Meta<S::Args> {
    const {
        &Meta {
            output: Output {
                text: S::OUTPUT,
                default_into: default_into::<S>,
            },
            visit_args: S::visit_args,
        }
    }
}

fn default_into<S: Signature>(out: &mut Slot<'_>) -> bool {
    match S::default_output() {
        Some(value) => {
            put(out, value);
            true
        }
        None => false,
    }
}

impl<A: ArgKinds> Meta<A> {
    /// Renders `name(arg, …)`.
    pub(crate) fn render(&self, name: &str, record: &A::Record) -> String {
        let mut args = Vec::new();
        (self.visit_args)(record, &mut |view| args.push(view.to_debug_string()));
        render_call(name, &args)
    }
}
