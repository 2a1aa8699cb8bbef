//! Signatures shared by structure: the signature of a method whose
//! arguments are all plain references or plain values is
//! [`Shape<Kinds, Output>`](Shape), with one argument kind per argument
//! ([`Ref`], [`Mut`], [`Own`]). Its [`Signature`], [`Arg`] and `SigN` impls
//! are the blanket impls below, written once for each arity, so that a
//! mock's code holds no impl of them for such a method. What needs the
//! concrete types (whether the output has a `Default`, whether each record
//! has a `Debug`) is the method's [`Probes`], a few lines of generated
//! code, given to its handle when it is made
//! ([`MockCore::__method_probed`](crate::MockCore::__method_probed)) rather
//! than named by the handle's type: the handles of methods of the same
//! types, in every mock of a crate, are one type, and their code is
//! compiled once.
//!
//! ```
//! use mockgen::prelude::*;
//!
//! #[automock]
//! trait Store {
//!     // `Shape<(Ref<str>, Own<u64>), Option<Vec<u8>>>`
//!     fn get(&self, key: &str, version: u64) -> Option<Vec<u8>>;
//! }
//!
//! let store = MockStore::new();
//! store.get.side_effect(|key, version| Some(format!("{key}@{version}").into_bytes()));
//! assert_eq!(store.get("a", 2), Some(b"a@2".to_vec()));
//! store.get.assert_called_once_with(call!("a", 2));
//! ```
//!
//! Methods whose arguments fit no kind (trait objects, placeholders,
//! borrows inside a `&mut` argument, generic or lending methods) keep a
//! marker type of their own, with impls written for it.

use std::marker::PhantomData;

use crate::state::args::{ArgKinds, ArgView, Val};
use crate::state::signature::{Arg, ArgOf, Signature, for_each_arity};

/// What a type of this module names, without holding it.
type Names<T> = PhantomData<fn() -> T>;

/// The signature of a method typed by its structure: `Kinds` a tuple of
/// argument kinds ([`Ref`], [`Mut`], [`Own`]), `Output` what the handle is
/// configured with. Never constructed.
pub struct Shape<Kinds, Output>(Names<(Kinds, Output)>);

/// Argument kind: `&'a T`, recorded as an owned `R` (`&Vec<u8>` as a
/// `Vec<u8>` that matchers see as `[u8]`: `Ref<Vec<u8>, [u8]>`).
pub struct Ref<T: ?Sized, R: ?Sized = T>(Names<(Box<T>, Box<R>)>);

/// Argument kind: `&'a mut T`, recorded as an owned `R`.
pub struct Mut<T: ?Sized, R: ?Sized = T>(Names<(Box<T>, Box<R>)>);

/// Argument kind: a `T` by value, recorded as an owned `R` (`String` as
/// `str`'s owned form: `Own<String, str>`).
pub struct Own<T, R: ?Sized = T>(Names<(T, Box<R>)>);

macro_rules! debug_by_name {
    ($($ty:ident<$($param:ident $(: ?$sized:ident)?),*>),*) => {$(
        impl<$($param $(: ?$sized)?),*> std::fmt::Debug for $ty<$($param),*> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(std::any::type_name::<Self>())
            }
        }
    )*};
}

debug_by_name!(Shape<K, O>, Ref<T: ?Sized, R: ?Sized>, Mut<T: ?Sized, R: ?Sized>, Own<T, R: ?Sized>);

/// The type of an argument of kind `Self`, with `'a` for its own borrow
/// (see [`Arg`], whose lifetimes these are).
pub trait Kind<'a, 'b, Implied = &'a &'b ()> {
    /// The argument type.
    type Ty;
}

/// An argument kind: how the argument is recorded. Implemented for every
/// kind whatever its types, so that an argument that cannot be recorded
/// is reported once, where the method's probes name it.
pub trait ArgShape: 'static + for<'a, 'b> Kind<'a, 'b> {
    /// The recording kind.
    type Recorded;
}

/// How an argument is lent again to what answers after a side effect
/// that steps aside: a reference copied or reborrowed, a value cloned (it
/// is `Clone`, as it is recorded by value).
pub trait Relend: ArgShape {
    /// The argument, lent again for `'s`.
    fn relend<'s, 'a, 'b>(arg: &'s mut KindOf<'a, 'b, Self>) -> KindOf<'s, 'b, Self>;
}

/// The argument type of kind `K`.
pub type KindOf<'a, 'b, K> = <K as Kind<'a, 'b>>::Ty;

impl<'a, 'b, T: ?Sized + 'a, R: ?Sized> Kind<'a, 'b> for Ref<T, R> {
    type Ty = &'a T;
}

impl<T: ?Sized + 'static, R: ?Sized + 'static> ArgShape for Ref<T, R> {
    type Recorded = Val<R>;
}

impl<T: ?Sized + 'static, R: ?Sized + 'static> Relend for Ref<T, R> {
    fn relend<'s, 'a, 'b>(arg: &'s mut KindOf<'a, 'b, Self>) -> KindOf<'s, 'b, Self> {
        *arg
    }
}

impl<'a, 'b, T: ?Sized + 'a, R: ?Sized> Kind<'a, 'b> for Mut<T, R> {
    type Ty = &'a mut T;
}

impl<T: ?Sized + 'static, R: ?Sized + 'static> ArgShape for Mut<T, R> {
    type Recorded = Val<R>;
}

