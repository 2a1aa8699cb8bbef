//! How each argument of a mocked method is recorded and what matchers see.
//!
//! The macro picks one *kind* per argument from its written type:
//! [`Val<T>`] records an owned copy (`&str` → `String`, `&[T]` → `Vec<T>`,
//! `&T` and `T` → `T`), [`Debugged`] records the `Debug` text of values that
//! cannot be owned, and [`Opaque`] records a placeholder.

use std::any::Any;
use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

use crate::state::arg_matcher::BoxMatcher;

/// How one argument is recorded: the owned record and the borrowed form that
/// matchers see.
pub trait ArgKind: 'static {
    /// What the call history keeps.
    type Record: Clone + Send + Sync + 'static;
    /// What matchers compare against (`str` for a recorded `String`).
    type Target: ?Sized;
    /// Borrows the matcher's view of a record.
    fn target(record: &Self::Record) -> &Self::Target;
}

/// Argument recorded as an owned value through [`ToOwned`].
pub struct Val<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> fmt::Debug for Val<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Val<{}>", std::any::type_name::<T>())
    }
}

/// What an argument recorded by value needs: an owned form.
#[diagnostic::on_unimplemented(
    message = "arguments of type `{Self}` are recorded by value, so `{Self}` must be `Clone`",
    label = "recorded by value",
    note = "or mark the argument `#[mockgen(debug)]` to record its `Debug` text, or `#[mockgen(opaque)]` to record a placeholder"
)]
pub trait Recordable: ToOwned {}

impl<T: ?Sized + ToOwned> Recordable for T {}

/// Records an argument by value.
#[doc(hidden)]
pub fn __record<T: ?Sized + Recordable>(value: &T) -> T::Owned {
    value.to_owned()
}

impl<T> ArgKind for Val<T>
where
    T: ?Sized + Recordable + 'static,
    T::Owned: Clone + Send + Sync + 'static,
{
    type Record = T::Owned;
    type Target = T;
    fn target(record: &Self::Record) -> &T {
        record.borrow()
    }
}

/// `Option<&T>` argument recorded as `Option<T::Owned>` (`Option<&str>` as
/// `Option<String>`).
pub struct OptVal<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> fmt::Debug for OptVal<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OptVal<{}>", std::any::type_name::<T>())
    }
}

impl<T> ArgKind for OptVal<T>
where
    T: ?Sized + ToOwned + 'static,
    T::Owned: Clone + Send + Sync + 'static,
{
    type Record = Option<T::Owned>;
    type Target = Option<T::Owned>;
    fn target(record: &Self::Record) -> &Self::Target {
        record
    }
}

/// Argument recorded by its `Debug` text, because it cannot be owned.
#[derive(Debug)]
pub enum Debugged {}

impl ArgKind for Debugged {
    type Record = DebugText;
    type Target = DebugText;
    fn target(record: &DebugText) -> &DebugText {
        record
    }
}

/// Argument of type `Self` (a mock of the same trait), recorded as the
/// mock it is: compared by identity, printed by name.
#[derive(Debug)]
pub enum SameMock {}

/// Argument recorded as a placeholder: it has no owned form and no `Debug`.
#[derive(Debug)]
pub enum Opaque {}

impl ArgKind for Opaque {
    type Record = OpaqueArg;
    type Target = OpaqueArg;
    fn target(record: &OpaqueArg) -> &OpaqueArg {
        record
    }
}

/// The recorded `Debug` text of an argument that could not be owned.
///
/// It matches [`ANY`](crate::ANY), and a value whose `Debug` text is the
/// same:
///
/// ```
/// let text = mockgen::DebugText::of(&vec![1, 2]);
/// assert_eq!(text.as_str(), "[1, 2]");
/// assert_eq!(format!("{text:?}"), "[1, 2]");
/// ```
#[derive(Clone)]
pub struct DebugText(String);

impl DebugText {
    /// Records the `Debug` text of `value`.
    pub fn of<T: fmt::Debug + ?Sized>(value: &T) -> Self {
        DebugText(format!("{value:?}"))
    }

    /// The `Debug` text when there is one, else `<type>`.
    #[doc(hidden)]
    pub fn __described(debug: Option<&dyn fmt::Debug>, ty: &'static str) -> Self {
        match debug {
            Some(debug) => DebugText(format!("{debug:?}")),
            None => DebugText(format!("<{ty}>")),
        }
    }

