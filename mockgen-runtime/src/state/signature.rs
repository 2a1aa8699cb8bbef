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

/// Invokes `$mac!` once per supported arity, 0 to 12 arguments, as
/// `$mac!(ArityN SigN AsyncSigN; A0 'a0 a0, …)`: the marker, the signature
/// traits, then per argument its type name, lifetime and parameter name.
/// Every per-arity implementation takes this one table.
macro_rules! for_each_arity {
    ($mac:ident) => {
        $mac!(Arity0 Sig0 AsyncSig0;);
        $mac!(Arity1 Sig1 AsyncSig1; A0 'a0 a0);
        $mac!(Arity2 Sig2 AsyncSig2; A0 'a0 a0, A1 'a1 a1);
        $mac!(Arity3 Sig3 AsyncSig3; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2);
        $mac!(Arity4 Sig4 AsyncSig4; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3);
        $mac!(Arity5 Sig5 AsyncSig5; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4);
        $mac!(Arity6 Sig6 AsyncSig6; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5);
        $mac!(Arity7 Sig7 AsyncSig7; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5, A6 'a6 a6);
        $mac!(Arity8 Sig8 AsyncSig8; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5, A6 'a6 a6, A7 'a7 a7);
        $mac!(Arity9 Sig9 AsyncSig9; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5, A6 'a6 a6, A7 'a7 a7, A8 'a8 a8);
        $mac!(Arity10 Sig10 AsyncSig10; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5, A6 'a6 a6, A7 'a7 a7, A8 'a8 a8, A9 'a9 a9);
        $mac!(Arity11 Sig11 AsyncSig11; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5, A6 'a6 a6, A7 'a7 a7, A8 'a8 a8, A9 'a9 a9, A10 'a10 a10);
        $mac!(Arity12 Sig12 AsyncSig12; A0 'a0 a0, A1 'a1 a1, A2 'a2 a2, A3 'a3 a3, A4 'a4 a4, A5 'a5 a5, A6 'a6 a6, A7 'a7 a7, A8 'a8 a8, A9 'a9 a9, A10 'a10 a10, A11 'a11 a11);
    };
}
pub(crate) use for_each_arity;

macro_rules! arity {
    ($arity:ident $sig:ident $async_sig:ident; $($arg:ident $lt:lifetime $param:ident),*) => {
        /// Marker: a method taking this many arguments.
        #[derive(Debug)]
        pub enum $arity {}

        /// The argument types of a method, each with its own lifetime, so
        /// that side-effect closures are inferred with the real signature.
        pub trait $sig: Signature<Arity = $arity> {
            $(
                /// An argument type, with its elided lifetimes named.
                type $arg<$lt>;
            )*
            /// Boxes a side-effect closure as [`Signature::Fn`].
            fn boxed<C>(closure: C) -> Box<Self::Fn>
            where
                C: for<$($lt),*> Fn($(Self::$arg<$lt>),*) -> Self::Output + Send + Sync + 'static;

            /// The arguments lent again, for a side effect that may step
            /// aside: what answers after it gets the arguments themselves.
            /// `None` when one of them cannot be lent twice (an owned value
            /// that is not `Clone`). Implemented by generated code.
            #[doc(hidden)]
            #[allow(clippy::type_complexity, clippy::needless_lifetimes)]
            fn __again<'s, $($lt),*>(args: &'s mut ($(Self::$arg<$lt>,)*)) -> Option<($(Self::$arg<'s>,)*)> {
                let _ = args;
                None
            }
        }
    };
}

for_each_arity!(arity);
