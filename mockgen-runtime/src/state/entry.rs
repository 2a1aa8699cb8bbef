//! The typed entry points of a mocked method (`__call_with` and its kin):
//! what the generated trait method calls with the call's arguments.
//!
//! Each is a few lines per marker that hand the arguments, as a tuple, to a
//! function generic over the method's shape ([`Shaped`]: argument kinds,
//! output, side-effect types), not over its marker: the methods of the same
//! types, in every mock of a crate, share one copy of the call path.

use std::sync::Arc;

use crate::state::answer::{Resolved, Slot, taken};
use crate::state::args::ArgKinds;
use crate::state::dispatch::{Delegate, Original};
use crate::state::method::{Method, MethodInner};
use crate::state::signature::{ArgOf, RecordOf};
use crate::state::step_aside::{ShapeOf, Shaped, answer_shaped};

type Record<K, T> = <<K as Shaped<T>>::Args as ArgKinds>::Record;

#[track_caller]
fn call_with<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: Record<K, T>,
    args: T,
) -> K::Output {
    let mut out = None;
    match answer_shaped::<K, T>(
        inner,
        record,
        Original::Missing,
        &mut Slot::new(&mut out),
        args,
    ) {
        Ok(value) => value,
        Err(_) => taken(out),
    }
}

#[track_caller]
fn call_lent<K: Shaped<T>, T>(inner: &Arc<MethodInner>, record: Record<K, T>, args: T) -> &K::Output
where
    K::Output: Send + Sync + 'static,
{
    let mut out = None;
    let mut slot = Slot::lending(&mut out);
    match answer_shaped::<K, T>(inner, record, Original::Missing, &mut slot, args) {
        Ok(value) => inner.lent.keep(value),
        Err(_) => {
            let answer = slot.lent_answer();
            inner.lend_answer(answer, out)
        }
    }
}

#[track_caller]
fn call_or_real_lent<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: Record<K, T>,
    args: T,
) -> Result<&K::Output, T>
where
    K::Output: Send + Sync + 'static,
{
    let mut out = None;
    let mut slot = Slot::lending(&mut out);
    match answer_shaped::<K, T>(inner, record, Original::Real, &mut slot, args) {
        Ok(value) => Ok(inner.lent.keep(value)),
        Err((Resolved::Real, args)) => Err(args),
        Err(_) => {
            let answer = slot.lent_answer();
            Ok(inner.lend_answer(answer, out))
        }
    }
}

#[track_caller]
fn call_or_default_lent<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: Record<K, T>,
    args: T,
) -> Result<&K::Output, Delegate<T>>
where
    K::Output: Send + Sync + 'static,
{
    let mut out = None;
    let mut slot = Slot::lending(&mut out);
    match answer_shaped::<K, T>(inner, record, Original::ByDefault, &mut slot, args) {
        Ok(value) => Ok(inner.lent.keep(value)),
        Err((Resolved::Original, args)) => Err(Delegate::Original(args)),
        Err((Resolved::Real, args)) => Err(Delegate::Real(args)),
        Err(_) => {
            let answer = slot.lent_answer();
            Ok(inner.lend_answer(answer, out))
        }
    }
}

#[track_caller]
fn call_or_real<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: Record<K, T>,
    args: T,
) -> Result<K::Output, T> {
    let mut out = None;
    match answer_shaped::<K, T>(
        inner,
        record,
        Original::Real,
        &mut Slot::new(&mut out),
        args,
    ) {
        Ok(value) => Ok(value),
        Err((Resolved::Real, args)) => Err(args),
        Err(_) => Ok(taken(out)),
    }
}

#[track_caller]
fn call_or_original<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: Record<K, T>,
    args: T,
) -> Result<K::Output, T> {
    let mut out = None;
    match answer_shaped::<K, T>(
        inner,
        record,
        Original::OnRequest,
        &mut Slot::new(&mut out),
        args,
    ) {
        Ok(value) => Ok(value),
        Err((Resolved::Original | Resolved::Real, args)) => Err(args),
        Err(_) => Ok(taken(out)),
    }
}

