//! The values a method whose return value borrows from its arguments is
//! configured with (`fn first_word<'a>(&self, text: &'a str) -> &'a str`).
//!
//! Such a return value may live as long as the argument, which may
//! outlive the mock: nothing the mock owns can be lent for that long. So
//! the method is configured with the return type's `'static` form
//! (`&'static str`), or with an owned value (`String`) that is leaked once,
//! when it is configured, into that form. Every call then returns the same
//! leaked borrow: the memory of one configured value is never freed, but a
//! call leaks nothing.

use std::ffi::{CStr, CString, OsStr, OsString};
use std::path::{Path, PathBuf};

/// A value that configures a method whose return value borrows from its
/// arguments: the return type's `'static` form `T` itself, or an owned
/// value leaked once into it (`String` into `&'static str`, `Item` into
/// `&'static Item`, `Option<Item>` into `Option<&'static Item>`,
/// `Vec<T>` into `&'static [T]`, `PathBuf` into `&'static Path`).
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
/// trait Words {
///     fn first_word<'a>(&self, text: &'a str) -> &'a str;
///     fn pick<'a>(&self, items: &'a [Item]) -> Option<&'a Item>;
/// }
///
/// let words = MockWords::new();
/// words.first_word.return_value(String::from("word")); // leaked once, here
/// words.pick.return_value(Some(Item { id: 7 }));
/// assert_eq!(words.first_word("any text"), "word");
/// assert_eq!(words.pick(&[]), Some(&Item { id: 7 }));
///
/// words.first_word.return_value("fixed"); // the `'static` form, as it is
/// assert_eq!(words.first_word("any text"), "fixed");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot configure a method that returns `{T}`",
    label = "neither `{T}` nor an owned form of it",
    note = "this method's return value borrows from its arguments: configure it with the `'static` form (`&'static str`, `Option<&'static Item>`) or with an owned value leaked into it (`String`, `Item`, `Option<Item>`, `Vec<Item>`, `PathBuf`)"
)]
pub trait IntoStatic<T> {
    /// `self`, or `self` leaked into `T`.
    fn into_static(self) -> T;
}

impl<T> IntoStatic<T> for T {
    fn into_static(self) -> T {
        self
    }
}

impl<T: 'static> IntoStatic<&'static T> for T {
    fn into_static(self) -> &'static T {
        Box::leak(Box::new(self))
    }
}

impl<T: 'static> IntoStatic<Option<&'static T>> for Option<T> {
    fn into_static(self) -> Option<&'static T> {
        self.map(IntoStatic::into_static)
    }
}

impl<T: 'static, E> IntoStatic<Result<&'static T, E>> for Result<T, E> {
    fn into_static(self) -> Result<&'static T, E> {
        self.map(IntoStatic::into_static)
    }
}

impl<T: 'static> IntoStatic<Vec<&'static T>> for Vec<T> {
    fn into_static(self) -> Vec<&'static T> {
        self.into_iter().map(IntoStatic::into_static).collect()
    }
}

/// The unsized borrows and their owned forms: `&'static str` from a
/// `String`, and the same inside an `Option`, a `Result` or a `Vec`.
macro_rules! unsized_forms {
    ($($owned:ty => $borrowed:ty, $leak:expr;)*) => {$(
        impl IntoStatic<&'static $borrowed> for $owned {
            fn into_static(self) -> &'static $borrowed {
                let leak: fn($owned) -> &'static $borrowed = $leak;
                leak(self)
            }
        }

        impl IntoStatic<Option<&'static $borrowed>> for Option<$owned> {
            fn into_static(self) -> Option<&'static $borrowed> {
                self.map(IntoStatic::into_static)
            }
        }

        impl<E> IntoStatic<Result<&'static $borrowed, E>> for Result<$owned, E> {
            fn into_static(self) -> Result<&'static $borrowed, E> {
                self.map(IntoStatic::into_static)
            }
        }

        impl IntoStatic<Vec<&'static $borrowed>> for Vec<$owned> {
            fn into_static(self) -> Vec<&'static $borrowed> {
                self.into_iter().map(IntoStatic::into_static).collect()
            }
        }
    )*};
}

unsized_forms! {
    String => str, |s| Box::leak(s.into_boxed_str());
    PathBuf => Path, |p| Box::leak(p.into_boxed_path());
    OsString => OsStr, |s| Box::leak(s.into_boxed_os_str());
    CString => CStr, |s| Box::leak(s.into_boxed_c_str());
}

impl<T: 'static> IntoStatic<&'static [T]> for Vec<T> {
    fn into_static(self) -> &'static [T] {
        Box::leak(self.into_boxed_slice())
    }
}

impl<T: 'static> IntoStatic<Option<&'static [T]>> for Option<Vec<T>> {
    fn into_static(self) -> Option<&'static [T]> {
        self.map(IntoStatic::into_static)
    }
}
