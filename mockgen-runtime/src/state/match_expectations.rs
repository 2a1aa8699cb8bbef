//! Matching a recorded call against a method's expectations, and what a
//! call that no expectation takes gets.

use crate::state::answer::Resolved;
use crate::state::answer::Slot;
use crate::state::calls::AnyEntry;
use crate::state::message::{render_call, times};
use crate::state::method::MethodInner;

use std::sync::Arc;

use crate::state::registry::{Answer, ErasedExpectation, Matched, Outcome};

impl MethodInner {
    /// Matches a recorded call against the method's expectations, oldest
    /// first; an answer that is a value is written into `out`. Panics when
    /// the call matched only expectations that are saturated or out of
    /// their sequence's order.
    #[track_caller]
    pub(crate) fn match_expectations(
        &self,
        expectations: &[Arc<dyn ErasedExpectation>],
        entry: &AnyEntry,
        out: &mut Slot<'_>,
    ) -> Matched {
        let mut saturated = None;
        let mut out_of_order = None;
        for expectation in expectations {
            // User code (matchers): no lock is held. A retired expectation
            // (the mock's `reset_all`) matches nothing.
            if !expectation.matches(entry) {
                continue;
            }
            match expectation.try_claim(out) {
                Outcome::Claimed(answer) => {
                    return match answer {
                        Answer::Effect(f) => Matched::Answer(Resolved::Effect(f)),
                        Answer::Once(value) => {
                            value(out);
                            Matched::Answer(Resolved::Value)
                        }
                        Answer::Value(value) => {
                            self.give(value, out);
                            Matched::Answer(Resolved::Value)
                        }
                        Answer::Written => Matched::Answer(Resolved::Value),
                        Answer::Nothing => Matched::NoAnswer,
                    };
                }
                Outcome::Saturated => {
                    saturated.get_or_insert(expectation);
                }
                Outcome::OutOfOrder(expected) => {
                    out_of_order.get_or_insert((expectation, expected));
                }
            }
        }
        if let Some((expectation, expected)) = out_of_order {
            expectation.count_out_of_order();
            panic!(
                "{}: call out of sequence.\nExpected: {expected}\n  Actual: {}",
                self.qualified_name(),
                self.render_qualified(entry),
            );
        }
        if let Some(expectation) = saturated {
            let max = expectation.count_over();
            let hint = if max == 0 { " (never())" } else { "" };
            let set_at = expectation.set_at();
            panic!(
                "{}: expectation {} called more than {}{hint}.\n  Call: {}\n  Expectation set at {}:{}.",
                self.qualified_name(),
                expectation.text(),
                times(max),
                self.render(entry),
                set_at.file(),
                set_at.line(),
            );
        }
        Matched::NoMatch
    }

    /// `MockLog.write("x")`.
    fn render_qualified(&self, entry: &AnyEntry) -> String {
        render_call(&self.qualified_name(), &entry.debug_args())
    }

    /// A call that nothing configured answers: `Default` when the return
    /// type has one and the mock is not sealed (or an expectation took the
    /// call), else a panic that lists the expectations tried.
    #[track_caller]
    pub(crate) fn unconfigured(&self, entry: &AnyEntry, expected: bool, out: &mut Slot<'_>) {
        if expected {
            if (self.output().default_into)(out) {
                return;
            }
            return self.default_or_panic(Some(entry), out);
        }
        let tried: Vec<String> = self
            .expectations()
            .iter()
            .map(|e| e.text().to_owned())
            .collect();
        let sealed = self.mock.is_sealed();
        if !sealed && (self.output().default_into)(out) {
            return;
        }
        if tried.is_empty() {
            return self.default_or_panic(Some(entry), out);
        }
        let why = if sealed {
            "the mock is sealed and no expectation matches this call".to_owned()
        } else {
            format!(
                "no expectation matches this call, nothing else is configured and `{}` has no Default",
                self.output().text
            )
        };
        let mut listed = String::from("\nExpectations:");
        for text in &tried {
            listed.push_str("\n  ");
            listed.push_str(text);
        }
        panic!(
            "{}: {why}.\n  Call: {}{listed}\nAdd an expectation that matches, or configure the method: `{}.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`.",
            self.qualified_name(),
            self.render(entry),
            self.name,
        )
    }
}
