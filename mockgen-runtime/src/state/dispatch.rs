//! What happens when a mocked method is called: record, then answer from
//! expectations, configuration, the original, or the default.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::state::answer::{EffectFn, LentAnswer, Next, Resolved, Slot, ValueFn, taken};
use crate::state::args::ArgKinds;
use crate::state::calls::AnyEntry;
use crate::state::config::Action;
use crate::state::message::render_call;
use crate::state::method::{ConfigGuard, Method, MethodInner};
use crate::state::registry::{ErasedExpectation, Matched};
use crate::state::signature::Signature;

/// What the caller can do with a call that the original implementation
/// should answer.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Original {
    /// There is none: such a call gets the default, as if `call_original`
    /// had not been asked for.
    Missing,
    /// Run it after `call_original()` (spies and patches).
    OnRequest,
    /// Run it for every call nothing is configured for (trait methods
    /// with a default body), unless the mock is a spy: then the real
    /// value's method answers instead.
    ByDefault,
    /// There is none, but the caller can call the spy's real value.
    Real,
}

impl Original {
    /// Whether the caller can call the real value of a spy.
    fn reaches_real(self) -> bool {
        matches!(self, Original::ByDefault | Original::Real)
    }
}

/// Who answers a call of a method with a default body, with its
/// arguments, when nothing configured does.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub enum Delegate<A> {
    /// The default body.
    Original(A),
    /// The real value of a spy.
    Real(A),
}

impl<S: Signature, A> Method<S, A> {
    /// Keeps `value` for as long as the mock lives and lends it out: an
    /// answer made for this call (a spy's real value's). A method lends
    /// values of one type only.
    #[doc(hidden)]
    pub fn __lend<T: Send + Sync + 'static>(&self, value: T) -> &T {
        self.inner.lent.keep(value)
    }

    /// Lends the value a method returning `&mut T` keeps: the first call's
    /// `answer` is kept by this handle, later answers are dropped and the
    /// kept value is lent again, so that changes persist across calls.
    #[doc(hidden)]
    pub fn __lend_mut(&mut self, answer: S::Output) -> &mut S::Output
    where
        S::Output: Send + Sync + 'static,
    {
        let kept = self.inner.kept.get_or_insert_with(|| Box::new(answer));
        kept.downcast_mut::<S::Output>()
            .expect("invariant: a handle keeps values of its signature's output")
    }
}

impl MethodInner {
    /// What a method that returns a reference lends for the answer in
    /// `slot`: the configured value it names, kept once; the default, kept
    /// once; else the answer made for this call, kept.
    pub(crate) fn lend_answer<O: Send + Sync + 'static>(
        &self,
        answer: LentAnswer,
        out: Option<O>,
    ) -> &O {
        match answer {
            LentAnswer::Kept(index) => self.lent.get(index),
            LentAnswer::Default => self.lent.keep_default(taken(out)),
            LentAnswer::Made => self.lent.keep(taken(out)),
        }
    }

    /// Answers with a configured value: a clone, or, for a method that
    /// returns a reference, the value itself, kept once.
    #[inline]
    pub(crate) fn give(&self, value: ValueFn, out: &mut Slot<'_>) {
        if out.lends {
            out.kept = Some(self.lent.keep_configured(value));
        } else {
            value.write_clone(out);
        }
    }
}

impl MethodInner {
    /// Records a call and resolves what answers it; a value is written
    /// into `out`. Generic only in what it records: the rest is compiled
    /// once.
    ///
    /// # Panics
    /// If the method's argument kinds are not `A` (never: a handle of
    /// signature `S` reaches its state only with `S::Args`).
    #[track_caller]
    #[inline(always)]
    pub(crate) fn call<A: ArgKinds>(
        self: &Arc<Self>,
        record: A::Record,
        original: Original,
        out: &mut Slot<'_>,
    ) -> Resolved {
        let mut config = self.config();
        let index = config.state.record::<A>(record);
        self.notify_waiters();
        // Calls go through `resolve` when there are expectations to match,
        // or recorders to tell.
        let expecting = self.expecting.load(Ordering::Acquire);
        let slow = expecting || self.mock.recorders.any();
        if !slow && config.ready_copy(out) {
            return Resolved::Value;
        }
        self.answer_recorded(config, index, slow.then_some(expecting), original, out)
    }

