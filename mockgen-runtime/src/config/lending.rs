//! Methods whose return value borrows from their arguments
//! (`fn first_word<'a>(&self, text: &'a str) -> &'a str`): a side effect
//! returns a borrow of what it is given.
//!
//! The generic `side_effect` of a [`Method`] cannot say so: its bound names
//! each argument's lifetimes through [`ArgOf`](crate::ArgOf), and a return
//! type cannot name them (a lifetime that appears only in an associated
//! type's projection is not constrained by the inputs). Such a method's
//! handle is a `Method<S, Lends>` instead, whose `side_effect` takes the
//! bound the generated code writes out with the method's own lifetimes
//! ([`LendingEffect`]). The side effect is stored like any other, as
//! `S::Fn`, and the generated method calls it itself, with no lock held.

use std::sync::Arc;

use crate::config::configure::ReturnValue;
use crate::config::into_static::IntoStatic;
use crate::state::answer::{Resolved, Slot, effect, taken};
use crate::state::dispatch::Original;
use crate::state::method::Method;
use crate::state::signature::{LendingEffect, Lends, RecordOf, Signature};

/// What answers a call of a method whose return value borrows from its
/// arguments: a value (the configured `'static` form), or the side effect,
/// which the caller runs with the arguments.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub enum LendingAnswer<S: Signature> {
    Value(S::Output),
    Effect(Arc<S::Fn>),
    /// The trait's default body.
    Original,
    /// A spy's real value: its method answers.
    Real,
}

impl<S: Signature> LendingAnswer<S> {
    /// The value; only ever called on answers that are not a side effect
    /// or the default body.
    #[doc(hidden)]
    #[track_caller]
    pub fn __value(self) -> S::Output {
        match self {
            LendingAnswer::Value(value) => value,
            _ => unanswered(),
        }
    }
}

#[cold]
#[inline(never)]
fn unanswered() -> ! {
    panic!("invariant: a lending method's answer is a value, a side effect or its default body")
}

impl<S: Signature> Method<S, Lends> {
    /// Calls to the method run `f` with the arguments (Python's
    /// `side_effect`); what it returns may borrow from them, as the
    /// method's signature says (`|text| text.split(' ').next().unwrap()`).
    /// It runs with no lock of the mock held, so it may call the mock.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[derive(Debug, Clone, PartialEq)]
    /// pub struct Item {
    ///     pub id: u32,
    /// }
    ///
    /// #[automock]
    /// trait Picker {
    ///     fn pick<'a>(&self, items: &'a [Item]) -> Option<&'a Item>;
    /// }
    ///
    /// let picker = MockPicker::new();
    /// picker.pick.side_effect(|items| items.iter().find(|i| i.id > 1));
    /// let items = vec![Item { id: 1 }, Item { id: 2 }];
    /// assert_eq!(picker.pick(&items), Some(&items[1]));
    /// ```
    pub fn side_effect<C>(&self, f: C)
    where
        S: LendingEffect<C>,
    {
        self.set_side_effect(S::boxed_lending(f));
    }

    /// Every call returns `value` (Python's `return_value`): the return
    /// type's `'static` form (`"word"`), or an owned value (`String`,
    /// `Item`, `Option<Item>`), leaked here, once, into that form
    /// ([`IntoStatic`]). A value the mock owns cannot be lent instead: the
    /// return value may live as long as the argument it could have borrowed
    /// from, longer than the mock.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Words {
    ///     fn first_word<'a>(&self, text: &'a str) -> &'a str;
    /// }
    ///
    /// let words = MockWords::new();
    /// words.first_word.return_value(format!("{}-{}", "two", "parts"));
    /// assert_eq!(words.first_word("any text"), "two-parts");
    /// assert_eq!(words.first_word("other text"), "two-parts");
    /// ```
    pub fn return_value<V>(&self, value: V)
    where
        V: IntoStatic<S::Output>,
        S::Output: ReturnValue,
    {
        self.set_return_value(value.into_static());
    }

