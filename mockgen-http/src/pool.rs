//! Sockets that outlive their servers: [`MockServer::pooled`] takes one a
//! server dropped earlier gave back, instead of binding a port and
//! registering a listener.
//!
//! A socket's connections answer with the routes of whichever server has
//! the socket now ([`Current`]); between two servers, nobody's.
//!
//! [`MockServer::pooled`]: crate::MockServer::pooled

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use crate::routes::Routes;
use crate::serve::Serving;
use crate::sync::lock;

/// How many idle sockets are kept: as many as the servers a test binary
/// typically has running at once; the others are closed.
const KEEP_IDLE: usize = 16;

static IDLE: Mutex<Vec<Socket>> = Mutex::new(Vec::new());

/// The routes a socket's requests go to, replaced when the socket changes
/// hands.
#[derive(Default)]
pub(crate) struct Current(Mutex<Option<Arc<Routes>>>);

impl Current {
    /// The routes of the server that has the socket, out of the lock.
    pub(crate) fn get(&self) -> Option<Arc<Routes>> {
        lock(&self.0).clone()
    }

    /// Hands the socket to `routes`; returns the previous routes, for the
    /// caller to drop after the lock (they hold user values).
    pub(crate) fn replace(&self, routes: Option<Arc<Routes>>) -> Option<Arc<Routes>> {
        std::mem::replace(&mut *lock(&self.0), routes)
    }
}

/// A listening socket and what serves it.
pub(crate) struct Socket {
    pub(crate) address: SocketAddr,
    pub(crate) serving: Serving,
    pub(crate) current: Arc<Current>,
}

/// An idle socket, if there is one.
pub(crate) fn take() -> Option<Socket> {
    lock(&IDLE).pop()
}

/// Keeps `socket` for the next pooled server; beyond [`KEEP_IDLE`] it is
/// closed instead.
pub(crate) fn give_back(mut socket: Socket) {
    let mut idle = lock(&IDLE);
    if idle.len() < KEEP_IDLE {
        idle.push(socket);
    } else {
        drop(idle);
        socket.serving.stop();
    }
}
