//! Who is using a spy's real value: the rules a `RefCell` applies, across
//! threads. Any number of `&self` calls may use it at once (on several
//! threads only when the value is `Sync`); a `&mut self` call needs it to
//! itself. A call that would wait for its own thread, because a real method
//! called back into its spy, panics and says so instead of hanging.
//!
//! Only this bookkeeping is locked, never while a real method runs; the
//! lock that holds the value itself is taken after access is granted, when
//! no other thread can be waiting for it.

use std::sync::{Condvar, Mutex, PoisonError};
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

/// The calls using the real value now.
pub(crate) struct Access {
    /// Threads allowed to share the value, not one at a time.
    sync: bool,
    users: Mutex<Vec<(ThreadId, Mode)>>,
    released: Condvar,
}

impl Access {
    pub(crate) fn new(sync: bool) -> Self {
        Access {
            sync,
            users: Mutex::new(Vec::new()),
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
            let mine = users.iter().rev().find(|(t, _)| *t == me).map(|u| u.1);
            if let Some(held) = mine {
                if mode == Mode::Exclusive || held == Mode::Exclusive || !self.sync {
                    drop(users);
                    reentrant_panic(mode, held, self.sync);
                }
                // Nested `&self` calls on one thread share the value.
                break;
            }
            let free = match mode {
                Mode::Exclusive => users.is_empty(),
                Mode::Shared if self.sync => users.iter().all(|(_, m)| *m == Mode::Shared),
                Mode::Shared => users.is_empty(),
            };
            if free {
                break;
            }
            users = self
                .released
                .wait(users)
                .unwrap_or_else(PoisonError::into_inner);
        }
        users.push((me, mode));
        Using {
            access: self,
            thread: me,
            mode,
        }
    }
}

/// A call's use of the real value; ends when dropped (also on panic).
pub(crate) struct Using<'a> {
    access: &'a Access,
    thread: ThreadId,
    mode: Mode,
}

impl Drop for Using<'_> {
    fn drop(&mut self) {
        let mut users = lock(&self.access.users);
        if let Some(index) = users.iter().rposition(|u| *u == (self.thread, self.mode)) {
            users.remove(index);
        }
        drop(users);
        self.access.released.notify_all();
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
