//! A lock that one thread may take several times: the serialisation lock of
//! `patch_global!` (per function) and of `patch_env!` (process-wide).
//!
//! `std::sync::ReentrantLock` is unstable, and these locks guard no data:
//! they only say which thread may patch. The inner mutex is held for a few
//! instructions, never while user code runs.

use std::marker::PhantomData;
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread::{self, ThreadId};

use crate::state::sync::lock;

pub(crate) struct ReentrantLock {
    owner: Mutex<Owner>,
    released: Condvar,
}

struct Owner {
    thread: Option<ThreadId>,
    depth: usize,
}

impl ReentrantLock {
    pub(crate) const fn new() -> Self {
        ReentrantLock {
            owner: Mutex::new(Owner {
                thread: None,
                depth: 0,
            }),
            released: Condvar::new(),
        }
    }

    /// Waits until no other thread holds the lock, then takes it (again).
    pub(crate) fn acquire(&'static self) -> ReentrantGuard {
        let me = thread::current().id();
        let mut owner = lock(&self.owner);
        loop {
            match owner.thread {
                Some(thread) if thread != me => {
                    owner = self
                        .released
                        .wait(owner)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                _ => break,
            }
        }
        owner.thread = Some(me);
        owner.depth += 1;
        ReentrantGuard {
            lock: self,
            not_send: PhantomData,
        }
    }

    fn release(&self) {
        let mut owner = lock(&self.owner);
        owner.depth -= 1;
        if owner.depth == 0 {
            owner.thread = None;
            drop(owner);
            self.released.notify_all();
        }
    }
}

/// One hold of a [`ReentrantLock`]; released on drop, on the thread that
/// took it (hence `!Send`).
pub(crate) struct ReentrantGuard {
    lock: &'static ReentrantLock,
    not_send: PhantomData<*const ()>,
}

impl Drop for ReentrantGuard {
    fn drop(&mut self) {
        self.lock.release();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use super::ReentrantLock;

    #[test]
    fn nests_in_one_thread_and_excludes_others() {
        static LOCK: ReentrantLock = ReentrantLock::new();
        static ENTERED: AtomicBool = AtomicBool::new(false);
        let outer = LOCK.acquire();
        let inner = LOCK.acquire();
        let other = std::thread::spawn(|| {
            let _held = LOCK.acquire();
            ENTERED.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(Duration::from_millis(50));
        assert!(!ENTERED.load(Ordering::SeqCst));
        drop(inner);
        std::thread::sleep(Duration::from_millis(20));
        assert!(!ENTERED.load(Ordering::SeqCst));
        drop(outer);
        other.join().unwrap();
        assert!(ENTERED.load(Ordering::SeqCst));
    }
}
