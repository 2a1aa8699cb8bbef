//! A side effect that may step aside (`side_effect_or_default`, Python's
//! side effect returning `DEFAULT`). When it does, the rest of the
//! configuration answers in the guide's order: `return_once`,
//! `return_value`, then a spy's real value or a patch's original, then the
//! default. The real value and the original get the call's arguments, so
//! the side effect gets them lent again ([`__again`](crate::Sig1::__again)):
//! a reference is copied, a `&mut` reborrowed, an owned value cloned.
//!
//! The typed entry points of `dispatch.rs` run a call's side effect here,
//! with the arguments; what they get back is a value, or what answers after
//! the side effect with the arguments handed back.

use std::sync::Arc;

use crate::state::answer::{EffectFn, Resolved, Slot, StepAside, effect};
use crate::state::dispatch::Original;
use crate::state::method::{Method, MethodInner};
use crate::state::signature::ArgOf;

/// What answers a call when no side effect did, with its arguments handed
/// back: a value written into the slot ([`Resolved::Value`]), the
/// original, or the real value.
pub(crate) type Unanswered<A> = (Resolved, A);

macro_rules! step_aside {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: crate::state::signature::$sig> Method<S, crate::state::signature::$arity> {
            /// `f` as a side effect that may step aside; `whole` falls back
            /// to what needs no arguments (see [`MethodInner::fallback`]).
            pub(crate) fn step_aside_fn<C>(&self, f: C) -> StepAside
            where
                C: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> Option<S::Output> + Send + Sync + 'static,
            {
                let probe: Arc<dyn for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> Option<S::Output> + Send + Sync> =
                    Arc::new(f);
                // Weak: the handle must not keep itself alive through its
                // own configuration.
                let handle = Arc::downgrade(&self.inner);
                let whole = S::boxed({
                    let probe = Arc::clone(&probe);
                    move |$($param),*| {
                        probe($($param),*).unwrap_or_else(|| MethodInner::fallback(&handle))
                    }
                });
                StepAside {
                    probe: Arc::new(probe) as EffectFn,
                    whole: crate::state::answer::effect_fn(whole),
                }
            }

            /// The side effect as given, answering `Some` or stepping aside.
            #[allow(clippy::type_complexity)]
            fn probe(
                step: &StepAside,
            ) -> &Arc<dyn for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> Option<S::Output> + Send + Sync> {
                effect(&step.probe)
            }
        }

        impl<S: crate::state::signature::$sig> Method<S, crate::state::signature::$arity>
        where
            S::Fn: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> S::Output,
        {
            /// Records a call and runs the side effect that answers it with
            /// the arguments; else hands them back with what answers.
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            pub(crate) fn answer_with_args<$($lt, $inner),*>(
                &self,
                record: crate::state::signature::RecordOf<S>,
                original: Original,
                out: &mut Slot<'_>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Result<S::Output, Unanswered<($(ArgOf<$lt, $inner, S, $index>,)*)>> {
                match self.inner.call::<S::Args>(record, original, out) {
                    Resolved::Effect(f) => Ok(effect::<S::Fn>(&f)($($param),*)),
                    Resolved::StepAside { effect: step, entry, expected } => {
                        let probe = Self::probe(&step);
                        let mut args = ($($param,)*);
                        let answered = S::__again(&mut args).map(|($($param,)*)| probe($($param),*));
                        match answered {
                            Some(Some(value)) => return Ok(value),
                            Some(None) => {}
                            // Arguments that cannot be lent twice go to the
                            // side effect; what answers after it gets none.
                            None => {
                                let ($($param,)*) = args;
                                return Ok(match probe($($param),*) {
                                    Some(value) => value,
                                    None => MethodInner::fallback(&Arc::downgrade(&self.inner)),
                                });
                            }
                        }
                        let ($($param,)*) = args;
                        match self.inner.stepped_aside(entry.as_ref(), original, expected, out) {
                            // The closure over a spy's real value.
                            Resolved::Effect(f) => Ok(effect::<S::Fn>(&f)($($param),*)),
                            resolved => Err((resolved, ($($param,)*))),
                        }
                    }
                    resolved => Err((resolved, ($($param,)*))),
                }
            }
        }
    };
}

crate::state::signature::for_each_arity!(step_aside);
