//! The expectations of a method whose return value borrows from its
//! arguments ([`Lends`]): a side effect returns borrows of them, and values
//! take the `'static` form or an owned value leaked into it.

use super::Expectation;
use crate::config::configure::ReturnValue;
use crate::config::into_static::IntoStatic;
use crate::state::signature::{LendingEffect, Lends, Signature};

impl<S: Signature> Expectation<S, Lends> {
    /// Matching calls run `f` with the call's arguments, for a method
    /// whose return value borrows from its arguments ([`Lends`](crate::Lends)):
    /// what `f` returns may borrow from them.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Words {
    ///     fn first_word<'a>(&self, text: &'a str) -> &'a str;
    /// }
    ///
    /// let words = MockWords::new();
    /// words
    ///     .first_word
    ///     .expect(call!(starts_with("hello")))
    ///     .side_effect(|text| &text[..5]);
    /// assert_eq!(words.first_word("hello world"), "hello");
    /// assert_eq!(words.first_word("bye"), ""); // not expected: the default
    /// ```
    pub fn side_effect<C>(self, f: C) -> Self
    where
        S: LendingEffect<C>,
    {
        self.set_side_effect(S::boxed_lending(f))
    }

    /// Matching calls return `value` (once any
    /// [`return_once`](Self::return_once) values are used up): the return
    /// type's `'static` form, or an owned value leaked here, once, into it,
    /// as for [`Method::return_value`](crate::Method::return_value) of such a method.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[automock]
    /// trait Words {
    ///     fn first_word<'a>(&self, text: &'a str) -> &'a str;
    /// }
    ///
    /// let words = MockWords::new();
    /// words
    ///     .first_word
    ///     .expect(call!("secret"))
    ///     .return_value(String::from("redacted"));
    /// words.first_word.expect(call!(ANY)).return_value("plain");
    /// assert_eq!(words.first_word("secret"), "redacted");
    /// assert_eq!(words.first_word("other"), "plain");
    /// ```
    pub fn return_value<V>(self, value: V) -> Self
    where
        V: IntoStatic<S::Output>,
        S::Output: ReturnValue,
    {
        self.set_value(value.into_static())
    }

    /// The next matching call returns `value` ([`return_value`](Self::return_value)'s
    /// forms); several calls queue several values.
    ///
    /// ```
    /// # use mockgen::prelude::*;
    /// #[derive(Debug, Clone, PartialEq)]
    /// pub struct Item {
    ///     pub id: u32,
    /// }
    ///
    /// #[automock]
    /// trait Picker {
    ///     fn pick<'a>(&self, items: &'a [Item], id: u32) -> Option<&'a Item>;
    /// }
    ///
    /// let picker = MockPicker::new();
    /// picker.pick.expect(call!(ANY, 7)).return_once(Some(Item { id: 7 })).times(1);
    /// assert_eq!(picker.pick(&[], 7), Some(&Item { id: 7 }));
    /// picker.verify();
    /// ```
    pub fn return_once<V>(self, value: V) -> Self
    where
        V: IntoStatic<S::Output>,
        S::Output: Send + 'static,
    {
        self.push_once(value.into_static())
    }
}