impl<T: ?Sized + 'static, R: ?Sized + 'static> Relend for Mut<T, R> {
    fn relend<'s, 'a, 'b>(arg: &'s mut KindOf<'a, 'b, Self>) -> KindOf<'s, 'b, Self> {
        &mut **arg
    }
}

impl<'a, 'b, T, R: ?Sized> Kind<'a, 'b> for Own<T, R> {
    type Ty = T;
}

impl<T: 'static, R: ?Sized + 'static> ArgShape for Own<T, R> {
    type Recorded = Val<R>;
}

impl<T: Clone + 'static, R: ?Sized + 'static> Relend for Own<T, R> {
    fn relend<'s, 'a, 'b>(arg: &'s mut KindOf<'a, 'b, Self>) -> KindOf<'s, 'b, Self> {
        arg.clone()
    }
}

/// The record of a call with argument kinds `K` (a tuple of
/// [`ArgShape`]s).
pub type ShapeRecord<K> = <<K as ShapeArgs>::Recorded as ArgKinds>::Record;

/// A tuple of argument kinds.
pub trait ShapeArgs {
    /// The recording kinds, as a tuple.
    type Recorded;
}

/// What needs a method's concrete types: implemented by generated code,
/// on a zero-sized type of the method's, whose signature is then
/// [`Shaped<Self>`](Shaped). Its handle is made with it
/// ([`MockCore::__method_probed`](crate::MockCore::__method_probed)).
pub trait Probes: 'static {
    /// The argument kinds, as a tuple.
    type Kinds: ShapeArgs<Recorded: ArgKinds>;
    /// What the handle is configured with.
    type Output: 'static;
    /// The return type as written, for messages.
    const OUTPUT: &'static str;
    /// `Default::default()` of the output, when it has one.
    fn default_output() -> Option<Self::Output>;
    /// Calls `each` with a view of every recorded argument.
    fn visit_args(visit: Visit<'_, '_, Self>);
}

/// The record of a call of a method with probes `P`.
pub type Recorded<P> = ShapeRecord<<P as Probes>::Kinds>;

/// What [`Probes::visit_args`] gets: a recorded call of a method with
/// probes `P`, and what to hand the view of each of its arguments to.
pub struct Visit<'e, 'r, P: ?Sized + Probes> {
    /// The recorded call.
    pub record: &'r Recorded<P>,
    /// Takes the view of each argument, in order.
    pub each: &'e mut dyn FnMut(ArgView<'r>),
}

impl<P: ?Sized + Probes> std::fmt::Debug for Visit<'_, '_, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Visit").finish_non_exhaustive()
    }
}

/// The signature of a method with probes `P`.
pub type Shaped<P> = Shape<<P as Probes>::Kinds, <P as Probes>::Output>;

/// The recording kinds of a method with probes `P`, as a tuple (what
/// `call!(.method(…))` checks its arguments against).
pub type ShapedArgs<P> = <<P as Probes>::Kinds as ShapeArgs>::Recorded;

macro_rules! shape {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        #[allow(non_camel_case_types)]
        impl<$($param: ArgShape),*> ShapeArgs for ($($param,)*) {
            type Recorded = ($($param::Recorded,)*);
        }

        #[allow(non_camel_case_types)]
        impl<$($param: ArgShape,)* O: 'static> Signature for Shape<($($param,)*), O>
        where
            ($($param::Recorded,)*): ArgKinds,
        {
            type Arity = crate::state::signature::$arity;
            type Args = ($($param::Recorded,)*);
            type Output = O;
            type Fn = dyn for<$($lt, $inner),*> Fn($(KindOf<$lt, $inner, $param>),*) -> O + Send + Sync;
            // What belongs to one method is its probes', given to its
            // handle when it is made (`MockCore::__method_probed`):
            // methods of the same types share a shape.
            const NAME: &'static str = "";
            const OUTPUT: &'static str = "";
            fn default_output() -> Option<O> {
                None
            }
            fn visit_args<'r>(_: &'r crate::state::signature::RecordOf<Self>, _: &mut dyn FnMut(ArgView<'r>)) {}
        }

        shape!(@args [$($param),*] O; $($index $lt $inner $param),*);

        #[allow(non_camel_case_types)]
        impl<$($param: Relend,)* O: 'static> crate::state::signature::$sig
            for Shape<($($param,)*), O>
        where
            ($($param::Recorded,)*): ArgKinds,
        {
            fn boxed<C>(closure: C) -> Box<Self::Fn>
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, Self, $index>),*) -> Self::Output + Send + Sync + 'static,
            {
                Box::new(closure)
            }

            #[allow(clippy::type_complexity, clippy::needless_lifetimes, clippy::unused_unit)]
            fn __again<'s, $($lt, $inner),*>(args: &'s mut ($(ArgOf<$lt, $inner, Self, $index>,)*)) -> Option<($(ArgOf<'s, $inner, Self, $index>,)*)> {
                let ($($param,)*) = args;
                Some(($($param::relend($param),)*))
            }
        }
    };
    (@args $all:tt $o:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        $(shape!(@arg $all $o; $index $lt $inner $param);)*
    };
    (@arg [$($all:ident),*] $o:ident; $index:literal $lt:lifetime $inner:lifetime $param:ident) => {
        #[allow(non_camel_case_types)]
        impl<$lt, $inner, $($all: ArgShape,)* $o: 'static> Arg<$lt, $inner, $index>
            for Shape<($($all,)*), $o>
        {
            type Ty = KindOf<$lt, $inner, $param>;
        }
    };
}

for_each_arity!(shape);
