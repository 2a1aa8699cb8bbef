//! The matcher protocol at its core: what tests one argument. It sits
//! beside the recorded arguments because a method's argument kinds name
//! their matchers; the matchers themselves live in `matching`.

use std::fmt;

/// A test for one argument, as used in `call!` and expectations.
///
/// `T` is the argument in its borrowed form: `str` for `&str` and `String`
/// arguments, `[U]` for slices, the type itself otherwise. Implement it to
/// write your own matcher; every [`predicates::Predicate`] is one already.
///
/// ```
/// use mockgen::ArgMatcher;
/// use std::fmt;
///
/// struct Even;
/// impl ArgMatcher<u32> for Even {
///     fn matches(&self, actual: &u32) -> bool {
///         actual % 2 == 0
///     }
///     fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("even")
///     }
/// }
/// assert!(Even.matches(&4));
/// ```
pub trait ArgMatcher<T: ?Sized>: Send + Sync {
    /// Whether `actual` is accepted.
    fn matches(&self, actual: &T) -> bool;
    /// How the matcher appears in failure messages.
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// A boxed matcher of one argument.
pub type BoxMatcher<T> = Box<dyn ArgMatcher<T>>;

impl<T: ?Sized> fmt::Debug for dyn ArgMatcher<T> + '_ {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.describe(f)
    }
}

impl<T: ?Sized, P> ArgMatcher<T> for P
where
    P: predicates::Predicate<T> + Send + Sync,
{
    fn matches(&self, actual: &T) -> bool {
        self.eval(actual)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
