//! What the runtime needs to know of a signature's types: how its calls
//! are stored and shown, and the default answer.
//!
//! The runtime's state and call path are not generic: answers are
//! type-erased (see [`answer`](crate::state::answer)) and so are recorded calls
//! (see [`append_log`](crate::state::append_log)), so that one compiled copy of
//! that code serves every mocked method. What belongs to one signature
//! travels as a `'static` [`Meta`] of data and function pointers; only
//! the typed entry points (a call records its typed arguments) are
//! compiled per signature. A method typed by its structure
//! ([`Shape`](crate::Shape)) gets its `Meta` from its probes: its
//! signature holds only its types.

use crate::state::answer::{Slot, put};
use crate::state::append_log::EntryType;
use crate::state::calls::{Calls, Entry, VisitArgs, visit_args};
use crate::state::shape::{Probes, ShapedArgs, Visit};
use crate::state::signature::Signature;

/// How a signature's calls are stored and shown, and its default answer.
pub(crate) struct Meta {
    pub(crate) output: Output,
    /// The type of its recorded calls.
    pub(crate) entry_type: fn() -> EntryType,
    pub(crate) visit_args: VisitArgs,
}

/// What the runtime needs of a signature's return type.
pub(crate) struct Output {
    /// As written, for messages.
    pub(crate) text: &'static str,
    /// Writes `Default::default()`; `false` when it has none.
    pub(crate) default_into: fn(&mut Slot<'_>) -> bool,
}

/// The `'static` [`Meta`] of marker `S` (one constant per marker).
pub(crate) fn meta<S: Signature>() -> &'static Meta {
    const {
        &Meta {
            output: Output {
                text: S::OUTPUT,
                default_into: default_into::<S>,
            },
            entry_type: Entry::<S::Args>::entry_type,
            visit_args: visit_args::<S>,
        }
    }
}

/// The `'static` [`Meta`] of a method with probes `P` (one constant per
/// probes type).
pub(crate) fn probed<P: Probes>() -> &'static Meta {
    const {
        &Meta {
            output: Output {
                text: P::OUTPUT,
                default_into: probed_default_into::<P>,
            },
            entry_type: Entry::<ShapedArgs<P>>::entry_type,
            visit_args: visit_probed::<P>,
        }
    }
}

fn probed_default_into<P: Probes>(out: &mut Slot<'_>) -> bool {
    put_default(out, P::default_output())
}

fn visit_probed<'r, P: Probes>(
    calls: &'r Calls,
    index: usize,
    each: &mut dyn FnMut(crate::ArgView<'r>),
) {
    let record = &calls.entry::<ShapedArgs<P>>(index).record;
    P::visit_args(Visit { record, each });
}

fn default_into<S: Signature>(out: &mut Slot<'_>) -> bool {
    put_default(out, S::default_output())
}

/// Writes the default, if any: generic over the output alone, so that one
/// copy serves every method that returns the same type.
fn put_default<T: 'static>(out: &mut Slot<'_>, default: Option<T>) -> bool {
    match default {
        Some(value) => {
            put(out, value);
            true
        }
        None => false,
    }
}
