//! The matcher protocol: what one position of `call!` is, and how values,
//! `ANY`, built-in matchers and `predicates` become matchers.

use std::any::Any;
use std::borrow::Borrow;
use std::fmt;

use crate::state::arg_matcher::{ArgMatcher, BoxMatcher};
use crate::state::args::{ArgView, DebugText};
use crate::state::mock::MockCore;

/// The type of [`ANY`].
#[derive(Clone, Copy)]
pub struct AnyArg(());

/// Matches any argument (Python's `mock.ANY`); `_` in `call!` means the same.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Log {
///     fn write(&self, level: u8, text: &str);
/// }
///
/// let log = MockLog::new();
/// log.write(3, "started");
/// log.write.assert_called_with(call!(3, ANY));
/// log.write.assert_called_with(call!(_, "started"));
/// ```
pub const ANY: AnyArg = AnyArg(());

impl fmt::Debug for AnyArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ANY")
    }
}

impl<T: ?Sized> ArgMatcher<T> for AnyArg {
    fn matches(&self, _: &T) -> bool {
        true
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ANY")
    }
}

/// A value that `call!` compares with `==` against an argument seen as `T`.
///
/// Implemented for `T` itself, for `&T` (so `"x"` works for `str` and
/// `&item` for `Item`), for `String`/`Vec<U>`/arrays against `str`/`[U]`, and
/// for anything `Debug` against arguments recorded by their `Debug` text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with an argument of type `{T}`",
    label = "not comparable with the argument",
    note = "use a value of the argument's type, `ANY`, or a matcher from `mockgen::matchers`"
)]
pub trait IntoValue<T: ?Sized> {
    /// The matcher comparing with this value.
    fn into_value_matcher(self) -> BoxMatcher<T>;
}

/// Compares an argument with a stored owned value.
struct EqValue<O>(O);

