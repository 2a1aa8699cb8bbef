//! Expected calls: what `call!` builds.

use std::fmt;

use crate::matching::matcher::ErasedMatcher;
use crate::state::args::{ArgKinds, ArgView, IntoMatchers};
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

    /// Whether a recorded call (its owned arguments) matches.
    pub(crate) fn matches(&self, record: &K::Record) -> bool {
        K::matches(&self.matchers, record)
    }

    pub(crate) fn render(&self, method: &str) -> String {
        let mut args: Vec<String> = Vec::new();
        K::describe(&self.matchers, &mut |m| args.push(format!("{m:?}")));
        message::render_call(method, &args)
    }
}

impl<K: ArgKinds> fmt::Debug for Call<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("call"))
    }
}

/// An expected call named by its method (and, for a
/// [`Recorder`](crate::Recorder), the name its mock was attached under),
/// built by `call!(.method(a, …))` or `call!(.db.open(a, …))` (Python's
/// `call.method(a)`).
///
/// Values compare with `==` when the recorded argument has the same type,
/// and by their `Debug` text otherwise, so `call!(.sleep(30))` matches a
/// recorded `30u64` and `"x"` a recorded `String`.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Weather {
///     fn temperature(&self, city: &str) -> f64;
///     fn cities(&self) -> Vec<String>;
/// }
///
/// let weather = MockWeather::new();
/// weather.cities();
/// weather.temperature("London");
/// weather.assert_has_calls([call!(.cities()), call!(.temperature("London"))]);
/// assert_eq!(format!("{:?}", call!(.temperature(ANY))), "call.temperature(ANY)");
/// ```
pub struct PathCall {
    path: Vec<&'static str>,
    method: &'static str,
    args: Vec<Box<dyn ErasedMatcher>>,
}

impl PathCall {
    #[doc(hidden)]
    pub fn __new(
        path: &[&'static str],
        method: &'static str,
        args: Vec<Box<dyn ErasedMatcher>>,
    ) -> Self {
        PathCall {
            path: path.to_vec(),
            method,
            args,
        }
    }

    /// The attach-name path before the method (empty for `call!(.m())`).
    pub fn path(&self) -> &[&'static str] {
        &self.path
    }

    /// The method name.
    pub fn method(&self) -> &'static str {
        self.method
    }

    pub(crate) fn matches_parts(&self, path: &[&str], method: &str, args: &[ArgView<'_>]) -> bool {
        self.path == path
            && self.method == method
            && self.args.len() == args.len()
            && self.args.iter().zip(args).all(|(m, a)| m.matches_view(*a))
    }

    pub(crate) fn render(&self) -> String {
        let args: Vec<String> = self.args.iter().map(|m| format!("{m:?}")).collect();
        let mut name = String::new();
        for segment in &self.path {
            name.push_str(segment);
            name.push('.');
        }
        name.push_str(self.method);
        message::render_call(&name, &args)
    }
}

impl fmt::Debug for PathCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "call.{}", self.render())
    }
}
