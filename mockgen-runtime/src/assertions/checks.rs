//! The checks behind a method's assertions, over its calls or, for async
//! methods, its awaits: each returns the failure text; the assertion adds
//! the handle's name.

use crate::assertions::history::{find_run, render_entry, unmatched_any_order};
use crate::matching::call::Call;
use crate::state::calls::EntryOf;
use crate::state::message::{block, list, times};
use crate::state::signature::Signature;

/// The words of the messages: calls or awaits.
pub(crate) struct Words {
    /// `called`
    past: &'static str,
    /// `Called`
    past_capital: &'static str,
    /// `call`
    noun: &'static str,
    /// `Calls`
    block: &'static str,
    /// Python words the any-order failure differently for awaits.
    any_order: fn(&str) -> String,
}

pub(crate) const CALLS: Words = Words {
    past: "called",
    past_capital: "Called",
    noun: "call",
    block: "Calls",
    any_order: |missing| format!("does not contain all of {missing} in its call list."),
};

pub(crate) const AWAITS: Words = Words {
    past: "awaited",
    past_capital: "Awaited",
    noun: "await",
    block: "Awaits",
    any_order: |missing| format!("{missing} not all found in await list."),
};

/// A snapshot of the history being checked, so that user code (`Debug`,
/// matchers) never runs under the handle's lock.
pub(crate) struct Checked<S: Signature> {
    /// The method's name.
    pub(crate) name: &'static str,
    pub(crate) entries: Vec<EntryOf<S>>,
    pub(crate) words: &'static Words,
}

type Outcome = Result<(), String>;

impl<S: Signature> Checked<S> {
    fn rendered(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|e| render_entry(self.name, e))
            .collect()
    }

    fn block(&self) -> String {
        block(self.words.block, &self.rendered())
    }

    pub(crate) fn at_least_once(&self) -> Outcome {
        let Words {
            past, past_capital, ..
        } = self.words;
        if self.entries.is_empty() {
            return Err(format!(
                "expected to have been {past}. {past_capital} 0 times."
            ));
        }
        Ok(())
    }

    /// `lead` is Python's wording: "to have been" or "to be".
    pub(crate) fn exactly_once(&self, lead: &str) -> Outcome {
        let Words {
            past, past_capital, ..
        } = self.words;
        if self.entries.len() == 1 {
            return Ok(());
        }
        Err(format!(
            "expected {lead} {past} once. {past_capital} {}.{}",
            times(self.entries.len()),
            self.block()
        ))
    }

    pub(crate) fn never(&self) -> Outcome {
        let Words {
            past, past_capital, ..
        } = self.words;
        if self.entries.is_empty() {
            return Ok(());
        }
        Err(format!(
            "expected to not have been {past}. {past_capital} {}.{}",
            times(self.entries.len()),
            self.block()
        ))
    }

    pub(crate) fn last_matches(&self, expected: &Call<S::Args>) -> Outcome {
        let actual = match self.entries.last() {
            Some(entry) if expected.matches(&entry.record) => return Ok(()),
            Some(entry) => render_entry(self.name, entry),
            None => format!("not {}.", self.words.past),
        };
        Err(format!(
            "expected {} not found.\nExpected: {}\n  Actual: {actual}",
            self.words.noun,
            expected.render(self.name)
        ))
    }

    pub(crate) fn any_matches(&self, expected: &Call<S::Args>) -> Outcome {
        if self.entries.iter().any(|e| expected.matches(&e.record)) {
            return Ok(());
        }
        Err(format!(
            "{} {} not found.{}",
            expected.render(self.name),
            self.words.noun,
            self.block()
        ))
    }

    /// A consecutive run, in order.
    pub(crate) fn run_matches(&self, expected: &[Call<S::Args>]) -> Outcome {
        if find_run(&self.entries, expected, |a, e| e.matches(&a.record)).is_some() {
            return Ok(());
        }
        let wanted: Vec<String> = expected.iter().map(|c| c.render(self.name)).collect();
        Err(format!(
            "{}s not found.\nExpected: {}\n  Actual: {}",
            self.words.noun,
            list(&wanted),
            list(&self.rendered())
        ))
    }

    /// Every expected call matches a different actual one.
    pub(crate) fn all_match_any_order(&self, expected: &[Call<S::Args>]) -> Outcome {
        let missing = unmatched_any_order(&self.entries, expected, |a, e| e.matches(&a.record));
        if missing.is_empty() {
            return Ok(());
        }
        let missing: Vec<String> = missing.iter().map(|c| c.render(self.name)).collect();
        Err(format!(
            "{}\n  Actual: {}",
            (self.words.any_order)(&list(&missing)),
            list(&self.rendered())
        ))
    }
}