    /// The recorded text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DebugText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The placeholder recorded for an argument that has neither an owned form
/// nor `Debug`; it prints as `<type>` and matches only
/// [`ANY`](crate::ANY).
///
/// ```
/// let arg = mockgen::OpaqueArg::new("impl Fn(u32) -> bool");
/// assert_eq!(format!("{arg:?}"), "<impl Fn(u32) -> bool>");
/// ```
#[derive(Clone, Copy)]
pub struct OpaqueArg(&'static str);

impl OpaqueArg {
    /// A placeholder for an argument of the type written as `ty`.
    pub fn new(ty: &'static str) -> Self {
        OpaqueArg(ty)
    }
}

impl fmt::Debug for OpaqueArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}>", self.0)
    }
}

/// A recorded argument seen without its type: for messages and for matching
/// the method-less `call!(.method(…))` form.
#[derive(Clone, Copy)]
pub struct ArgView<'a> {
    pub(crate) value: &'a (dyn Any + Send + Sync),
    pub(crate) debug: Option<&'a dyn fmt::Debug>,
    pub(crate) type_name: &'static str,
}

impl<'a> ArgView<'a> {
    #[doc(hidden)]
    pub fn __new<T: Any + Send + Sync>(value: &'a T, debug: Option<&'a dyn fmt::Debug>) -> Self {
        ArgView {
            value,
            debug,
            type_name: std::any::type_name::<T>(),
        }
    }

    /// The `Debug` text of the argument, or `<type>` when it has none.
    pub fn to_debug_string(&self) -> String {
        format!("{self:?}")
    }
}

impl fmt::Debug for ArgView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.debug {
            Some(debug) => debug.fmt(f),
            None => write!(f, "<{}>", short_type_name(self.type_name)),
        }
    }
}

/// `alloc::string::String` → `String`, keeping generic arguments readable.
pub(crate) fn short_type_name(full: &str) -> String {
    let mut out = String::with_capacity(full.len());
    let mut segment = String::new();
    for ch in full.chars() {
        if ch.is_alphanumeric() || ch == '_' || ch == ':' {
            segment.push(ch);
        } else {
            out.push_str(segment.rsplit("::").next().unwrap_or(""));
            segment.clear();
            out.push(ch);
        }
    }
    out.push_str(segment.rsplit("::").next().unwrap_or(""));
    out
}

#[doc(hidden)]
#[allow(missing_debug_implementations, missing_docs)]
pub mod probe {
    //! Picks `Debug` when a recorded type has it, a placeholder otherwise
    //! (method resolution prefers the impl that needs fewer auto-refs).
    use std::fmt;

