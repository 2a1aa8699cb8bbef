//! A side effect that may step aside (`side_effect_or_default`, Python's
//! side effect returning `DEFAULT`). When it does, the rest of the
//! configuration answers in the guide's order: `return_once`,
//! `return_value`, then a spy's real value or a patch's original, then the
//! default. The real value and the original get the call's arguments, so
//! the side effect gets them lent again ([`__again`](crate::Sig1::__again)):
//! a reference is copied, a `&mut` reborrowed, an owned value cloned.
//!
//! The call path ([`answer_shaped`]) is generic over the method's types
//! (argument kinds, side-effect type, output, arguments), not over its
//! marker: methods of the same types, in any mock of the crate, share one
//! copy of it. What needs the marker (lending the arguments again) is done
//! when the side effect is configured, in the closure stored as
//! [`StepAside::probe`].

use std::marker::PhantomData;
use std::sync::Arc;

use crate::state::answer::{EffectFn, Resolved, Slot, StepAside, effect};
use crate::state::args::ArgKinds;
use crate::state::dispatch::Original;
use crate::state::method::{Method, MethodInner};
use crate::state::signature::{ArgOf, Signature};

/// What answers a call when no side effect did, with its arguments handed
/// back: a value written into the slot ([`Resolved::Value`]), the
/// original, or the real value.
pub(crate) type Unanswered<A> = (Resolved, A);

/// A function called with its arguments as one tuple.
pub(crate) trait CallArgs<T, O> {
    fn call_args(&self, args: T) -> O;
}

/// Records a call of a method of shape `K`, and runs the side effect that
/// answers it with the arguments `args`; else hands them back with what
/// answers.
///
/// A side effect that may step aside gets the arguments in an `Option`: it
/// answers `Some` with them lent again, or steps aside and leaves them;
/// when they cannot be lent twice it takes them, and answers with what
/// needs no arguments.
#[track_caller]
pub(crate) fn answer_shaped<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: <K::Args as ArgKinds>::Record,
    original: Original,
    out: &mut Slot<'_>,
    args: T,
) -> Result<K::Output, Unanswered<T>> {
    match inner.call::<K::Args>(record, original, out) {
        Resolved::Effect(f) => Ok(effect::<K::Fn>(&f).call_args(args)),
        Resolved::StepAside {
            effect: step,
            entry,
            expected,
        } => {
            let mut lent = Some(args);
            let answered = effect::<K::Probe>(&step.probe)(&mut lent);
            match (answered, lent) {
                (Some(value), _) => Ok(value),
                (None, Some(args)) => {
                    match inner.stepped_aside(entry.as_ref(), original, expected, out) {
                        // The closure over a spy's real value.
                        Resolved::Effect(f) => Ok(effect::<K::Fn>(&f).call_args(args)),
                        resolved => Err((resolved, args)),
                    }
                }
                (None, None) => taken_by_side_effect(),
            }
        }
        resolved => Err((resolved, args)),
    }
}

#[cold]
#[inline(never)]
fn taken_by_side_effect() -> ! {
    panic!("invariant: a side effect that takes the arguments answers")
}

/// The types of a mocked method that its call path depends on, called with
/// arguments `T` (see [`answer_shaped`]). Implemented by [`Shape`] only.
pub(crate) trait Shaped<T> {
    type Args: ArgKinds;
    type Output: 'static;
    /// The side effect.
    type Fn: ?Sized + CallArgs<T, Self::Output> + Send + Sync + 'static;
    /// The side effect that may step aside, with the arguments lent again.
    type Probe: ?Sized + Fn(&mut Option<T>) -> Option<Self::Output> + Send + Sync + 'static;
}

/// The shape of a signature `S`: its types, without its marker.
pub(crate) type ShapeOf<S> =
    Shape<<S as Signature>::Args, <S as Signature>::Output, <S as Signature>::Fn, ProbeOf<S>>;

/// A method's shape: argument kinds `A`, output `O`, side effect `F`,
/// side effect that may step aside `P`.
pub(crate) struct Shape<A, O, F: ?Sized, P: ?Sized>(PhantomData<fn(A, &F, &P) -> O>);

impl<A, O, F, P, T> Shaped<T> for Shape<A, O, F, P>
where
    A: ArgKinds,
    O: 'static,
    F: ?Sized + CallArgs<T, O> + Send + Sync + 'static,
    P: ?Sized + Fn(&mut Option<T>) -> Option<O> + Send + Sync + 'static,
{
    type Args = A;
    type Output = O;
    type Fn = F;
    type Probe = P;
}

/// The type of a side effect that may step aside, with the arguments lent
/// again inside (see [`answer_shaped`]), for signature `S` of this arity.
pub(crate) trait ProbeType<S> {
    type Probe: ?Sized + Send + Sync + 'static;
}

/// [`ProbeType::Probe`] of a signature.
pub(crate) type ProbeOf<S> =
    <<S as crate::state::signature::Signature>::Arity as ProbeType<S>>::Probe;

macro_rules! step_aside {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        #[allow(non_camel_case_types)]
        impl<Fun, $($param,)* O> CallArgs<($($param,)*), O> for Fun
        where
            Fun: ?Sized + Fn($($param),*) -> O,
        {
            #[inline]
            fn call_args(&self, ($($param,)*): ($($param,)*)) -> O {
                self($($param),*)
            }
        }

        impl<S: crate::state::signature::$sig> Method<S, crate::state::signature::$arity> {
            /// `f` as a side effect that may step aside.
            pub(crate) fn step_aside_fn<C>(&self, f: C) -> StepAside
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> Option<S::Output> + Send + Sync + 'static,
            {
                // Weak: the handle must not keep itself alive through its
                // own configuration.
                let handle = Arc::downgrade(&self.inner);
                let probe: Arc<ProbeOf<S>> = Arc::new(Self::lending(
                    move |args| {
                        if let Some(($($param,)*)) = S::__again(args.as_mut()?) {
                            return f($($param),*);
                        }
                        // Arguments that cannot be lent twice go to the
                        // side effect; what answers after it gets none.
                        let ($($param,)*) = args.take()?;
                        Some(f($($param),*).unwrap_or_else(|| MethodInner::fallback(&handle)))
                    },
                ));
                StepAside {
                    probe: Arc::new(probe) as EffectFn,
                }
            }

            /// Names the closure's signature, so that it is inferred for
            /// every lifetime of the arguments.
            fn lending<C>(closure: C) -> C
            where
                C: for<$($lt, $inner),*> Fn(&mut Option<($(ArgOf<$lt, $inner, S, $index>,)*)>) -> Option<S::Output>,
            {
                closure
            }
        }

        impl<S: crate::state::signature::$sig> ProbeType<S> for crate::state::signature::$arity {
            type Probe = dyn for<$($lt, $inner),*> Fn(&mut Option<($(ArgOf<$lt, $inner, S, $index>,)*)>) -> Option<S::Output> + Send + Sync;
        }
    };
}

crate::state::signature::for_each_arity!(step_aside);
