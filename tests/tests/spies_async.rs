//! Async methods of a spy await the real value's method (SEMANTICS
//! WRAPS-7): the call is recorded when the method is called and the await
//! when its future is first polled (ASYNC-2), configured answers come
//! first (WRAPS-3), and the real value is lent to the future as to a sync
//! call: `&self` calls side by side, a `&mut self` call alone, with no lock
//! held while the real future runs. Every concurrency test runs under a
//! watchdog.
#![deny(warnings)]

mod common;

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use common::{catch, within};
use futures::channel::oneshot;
use mockgen::prelude::*;

const WATCHDOG: u64 = 10;

#[automock]
#[async_trait::async_trait]
pub trait Gate: Send + Sync {
    async fn fetch(&self, id: u32) -> String;
    /// Waits until another call opens the gate.
    async fn wait_open(&self) -> &'static str;
    async fn open(&self);
    /// Counts, waiting for `release` in between.
    async fn hold(&mut self, #[mockgen(opaque)] release: oneshot::Receiver<()>) -> u32;
    async fn count(&self) -> u32;
}

#[derive(Debug)]
pub struct RealGate {
    count: AtomicU32,
    /// Set while `hold` runs.
    holding: Arc<AtomicBool>,
    opener: Mutex<Option<oneshot::Sender<()>>>,
    opened: Mutex<Option<oneshot::Receiver<()>>>,
}

impl RealGate {
    fn new() -> Self {
        let (tx, rx) = oneshot::channel();
        RealGate {
            count: AtomicU32::new(0),
            holding: Arc::default(),
            opener: Mutex::new(Some(tx)),
            opened: Mutex::new(Some(rx)),
        }
    }
}

#[async_trait::async_trait]
impl Gate for RealGate {
    async fn fetch(&self, id: u32) -> String {
        format!("real {id}")
    }
    async fn wait_open(&self) -> &'static str {
        let opened = self.opened.lock().unwrap().take().expect("one waiter");
        opened.await.expect("opened");
        "opened"
    }
    async fn open(&self) {
        if let Some(tx) = self.opener.lock().unwrap().take() {
            let _ = tx.send(());
        }
    }
    async fn hold(&mut self, release: oneshot::Receiver<()>) -> u32 {
        *self.count.get_mut() += 1;
        self.holding.store(true, Ordering::SeqCst);
        release.await.expect("released");
        self.holding.store(false, Ordering::SeqCst);
        *self.count.get_mut() += 1;
        *self.count.get_mut()
    }
    async fn count(&self) -> u32 {
        self.count.load(Ordering::SeqCst)
    }
}

fn multi_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .build()
        .unwrap()
}

#[test]
fn wraps_7_an_async_method_of_a_spy_awaits_the_real_method() {
    let spy = MockGate::wrapping(RealGate::new());
    let pending = spy.fetch(1);
    // ASYNC-2: the call counts at once, the await when polled.
    assert_eq!(spy.fetch.call_count(), 1);
    assert_eq!(spy.fetch.await_count(), 0);
    assert_eq!(futures::executor::block_on(pending), "real 1");
    spy.fetch.assert_awaited_once_with(call!(1));
    spy.fetch.assert_called_once_with(call!(1));
}

#[test]
fn wraps_3_configured_answers_come_before_the_real_method() {
    let spy = MockGate::wrapping(RealGate::new());
    spy.fetch.return_value("configured".to_owned());
    assert_eq!(futures::executor::block_on(spy.fetch(1)), "configured");
    spy.fetch.reset_return_value();
    spy.fetch
        .side_effect_async(|id| async move { format!("effect {id}") });
    assert_eq!(futures::executor::block_on(spy.fetch(2)), "effect 2");
    spy.fetch.reset_side_effect();
    assert_eq!(futures::executor::block_on(spy.fetch(3)), "real 3");
    assert_eq!(spy.fetch.await_count(), 3);
}

