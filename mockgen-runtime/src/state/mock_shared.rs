//! What every method handle of a mock can see of the mock: its name, the
//! sealed flag, the reset epoch, its expectations and recorders, and the
//! real value of a spy.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::state::attached::Attached;
use crate::state::real::RealCell;
use crate::state::registry::Registry;

/// State every method handle of a mock can see.
pub(crate) struct MockShared {
    pub(crate) name: String,
    pub(crate) sealed: AtomicBool,
    /// Bumped by `reset_all`: method configurations of an older epoch are
    /// dropped on their next use.
    pub(crate) epoch: AtomicU64,
    /// Every method's expectations, for `verify` (also run on drop).
    pub(crate) expectations: Registry,
    /// The recorders the mock is attached to.
    pub(crate) recorders: Attached,
    /// The real value of a spy. Set once, when the spy is made, so a panic
    /// cannot leave it half changed.
    pub(crate) real: std::panic::AssertUnwindSafe<std::sync::OnceLock<Arc<RealCell>>>,
    /// Raises the report of the check on drop. Generated mocks pass a
    /// function of their own, so that the panic points at the mock's
    /// definition rather than into mockgen (`Drop` cannot know its caller).
    pub(crate) fail_on_drop: fn(String),
    /// The names of the mock's methods, generic ones included (whose
    /// handles appear per type argument): what a recorder checks the
    /// calls its assertions name against.
    pub(crate) method_names: std::sync::Mutex<Vec<&'static str>>,
}

impl MockShared {
    /// Notes a method of the mock.
    pub(crate) fn declare(&self, name: &'static str) {
        let mut names = crate::state::sync::lock(&self.method_names);
        if !names.contains(&name) {
            names.push(name);
        }
    }
}

impl MockShared {
    pub(crate) fn is_sealed(&self) -> bool {
        self.sealed.load(Ordering::Acquire)
    }

    #[inline]
    pub(crate) fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Whether the mock is a spy, whose methods can call the real value.
    pub(crate) fn keeps_real(&self) -> bool {
        self.real.get().is_some()
    }
}
