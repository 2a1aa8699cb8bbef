//! What generated code tells the runtime about one mocked method.
//!
//! `#[automock]` emits one zero-sized marker type per method and implements
//! [`Signature`] and one `SigN` trait (N = number of arguments) for it. The
//! runtime's [`Method`](crate::Method) handle is generic over that marker, so
//! the logic is compiled once, not once per method.

use crate::args::{ArgKinds, ArgView};

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
    /// The method's name.
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

macro_rules! arity {
    ($arity:ident $sig:ident $($arg:ident $lt:lifetime),*) => {
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
        }
    };
}

arity!(Arity0 Sig0);
arity!(Arity1 Sig1 A0 'a0);
arity!(Arity2 Sig2 A0 'a0, A1 'a1);
arity!(Arity3 Sig3 A0 'a0, A1 'a1, A2 'a2);
arity!(Arity4 Sig4 A0 'a0, A1 'a1, A2 'a2, A3 'a3);
arity!(Arity5 Sig5 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4);
arity!(Arity6 Sig6 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5);
arity!(Arity7 Sig7 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6);
arity!(Arity8 Sig8 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7);
arity!(Arity9 Sig9 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8);
arity!(Arity10 Sig10 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9);
arity!(Arity11 Sig11 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9, A10 'a10);
arity!(Arity12 Sig12 A0 'a0, A1 'a1, A2 'a2, A3 'a3, A4 'a4, A5 'a5, A6 'a6, A7 'a7, A8 'a8, A9 'a9, A10 'a10, A11 'a11);