#[test]
fn wraps_7_a_mut_self_method_changes_the_real_value() {
    let mut spy = MockGate::wrapping(RealGate::new());
    let (tx, rx) = oneshot::channel();
    tx.send(()).unwrap();
    assert_eq!(futures::executor::block_on(spy.hold(rx)), 2);
    assert_eq!(futures::executor::block_on(spy.count()), 2);
    let real: RealGate = spy.into_inner().expect("the real value");
    assert_eq!(real.count.into_inner(), 2);
}

#[test]
fn shared_async_calls_run_side_by_side_on_a_multi_thread_runtime() {
    within(WATCHDOG, || {
        multi_thread().block_on(async {
            let spy = MockGate::wrapping(RealGate::new());
            // The waiter's real future is pending while it holds the real
            // value: `open` must still get through, from another task.
            let waiter = tokio::spawn({
                let spy = spy.clone();
                async move { spy.wait_open().await }
            });
            while spy.wait_open.await_count() == 0 {
                tokio::task::yield_now().await;
            }
            let opener = tokio::spawn({
                let spy = spy.clone();
                async move { spy.open().await }
            });
            opener.await.unwrap();
            assert_eq!(waiter.await.unwrap(), "opened");
            let fetched: Vec<_> = (0..16)
                .map(|id| {
                    let spy = spy.clone();
                    tokio::spawn(async move { spy.fetch(id).await })
                })
                .collect();
            for (id, task) in fetched.into_iter().enumerate() {
                assert_eq!(task.await.unwrap(), format!("real {id}"));
            }
            spy.open.assert_awaited_once();
            assert_eq!(spy.fetch.await_count(), 16);
        });
    });
}

#[test]
fn a_mut_self_call_has_the_real_value_to_itself_until_its_future_ends() {
    within(WATCHDOG, || {
        multi_thread().block_on(async {
            let real = RealGate::new();
            let holding = Arc::clone(&real.holding);
            let spy = MockGate::wrapping(real);
            let (release, rx) = oneshot::channel();
            let holder = tokio::spawn({
                let mut spy = spy.clone();
                async move { spy.hold(rx).await }
            });
            while !holding.load(Ordering::SeqCst) {
                tokio::task::yield_now().await;
            }
            // The reader waits for the holder, without blocking a thread:
            // the holder's release is sent from this same runtime.
            let reader = tokio::spawn({
                let spy = spy.clone();
                async move { spy.count().await }
            });
            for _ in 0..100 {
                tokio::task::yield_now().await;
            }
            assert!(!reader.is_finished(), "read while `hold` had the value");
            release.send(()).unwrap();
            assert_eq!(holder.await.unwrap(), 2);
            assert_eq!(reader.await.unwrap(), 2);
        });
    });
}

#[test]
fn a_dropped_future_gives_the_real_value_back() {
    within(WATCHDOG, || {
        let mut spy = MockGate::wrapping(RealGate::new());
        let (_release, rx) = oneshot::channel();
        {
            let mut holding = spy.hold(rx);
            // Polled once: it has the value, and waits for `release`.
            assert!(
                futures::executor::block_on(futures::future::poll_immediate(&mut holding))
                    .is_none()
            );
        }
        assert_eq!(futures::executor::block_on(spy.count()), 1);
        let real: RealGate = spy.into_inner().expect("given back");
        assert_eq!(real.count.into_inner(), 1);
    });
}

#[test]
fn a_panicking_real_future_gives_the_real_value_back() {
    within(WATCHDOG, || {
        let mut spy = MockGate::wrapping(RealGate::new());
        let (release, rx) = oneshot::channel::<()>();
        drop(release); // `hold` panics on `expect("released")`
        let (message, _) = catch(|| futures::executor::block_on(spy.hold(rx)));
        assert!(message.contains("released"), "{message}");
        assert_eq!(futures::executor::block_on(spy.count()), 1);
    });
}
