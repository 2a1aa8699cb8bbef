//! Named unique values (Python's `sentinel`).

use std::fmt;

/// A unique named value, made by [`sentinel!`](crate::sentinel): the same
/// name gives the same value, different names never compare equal, and it
/// prints as `sentinel.name` (the guide's
/// [`sentinel!`](https://docs.rs/mockgen/latest/mockgen/guide/matchers/index.html#sentinel-unique-named-values)).
///
/// Use one where code under test only passes a value along: an id, a token,
/// a generic or associated type.
///
/// ```
/// use mockgen::{Sentinel, sentinel};
///
/// let token: Sentinel = sentinel!(token);
/// assert_eq!(token, sentinel!(token));
/// assert_ne!(token, sentinel!(other));
/// assert_eq!(format!("{token:?}"), "sentinel.token");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sentinel {
    name: &'static str,
}

impl Sentinel {
    /// The sentinel called `name`; [`sentinel!`](crate::sentinel) is the
    /// usual way to write it.
    ///
    /// ```
    /// assert_eq!(mockgen::Sentinel::named("a"), mockgen::sentinel!(a));
    /// ```
    pub const fn named(name: &'static str) -> Self {
        Sentinel { name }
    }

    /// The sentinel's name.
    ///
    /// ```
    /// assert_eq!(mockgen::sentinel!(user).name(), "user");
    /// ```
    pub const fn name(self) -> &'static str {
        self.name
    }
}

impl fmt::Debug for Sentinel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sentinel.{}", self.name)
    }
}

impl fmt::Display for Sentinel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// `sentinel!(name)`: the [`Sentinel`] called `name`.
///
/// ```
/// let a = mockgen::sentinel!(a);
/// assert_eq!(a, mockgen::sentinel!(a));
/// ```
#[macro_export]
macro_rules! sentinel {
    ($name:ident) => {
        $crate::Sentinel::named(stringify!($name))
    };
}
