//! What generated code tells the runtime about one mocked method.
//!
//! `#[automock]` emits one zero-sized marker type per method and implements
//! [`Signature`] and one `SigN` trait (N = number of arguments) for it. The
//! runtime's [`Method`](crate::Method) handle is typed by that marker; the
//! state and logic behind it are not generic (what depends on the types is
//! type-erased), so they are compiled once, in the runtime, not once per
//! method; only the typed entry points are compiled per signature.

use crate::state::args::{ArgKinds, ArgView};

/// One mocked method's signature. Implemented by generated code only.
pub trait Signature: Sized + 'static {
    /// `ArityN`: picks the `side_effect` that takes N arguments.
    type Arity;
    /// The argument kinds, as a tuple.
    type Args: ArgKinds;
    /// What a configured method produces (the owned form of the return type).
    type Output;
    /// The side-effect function type, e.g. `dyn Fn(&str) -> u32 + Send + Sync`.
    type Fn: ?Sized + Send + Sync;
    /// The name of the method the marker was made for (a mock's methods
    /// that share a signature share its marker, and are named one by one
    /// with `MockCore::__method_named`).
    const NAME: &'static str;
    /// The return type as written, for messages.
    const OUTPUT: &'static str;
    /// `Default::default()` of the output, when it has one.
    fn default_output() -> Option<Self::Output>;
    /// Calls `each` with a view of every recorded argument.
    fn visit_args<'r>(record: &'r RecordOf<Self>, each: &mut dyn FnMut(ArgView<'r>));
}

/// The record type of a signature's arguments.
pub type RecordOf<S> = <<S as Signature>::Args as ArgKinds>::Record;

/// Argument `N` of a signature: its type, with `'a` for the argument's
/// own borrows and `'b` for the borrows inside a `&mut` argument
/// (`&'a mut ReadBuf<'b>`). Implemented by generated code only.
///
/// `Implied` is never written: its default, `&'a &'b ()`, makes `'b: 'a`
/// an implied bound wherever the trait is named. That is what lets
/// `Ty = &'a mut ReadBuf<'b>` be well-formed, and a side effect be bounded
/// by `for<'a, 'b> Fn(ArgOf<'a, 'b, S, 0>)`: a generic associated type
/// would need `where 'b: 'a`, which a higher-ranked bound cannot prove.
pub trait Arg<'a, 'b, const N: usize, Implied = &'a &'b ()> {
    /// The argument type, its elided lifetimes named.
    type Ty;
}

/// The type of argument `N` of signature `S`, for the lifetimes `'a` and
/// `'b` (see [`Arg`]).
pub type ArgOf<'a, 'b, S, const N: usize> = <S as Arg<'a, 'b, N>>::Ty;

/// Marks the handle of a method whose return value borrows from its
/// arguments: `Method<S, Lends>`. Its `side_effect` returns borrows of
/// the arguments; everything else is a [`Method`](crate::Method)'s. So is
/// the handle of a method taking an argument that one lifetime per
/// argument cannot name (`&mut Pair<'_, '_>`, or `&dyn Fn(&'a str)` next to
/// a `&'a str`), which its `side_effect` gets as itself.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Words {
///     fn first_word<'a>(&self, text: &'a str) -> &'a str;
/// }
///
/// let words = MockWords::new();
/// words.first_word.side_effect(|text| text.split(' ').next().unwrap_or(""));
/// let text = String::from("hello world");
/// assert_eq!(words.first_word(&text), "hello");
/// words.first_word.assert_called_once_with(call!("hello world"));
/// ```
#[derive(Debug)]
pub enum Lends {}

/// The side effects a method whose return value borrows from its
/// arguments takes: implemented by generated code for every closure `C`
/// with the method's signature, its lifetimes written out
/// (`C: for<'a> Fn(&'a str) -> &'a str`), so that the closure's types are
/// inferred from it.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Words {
///     fn longest<'a>(&self, left: &'a str, right: &'a str) -> &'a str;
/// }
///
/// let words = MockWords::new();
/// // `|l, r|` are inferred as `&'a str` from the generated
/// // `LendingEffect` impl.
/// words.longest.side_effect(|l, r| if l.len() < r.len() { r } else { l });
/// assert_eq!(words.longest("ab", "abc"), "abc");
/// ```
pub trait LendingEffect<C>: Signature {
    /// Boxes the side effect as [`Signature::Fn`].
    fn boxed_lending(closure: C) -> Box<Self::Fn>;
}

