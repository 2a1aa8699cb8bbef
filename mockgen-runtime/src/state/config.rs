//! A method's configuration as the call path reads it: the configured
//! answers, and what the next call resolves to. `config::configure` holds
//! the API that fills it.

use crate::state::answer::{EffectFn, IterFn, OnceFn, Slot, StepAside, ValueFn};
use crate::state::queue::Queue;

/// A method's configuration. Not generic: its values and side effects are
/// stored type-erased (see [`answer`](crate::state::answer)), so that this code is
/// compiled once whatever the methods return.
pub(crate) struct Config {
    /// The mock's reset epoch this configuration belongs to: a mock-level
    /// `reset_all` bumps the epoch, and a stale configuration is dropped on
    /// its next use.
    pub(crate) epoch: u64,
    pub(crate) effect: Effect,
    /// Configured values live inside closures, so that the handle is
    /// `Send + Sync` whatever the return type (the values themselves must be).
    pub(crate) return_value: Option<ValueFn>,
    /// The return value is a primitive, whose clone is a copy: it is made
    /// under the lock, which saves the closure's reference count per call.
    /// (Any other `Clone` is user code, which never runs under the lock.)
    pub(crate) copy_value: bool,
    pub(crate) once: Queue<OnceFn>,
    /// Unconfigured calls run the original implementation, where there is one.
    pub(crate) call_original: bool,
}

pub(crate) enum Effect {
    None,
    Fn(EffectFn),
    StepAside(StepAside),
    Iter(IterFn),
}

/// What a call resolved to, taken out of the lock before it runs.
pub(crate) enum Action {
    Effect(EffectFn),
    StepAside(StepAside),
    Iter(IterFn),
    Once(OnceFn),
    Value(ValueFn),
    /// A copied primitive return value, already written.
    Ready,
    Original,
    Unconfigured,
}

impl Config {
    pub(crate) fn new(epoch: u64) -> Self {
        Config {
            epoch,
            effect: Effect::None,
            return_value: None,
            copy_value: false,
            once: Queue::new(),
            call_original: false,
        }
    }

    /// What answers the next call; a copied return value is written into
    /// `out` at once.
    pub(crate) fn next_action(&mut self, out: &mut Slot<'_>) -> Action {
        match &self.effect {
            Effect::Fn(f) => return Action::Effect(EffectFn::clone(f)),
            Effect::StepAside(f) => return Action::StepAside(f.clone()),
            Effect::Iter(iter) => return Action::Iter(IterFn::clone(iter)),
            Effect::None => {}
        }
        self.action_after_effect(out)
    }

    /// Writes the copied primitive return value into `out` when that alone
    /// answers calls (no side effect, no queued values): the common case,
    /// answered without building an [`Action`].
    #[inline(always)]
    pub(crate) fn ready_copy(&self, out: &mut Slot<'_>) -> bool {
        match (&self.effect, &self.return_value) {
            (Effect::None, Some(value))
                if self.copy_value && self.once.is_empty() && !out.lends =>
            {
                value.write_clone(out);
                true
            }
            _ => false,
        }
    }

    /// The action when the side effect steps aside (Python's `DEFAULT`).
    pub(crate) fn action_after_effect(&mut self, out: &mut Slot<'_>) -> Action {
        if let Some(value) = self.once.pop_front() {
            return Action::Once(value);
        }
        match &self.return_value {
            Some(value) if self.copy_value && !out.lends => {
                value.write_clone(out);
                Action::Ready
            }
            Some(value) => Action::Value(ValueFn::clone(value)),
            None if self.call_original => Action::Original,
            None => Action::Unconfigured,
        }
    }
}
