//! How many calls an expectation accepts: `times(2)`, `times(1..=3)`,
//! `times(2..)`, `times(..3)`, `never()`.

use std::fmt;
use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

use crate::state::message::times;

/// The number of calls an [`Expectation`](crate::Expectation) accepts, built
/// by [`times`](crate::Expectation::times) from a `usize` or a range of
/// `usize`.
///
/// Without `times`, an expectation accepts any number of calls, none
/// included ([`Times::ANY`]).
///
/// ```
/// use mockgen::Times;
///
/// assert_eq!(Times::from(2), Times::exactly(2));
/// assert_eq!(Times::from(1..=3), Times::between(1, 3));
/// assert_eq!(Times::from(1..4), Times::between(1, 3));
/// assert_eq!(Times::from(2..), Times::at_least(2));
/// assert_eq!(Times::from(..3), Times::at_most(2));
/// assert_eq!(Times::from(..), Times::ANY);
/// assert_eq!(Times::between(1, 3).to_string(), "between 1 and 3 times");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Times {
    min: usize,
    /// Inclusive; `None` is unbounded.
    max: Option<usize>,
}

impl Times {
    /// Any number of calls, none included: an expectation without `times`.
    pub const ANY: Times = Times { min: 0, max: None };

    /// Exactly `n` calls.
    #[must_use]
    pub const fn exactly(n: usize) -> Self {
        Times {
            min: n,
            max: Some(n),
        }
    }

    /// `n` calls or more.
    #[must_use]
    pub const fn at_least(n: usize) -> Self {
        Times { min: n, max: None }
    }

    /// At most `n` calls, none included.
    #[must_use]
    pub const fn at_most(n: usize) -> Self {
        Times {
            min: 0,
            max: Some(n),
        }
    }

    /// From `min` to `max` calls, both included.
    #[must_use]
    pub const fn between(min: usize, max: usize) -> Self {
        Times {
            min,
            max: Some(max),
        }
    }

    /// The fewest calls accepted.
    #[must_use]
    pub const fn min(&self) -> usize {
        self.min
    }

    /// The most calls accepted (inclusive), or `None` when unbounded.
    #[must_use]
    pub const fn max(&self) -> Option<usize> {
        self.max
    }

    /// Whether `calls` calls are accepted.
    #[must_use]
    pub fn contains(&self, calls: usize) -> bool {
        calls >= self.min && self.max.is_none_or(|max| calls <= max)
    }

    /// Whether no number of calls is accepted (`times(3..3)`).
    pub(crate) fn is_empty(&self) -> bool {
        self.max.is_some_and(|max| max < self.min)
    }

    /// Whether one more call is accepted after `calls`.
    pub(crate) fn allows_another(&self, calls: usize) -> bool {
        self.max.is_none_or(|max| calls < max)
    }
}

impl Default for Times {
    fn default() -> Self {
        Times::ANY
    }
}

/// `once`, `never`, `3 times`, `at least 2 times`, `at most 1 time`,
/// `between 1 and 3 times`, `any number of times`.
impl fmt::Display for Times {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (0, Some(0)) => f.write_str("never"),
            (1, Some(1)) => f.write_str("once"),
            (min, Some(max)) if min == max => f.write_str(&times(min)),
            (0, None) => f.write_str("any number of times"),
            (min, None) => write!(f, "at least {}", times(min)),
            (0, Some(max)) => write!(f, "at most {}", times(max)),
            (min, Some(max)) => write!(f, "between {min} and {max} times"),
        }
    }
}

impl From<usize> for Times {
    fn from(n: usize) -> Self {
        Times::exactly(n)
    }
}

impl From<Range<usize>> for Times {
    /// `1..4` is 1 to 3 calls; an empty range such as `2..2` is rejected by
    /// `times`.
    fn from(range: Range<usize>) -> Self {
        match range.end.checked_sub(1) {
            Some(max) => Times::between(range.start, max),
            // `..0`: nothing fits; an empty range.
            None => Times {
                min: 1,
                max: Some(0),
            },
        }
    }
}

impl From<RangeInclusive<usize>> for Times {
    fn from(range: RangeInclusive<usize>) -> Self {
        Times::between(*range.start(), *range.end())
    }
}

impl From<RangeFrom<usize>> for Times {
    fn from(range: RangeFrom<usize>) -> Self {
        Times::at_least(range.start)
    }
}

impl From<RangeTo<usize>> for Times {
    fn from(range: RangeTo<usize>) -> Self {
        Times::from(0..range.end)
    }
}

impl From<RangeToInclusive<usize>> for Times {
    fn from(range: RangeToInclusive<usize>) -> Self {
        Times::at_most(range.end)
    }
}

impl From<RangeFull> for Times {
    fn from(_: RangeFull) -> Self {
        Times::ANY
    }
}

#[cfg(test)]
mod tests {
    use super::Times;

    #[test]
    fn ranges_convert_to_inclusive_bounds() {
        assert_eq!(Times::from(3), Times::exactly(3));
        assert_eq!(Times::from(0..1), Times::exactly(0));
        assert_eq!(Times::from(..=2), Times::at_most(2));
        assert!(Times::from(2..2).is_empty());
        assert!(Times::from(..0).is_empty());
        assert!(!Times::from(0..=0).is_empty());
    }

    #[test]
    fn bounds() {
        let t = Times::between(1, 3);
        assert!(!t.contains(0) && t.contains(1) && t.contains(3) && !t.contains(4));
        assert!(t.allows_another(2) && !t.allows_another(3));
        assert!(Times::ANY.allows_another(usize::MAX - 1));
    }

    #[test]
    fn display() {
        let shown: Vec<String> = [
            Times::exactly(0),
            Times::exactly(1),
            Times::exactly(2),
            Times::ANY,
            Times::at_least(1),
            Times::at_most(1),
            Times::between(2, 4),
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            shown,
            [
                "never",
                "once",
                "2 times",
                "any number of times",
                "at least 1 time",
                "at most 1 time",
                "between 2 and 4 times",
            ]
        );
    }
}
