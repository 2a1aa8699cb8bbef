//! The threads servers run on: each running server has one to itself (a
//! side effect that blocks holds up only its own server), and a stopped
//! server's thread, with its tokio runtime, waits for the next server
//! instead of ending. Starting a server then costs a bind, not a thread
//! and a runtime.

use std::io;
use std::sync::Mutex;

use tokio::runtime::Handle;
use tokio::sync::oneshot;

use crate::sync::lock;

/// How many idle threads are kept: as many as the servers a test binary
/// typically has running at once; the others end.
const KEEP_IDLE: usize = 16;

static IDLE: Mutex<Vec<Worker>> = Mutex::new(Vec::new());

/// A thread running a current-thread tokio runtime, which serves what is
/// spawned on [`handle`](Self::handle) until the worker is dropped.
pub(crate) struct Worker {
    handle: Handle,
    /// Dropping it ends the thread (its receiver is what the thread's
    /// runtime blocks on).
    _retire: oneshot::Sender<()>,
}

impl Worker {
    /// An idle worker, or a new one.
    pub(crate) fn take() -> io::Result<Worker> {
        let idle = lock(&IDLE).pop();
        match idle {
            Some(worker) => Ok(worker),
            None => Worker::spawn(),
        }
    }

    fn spawn() -> io::Result<Worker> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()?;
        let handle = runtime.handle().clone();
        let (retire, retired) = oneshot::channel::<()>();
        std::thread::Builder::new()
            .name("mockgen-http".to_owned())
            .spawn(move || {
                let _ = runtime.block_on(retired);
            })?;
        Ok(Worker {
            handle,
            _retire: retire,
        })
    }

    pub(crate) fn handle(&self) -> &Handle {
        &self.handle
    }

    /// Back to the idle ones, once what it served has ended; beyond
    /// [`KEEP_IDLE`] it ends instead.
    pub(crate) fn release(self) {
        let mut idle = lock(&IDLE);
        if idle.len() < KEEP_IDLE {
            idle.push(self);
        } else {
            drop(idle);
            drop(self);
        }
    }
}