#[track_caller]
fn call_or_default<K: Shaped<T>, T>(
    inner: &Arc<MethodInner>,
    record: Record<K, T>,
    args: T,
) -> Result<K::Output, Delegate<T>> {
    let mut out = None;
    match answer_shaped::<K, T>(
        inner,
        record,
        Original::ByDefault,
        &mut Slot::new(&mut out),
        args,
    ) {
        Ok(value) => Ok(value),
        Err((Resolved::Original, args)) => Err(Delegate::Original(args)),
        Err((Resolved::Real, args)) => Err(Delegate::Real(args)),
        Err(_) => Ok(taken(out)),
    }
}

macro_rules! entry_points {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: crate::state::signature::$sig> Method<S, crate::state::signature::$arity>
        where
            S::Fn: for<$($lt, $inner),*> Fn($(ArgOf<$lt, $inner, S, $index>),*) -> S::Output,
        {
            /// Records a call and answers it; a side effect gets the
            /// arguments (called by the runtime, not by a closure in each
            /// mocked method).
            #[doc(hidden)]
            #[track_caller]
            // The mocked method's arguments, one by one, up to sixteen.
            #[allow(clippy::too_many_arguments)]
            pub fn __call_with(&self, record: RecordOf<S>, $($param: ArgOf<'_, '_, S, $index>),*) -> S::Output {
                call_with::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }

            /// Like `__call_with`, for a method that returns a reference
            /// to the answer (`-> &str` answered with a `String`): a
            /// configured value is lent, not cloned.
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments)]
            pub fn __call_lent(&self, record: RecordOf<S>, $($param: ArgOf<'_, '_, S, $index>),*) -> &S::Output
            where
                S::Output: Send + Sync,
            {
                call_lent::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }

            /// `__call_or_real` for a method that returns a reference.
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity, clippy::result_unit_err)]
            pub fn __call_or_real_lent<$($lt, $inner),*>(
                &self,
                record: RecordOf<S>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Result<&S::Output, ($(ArgOf<$lt, $inner, S, $index>,)*)>
            where
                S::Output: Send + Sync,
            {
                call_or_real_lent::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }

            /// `__call_or_default` for a method that returns a reference:
            /// the default body (or a spy's real method) answers with the
            /// arguments handed back.
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            pub fn __call_or_default_lent<$($lt, $inner),*>(
                &self,
                record: RecordOf<S>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Result<&S::Output, Delegate<($(ArgOf<$lt, $inner, S, $index>,)*)>>
            where
                S::Output: Send + Sync,
            {
                call_or_default_lent::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }

            /// Like `__call_with`, for a method of a spy that calls the
            /// real value itself: the arguments come back when the real
            /// value should answer.
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity, clippy::result_unit_err)]
            pub fn __call_or_real<$($lt, $inner),*>(
                &self,
                record: RecordOf<S>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Result<S::Output, ($(ArgOf<$lt, $inner, S, $index>,)*)> {
                call_or_real::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }

            /// Like `__call_with`, for a patched function: the arguments
            /// come back when the original should answer (after
            /// `call_original()`).
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity, clippy::result_unit_err)]
            pub fn __call_or_original<$($lt, $inner),*>(
                &self,
                record: RecordOf<S>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Result<S::Output, ($(ArgOf<$lt, $inner, S, $index>,)*)> {
                call_or_original::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }

            /// Like `__call_with`, for a trait method with a default body:
            /// the arguments come back when the default body (or a spy's
            /// real method) should answer.
            #[doc(hidden)]
            #[track_caller]
            #[allow(clippy::too_many_arguments, clippy::type_complexity)]
            pub fn __call_or_default<$($lt, $inner),*>(
                &self,
                record: RecordOf<S>,
                $($param: ArgOf<$lt, $inner, S, $index>),*
            ) -> Result<S::Output, Delegate<($(ArgOf<$lt, $inner, S, $index>,)*)>> {
                call_or_default::<ShapeOf<S>, _>(&self.inner, record, ($($param,)*))
            }
        }
    };
}

crate::state::signature::for_each_arity!(entry_points);
