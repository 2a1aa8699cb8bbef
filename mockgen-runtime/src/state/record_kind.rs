//! How a handle typed by its structure ([`Shape`]) records a call: each
//! argument kind knows its record (the owned form of the argument's
//! borrowed form), so that the generated method hands its arguments over
//! borrowed (`handle.__record((&key, &value))`) instead of writing out
//! each argument's recording.
//!
//! ```
//! use mockgen::prelude::*;
//!
//! #[automock]
//! trait Files {
//!     // `key` is recorded as a `String`, `data` as a `Vec<u8>`.
//!     fn put(&self, key: &str, data: Vec<u8>) -> bool;
//! }
//!
//! let files = MockFiles::new();
//! files.put.return_value(true);
//! assert!(files.put("a", vec![1, 2]));
//! assert_eq!(files.put.call_count(), 1);
//! ```

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use crate::state::args::ArgKind;
use crate::state::shape::{ArgShape, KindOf, Mut, Own, Ref, Shape};

/// How an argument of a kind is recorded: the owned form of its borrowed
/// form (`String` as `str`'s owned form, `&Vec<u8>` as `[u8]`'s).
pub trait RecordKind: ArgShape<Recorded: ArgKind> {
    /// The record of `arg`.
    fn record(arg: &KindOf<'_, '_, Self>) -> KindRecord<Self>;
}

/// A value seen as its borrowed form `R`, as the macro records it
/// (`String` as `str`, `Vec<T>` as `[T]`, `PathBuf` as `Path`, `OsString`
/// as `OsStr`, anything else as itself). Like `Borrow`, with every impl
/// inlined in the dev profile too: it is on the path of every call.
pub trait BorrowAs<R: ?Sized> {
    /// `self`, borrowed as an `R`.
    fn borrow_as(&self) -> &R;
}

impl<T: ?Sized> BorrowAs<T> for T {
    #[inline(always)]
    fn borrow_as(&self) -> &T {
        self
    }
}

macro_rules! borrow_as {
    ($($owned:ty => $borrowed:ty),*) => {$(
        impl BorrowAs<$borrowed> for $owned {
            #[inline(always)]
            fn borrow_as(&self) -> &$borrowed {
                self
            }
        }
    )*};
}

borrow_as!(String => str, PathBuf => Path, OsString => OsStr);

impl<T> BorrowAs<[T]> for Vec<T> {
    #[inline(always)]
    fn borrow_as(&self) -> &[T] {
        self
    }
}

/// The record of an argument of kind `K`.
pub type KindRecord<K> = <<K as ArgShape>::Recorded as ArgKind>::Record;

/// `RecordKind` for a kind whose argument `arg` (a `&KindOf`) is `$arg`
/// as a `&T`.
macro_rules! record_kind {
    ($($kind:ident($($unsized:ident)?) |$arg:ident| $borrowed:expr;)*) => {$(
        impl<T, R> RecordKind for $kind<T, R>
        where
            T: $(?$unsized +)? BorrowAs<R> + 'static,
            R: ?Sized + ToOwned + 'static,
            R::Owned: Clone + Send + Sync + 'static,
        {
            #[inline(always)]
            fn record($arg: &KindOf<'_, '_, Self>) -> R::Owned {
                T::borrow_as($borrowed).to_owned()
            }
        }
    )*};
}

record_kind! {
    Ref(Sized) |arg| *arg;
    Mut(Sized) |arg| &**arg;
    Own() |arg| arg;
}

macro_rules! record_shape {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        #[allow(non_camel_case_types)]
        impl<$($param: RecordKind,)* O: 'static> crate::Method<Shape<($($param,)*), O>> {
            /// The record of a call with these arguments: what the typed
            /// entry points (`__call_with` and its kin) take first.
            #[doc(hidden)]
            #[inline(always)]
            #[allow(clippy::unused_unit)]
            pub fn __record(&self, args: ($(&KindOf<'_, '_, $param>,)*)) -> ($(KindRecord<$param>,)*) {
                let ($($param,)*) = args;
                ($($param::record($param),)*)
            }
        }
    };
}

crate::state::signature::for_each_arity!(record_shape);
