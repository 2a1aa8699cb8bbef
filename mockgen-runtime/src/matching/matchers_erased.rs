//! The built-in matchers in the method-less `call!(.method(…))` form,
//! which sees recorded arguments without their types: numbers compare by
//! value whatever their integer or float type, strings by their text, and
//! `Option`/`Result` variants by their `Debug` shape.

use std::any::Any;
use std::fmt;

use crate::matching::matcher::ErasedMatcher;
use crate::matching::matchers::{
    Contains, EndsWith, Eq, Ge, Gt, IsErr, IsNone, IsOk, IsSome, Le, Lt, Ne, StartsWith,
};
use crate::state::args::{ArgView, DebugText};

/// A primitive number, compared as `f64` with any recorded number.
pub trait Number: Copy {
    /// The value as `f64`.
    fn as_f64(self) -> f64;
}

macro_rules! numbers {
    ($($ty:ty),*) => {
        $(impl Number for $ty {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn as_f64(self) -> f64 {
                self as f64
            }
        })*

        /// The recorded argument as a number, if it is one.
        fn number(actual: ArgView<'_>) -> Option<f64> {
            let any: &dyn Any = actual.value;
            $(if let Some(n) = any.downcast_ref::<$ty>() {
                return Some(n.as_f64());
            })*
            None
        }
    };
}

numbers!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);

/// The recorded argument as text: a `String`, or recorded `Debug` text.
fn text<'a>(actual: &ArgView<'a>) -> Option<&'a str> {
    let any: &'a dyn Any = actual.value;
    any.downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| any.downcast_ref::<DebugText>().map(DebugText::as_str))
}

macro_rules! erased_ordering {
    ($($ty:ident $op:tt $name:literal),*) => {$(
        impl<V: Number + fmt::Debug + Send + Sync> ErasedMatcher for $ty<V> {
            fn matches_view(&self, actual: ArgView<'_>) -> bool {
                number(actual).is_some_and(|n| n $op self.0.as_f64())
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($name, "({:?})"), self.0)
            }
        }
    )*};
}

erased_ordering!(Gt > "gt", Ge >= "ge", Lt < "lt", Le <= "le");

/// Equal by type and value, or else by `Debug` text (as a plain value in
/// `call!(.method(…))`).
fn same<V: PartialEq + fmt::Debug + 'static>(expected: &V, actual: ArgView<'_>) -> bool {
    let any: &dyn Any = actual.value;
    any.downcast_ref::<V>() == Some(expected)
        || (actual.debug.is_some() && format!("{expected:?}") == actual.to_debug_string())
}

impl<V: PartialEq + fmt::Debug + Send + Sync + 'static> ErasedMatcher for Eq<V> {
    fn matches_view(&self, actual: ArgView<'_>) -> bool {
        same(&self.0, actual)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "eq({:?})", self.0)
    }
}

impl<V: PartialEq + fmt::Debug + Send + Sync + 'static> ErasedMatcher for Ne<V> {
    fn matches_view(&self, actual: ArgView<'_>) -> bool {
        !same(&self.0, actual)
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ne({:?})", self.0)
    }
}

macro_rules! erased_text {
    ($($ty:ident $method:ident $name:literal),*) => {$(
        impl<V: AsRef<str> + fmt::Debug + Send + Sync> ErasedMatcher for $ty<V> {
            fn matches_view(&self, actual: ArgView<'_>) -> bool {
                text(&actual).is_some_and(|s| s.$method(self.0.as_ref()))
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($name, "({:?})"), self.0)
            }
        }
    )*};
}

erased_text!(StartsWith starts_with "starts_with", EndsWith ends_with "ends_with", Contains contains "contains");

macro_rules! erased_variant {
    ($($ty:ident $name:literal, |$text:ident| $check:expr),*) => {$(
        impl ErasedMatcher for $ty {
            fn matches_view(&self, actual: ArgView<'_>) -> bool {
                let $text = actual.to_debug_string();
                $check
            }
            fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!($name, "()"))
            }
        }
    )*};
}

erased_variant!(
    IsSome "is_some", |t| t.starts_with("Some("),
    IsNone "is_none", |t| t == "None",
    IsOk "is_ok", |t| t.starts_with("Ok("),
    IsErr "is_err", |t| t.starts_with("Err(")
);
