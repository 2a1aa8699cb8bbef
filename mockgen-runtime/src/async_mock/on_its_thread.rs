//! A future that is not known to be `Send`, kept in a `Send` one: it is
//! polled and dropped only on the thread it was made on.
//!
//! A spy's real value answers a native `async fn` of a trait with the
//! future of the real method, whose type the mock cannot name: the trait
//! does not require it to be `Send`, so its type-erased form is not. The
//! mock's own futures must stay `Send` (for every mock, spy or not), so the
//! real future goes inside one of these: moving it to another thread is
//! then allowed, polling it there panics, and dropping it there forgets it
//! (a leak, never a use on the wrong thread).
//!
//! The third module of the runtime with `unsafe` code (with `answer` and
//! `append_log`): the `Send` and `Sync` promises below.
#![allow(unsafe_code)]

use std::future::Future;
use std::mem::ManuallyDrop;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread::{self, ThreadId};

/// A boxed future that is polled on its own thread only.
pub(crate) struct OnItsThread<'a, T> {
    thread: ThreadId,
    future: ManuallyDrop<Pin<Box<dyn Future<Output = T> + 'a>>>,
}

impl<'a, T> OnItsThread<'a, T> {
    pub(crate) fn new(future: impl Future<Output = T> + 'a) -> Self {
        OnItsThread {
            thread: thread::current().id(),
            future: ManuallyDrop::new(Box::pin(future)),
        }
    }

    fn at_home(&self) -> bool {
        thread::current().id() == self.thread
    }
}

// SAFETY: the future, and the value it produces, are used (polled,
// returned, dropped) on the thread that made them only: `poll` panics
// elsewhere, before touching them, and `drop` elsewhere forgets them. Moving
// the box between threads moves a pointer that no other thread uses.
unsafe impl<T> Send for OnItsThread<'_, T> {}
// SAFETY: a shared reference gives access to nothing but the thread id.
unsafe impl<T> Sync for OnItsThread<'_, T> {}

impl<T> Future for OnItsThread<'_, T> {
    type Output = T;

    #[track_caller]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // The box is pinned; the wrapper itself may move.
        let this = self.get_mut();
        if !this.at_home() {
            moved_panic();
        }
        this.future.as_mut().poll(cx)
    }
}

impl<T> Drop for OnItsThread<'_, T> {
    fn drop(&mut self) {
        if self.at_home() {
            // SAFETY: dropped once, here, on its own thread.
            unsafe { ManuallyDrop::drop(&mut self.future) }
        }
        // Elsewhere it is forgotten: leaking is safe, and a pinned box
        // that is never freed keeps the promise of `Pin`.
    }
}

#[cold]
#[track_caller]
fn moved_panic() -> ! {
    panic!(
        "a spy's real method was awaited on another thread than the one its future started \
         on: the method is a native `async fn` of a trait, whose future the trait does not \
         require to be `Send`, so the spy polls it on one thread only. Await the spy's call \
         where it started (in the test's body, `block_on`, or a current-thread runtime), or \
         configure the method (`side_effect_async`, `return_value`) so that it does not reach \
         the real value."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn a_future_that_is_not_send_is_polled_on_its_thread() {
        let shared = Rc::new(5);
        let future = OnItsThread::new(async move { *shared + 1 });
        assert_eq!(futures::executor::block_on(future), 6);
    }

    #[test]
    fn polled_on_another_thread_it_panics_and_is_forgotten() {
        let dropped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        struct Flag(std::sync::Arc<std::sync::atomic::AtomicBool>);
        impl Drop for Flag {
            fn drop(&mut self) {
                self.0.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        }
        let flag = Flag(std::sync::Arc::clone(&dropped));
        let future = OnItsThread::new(async move {
            let _flag = flag;
            std::future::pending::<()>().await
        });
        let joined = thread::spawn(move || futures::executor::block_on(future)).join();
        let payload = joined.expect_err("polled elsewhere");
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .expect("a message");
        assert!(message.contains("native `async fn`"), "{message}");
        assert!(!dropped.load(std::sync::atomic::Ordering::SeqCst));
    }
}
