//! Expected calls: what `call!` builds.

use std::fmt;

use crate::state::args::{ArgKinds, FromMatchers, IntoMatchers};
use crate::state::message;

/// An expected call of one method, built by `call!(a, b, …)` (Python's
/// `call(a, b)`): one value or matcher per argument.
///
/// Its type depends only on the method, whatever the matchers, so calls with
/// different matchers fit in one array:
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Weather {
///     fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
/// }
///
/// let weather = MockWeather::new();
/// weather.forecast("Oslo", 3);
/// weather.forecast("Paris", 2);
/// weather
///     .forecast
///     .assert_has_calls([call!("Oslo", ANY), call!(_, 2)]);
/// ```
pub struct Call<K: ArgKinds> {
    matchers: K::Matchers,
}

impl<K: ArgKinds> Call<K> {
    #[doc(hidden)]
    pub fn __new<M: IntoMatchers<K>>(matchers: M) -> Self {
        Call {
            matchers: matchers.into_matchers(),
        }
    }

    /// The call of a method named by `call!(.method(…))`, whose argument
    /// kinds `K` are known once the mock is.
    #[doc(hidden)]
    pub fn __of_method<T>(matchers: T) -> Self
    where
        K: FromMatchers<T>,
    {
        Call {
            matchers: K::from_matchers(matchers),
        }
    }

    /// Whether a recorded call (its owned arguments) matches.
    pub(crate) fn matches(&self, record: &K::Record) -> bool {
        K::matches(&self.matchers, record)
    }

    pub(crate) fn render(&self, method: &str) -> String {
        message::render_call(method, &self.described())
    }

    /// How each matcher appears in messages.
    pub(crate) fn described(&self) -> Vec<String> {
        let mut args: Vec<String> = Vec::new();
        K::describe(&self.matchers, &mut |m| args.push(format!("{m:?}")));
        args
    }
}

impl<K: ArgKinds> fmt::Debug for Call<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("call"))
    }
}
