//! Matchers for `call!` positions (Python's `ANY` and `__eq__`-based
//! helpers, typed). Each sees the argument in its borrowed form: `str` for
//! `&str` and `String` arguments, `[T]` for slices, the type itself
//! otherwise. Any [`predicates::Predicate`] works in the same places.
//!
//! ```
//! use mockgen::prelude::*;
//!
//! #[automock]
//! trait Store {
//!     fn put(&self, key: &str, size: u64, tag: Option<u8>);
//! }
//!
//! let store = MockStore::new();
//! store.put("user:42", 512, Some(3));
//! store.put.assert_called_with(call!(starts_with("user:"), gt(100), is_some()));
//! store.put.assert_called_with(call!(contains(":4"), le(512), pattern!(Some(1..=3))));
//! store.put.assert_called_with(call!(ANY, matching(|n: &u64| n % 2 == 0), ne(None)));
//! ```

use std::fmt;

use crate::matching::matcher::IntoValue;
use crate::state::arg_matcher::ArgMatcher;

macro_rules! describe_as {
    ($f:ident, $name:literal, $value:expr) => {
        write!($f, concat!($name, "({:?})"), $value)
    };
}

/// Equal to `value` (what a plain value in `call!` means already: `"x"`
/// for a `&str` or `String` argument, a `Vec` or array for a slice).
///
/// ```
/// # use mockgen::{ArgMatcher, matchers::eq};
/// assert!(eq(3).matches(&3));
/// assert!(eq("x").matches("x"));
/// ```
pub fn eq<V>(value: V) -> Eq<V> {
    Eq(value)
}

/// See [`eq`].
#[derive(Debug, Clone)]
pub struct Eq<V>(pub(crate) V);

impl<T, V> ArgMatcher<T> for Eq<V>
where
    T: ?Sized,
    V: IntoValue<T> + Clone + fmt::Debug + Send + Sync,
{
    fn matches(&self, actual: &T) -> bool {
        self.0.clone().into_value_matcher().matches(actual)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_as!(f, "eq", self.0)
    }
}

/// Not equal to `value` (compared as by [`eq`]).
///
/// ```
/// # use mockgen::{ArgMatcher, matchers::ne};
/// assert!(ne(3).matches(&4));
/// assert!(ne("x").matches("y"));
/// ```
pub fn ne<V>(value: V) -> Ne<V> {
    Ne(value)
}

/// See [`ne`].
#[derive(Debug, Clone)]
pub struct Ne<V>(pub(crate) V);

impl<T, V> ArgMatcher<T> for Ne<V>
where
    T: ?Sized,
    V: IntoValue<T> + Clone + fmt::Debug + Send + Sync,
{
    fn matches(&self, actual: &T) -> bool {
        !self.0.clone().into_value_matcher().matches(actual)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_as!(f, "ne", self.0)
    }
}

