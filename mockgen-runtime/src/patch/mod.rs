//! Patch tables: which handle answers a call of a `#[patchable]` function.
//!
//! Each patchable function has one [`PatchSlot`] (a `static` in generated
//! code) and its trampoline asks [`patched`] for the handle on top of the
//! patch stack. Thread-local patches (`patch!`) live in one stack per
//! thread, shared by every function and told apart by the signature's
//! `TypeId`; global patches (`patch_global!`) live in the slot. A thread's
//! own patches win over global ones. Every layer has an id, so a guard
//! dropped out of order removes its own layer and no other.
//!
//! Uses `state`.

mod env;
mod guard;
mod reentrant;

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::state::method::Method;
use crate::state::signature::Signature;
use crate::state::sync::lock;

pub use env::{EnvGuard, EnvPatch, EnvValue};
pub use guard::{PatchGuard, Patcher};
pub(crate) use reentrant::{ReentrantGuard, ReentrantLock};

/// The signature of a `#[patchable]` function, with its patch slot.
/// Implemented by generated code only; [`PatchGuard`] is generic over it.
///
/// ```
/// use mockgen::prelude::*;
/// use mockgen::{PatchGuard, Patchable};
///
/// #[patchable]
/// fn uptime() -> u64 {
///     12
/// }
///
/// fn calls<S: Patchable>(guard: &PatchGuard<S>) -> usize {
///     guard.call_count()
/// }
///
/// let patch = patch!(uptime);
/// uptime();
/// assert_eq!(calls(&patch), 1);
/// ```
pub trait Patchable: Signature {
    /// The arity marker of the function's handle: the signature's
    /// [`Arity`](Signature::Arity), or [`Lends`](crate::Lends) for a
    /// function whose return value borrows (configured with the `'static`
    /// form or an owned value leaked into it).
    #[doc(hidden)]
    type HandleArity: 'static;
    #[doc(hidden)]
    fn __slot() -> &'static PatchSlot;
}

/// The handle of a patchable function `S`.
pub(crate) type PatchHandle<S> = Method<S, <S as Patchable>::HandleArity>;

/// The global patch stack of one function (of all instantiations of a
/// generic one), its serialisation lock, and how
/// many patches of it are alive (so that an unpatched call costs two atomic
/// loads, and a call with only thread-local patches around takes no lock).
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub struct PatchSlot {
    /// Thread-local layers of this function, on all threads.
    local: AtomicUsize,
    global_layers: AtomicUsize,
    global: Mutex<Vec<Layer<Arc<dyn Any + Send + Sync>>>>,
    serial: ReentrantLock,
}

struct Layer<H> {
    id: u64,
    handle: H,
}

struct LocalLayer {
    function: TypeId,
    layer: Layer<Box<dyn Any>>,
}

thread_local! {
    static LOCAL: RefCell<Vec<LocalLayer>> = const { RefCell::new(Vec::new()) };
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl PatchSlot {
    #[doc(hidden)]
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        PatchSlot {
            local: AtomicUsize::new(0),
            global_layers: AtomicUsize::new(0),
            global: Mutex::new(Vec::new()),
            serial: ReentrantLock::new(),
        }
    }
}

/// The handle that answers a call of `S` on this thread, if `S` is patched.
#[doc(hidden)]
#[inline]
pub fn patched<S: Patchable>() -> Option<PatchHandle<S>> {
    let slot = S::__slot();
    let local = match slot.local.load(Ordering::Acquire) {
        0 => None,
        _ => local_top::<S>(),
    };
    match slot.global_layers.load(Ordering::Acquire) {
        0 => local,
        _ => local.or_else(|| global_top::<S>(slot)),
    }
}

/// [`patched`] for the signature a [`Patcher`] stands for: a method made
/// patchable on its own keeps its marker inside its companion, where the
/// trampoline cannot name it, and asks through the companion's result.
#[doc(hidden)]
#[inline]
pub fn patched_by<S: Patchable>(patcher: Patcher<S>) -> Option<PatchHandle<S>> {
    let _ = patcher;
    patched::<S>()
}

fn local_top<S: Patchable>() -> Option<PatchHandle<S>> {
    let function = TypeId::of::<S>();
    LOCAL
        .try_with(|stack| {
            let stack = stack.borrow();
            let top = stack.iter().rev().find(|l| l.function == function)?;
            Some(downcast::<S>(&*top.layer.handle).clone())
        })
        .ok()
        .flatten()
}

/// The top global layer of `S`: the slot of a generic function holds the
/// layers of all its instantiations, one `Method` type each.
fn global_top<S: Patchable>(slot: &PatchSlot) -> Option<PatchHandle<S>> {
    let stack = lock(&slot.global);
    stack
        .iter()
        .rev()
        .find_map(|layer| layer.handle.downcast_ref::<PatchHandle<S>>())
        .cloned()
}

fn downcast<S: Patchable>(handle: &dyn Any) -> &PatchHandle<S> {
    handle
        .downcast_ref::<PatchHandle<S>>()
        .expect("invariant: a patch layer of `S` holds a `Method<S>`")
}

fn push_local<S: Patchable>(handle: PatchHandle<S>) -> u64 {
    let id = next_id();
    let layer = LocalLayer {
        function: TypeId::of::<S>(),
        layer: Layer {
            id,
            handle: Box::new(handle),
        },
    };
    LOCAL.with(|stack| stack.borrow_mut().push(layer));
    S::__slot().local.fetch_add(1, Ordering::AcqRel);
    id
}

fn remove_local<S: Patchable>(id: u64) {
    // The removed handle is dropped after the borrow ends: dropping it may
    // run user code (captures of a side effect).
    let removed = LOCAL.try_with(|stack| {
        let mut stack = stack.borrow_mut();
        let index = stack.iter().position(|l| l.layer.id == id)?;
        Some(stack.remove(index))
    });
    drop(removed);
    S::__slot().local.fetch_sub(1, Ordering::AcqRel);
}

fn push_global<S: Patchable>(handle: PatchHandle<S>) -> u64
where
    PatchHandle<S>: Send + Sync,
{
    let id = next_id();
    let slot = S::__slot();
    lock(&slot.global).push(Layer {
        id,
        handle: Arc::new(handle),
    });
    slot.global_layers.fetch_add(1, Ordering::AcqRel);
    id
}

fn remove_global<S: Patchable>(id: u64) {
    let slot = S::__slot();
    let removed = {
        let mut stack = lock(&slot.global);
        stack
            .iter()
            .position(|l| l.id == id)
            .map(|index| stack.remove(index))
    };
    drop(removed);
    slot.global_layers.fetch_sub(1, Ordering::AcqRel);
}

fn serialise<S: Patchable>() -> ReentrantGuard {
    S::__slot().serial.acquire()
}
