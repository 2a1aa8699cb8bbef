//! Expectations checked when the call happens: their state, the
//! per-method list that calls are matched against, and the per-mock
//! registry that `verify` reads.
//!
//! Locks: an expectation's state lock is never held while taking a
//! sequence's lock (sequence → state is the only nesting), and no lock is
//! held while user code runs (matchers, side effects, `Clone` of values,
//! drops of configured values).

use std::panic::Location;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::expectations::sequence::SeqLink;
use crate::expectations::times::Times;
use crate::matching::call::Call;
use crate::state::answer::{EffectFn, OnceFn, Slot, ValueFn};
use crate::state::args::ArgKinds;
use crate::state::calls::AnyEntry;
use crate::state::calls::CurrentCalls;
use crate::state::message::times;
use crate::state::queue::Queue;
use crate::state::registry::{Answer, ErasedExpectation, Outcome};
use crate::state::sync::lock;

/// One expectation of a method that takes arguments `A`.
pub(crate) struct ExpectationInner<A: ArgKinds> {
    pub(crate) call: Call<A>,
    /// The matcher text: `temperature("Oslo")`.
    pub(crate) text: String,
    /// The same, named by the mock: `MockWeather.temperature("Oslo")`.
    pub(crate) label: String,
    /// The method's calls, for reports.
    log: Arc<CurrentCalls>,
    /// Where the test set it (`expect` is `#[track_caller]`): reports name
    /// it, as a test may set several alike.
    set_at: &'static Location<'static>,
    pub(crate) state: Mutex<State>,
    /// Set by `reset_all`: the expectation no longer matches nor counts.
    retired: AtomicBool,
}

/// An expectation's counts and answers; its answers are type-erased like
/// a method's configuration.
pub(crate) struct State {
    pub(crate) times: Times,
    /// Whether `times` (or `never`) was given.
    pub(crate) times_set: bool,
    /// Calls this expectation answered.
    pub(crate) calls: usize,
    /// Calls that matched it after its upper bound was reached and found
    /// no other expectation.
    over: usize,
    /// Calls that matched it out of its sequence's order.
    out_of_order: usize,
    pub(crate) effect: Option<EffectFn>,
    pub(crate) once: Queue<OnceFn>,
    pub(crate) value: Option<ValueFn>,
    /// `value` is a primitive, whose clone is a copy: made under the lock.
    pub(crate) copy_value: bool,
    pub(crate) sequence: Option<SeqLink>,
}

impl<A: ArgKinds> ExpectationInner<A> {
    /// An expectation of method `name` (`qualified`: named by its mock),
    /// set at `set_at`.
    pub(crate) fn new(
        call: Call<A>,
        name: &str,
        qualified: &str,
        log: Arc<CurrentCalls>,
        set_at: &'static Location<'static>,
    ) -> Self {
        ExpectationInner {
            text: call.render(name),
            label: call.render(qualified),
            call,
            log,
            set_at,
            state: Mutex::new(State {
                times: Times::ANY,
                times_set: false,
                calls: 0,
                over: 0,
                out_of_order: 0,
                effect: None,
                once: Queue::new(),
                value: None,
                copy_value: false,
                sequence: None,
            }),
            retired: AtomicBool::new(false),
        }
    }
}

impl<A: ArgKinds> ErasedExpectation for ExpectationInner<A> {
    fn label(&self) -> &str {
        &self.label
    }

    fn report(&self) -> Option<String> {
        if self.is_retired() {
            return None;
        }
        let state = lock(&self.state);
        let called = state.calls + state.over;
        if state.times.contains(called) && state.out_of_order == 0 {
            return None;
        }
        let mut line = format!(
            "{}: expected {}, called {}",
            self.text,
            state.times,
            times(called)
        );
        if state.out_of_order > 0 {
            let n = state.out_of_order;
            let calls = if n == 1 { "call" } else { "calls" };
            line.push_str(&format!(" ({n} {calls} out of sequence)"));
        }
        let at = self.set_at;
        line.push_str(&format!("; set at {}:{}.", at.file(), at.line()));
        Some(line)
    }

    fn set_at(&self) -> &'static Location<'static> {
        self.set_at
    }

    fn min_reached(&self) -> bool {
        let state = lock(&self.state);
        self.is_retired() || state.calls >= state.times.min()
    }

    fn open(&self) -> bool {
        let state = lock(&self.state);
        !self.is_retired() && state.times.allows_another(state.calls)
    }

    fn log(&self) -> Arc<CurrentCalls> {
        Arc::clone(&self.log)
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn try_claim(&self, out: &mut Slot<'_>) -> Outcome {
        claim(&self.state, out)
    }

    fn count_out_of_order(&self) {
        lock(&self.state).out_of_order += 1;
    }

    fn count_over(&self) -> usize {
        let mut state = lock(&self.state);
        state.over += 1;
        state.times.max().unwrap_or(usize::MAX)
    }

    fn matches(&self, entry: &AnyEntry) -> bool {
        !self.is_retired() && self.call.matches(entry.record::<A>())
    }

    fn reset_counts(&self) {
        let mut state = lock(&self.state);
        state.calls = 0;
        state.over = 0;
        state.out_of_order = 0;
    }

    fn retire(&self) {
        self.retired.store(true, Ordering::Release);
    }

    fn is_retired(&self) -> bool {
        self.retired.load(Ordering::Acquire)
    }
}

/// A sequence sees its members through their erased form.
impl<A: ArgKinds> crate::expectations::sequence::SequenceMember for ExpectationInner<A> {
    fn label(&self) -> &str {
        ErasedExpectation::label(self)
    }
    fn min_reached(&self) -> bool {
        ErasedExpectation::min_reached(self)
    }
    fn open(&self) -> bool {
        ErasedExpectation::open(self)
    }
    fn is_retired(&self) -> bool {
        ErasedExpectation::is_retired(self)
    }
}

/// What every expectation does the same way, whatever its method's
/// types: compiled once. Without a sequence, one lock.
fn claim(state_lock: &Mutex<State>, out: &mut Slot<'_>) -> Outcome {
    let link = {
        let mut state = lock(state_lock);
        if !state.times.allows_another(state.calls) {
            return Outcome::Saturated;
        }
        match &state.sequence {
            None => return Outcome::Claimed(take_answer(&mut state, out)),
            Some(link) => link.clone(),
        }
    };
    match link.try_advance(|| claim_now(state_lock, out)) {
        Ok(Some(answer)) => Outcome::Claimed(answer),
        Ok(None) => Outcome::Saturated,
        Err(expected) => Outcome::OutOfOrder(expected),
    }
}

/// Counts the call and takes the answer, unless the upper bound is
/// reached. Runs no user code.
fn claim_now(state_lock: &Mutex<State>, out: &mut Slot<'_>) -> Option<Answer> {
    let mut state = lock(state_lock);
    if !state.times.allows_another(state.calls) {
        return None;
    }
    Some(take_answer(&mut state, out))
}

/// Counts an accepted call and takes its answer; a copied value is
/// written into `out`.
fn take_answer(state: &mut State, out: &mut Slot<'_>) -> Answer {
    state.calls += 1;
    if let Some(f) = &state.effect {
        Answer::Effect(EffectFn::clone(f))
    } else if let Some(once) = state.once.pop_front() {
        Answer::Once(once)
    } else if let Some(value) = &state.value {
        if state.copy_value && !out.lends {
            value.write_clone(out);
            return Answer::Written;
        }
        Answer::Value(ValueFn::clone(value))
    } else {
        Answer::Nothing
    }
}