    /// The next call returns `value`, once ([`return_value`](Self::return_value)'s
    /// forms); calls after it fall back to the other configuration.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[derive(Debug, Clone, PartialEq)]
    /// pub struct Item {
    ///     pub id: u32,
    /// }
    ///
    /// #[automock]
    /// trait Picker {
    ///     fn pick<'a>(&self, items: &'a [Item]) -> Option<&'a Item>;
    /// }
    ///
    /// let picker = MockPicker::new();
    /// picker.pick.return_once(Some(Item { id: 3 }));
    /// assert_eq!(picker.pick(&[]), Some(&Item { id: 3 }));
    /// assert_eq!(picker.pick(&[]), None); // back to the default
    /// ```
    pub fn return_once<V>(&self, value: V)
    where
        V: IntoStatic<S::Output>,
        S::Output: Send + 'static,
    {
        self.push_return_once(value.into_static());
    }

    /// Each call returns the next item (Python's iterable `side_effect`),
    /// in [`return_value`](Self::return_value)'s forms: an owned item is
    /// leaked when its call takes it.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Words {
    ///     fn first_word<'a>(&self, text: &'a str) -> &'a str;
    /// }
    ///
    /// let words = MockWords::new();
    /// words.first_word.side_effect_iter(["a", "b"].map(String::from));
    /// assert_eq!(words.first_word("x"), "a");
    /// assert_eq!(words.first_word("x"), "b");
    /// ```
    pub fn side_effect_iter<I>(&self, values: I)
    where
        I: IntoIterator,
        I::Item: IntoStatic<S::Output> + 'static,
        I::IntoIter: Send + 'static,
    {
        self.set_values(values.into_iter().map(IntoStatic::into_static));
    }

    /// Records a call and resolves what answers it.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_lending(&self, record: RecordOf<S>) -> LendingAnswer<S> {
        self.lending_answer(record, Original::Missing)
    }

    /// `__call_lending` for a trait method with a default body, which
    /// answers when nothing is configured.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_lending_or_default(&self, record: RecordOf<S>) -> LendingAnswer<S> {
        self.lending_answer(record, Original::ByDefault)
    }

    /// `__call_lending` for a patched function, whose original answers
    /// after `call_original()`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_lending_or_original(&self, record: RecordOf<S>) -> LendingAnswer<S> {
        self.lending_answer(record, Original::OnRequest)
    }

    /// `__call_lending` for a spy's method, which calls the real value's
    /// method itself when told to (`Real`); `has_default`: the method has
    /// a default body, which answers when the real value does not.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_lending_or_real(
        &self,
        record: RecordOf<S>,
        has_default: bool,
    ) -> LendingAnswer<S> {
        let original = if has_default {
            Original::ByDefault
        } else {
            Original::Real
        };
        let mut out = None;
        let resolved = self
            .inner
            .call::<S::Args>(record, original, &mut Slot::new(&mut out));
        LendingAnswer::of(resolved, out, true)
    }

    #[track_caller]
    fn lending_answer(&self, record: RecordOf<S>, original: Original) -> LendingAnswer<S> {
        let mut out = None;
        let resolved = self
            .inner
            .call::<S::Args>(record, original, &mut Slot::new(&mut out));
        LendingAnswer::of(resolved, out, false)
    }
}

impl<S: Signature> LendingAnswer<S> {
    /// The answer a call resolved to; `out` holds the value when it is
    /// one. `reaches_real`: the caller calls a spy's real value, else its
    /// default body answers for it.
    pub(crate) fn of(resolved: Resolved, out: Option<S::Output>, reaches_real: bool) -> Self {
        match resolved {
            Resolved::Effect(f) => LendingAnswer::Effect(Arc::clone(effect::<S::Fn>(&f))),
            // `side_effect_or_default` is a method of `Method<S, ArityN>`
            // handles only.
            Resolved::StepAside { .. } => {
                unreachable!("invariant: a lending method has no side effect that steps aside")
            }
            Resolved::Real if reaches_real => LendingAnswer::Real,
            Resolved::Original | Resolved::Real => LendingAnswer::Original,
            Resolved::Value => LendingAnswer::Value(taken(out)),
        }
    }
}
