//! The threads servers run on: each running server has a small tokio
//! runtime to itself (a side effect that blocks holds up only its own
//! server), and a stopped server's runtime, with its threads, waits for
//! the next server instead of ending. Starting a server then costs a
//! bind, not threads and a runtime.

use std::io;
use std::sync::Mutex;

use tokio::runtime::{Handle, Runtime};

use crate::sync::lock;

/// How many idle runtimes are kept: as many as the servers a test binary
/// typically has running at once; the others end.
const KEEP_IDLE: usize = 16;

/// The threads of one server's runtime. Two: a server on one thread is
/// one runnable thread against its clients' many, and they queue behind
/// it; with two, the benches' 1,000 requests from 8 client threads take
/// about half the time (`benches/README.md`), and a single request no
/// longer.
const THREADS: usize = 2;

static IDLE: Mutex<Vec<Worker>> = Mutex::new(Vec::new());

/// A multi-threaded tokio runtime that serves what is spawned on
/// [`handle`](Self::handle) until the worker is dropped.
pub(crate) struct Worker {
    /// Only `Drop` takes it.
    runtime: Option<Runtime>,
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
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(THREADS)
            .thread_name("mockgen-http")
            .enable_io()
            .enable_time()
            .build()?;
        Ok(Worker {
            runtime: Some(runtime),
        })
    }

    pub(crate) fn handle(&self) -> &Handle {
        self.runtime
            .as_ref()
            .expect("invariant: only `Drop` takes the runtime")
            .handle()
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

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Without waiting for its threads: a server is dropped
            // anywhere, async tests included, where a runtime cannot
            // block to shut down. What it served has ended already.
            runtime.shutdown_background();
        }
    }
}
