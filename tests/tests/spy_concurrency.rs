//! Spies (`MockX::wrapping(real)`) do not serialise their real value: its
//! `&self` methods run side by side, as they would without the spy (when
//! the trait requires `Sync`), a real method may call back into its spy,
//! and a call that would wait for its own thread panics and says why
//! instead of hanging. Every test runs under a watchdog.
#![deny(warnings)]

mod common;

use std::sync::{Arc, Barrier, Condvar, Mutex, OnceLock};

use common::{panic_message, within};
use mockgen::prelude::*;

const WATCHDOG: u64 = 10;

#[automock]
pub trait Gate: Send + Sync {
    /// Blocks until another thread calls `open`.
    fn wait_open(&self) -> &'static str;
    fn open(&self);
    /// Waits at a barrier: returns only when enough calls run at once.
    fn meet(&self, barrier: Arc<Barrier>);
    fn close(&mut self);
}

#[derive(Debug, Default)]
pub struct RealGate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate for RealGate {
    fn wait_open(&self) -> &'static str {
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.opened.wait(open).unwrap();
        }
        "opened"
    }

    fn open(&self) {
        *self.open.lock().unwrap() = true;
        self.opened.notify_all();
    }

    fn meet(&self, barrier: Arc<Barrier>) {
        barrier.wait();
    }

    fn close(&mut self) {
        *self.open.get_mut().unwrap() = false;
    }
}

#[test]
fn a_blocking_real_method_is_released_by_another_thread_through_the_spy() {
    within(WATCHDOG, || {
        let spy = MockGate::wrapping(RealGate::default());
        let waiter = {
            let spy = spy.clone();
            std::thread::spawn(move || spy.wait_open())
        };
        // The waiter may or may not be inside `wait_open` yet: either way
        // `open` must get through.
        std::thread::sleep(std::time::Duration::from_millis(20));
        spy.open();
        assert_eq!(waiter.join().unwrap(), "opened");
        spy.open.assert_called_once();
        spy.wait_open.assert_called_once();
    });
}

#[test]
fn real_shared_methods_run_side_by_side_on_several_threads() {
    within(WATCHDOG, || {
        let spy = MockGate::wrapping(RealGate::default());
        let barrier = Arc::new(Barrier::new(4));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (spy, barrier) = (spy.clone(), Arc::clone(&barrier));
                std::thread::spawn(move || spy.meet(barrier))
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(spy.meet.call_count(), 4);
    });
}

#[test]
fn a_mut_method_still_has_the_real_value_to_itself() {
    within(WATCHDOG, || {
        let mut spy = MockGate::wrapping(RealGate::default());
        spy.open();
        spy.close();
        let real: RealGate = spy.into_inner().expect("the real value");
        assert!(!*real.open.lock().unwrap());
    });
}

#[automock]
pub trait Tree: Send + Sync {
    fn depth(&self, n: u32) -> u32;
    fn grow(&mut self);
}

/// A real value that calls back into the spy that wraps it.
#[derive(Debug, Default)]
pub struct RealTree {
    spy: Arc<OnceLock<MockTree>>,
}

impl Tree for RealTree {
    fn depth(&self, n: u32) -> u32 {
        match n {
            0 => 0,
            _ => self.spy.get().unwrap().depth(n - 1) + 1,
        }
    }

    fn grow(&mut self) {
        self.spy.get().unwrap().depth(1);
    }
}

fn tree_spy() -> MockTree {
    let spy_slot = Arc::new(OnceLock::new());
    let spy = MockTree::wrapping(RealTree {
        spy: Arc::clone(&spy_slot),
    });
    let _ = spy_slot.set(spy.clone());
    spy
}

#[test]
fn a_real_method_may_call_back_into_its_spy() {
    within(WATCHDOG, || {
        let spy = tree_spy();
        assert_eq!(spy.depth(3), 3);
        spy.depth
            .assert_has_calls([call!(3), call!(2), call!(1), call!(0)]);
    });
}

#[test]
fn a_call_back_that_needs_what_a_mut_method_holds_panics_instead_of_hanging() {
    within(WATCHDOG, || {
        let mut spy = tree_spy();
        let message = panic_message(|| spy.grow());
        assert!(
            message.contains("called back into its spy")
                && message.contains("takes `&mut self`, which has the real value to itself"),
            "{message}"
        );
        // Configured, the method called back does not reach the real value.
        spy.depth.return_value(9);
        spy.grow();
        spy.depth.assert_called_with(call!(1));
    });
}

/// A trait that does not require `Sync`: its real value's methods run one
/// at a time.
#[automock]
pub trait Counter: Send {
    fn count(&self, n: u32) -> u32;
}

#[derive(Debug)]
pub struct RealCounter {
    spy: Arc<OnceLock<MockCounter>>,
}

impl Counter for RealCounter {
    fn count(&self, n: u32) -> u32 {
        match n {
            0 => 0,
            _ => self.spy.get().unwrap().count(n - 1) + 1,
        }
    }
}

#[test]
fn without_sync_a_call_back_to_the_real_value_panics_instead_of_hanging() {
    within(WATCHDOG, || {
        let slot = Arc::new(OnceLock::new());
        let spy = MockCounter::wrapping(RealCounter {
            spy: Arc::clone(&slot),
        });
        let _ = slot.set(spy.clone());
        assert_eq!(spy.count(0), 0);
        let message = panic_message(|| spy.count(2));
        assert!(
            message.contains("called back into its spy")
                && message.contains("not known to be `Sync`"),
            "{message}"
        );
        // Nothing is left locked.
        assert_eq!(spy.count(0), 0);
    });
}

/// Not dyn-compatible (a generic method): the spy calls the real value
/// through one closure per method, with the same rules.
#[automock]
pub trait Latch: Send + Sync {
    fn wait(&self);
    fn release(&self);
    fn value<T: From<u8> + 'static>(&self) -> T;
}

#[derive(Debug, Default)]
pub struct RealLatch(RealGate);

impl Latch for RealLatch {
    fn wait(&self) {
        self.0.wait_open();
    }

    fn release(&self) {
        self.0.open();
    }

    fn value<T: From<u8> + 'static>(&self) -> T {
        T::from(1)
    }
}

#[test]
fn closures_of_a_spy_reach_the_real_value_side_by_side_too() {
    within(WATCHDOG, || {
        let spy = MockLatch::wrapping(RealLatch::default());
        let waiter = {
            let spy = spy.clone();
            std::thread::spawn(move || spy.wait())
        };
        std::thread::sleep(std::time::Duration::from_millis(20));
        spy.release();
        waiter.join().unwrap();
        spy.wait.assert_called_once();
    });
}
