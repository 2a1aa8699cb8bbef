//! Who is using a spy's real value: the rules a `RefCell` applies, across
//! threads and tasks. Any number of `&self` calls may use it at once (on
//! several threads only when the value is `Sync`); a `&mut self` call needs
//! it to itself. A call that would wait for its own thread, because a real
//! method called back into its spy, panics and says so instead of hanging.
//! An async call (a spy's async method, whose real future may move between
//! threads) is one user of its own, waited for without blocking a thread.
//!
//! Only this bookkeeping is locked, never while a real method runs; the
//! lock that holds the value itself is taken after access is granted, when
//! no other thread can be waiting for it.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread::{self, ThreadId};

use crate::state::sync::lock;

/// How a call uses the real value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// `&self`.
    Shared,
    /// `&mut self`.
    Exclusive,
}

/// Who uses the value: a thread's sync calls, or one async call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum User {
    Thread(ThreadId),
    Task(u64),
}

/// The calls using the real value now, and the async calls waiting.
#[derive(Default)]
struct Users {
    using: Vec<(User, Mode)>,
    waiting: Vec<Waker>,
}

/// The calls using the real value now.
pub(crate) struct Access {
    /// Threads allowed to share the value, not one at a time.
    sync: bool,
    users: Mutex<Users>,
    released: Condvar,
}

/// Numbers the async calls that use a real value.
static TASKS: AtomicU64 = AtomicU64::new(0);

impl Access {
    pub(crate) fn new(sync: bool) -> Self {
        Access {
            sync,
            users: Mutex::new(Users::default()),
            released: Condvar::new(),
        }
    }

    /// Waits until this thread may use the value in `mode`; panics when
    /// that would mean waiting for itself.
    #[track_caller]
    pub(crate) fn acquire(&self, mode: Mode) -> Using<'_> {
        let me = thread::current().id();
        let mut users = lock(&self.users);
        loop {
            let mine = users
                .using
                .iter()
                .rev()
                .find(|(u, _)| *u == User::Thread(me))
                .map(|u| u.1);
            if let Some(held) = mine {
                if mode == Mode::Exclusive || held == Mode::Exclusive || !self.sync {
                    drop(users);
                    reentrant_panic(mode, held, self.sync);
                }
                // Nested `&self` calls on one thread share the value.
                break;
            }
            if self.free(&users, mode) {
                break;
            }
            users = self
                .released
                .wait(users)
                .unwrap_or_else(PoisonError::into_inner);
        }
        self.enter(&mut users, User::Thread(me), mode)
    }

    /// Waits, as a future, until an async call may use the value in
    /// `mode`; no thread is blocked meanwhile.
    pub(crate) fn acquire_async(&self, mode: Mode) -> Acquire<'_> {
        Acquire {
            access: self,
            mode,
            user: User::Task(TASKS.fetch_add(1, Ordering::Relaxed)),
        }
    }

    /// Whether a new user may use the value in `mode` beside the others.
    fn free(&self, users: &Users, mode: Mode) -> bool {
        match mode {
            Mode::Exclusive => users.using.is_empty(),
            Mode::Shared if self.sync => users.using.iter().all(|(_, m)| *m == Mode::Shared),
            Mode::Shared => users.using.is_empty(),
        }
    }

    fn enter(&self, users: &mut Users, user: User, mode: Mode) -> Using<'_> {
        users.using.push((user, mode));
        Using {
            access: self,
            user,
            mode,
        }
    }
}

/// [`Access::acquire_async`]'s future.
pub(crate) struct Acquire<'a> {
    access: &'a Access,
    mode: Mode,
    user: User,
}

impl<'a> Future for Acquire<'a> {
    type Output = Using<'a>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Using<'a>> {
        let access = self.access;
        let mut users = lock(&access.users);
        if access.free(&users, self.mode) {
            return Poll::Ready(access.enter(&mut users, self.user, self.mode));
        }
        // Woken when any user leaves; a wake that finds the value still
        // in use registers again.
        users.waiting.push(cx.waker().clone());
        Poll::Pending
    }
}

/// A call's use of the real value; ends when dropped (also on panic).
pub(crate) struct Using<'a> {
    access: &'a Access,
    user: User,
    mode: Mode,
}

impl Drop for Using<'_> {
    fn drop(&mut self) {
        let mut users = lock(&self.access.users);
        if let Some(index) = users
            .using
            .iter()
            .rposition(|u| *u == (self.user, self.mode))
        {
            users.using.remove(index);
        }
        let waiting = std::mem::take(&mut users.waiting);
        drop(users);
        self.access.released.notify_all();
        // Wakers are user code (an executor's): woken with no lock held.
        for waker in waiting {
            waker.wake();
        }
    }
}

#[cold]
#[track_caller]
fn reentrant_panic(mode: Mode, held: Mode, sync: bool) -> ! {
    let running = match held {
        Mode::Exclusive => "one of its `&mut self` methods runs",
        Mode::Shared => "one of its methods runs",
    };
    let why = match (mode, held, sync) {
        (Mode::Exclusive, ..) => {
            "this call takes `&mut self`, which needs the real value to itself"
        }
        (Mode::Shared, Mode::Exclusive, _) => {
            "the method running takes `&mut self`, which has the real value to itself"
        }
        (Mode::Shared, Mode::Shared, _) => {
            "the real value is not known to be `Sync` (the trait does not require it), so its \
             methods run one at a time"
        }
    };
    panic!(
        "a spy's real value was called while {running} on this thread (the real method \
         called back into its spy): {why}, and waiting would never end. Configure the method \
         called back (`return_value`, `side_effect`) so that it does not reach the real value."
    )
}