macro_rules! ordering {
    ($(#[$doc:meta])* $fn:ident $ty:ident $name:literal, $op:tt) => {
        $(#[$doc])*
        pub fn $fn<V>(bound: V) -> $ty<V> {
            $ty(bound)
        }

        #[doc = concat!("See [`", stringify!($fn), "`].")]
        #[derive(Debug, Clone)]
        pub struct $ty<V>(pub(crate) V);

        impl<T: ?Sized + PartialOrd<V>, V: fmt::Debug + Send + Sync> ArgMatcher<T> for $ty<V> {
            fn matches(&self, actual: &T) -> bool {
                *actual $op self.0
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                describe_as!(f, $name, self.0)
            }
        }
    };
}

ordering!(
    /// Greater than `bound`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::gt};
    /// assert!(gt(3).matches(&4));
    /// ```
    gt Gt "gt", >
);
ordering!(
    /// Greater than or equal to `bound`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::ge};
    /// assert!(ge(3).matches(&3));
    /// ```
    ge Ge "ge", >=
);
ordering!(
    /// Less than `bound`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::lt};
    /// assert!(lt(3).matches(&2));
    /// ```
    lt Lt "lt", <
);
ordering!(
    /// Less than or equal to `bound`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::le};
    /// assert!(le(3).matches(&3));
    /// ```
    le Le "le", <=
);

/// Contains `part`: a substring of a string argument, or an element of a
/// slice or `Vec` argument.
///
/// ```
/// # use mockgen::{ArgMatcher, matchers::contains};
/// assert!(contains("ell").matches("hello"));
/// assert!(contains(2).matches(&[1, 2, 3][..]));
/// ```
pub fn contains<V>(part: V) -> Contains<V> {
    Contains(part)
}

/// See [`contains`].
#[derive(Debug, Clone)]
pub struct Contains<V>(pub(crate) V);

impl<V: AsRef<str> + fmt::Debug + Send + Sync> ArgMatcher<str> for Contains<V> {
    fn matches(&self, actual: &str) -> bool {
        actual.contains(self.0.as_ref())
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_as!(f, "contains", self.0)
    }
}

impl<V: AsRef<str> + fmt::Debug + Send + Sync> ArgMatcher<String> for Contains<V> {
    fn matches(&self, actual: &String) -> bool {
        actual.contains(self.0.as_ref())
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_as!(f, "contains", self.0)
    }
}

impl<T: PartialEq<V>, V: fmt::Debug + Send + Sync> ArgMatcher<[T]> for Contains<V> {
    fn matches(&self, actual: &[T]) -> bool {
        actual.iter().any(|item| *item == self.0)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_as!(f, "contains", self.0)
    }
}

impl<T: PartialEq<V>, V: fmt::Debug + Send + Sync> ArgMatcher<Vec<T>> for Contains<V> {
    fn matches(&self, actual: &Vec<T>) -> bool {
        actual.iter().any(|item| *item == self.0)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_as!(f, "contains", self.0)
    }
}

macro_rules! affix {
    ($(#[$doc:meta])* $fn:ident $ty:ident $name:literal, $method:ident) => {
        $(#[$doc])*
        pub fn $fn<V: AsRef<str>>(affix: V) -> $ty<V> {
            $ty(affix)
        }

        #[doc = concat!("See [`", stringify!($fn), "`].")]
        #[derive(Debug, Clone)]
        pub struct $ty<V>(pub(crate) V);

        impl<V: AsRef<str> + fmt::Debug + Send + Sync> ArgMatcher<str> for $ty<V> {
            fn matches(&self, actual: &str) -> bool {
                actual.$method(self.0.as_ref())
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                describe_as!(f, $name, self.0)
            }
        }

        impl<V: AsRef<str> + fmt::Debug + Send + Sync> ArgMatcher<String> for $ty<V> {
            fn matches(&self, actual: &String) -> bool {
                actual.$method(self.0.as_ref())
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                describe_as!(f, $name, self.0)
            }
        }
    };
}

affix!(
    /// A string argument that starts with `prefix`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::starts_with};
    /// assert!(starts_with("he").matches("hello"));
    /// ```
    starts_with StartsWith "starts_with", starts_with
);
affix!(
    /// A string argument that ends with `suffix`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::ends_with};
    /// assert!(ends_with("lo").matches("hello"));
    /// ```
    ends_with EndsWith "ends_with", ends_with
);

macro_rules! variant {
    ($(#[$doc:meta])* $fn:ident $ty:ident $name:literal, $target:ident<$($p:ident),*>, $check:ident) => {
        $(#[$doc])*
        pub fn $fn() -> $ty {
            $ty(())
        }

        #[doc = concat!("See [`", stringify!($fn), "`].")]
        #[derive(Debug, Clone, Copy)]
        pub struct $ty(());

        impl<$($p),*> ArgMatcher<$target<$($p),*>> for $ty {
            fn matches(&self, actual: &$target<$($p),*>) -> bool {
                actual.$check()
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!($name, "()"))
            }
        }
    };
}

variant!(
    /// An `Option` argument that is `Some`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::is_some};
    /// assert!(is_some().matches(&Some(1)));
    /// ```
    is_some IsSome "is_some", Option<T>, is_some
);
variant!(
    /// An `Option` argument that is `None`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::is_none};
    /// assert!(is_none().matches(&None::<u8>));
    /// ```
    is_none IsNone "is_none", Option<T>, is_none
);
variant!(
    /// A `Result` argument that is `Ok`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::is_ok};
    /// assert!(is_ok().matches(&Ok::<u8, ()>(1)));
    /// ```
    is_ok IsOk "is_ok", Result<T, E>, is_ok
);
variant!(
    /// A `Result` argument that is `Err`.
    ///
    /// ```
    /// # use mockgen::{ArgMatcher, matchers::is_err};
    /// assert!(is_err().matches(&Err::<u8, ()>(())));
    /// ```
    is_err IsErr "is_err", Result<T, E>, is_err
);

/// An argument for which `predicate` returns `true`. Annotate the closure's
/// parameter with the borrowed form of the argument: `|s: &str|`,
/// `|v: &[u8]|`, `|n: &u64|`.
///
/// ```
/// # use mockgen::{ArgMatcher, matchers::matching};
/// assert!(matching(|n: &u64| n % 2 == 0).matches(&4));
/// ```
pub fn matching<F>(predicate: F) -> Matching<F> {
    Matching {
        predicate,
        text: "matching(…)",
    }
}

/// See [`matching`] and [`pattern!`](crate::matching::matchers::pattern).
pub struct Matching<F> {
    predicate: F,
    text: &'static str,
}

impl<F> fmt::Debug for Matching<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

impl<F> Matching<F> {
    #[doc(hidden)]
    // The bound gives the closure that `pattern!` builds its signature
    // (`&T`), which an unannotated closure cannot infer by itself.
    pub fn __pattern<T: ?Sized>(text: &'static str, predicate: F) -> Self
    where
        F: Fn(&T) -> bool,
    {
        Matching { predicate, text }
    }
}

impl<T: ?Sized, F: Fn(&T) -> bool + Send + Sync> ArgMatcher<T> for Matching<F> {
    fn matches(&self, actual: &T) -> bool {
        (self.predicate)(actual)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

/// An argument that matches a pattern: `pattern!(Some(3..))`,
/// `pattern!(Event::Click { .. })`, `pattern!(n if n % 2 == 0)`.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Queue {
///     fn push(&self, job: Option<u32>);
/// }
///
/// let queue = MockQueue::new();
/// queue.push(Some(7));
/// queue.push.assert_called_with(call!(pattern!(Some(5..))));
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! __pattern {
    ($($pattern:tt)+) => {
        $crate::matchers::Matching::__pattern(
            concat!("pattern!(", stringify!($($pattern)+), ")"),
            |actual| {
                // `pattern!(None)` is what the user asked for, not a
                // roundabout `is_none()`.
                #[allow(clippy::redundant_pattern_matching)]
                let matched = matches!(actual, $($pattern)+);
                matched
            },
        )
    };
}

#[doc(inline)]
pub use crate::__pattern as pattern;