    pub struct Probe<'a, T>(pub &'a T);

    pub trait ViaDebug<'a> {
        fn __mockgen_debug(&self) -> Option<&'a dyn fmt::Debug>;
    }
    impl<'a, T: fmt::Debug> ViaDebug<'a> for &Probe<'a, T> {
        fn __mockgen_debug(&self) -> Option<&'a dyn fmt::Debug> {
            Some(self.0)
        }
    }

    pub trait ViaNothing<'a> {
        fn __mockgen_debug(&self) -> Option<&'a dyn fmt::Debug>;
    }
    impl<'a, T> ViaNothing<'a> for Probe<'a, T> {
        fn __mockgen_debug(&self) -> Option<&'a dyn fmt::Debug> {
            None
        }
    }

    /// A recorded argument's view, with its `Debug` when its type has one
    /// (the same choice as [`Probe`]'s, for records, which are `'static`).
    pub struct ViewProbe<'a, T>(pub &'a T);

    // `Send` and `Sync` are the method's bounds, not the impl's, so that a
    // record that is not `Send` is reported as the recording's error,
    // not as a method the probe does not have.
    pub trait ViaDebugView<'a, T> {
        fn __mockgen_view(&self) -> super::ArgView<'a>
        where
            T: Send + Sync;
    }
    impl<'a, T: fmt::Debug + std::any::Any> ViaDebugView<'a, T> for &ViewProbe<'a, T> {
        fn __mockgen_view(&self) -> super::ArgView<'a>
        where
            T: Send + Sync,
        {
            super::ArgView::__new(self.0, Some(self.0))
        }
    }

    pub trait ViaPlainView<'a, T> {
        fn __mockgen_view(&self) -> super::ArgView<'a>
        where
            T: Send + Sync;
    }
    impl<'a, T: std::any::Any> ViaPlainView<'a, T> for ViewProbe<'a, T> {
        fn __mockgen_view(&self) -> super::ArgView<'a>
        where
            T: Send + Sync,
        {
            super::ArgView::__new(self.0, None)
        }
    }

    /// A clone of an argument, when its type has `Clone`: a side effect
    /// that may step aside gets it, and what answers after it the argument
    /// itself.
    pub struct CloneProbe<'a, T>(pub &'a T);

    pub trait ViaClone<T> {
        fn __mockgen_again(&self) -> Option<T>;
    }
    impl<T: Clone> ViaClone<T> for &CloneProbe<'_, T> {
        fn __mockgen_again(&self) -> Option<T> {
            Some(self.0.clone())
        }
    }

    pub trait ViaNoClone<T> {
        fn __mockgen_again(&self) -> Option<T>;
    }
    impl<T> ViaNoClone<T> for CloneProbe<'_, T> {
        fn __mockgen_again(&self) -> Option<T> {
            None
        }
    }

    /// `Default::default()` when the type has it.
    pub struct DefaultProbe<T>(pub std::marker::PhantomData<T>);

    pub trait ViaDefault<T> {
        fn __mockgen_default(&self) -> Option<T>;
    }
    impl<T: Default> ViaDefault<T> for &DefaultProbe<T> {
        fn __mockgen_default(&self) -> Option<T> {
            Some(T::default())
        }
    }

    /// `Ok(Default::default())` for a `Result` whose success type has a
    /// default: an unconfigured fallible call succeeds.
    pub trait ViaOkDefault<T> {
        fn __mockgen_default(&self) -> Option<T>;
    }
    impl<T: Default, E> ViaOkDefault<Result<T, E>> for &&DefaultProbe<Result<T, E>> {
        fn __mockgen_default(&self) -> Option<Result<T, E>> {
            Some(Ok(T::default()))
        }
    }

    /// `Poll::Ready(Default::default())`: an unconfigured `poll_next` ends
    /// the stream, an unconfigured `poll_ready` is ready.
    pub trait ViaReadyDefault<T> {
        fn __mockgen_default(&self) -> Option<T>;
    }
    impl<T: Default> ViaReadyDefault<std::task::Poll<T>> for &&DefaultProbe<std::task::Poll<T>> {
        fn __mockgen_default(&self) -> Option<std::task::Poll<T>> {
            Some(std::task::Poll::Ready(T::default()))
        }
    }

    pub trait ViaNoDefault<T> {
        fn __mockgen_default(&self) -> Option<T>;
    }
    impl<T> ViaNoDefault<T> for DefaultProbe<T> {
        fn __mockgen_default(&self) -> Option<T> {
            None
        }
    }

    /// Whether an argument recorded by value has an owned form, so that a
    /// type without one gets an error in mockgen's words (the `Clone`
    /// error that `Val<T>` raises names neither way out).
    pub struct OwnedProbe<T: ?Sized>(pub std::marker::PhantomData<fn() -> Box<T>>);

    /// The probed type has an owned form.
    pub struct HasOwned;

    /// The probed type has an owned form that cannot be shared with other
    /// threads (`Rc<T>`, `*const T`).
    pub struct NotSendOwned;

    /// The probed type has no owned form.
    pub struct NoOwned;

    pub trait ViaOwned {
        fn __mockgen_owned(&self) -> HasOwned;
    }
    impl<T> ViaOwned for &&OwnedProbe<T>
    where
        T: ?Sized + ToOwned,
        T::Owned: Send + Sync,
    {
        fn __mockgen_owned(&self) -> HasOwned {
            HasOwned
        }
    }

    pub trait ViaNotSendOwned {
        fn __mockgen_owned(&self) -> NotSendOwned;
    }
    impl<T: ?Sized + ToOwned> ViaNotSendOwned for &OwnedProbe<T> {
        fn __mockgen_owned(&self) -> NotSendOwned {
            NotSendOwned
        }
    }

    pub trait ViaNoOwned {
        fn __mockgen_owned(&self) -> NoOwned;
    }
    impl<T: ?Sized> ViaNoOwned for OwnedProbe<T> {
        fn __mockgen_owned(&self) -> NoOwned {
            NoOwned
        }
    }

    /// Implemented by [`HasOwned`] only: `W` is the argument's type as
    /// written, for the message.
    #[diagnostic::on_unimplemented(
        message = "an argument of type `{W}` is recorded by value, which needs `Clone`: implement `Clone` for it, or mark the argument `#[mockgen(debug)]` to record its `Debug` text or `#[mockgen(opaque)]` to record a placeholder",
        label = "recorded by value, but not `Clone`",
        note = "under `#[cfg_attr(test, automock)]`, name the argument in the attribute instead: `#[automock(debug(name))]` or `#[automock(opaque(name))]`"
    )]
    pub trait RecordedByValue<W: ?Sized> {}
    impl<W: ?Sized> RecordedByValue<W> for HasOwned {}
    impl<W: ?Sized> RecordedByValue<W> for NotSendOwned {}

    /// Implemented by [`HasOwned`] (and by [`NoOwned`], which has its own
    /// message above): `W` is the argument's type as written.
    #[diagnostic::on_unimplemented(
        message = "an argument of type `{W}` is recorded by value, and a mock's records are shared between threads, which needs `Send` and `Sync`: mark the argument `#[mockgen(opaque)]` to record a placeholder, or `#[mockgen(debug)]` to record its `Debug` text",
        label = "recorded by value, but not `Send` and `Sync`",
        note = "under `#[cfg_attr(test, automock)]`, name the argument in the attribute instead: `#[automock(opaque(name))]` or `#[automock(debug(name))]`"
    )]
    pub trait SharedByValue<W: ?Sized> {}
    impl<W: ?Sized> SharedByValue<W> for HasOwned {}
    impl<W: ?Sized> SharedByValue<W> for NoOwned {}

    /// Fails to compile, with one of the messages above, unless `probe`
    /// found an owned form that can be shared with other threads.
    pub fn recorded_by_value<W: ?Sized, R: RecordedByValue<W> + SharedByValue<W>>(probe: R) {
        let _ = probe;
    }

    /// The probe traits generated code calls through, in scope without
    /// names: `use __probe::traits::*;` is one line of generated code.
    pub mod traits {
        pub use super::{
            ViaClone as _, ViaDebug as _, ViaDebugView as _, ViaDefault as _, ViaNoClone as _,
            ViaNoDefault as _, ViaNothing as _, ViaOkDefault as _, ViaPlainView as _,
            ViaReadyDefault as _,
        };
    }
}