    /// Answers call `index`, just recorded under the lock that `config`
    /// holds, when no value was ready to copy; through `resolve` when
    /// `slow` is `Some` (whether the method has expectations).
    #[track_caller]
    fn answer_recorded(
        &self,
        mut config: ConfigGuard<'_>,
        index: usize,
        slow: Option<bool>,
        original: Original,
        out: &mut Slot<'_>,
    ) -> Resolved {
        if let Some(expecting) = slow {
            // Expectations run matchers and recorders take their own locks:
            // the method's lock is released first. The expectations are
            // taken under it, with the call.
            let entry = config.state.any_entry(index);
            let expectations = expecting.then(|| Arc::clone(&config.state.expectations));
            drop(config);
            self.tell_recorders(&entry);
            return self.resolve_with(&entry, expectations.as_deref(), original, out);
        }
        // Under the one lock: take what answers the call. The entry is kept
        // only by the answers that may need it for a message; a handle
        // costs a reference count.
        let action = config.next_action(out);
        let keep = matches!(
            action,
            Action::Iter(_) | Action::StepAside(_) | Action::Unconfigured | Action::Original
        );
        let kept = keep.then(|| config.state.any_entry(index));
        drop(config);
        self.answer(action, kept.as_ref(), original, false, out)
    }

    /// Adds the call to the history.
    pub(crate) fn record_call<A: ArgKinds>(&self, record: A::Record) -> AnyEntry {
        let entry = {
            let mut state = self.calls();
            let index = state.record::<A>(record);
            self.notify_waiters();
            state.any_entry(index)
        };
        self.tell_recorders(&entry);
        entry
    }

    /// Recorders the mock is attached to order calls by number.
    fn tell_recorders(&self, entry: &AnyEntry) {
        if self.mock.recorders.any() {
            self.mock.recorders.record(entry);
        }
    }

    /// What answers a recorded call (the guide's precedence): the side effect to
    /// run, a value, or the original implementation.
    #[track_caller]
    pub(crate) fn resolve(
        &self,
        entry: &AnyEntry,
        original: Original,
        out: &mut Slot<'_>,
    ) -> Resolved {
        let expectations = self
            .expecting
            .load(Ordering::Acquire)
            .then(|| self.expectations());
        self.resolve_with(entry, expectations.as_deref(), original, out)
    }

    /// [`resolve`](Self::resolve), with the method's expectations taken
    /// (`None` when it has never had any).
    #[track_caller]
    fn resolve_with(
        &self,
        entry: &AnyEntry,
        expectations: Option<&Vec<Arc<dyn ErasedExpectation>>>,
        original: Original,
        out: &mut Slot<'_>,
    ) -> Resolved {
        // Expectations first, on the recorded arguments.
        let expected = match expectations {
            None => false,
            Some(list) => match self.match_expectations(list, entry, out) {
                Matched::Answer(answer) => return answer,
                Matched::NoAnswer => true,
                Matched::NoMatch => false,
            },
        };
        let action = self.config().next_action(out);
        self.answer(action, Some(entry), original, expected, out)
    }

    /// What answers a call whose side effect stepped aside: `return_once`,
    /// `return_value`, then the original or a spy's real value, then the
    /// default (Python's side effect returning `DEFAULT`).
    #[track_caller]
    pub(crate) fn stepped_aside(
        &self,
        entry: Option<&AnyEntry>,
        original: Original,
        expected: bool,
        out: &mut Slot<'_>,
    ) -> Resolved {
        let action = self.config().action_after_effect(out);
        self.answer(action, entry, original, expected, out)
    }

    /// Runs what the configuration answers a call with; no lock is held.
    #[track_caller]
    fn answer(
        &self,
        action: Action,
        entry: Option<&AnyEntry>,
        original: Original,
        expected: bool,
        out: &mut Slot<'_>,
    ) -> Resolved {
        match self.run_action(action, entry, original, expected, out) {
            Some(resolved) => resolved,
            None => {
                if self.expecting.load(Ordering::Acquire) {
                    self.unconfigured(entry.expect(KEPT), expected, out);
                } else {
                    self.default_or_panic(entry, out);
                }
                Resolved::Value
            }
        }
    }
}

const KEPT: &str = "invariant: the entry is kept for the answers that need it";

impl MethodInner {
    /// Wakes `wait_until_called`; called with the
    /// calls locked.
    #[inline(always)]
    pub(crate) fn notify_waiters(&self) {
        if self.waiting.load(std::sync::atomic::Ordering::Acquire) > 0 {
            self.arrived.notify_all();
        }
    }

