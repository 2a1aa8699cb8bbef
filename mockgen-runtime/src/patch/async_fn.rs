//! Async `#[patchable]` functions: the trampoline is itself `async`, so the
//! call and its await are recorded together, when the future is first
//! polled, and the patch is looked up on the polling thread.

use std::sync::Arc;

use crate::async_mock::async_call::{Answer, AsyncSignature};
use crate::state::answer::Resolved;
use crate::state::answer::{Slot, effect, taken};
use crate::state::dispatch::Original;
use crate::state::method::Method;
use crate::state::signature::RecordOf;
use crate::state::sync::lock;

impl<S: AsyncSignature, A> Method<S, A> {
    /// Records a call of an async patched function and its await, and
    /// resolves the answer: the original only after `call_original()`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_patched_async(&self, record: RecordOf<S>) -> Answer<S> {
        let entry = self.inner.record_call::<S::Args>(record);
        lock(&self.inner.awaits).push(entry.clone());
        let mut out = None;
        match self
            .inner
            .resolve(&entry, Original::OnRequest, &mut Slot::new(&mut out))
        {
            Resolved::Effect(f) => Answer::SideEffect(Arc::clone(effect::<S::Fn>(&f))),
            // Without the arguments to lend again, a side effect that steps
            // aside falls back to what needs none.
            Resolved::StepAside { effect: step, .. } => {
                Answer::SideEffect(Arc::clone(effect::<S::Fn>(&step.whole)))
            }
            Resolved::Value => Answer::Value(taken(out)),
            Resolved::Original | Resolved::Real => Answer::Original,
        }
    }
}