/// The argument kinds of one method, as a tuple: `(Val<str>, Val<u8>)`.
pub trait ArgKinds: 'static {
    /// The recorded arguments: `(String, u8)`.
    type Record: Clone + Send + Sync + 'static;
    /// One matcher per argument.
    type Matchers: Send + Sync;
    /// Whether every matcher accepts its recorded argument.
    fn matches(matchers: &Self::Matchers, record: &Self::Record) -> bool;
    /// Calls `each` with every matcher, for messages.
    fn describe(matchers: &Self::Matchers, each: &mut dyn FnMut(&dyn fmt::Debug));
}

/// Converts the tuple that `call!` builds into the matchers of one method.
#[diagnostic::on_unimplemented(
    message = "this `call!` does not fit the method's arguments",
    label = "expected one value or matcher per argument",
    note = "the method's argument kinds are `{K}`; check the number of arguments"
)]
pub trait IntoMatchers<K: ArgKinds> {
    /// The matchers, one per argument.
    fn into_matchers(self) -> K::Matchers;
}

/// The argument kinds of a method that `call!(.method(…))` names, which
/// take the tuple of matchers it builds. Unlike [`IntoMatchers`], the
/// impl is picked by the method's kinds, once the mock is known, so a
/// wrong number of arguments is reported as such.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `call!(.…)` does not have one value or matcher per argument of the method",
    label = "a value, a matcher or `_` for each argument of the method",
    note = "the method's arguments are recorded as `{Self}`"
)]
pub trait FromMatchers<T>: ArgKinds {
    /// The matchers, one per argument.
    fn from_matchers(matchers: T) -> Self::Matchers;
}

macro_rules! arg_kinds_tuple {
    ($($kind:ident $idx:tt),*) => {
        impl<$($kind: ArgKind),*> ArgKinds for ($($kind,)*) {
            type Record = ($($kind::Record,)*);
            type Matchers = ($(BoxMatcher<$kind::Target>,)*);
            #[allow(unused_variables)]
            fn matches(matchers: &Self::Matchers, record: &Self::Record) -> bool {
                true $(&& matchers.$idx.matches($kind::target(&record.$idx)))*
            }
            #[allow(unused_variables)]
            fn describe(matchers: &Self::Matchers, each: &mut dyn FnMut(&dyn fmt::Debug)) {
                $(each(&matchers.$idx);)*
            }
        }
        impl<$($kind: ArgKind),*> IntoMatchers<($($kind,)*)> for ($(BoxMatcher<$kind::Target>,)*) {
            fn into_matchers(self) -> ($(BoxMatcher<$kind::Target>,)*) {
                self
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$($kind: ArgKind),*> FromMatchers<($(BoxMatcher<$kind::Target>,)*)> for ($($kind,)*) {
            fn from_matchers(matchers: ($(BoxMatcher<$kind::Target>,)*)) -> Self::Matchers {
                matchers
            }
        }
    };
}

arg_kinds_tuple!();
arg_kinds_tuple!(A 0);
arg_kinds_tuple!(A 0, B 1);
arg_kinds_tuple!(A 0, B 1, C 2);
arg_kinds_tuple!(A 0, B 1, C 2, D 3);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12, N 13);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12, N 13, O 14);
arg_kinds_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12, N 13, O 14, P 15);
