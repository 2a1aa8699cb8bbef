//! Matching a recorded call against a method's expectations, and what a
//! call that no expectation takes gets.

use crate::calls::Entry;
use crate::dispatch::Resolved;
use crate::message::{render_call, times};
use crate::method::MethodInner;
use crate::shape::Shape;
use crate::sync::lock;

use super::{Answer, Matched, Outcome};

impl<K: Shape> MethodInner<K> {
    /// Matches a recorded call against the method's expectations, oldest
    /// first. Panics when the call matched only expectations that are
    /// saturated or out of their sequence's order.
    #[track_caller]
    pub(crate) fn match_expectations(&self, entry: &Entry<K::Args>) -> Matched<K> {
        let expectations = self.expectations.snapshot();
        if expectations.is_empty() {
            return Matched::NoMatch;
        }
        let mut saturated = None;
        let mut out_of_order = None;
        for expectation in &expectations {
            // User code (matchers): no lock is held.
            if !expectation.call.matches(&entry.record) {
                continue;
            }
            match expectation.try_claim() {
                Outcome::Claimed(answer) => {
                    return match answer {
                        Answer::Effect(f) => Matched::Answer(Resolved::Effect(f)),
                        Answer::Once(value) => Matched::Answer(Resolved::Value(value())),
                        Answer::Value(value) => Matched::Answer(Resolved::Value(value())),
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
            lock(&expectation.state).out_of_order += 1;
            panic!(
                "{}: call out of sequence.\nExpected: {expected}\n  Actual: {}",
                self.qualified_name(),
                self.render_qualified(entry),
            );
        }
        if let Some(expectation) = saturated {
            let max = {
                let mut state = lock(&expectation.state);
                state.over += 1;
                state.times.max().unwrap_or(usize::MAX)
            };
            let hint = if max == 0 { " (never())" } else { "" };
            panic!(
                "{}: expectation {} called more than {}{hint}.\n  Call: {}",
                self.qualified_name(),
                expectation.text,
                times(max),
                self.meta.render(self.name, &entry.record),
            );
        }
        Matched::NoMatch
    }

    /// `MockLog.write("x")`.
    fn render_qualified(&self, entry: &Entry<K::Args>) -> String {
        let mut args = Vec::new();
        (self.meta.visit_args)(&entry.record, &mut |view| args.push(view.to_debug_string()));
        render_call(&self.qualified_name(), &args)
    }

    /// A call that nothing configured answers: `Default` when the return
    /// type has one and the mock is not sealed (or an expectation took the
    /// call), else a panic that lists the expectations tried.
    #[track_caller]
    pub(crate) fn unconfigured(&self, entry: &Entry<K::Args>, expected: bool) -> K::Output {
        if expected {
            if let Some(value) = (self.meta.default_output)() {
                return value;
            }
            return self.default_or_panic(Some(entry));
        }
        let tried: Vec<String> = self
            .expectations
            .snapshot()
            .iter()
            .map(|e| e.text.clone())
            .collect();
        let sealed = self.mock.is_sealed();
        if tried.is_empty() || !sealed && (self.meta.default_output)().is_some() {
            return self.default_or_panic(Some(entry));
        }
        let why = if sealed {
            "the mock is sealed and no expectation matches this call".to_owned()
        } else {
            format!(
                "no expectation matches this call, nothing else is configured and `{}` has no Default",
                self.meta.output
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
            self.meta.render(self.name, &entry.record),
            self.name,
        )
    }
}
