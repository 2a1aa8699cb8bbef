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
    /// Threads waiting in `acquire`: what a test reads to know that another
    /// thread reached the lock and is held off.
    waiting: usize,
}

impl ReentrantLock {
    pub(crate) const fn new() -> Self {
        ReentrantLock {
            owner: Mutex::new(Owner {
                thread: None,
                depth: 0,
                waiting: 0,
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
                    owner.waiting += 1;
                    owner = self
                        .released
                        .wait(owner)
                        .unwrap_or_else(PoisonError::into_inner);
                    owner.waiting -= 1;
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

#[cfg(test)]
impl ReentrantLock {
    /// How many threads wait to take the lock.
    fn waiting(&self) -> usize {
        lock(&self.owner).waiting
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
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    use super::ReentrantLock;

    /// Returns once `n` threads wait for `lock`; fails after 10 s instead
    /// of hanging.
    fn until_waiting(lock: &ReentrantLock, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while lock.waiting() != n {
            assert!(Instant::now() < deadline, "hung: no thread came to wait");
            std::thread::yield_now();
        }
    }

    #[test]
    fn nests_in_one_thread_and_excludes_others() {
        static LOCK: ReentrantLock = ReentrantLock::new();
        let outer = LOCK.acquire();
        let inner = LOCK.acquire();
        let (entered, has_entered) = mpsc::channel();
        let other = std::thread::spawn(move || {
            let _held = LOCK.acquire();
            entered.send(()).unwrap();
        });
        // The other thread reached the lock and waits; it has not entered.
        until_waiting(&LOCK, 1);
        assert_eq!(has_entered.try_recv(), Err(mpsc::TryRecvError::Empty));
        // One release of two: it still waits.
        drop(inner);
        until_waiting(&LOCK, 1);
        assert_eq!(has_entered.try_recv(), Err(mpsc::TryRecvError::Empty));
        drop(outer);
        has_entered
            .recv_timeout(Duration::from_secs(10))
            .expect("the other thread takes the released lock");
        other.join().unwrap();
        assert_eq!(LOCK.waiting(), 0);
    }
}