impl<T, O> ArgMatcher<T> for EqValue<O>
where
    T: ?Sized + PartialEq,
    O: Borrow<T> + fmt::Debug + Send + Sync,
{
    fn matches(&self, actual: &T) -> bool {
        self.0.borrow() == actual
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

fn eq_value<T, O>(owned: O) -> BoxMatcher<T>
where
    T: ?Sized + PartialEq + 'static,
    O: Borrow<T> + fmt::Debug + Send + Sync + 'static,
{
    Box::new(EqValue(owned))
}

impl<T> IntoValue<T> for T
where
    T: PartialEq + fmt::Debug + Send + Sync + 'static,
{
    fn into_value_matcher(self) -> BoxMatcher<T> {
        eq_value::<T, T>(self)
    }
}

impl<T> IntoValue<T> for &T
where
    T: ?Sized + PartialEq + ToOwned + 'static,
    T::Owned: fmt::Debug + Send + Sync + 'static,
{
    fn into_value_matcher(self) -> BoxMatcher<T> {
        eq_value::<T, T::Owned>(self.to_owned())
    }
}

impl IntoValue<str> for String {
    fn into_value_matcher(self) -> BoxMatcher<str> {
        eq_value::<str, String>(self)
    }
}

impl IntoValue<str> for &String {
    fn into_value_matcher(self) -> BoxMatcher<str> {
        eq_value::<str, String>(self.clone())
    }
}

/// `"x"` for an argument taken as an owned `String`.
impl IntoValue<String> for &str {
    fn into_value_matcher(self) -> BoxMatcher<String> {
        eq_value::<String, String>(self.to_owned())
    }
}

impl<T> IntoValue<[T]> for Vec<T>
where
    T: PartialEq + fmt::Debug + Send + Sync + 'static,
{
    fn into_value_matcher(self) -> BoxMatcher<[T]> {
        eq_value::<[T], Vec<T>>(self)
    }
}

impl<T, const N: usize> IntoValue<[T]> for [T; N]
where
    T: PartialEq + fmt::Debug + Send + Sync + 'static,
{
    fn into_value_matcher(self) -> BoxMatcher<[T]> {
        eq_value::<[T], Vec<T>>(Vec::from(self))
    }
}

impl<T, const N: usize> IntoValue<[T]> for &[T; N]
where
    T: PartialEq + Clone + fmt::Debug + Send + Sync + 'static,
{
    fn into_value_matcher(self) -> BoxMatcher<[T]> {
        eq_value::<[T], Vec<T>>(self.to_vec())
    }
}

/// A mock compared with an argument of type `Self`: the same mock.
impl<M> IntoValue<MockCore> for &M
where
    M: std::ops::Deref<Target = MockCore>,
{
    fn into_value_matcher(self) -> BoxMatcher<MockCore> {
        eq_value::<MockCore, MockCore>((**self).clone())
    }
}

macro_rules! owned_into_value {
    ($($owned:ty => $borrowed:ty),* $(,)?) => {$(
        impl IntoValue<$borrowed> for $owned {
            fn into_value_matcher(self) -> BoxMatcher<$borrowed> {
                eq_value::<$borrowed, $owned>(self)
            }
        }
    )*};
}

owned_into_value!(
    std::path::PathBuf => std::path::Path,
    std::ffi::OsString => std::ffi::OsStr,
    std::ffi::CString => std::ffi::CStr,
);

impl IntoValue<std::path::Path> for &str {
    fn into_value_matcher(self) -> BoxMatcher<std::path::Path> {
        eq_value::<std::path::Path, std::path::PathBuf>(self.into())
    }
}

/// `["a", "b"]` for a `&[String]` or `Vec<String>` argument.
impl<const N: usize> IntoValue<[String]> for [&str; N] {
    fn into_value_matcher(self) -> BoxMatcher<[String]> {
        eq_value::<[String], Vec<String>>(self.iter().map(|s| (*s).to_owned()).collect())
    }
}

/// `vec!["a", "b"]` for a `&[String]` or `Vec<String>` argument.
impl IntoValue<[String]> for Vec<&str> {
    fn into_value_matcher(self) -> BoxMatcher<[String]> {
        eq_value::<[String], Vec<String>>(self.into_iter().map(str::to_owned).collect())
    }
}

/// Compares the `Debug` text of a value with a recorded [`DebugText`].
struct EqDebugText(String);

impl ArgMatcher<DebugText> for EqDebugText {
    fn matches(&self, actual: &DebugText) -> bool {
        self.0 == actual.as_str()
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<V: fmt::Debug> IntoValue<DebugText> for V {
    fn into_value_matcher(self) -> BoxMatcher<DebugText> {
        Box::new(EqDebugText(format!("{self:?}")))
    }
}

/// A matcher of the method-less `call!(.method(…))` form, which compares
/// recorded arguments without knowing their types.
pub trait ErasedMatcher: Send + Sync {
    /// Whether the recorded argument is accepted.
    fn matches_view(&self, actual: ArgView<'_>) -> bool;
    /// How the matcher appears in failure messages.
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl fmt::Debug for dyn ErasedMatcher + '_ {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.describe(f)
    }
}

impl ErasedMatcher for AnyArg {
    fn matches_view(&self, _: ArgView<'_>) -> bool {
        true
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ANY")
    }
}

/// A value in `call!(.method(…))`: equal when the recorded argument has the
/// same type and compares equal, or else when both print the same `Debug`
/// text (so `42` matches a recorded `42u64` and `"x"` a recorded `String`).
struct ErasedValue<V>(V);

impl<V> ErasedMatcher for ErasedValue<V>
where
    V: PartialEq + fmt::Debug + Send + Sync + 'static,
{
    fn matches_view(&self, actual: ArgView<'_>) -> bool {
        let any: &dyn Any = actual.value;
        if let Some(same) = any.downcast_ref::<V>() {
            return *same == self.0;
        }
        actual.debug.is_some() && format!("{:?}", self.0) == actual.to_debug_string()
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

#[doc(hidden)]
#[allow(missing_debug_implementations, missing_docs)]
pub mod dispatch {
    //! How `call!` turns each position into a matcher: a matcher stays one,
    //! anything else is a value compared with `==`. Method resolution tries
    //! the impl on `&Wrap<_>` before the one on `Wrap<_>`.
    use super::{ArgMatcher, BoxMatcher, ErasedMatcher, ErasedValue, IntoValue};
    use std::cell::Cell;
    use std::fmt;

    pub struct Wrap<T>(Cell<Option<T>>);

    impl<T> Wrap<T> {
        pub fn new(value: T) -> Self {
            Wrap(Cell::new(Some(value)))
        }
        fn take(&self) -> T {
            self.0
                .take()
                .expect("invariant: `call!` converts each position exactly once")
        }
    }

    pub trait ViaMatcher<T: ?Sized> {
        fn __mockgen_matcher(&self) -> BoxMatcher<T>;
    }
    impl<T: ?Sized, M: ArgMatcher<T> + 'static> ViaMatcher<T> for &Wrap<M> {
        fn __mockgen_matcher(&self) -> BoxMatcher<T> {
            Box::new(self.take())
        }
    }

    pub trait ViaValue<T: ?Sized> {
        fn __mockgen_matcher(&self) -> BoxMatcher<T>;
    }
    impl<T: ?Sized, V: IntoValue<T>> ViaValue<T> for Wrap<V> {
        fn __mockgen_matcher(&self) -> BoxMatcher<T> {
            self.take().into_value_matcher()
        }
    }

    pub trait ViaErasedMatcher {
        fn __mockgen_erased(&self) -> Box<dyn ErasedMatcher>;
    }
    impl<M: ErasedMatcher + 'static> ViaErasedMatcher for &Wrap<M> {
        fn __mockgen_erased(&self) -> Box<dyn ErasedMatcher> {
            Box::new(self.take())
        }
    }

    pub trait ViaErasedValue {
        fn __mockgen_erased(&self) -> Box<dyn ErasedMatcher>;
    }
    impl<V: PartialEq + fmt::Debug + Send + Sync + 'static> ViaErasedValue for Wrap<V> {
        fn __mockgen_erased(&self) -> Box<dyn ErasedMatcher> {
            Box::new(ErasedValue(self.take()))
        }
    }
}