/// The arity markers of handles configured with the return type's owned
/// form: every handle's but a [`Lends`] one's, whose `return_value` also
/// takes a value to leak ([`IntoStatic`](crate::IntoStatic)).
#[doc(hidden)]
pub trait ValueArity {}

/// Invokes `$mac!` once per supported arity, 0 to 16 arguments, as
/// `$mac!(ArityN SigN AsyncSigN; 0 'a0 'b0 a0, …)`: the marker, the
/// signature traits, then per argument its index, its two lifetimes (see
/// [`Arg`]) and its parameter name. Every per-arity implementation takes
/// this one table.
macro_rules! for_each_arity {
    ($mac:ident) => {
        $mac!(Arity0 Sig0 AsyncSig0;);
        $mac!(Arity1 Sig1 AsyncSig1; 0 'a0 'b0 a0);
        $mac!(Arity2 Sig2 AsyncSig2; 0 'a0 'b0 a0, 1 'a1 'b1 a1);
        $mac!(Arity3 Sig3 AsyncSig3; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2);
        $mac!(Arity4 Sig4 AsyncSig4; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3);
        $mac!(Arity5 Sig5 AsyncSig5; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4);
        $mac!(Arity6 Sig6 AsyncSig6; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5);
        $mac!(Arity7 Sig7 AsyncSig7; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6);
        $mac!(Arity8 Sig8 AsyncSig8; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7);
        $mac!(Arity9 Sig9 AsyncSig9; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8);
        $mac!(Arity10 Sig10 AsyncSig10; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9);
        $mac!(Arity11 Sig11 AsyncSig11; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9, 10 'a10 'b10 a10);
        $mac!(Arity12 Sig12 AsyncSig12; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9, 10 'a10 'b10 a10, 11 'a11 'b11 a11);
        $mac!(Arity13 Sig13 AsyncSig13; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9, 10 'a10 'b10 a10, 11 'a11 'b11 a11, 12 'a12 'b12 a12);
        $mac!(Arity14 Sig14 AsyncSig14; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9, 10 'a10 'b10 a10, 11 'a11 'b11 a11, 12 'a12 'b12 a12, 13 'a13 'b13 a13);
        $mac!(Arity15 Sig15 AsyncSig15; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9, 10 'a10 'b10 a10, 11 'a11 'b11 a11, 12 'a12 'b12 a12, 13 'a13 'b13 a13, 14 'a14 'b14 a14);
        $mac!(Arity16 Sig16 AsyncSig16; 0 'a0 'b0 a0, 1 'a1 'b1 a1, 2 'a2 'b2 a2, 3 'a3 'b3 a3, 4 'a4 'b4 a4, 5 'a5 'b5 a5, 6 'a6 'b6 a6, 7 'a7 'b7 a7, 8 'a8 'b8 a8, 9 'a9 'b9 a9, 10 'a10 'b10 a10, 11 'a11 'b11 a11, 12 'a12 'b12 a12, 13 'a13 'b13 a13, 14 'a14 'b14 a14, 15 'a15 'b15 a15);
    };
}
pub(crate) use for_each_arity;

macro_rules! arity {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        /// Marker: a method taking this many arguments.
        #[derive(Debug)]
        pub enum $arity {}

        impl ValueArity for $arity {}

        /// The argument types of a method (one [`Arg`] each, with their
        /// own lifetimes), so that side-effect closures are inferred with
        /// the real signature.
        pub trait $sig: Signature<Arity = $arity> $(+ for<$lt, $inner> Arg<$lt, $inner, $index>)* {
            /// Boxes a side-effect closure as [`Signature::Fn`].
            fn boxed<C>(closure: C) -> Box<Self::Fn>
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, Self, $index>),*) -> Self::Output + Send + Sync + 'static;

            /// The arguments lent again, for a side effect that may step
            /// aside: what answers after it gets the arguments themselves.
            /// `None` when one of them cannot be lent twice (an owned value
            /// that is not `Clone`). Implemented by generated code.
            #[doc(hidden)]
            #[allow(clippy::type_complexity, clippy::needless_lifetimes)]
            fn __again<'s, $($lt, $inner),*>(args: &'s mut ($(ArgOf<$lt, $inner, Self, $index>,)*)) -> Option<($(ArgOf<'s, $inner, Self, $index>,)*)> {
                let _ = args;
                None
            }
        }
    };
}

for_each_arity!(arity);
