//! A spy's async method that the mock cannot call itself: a native
//! `async fn` of a trait (the trait is not dyn-compatible, so the mock
//! cannot see the real value as `dyn Trait`). `wrapping(real)` knows the
//! real value's type: it gives each such method a closure that calls the
//! real method on the value, type-erased, and returns its future. The
//! mock's method lends the value as for any async call
//! ([`LentAsync`]) and awaits that future, with no lock held.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::async_mock::async_call::AsyncSignature;
use crate::async_mock::on_its_thread::OnItsThread;
use crate::state::answer::{effect, effect_fn};
use crate::state::method::Method;
use crate::state::real_async::LentAsync;
use crate::state::signature::{ArgOf, Signature};

/// The real value of a spy, lent to one async call, type-erased; the
/// closure made by `wrapping` sees it as its type.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub enum RealRef<'a> {
    Shared(&'a dyn Any),
    Exclusive(&'a mut dyn Any),
}

const REAL_TYPE: &str = "invariant: a spy's closures are made for its real value's type";

impl<'a> RealRef<'a> {
    /// The value, for a `&self` method.
    pub fn shared<R: 'static>(self) -> &'a R {
        let value: &'a dyn Any = match self {
            RealRef::Shared(value) => value,
            RealRef::Exclusive(value) => value,
        };
        value.downcast_ref().expect(REAL_TYPE)
    }

    /// The value, for a `&mut self` method.
    pub fn exclusive<R: 'static>(self) -> &'a mut R {
        match self {
            RealRef::Exclusive(value) => value.downcast_mut().expect(REAL_TYPE),
            RealRef::Shared(_) => {
                unreachable!("invariant: `&mut self` calls are lent with `lend_mut_async`")
            }
        }
    }
}

impl LentAsync<'_, dyn Any> {
    /// The value, type-erased, for a `&self` method's closure.
    pub fn erased(&self) -> RealRef<'_> {
        RealRef::Shared(self.value())
    }

    /// The value, type-erased, for a `&mut self` method's closure.
    pub fn erased_mut(&mut self) -> RealRef<'_> {
        RealRef::Exclusive(self.value_mut())
    }
}

/// The future of a spy's real method: `Send` when the trait says so
/// (`#[async_trait]`), else kept on the thread it started on.
#[doc(hidden)]
#[allow(missing_debug_implementations)]
pub struct RealFuture<'a, T>(Inner<'a, T>);

enum Inner<'a, T> {
    Send(Pin<Box<dyn Future<Output = T> + Send + 'a>>),
    Local(OnItsThread<'a, T>),
}

impl<'a, T> RealFuture<'a, T> {
    /// A future the trait promises to be `Send`.
    pub fn send(future: impl Future<Output = T> + Send + 'a) -> Self {
        RealFuture(Inner::Send(Box::pin(future)))
    }

    /// A future not known to be `Send` (a native `async fn`): polled on
    /// the thread it started on only.
    pub fn local(future: impl Future<Output = T> + 'a) -> Self {
        RealFuture(Inner::Local(OnItsThread::new(future)))
    }
}

impl<T> Future for RealFuture<'_, T> {
    type Output = T;

    #[track_caller]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        match &mut self.get_mut().0 {
            Inner::Send(future) => future.as_mut().poll(cx),
            Inner::Local(future) => Pin::new(future).poll(cx),
        }
    }
}

macro_rules! real_future {
    ($arity:ident $sig:ident $async_sig:ident; $($index:literal $lt:lifetime $inner:lifetime $param:ident),*) => {
        impl<S: crate::state::signature::$sig + AsyncSignature> Method<S, crate::state::signature::$arity> {
            /// Makes `f` (made by `wrapping`, over the real value's type)
            /// start the real method of a spy's async method; set once,
            /// when the spy is made.
            #[doc(hidden)]
            pub fn __set_real_future<C>(&self, f: C)
            where
                C: for<'x $(, $inner)*> Fn(RealRef<'x>, $(ArgOf<'x, $inner, S, $index>),*) -> RealFuture<'x, <S as Signature>::Output>
                    + Send
                    + Sync
                    + 'static,
            {
                let f: Box<dyn for<'x $(, $inner)*> Fn(RealRef<'x>, $(ArgOf<'x, $inner, S, $index>),*) -> RealFuture<'x, <S as Signature>::Output> + Send + Sync> =
                    Box::new(f);
                let _ = self.inner.real_future.set(effect_fn(f));
            }

            /// The real method's future, on the value lent to this call.
            #[doc(hidden)]
            #[allow(clippy::too_many_arguments)]
            pub fn __real_future<'x $(, $inner)*>(
                &self,
                real: RealRef<'x>,
                $($param: ArgOf<'x, $inner, S, $index>),*
            ) -> RealFuture<'x, <S as Signature>::Output> {
                let stored = self
                    .inner
                    .real_future
                    .get()
                    .expect("invariant: `wrapping` starts the methods that reach the real value");
                effect::<dyn for<'y $(, $lt)*> Fn(RealRef<'y>, $(ArgOf<'y, $lt, S, $index>),*) -> RealFuture<'y, <S as Signature>::Output> + Send + Sync>(stored)(
                    real, $($param),*
                )
            }
        }
    };
}

crate::state::signature::for_each_arity!(real_future);