    /// Runs what the configuration answers a call with; no lock is held.
    /// `entry` is the call's, which only the answers that may need it for
    /// a message (an iterator, nothing configured) are sure to get. `None`
    /// when nothing answers: the caller picks the default (or panics).
    #[track_caller]
    fn run_action(
        &self,
        action: Action,
        entry: Option<&AnyEntry>,
        original: Original,
        expected: bool,
        out: &mut Slot<'_>,
    ) -> Option<Resolved> {
        Some(match action {
            Action::Effect(f) => Resolved::Effect(f),
            Action::StepAside(effect) => Resolved::StepAside {
                effect,
                entry: entry.cloned(),
                expected,
            },
            // Concurrent calls take turns; a call made by the iterator's own
            // `next()` is answered by the rest of the configuration.
            Action::Iter(iter) => match iter.next_into(out) {
                Next::Item => Resolved::Value,
                Next::Exhausted => self.exhausted(entry.expect(KEPT)),
                Next::Busy => {
                    let action = self.config().action_after_effect(out);
                    return self.run_action(action, entry, original, expected, out);
                }
            },
            Action::Once(value) => {
                value(out);
                Resolved::Value
            }
            Action::Value(value) => {
                self.give(value, out);
                Resolved::Value
            }
            Action::Ready => Resolved::Value,
            // Nothing configured answers (or `call_original` asked for the
            // original): a spy's real value, through its closure or handed
            // back to the caller; else the caller's original; else the
            // default.
            Action::Original | Action::Unconfigured => {
                let requested = matches!(action, Action::Original);
                if let Some(wrapped) = self.original.get() {
                    Resolved::Effect(EffectFn::clone(wrapped))
                } else if original.reaches_real() && self.mock.keeps_real() {
                    Resolved::Real
                } else if original == Original::ByDefault
                    || (requested && original == Original::OnRequest)
                {
                    Resolved::Original
                } else if requested {
                    // Without an original, the default answers, as if
                    // `call_original` had not been asked for.
                    self.default_or_panic(entry, out);
                    Resolved::Value
                } else {
                    return None;
                }
            }
        })
    }

    /// `name(arg, …)` of a recorded call.
    pub(crate) fn render(&self, entry: &AnyEntry) -> String {
        render_call(self.name, &entry.debug_args())
    }

    #[cold]
    #[track_caller]
    fn exhausted(&self, entry: &AnyEntry) -> ! {
        exhausted_panic(&self.qualified_name(), entry.number(), &self.render(entry))
    }

    /// Writes the default of the return type into `out`, or panics with a
    /// message that says how to configure the method.
    #[track_caller]
    pub(crate) fn default_or_panic(&self, entry: Option<&AnyEntry>, out: &mut Slot<'_>) {
        let sealed = self.mock.is_sealed();
        if !sealed && (self.output().default_into)(out) {
            out.defaulted = true;
            return;
        }
        let call = entry.map_or_else(|| format!("{}(…)", self.name), |e| self.render(e));
        unconfigured_panic(
            &self.qualified_name(),
            sealed,
            self.output().text,
            &call,
            self.name,
        )
    }
}

// The panics are not generic, so that each mocked method does not compile
// its own copy of the formatting.

#[cold]
#[track_caller]
fn exhausted_panic(name: &str, number: usize, call: &str) -> ! {
    panic!(
        "{name}: side_effect_iter is exhausted: call {number} has no value left.\n  Call: {call}\nGive `side_effect_iter` more values, or end it with `.chain(std::iter::repeat(…))`."
    )
}

#[cold]
#[track_caller]
fn unconfigured_panic(name: &str, sealed: bool, output: &str, call: &str, method: &str) -> ! {
    if output == "!" && !sealed {
        panic!(
            "{name}: this method never returns (`-> !`) and nothing is configured.\n  Call: {call}\nGive it a side effect that diverges before the call: `{method}.side_effect(|…| panic!(…))`."
        )
    }
    let why = if sealed {
        "the mock is sealed and this method has nothing configured".to_owned()
    } else {
        format!("nothing is configured and `{output}` has no Default")
    };
    panic!(
        "{name}: {why}.\n  Call: {call}\nConfigure it before the call: `{method}.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    )
}
