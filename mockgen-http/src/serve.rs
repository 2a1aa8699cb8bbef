//! The server itself: hyper on a tokio runtime of its own ([`Worker`]),
//! so that it serves plain `#[test]`s and async tests alike (whatever
//! runtime the test has, it never runs on it). Requests go to the routes
//! of the server that has the socket ([`Current`]). Stopping it closes the
//! listener and every connection before the runtime goes back to the idle
//! ones.

use std::convert::Infallible;
use std::io;
use std::net::TcpListener as StdListener;
use std::sync::{Arc, Mutex, mpsc};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinSet;

use crate::detach;
use crate::fault_io::{FaultCell, FaultyIo};
use crate::pool::Current;
use crate::request::Request;
use crate::response::Response;
use crate::workers::Worker;

/// A running server; [`stop`](Self::stop) ends it.
pub(crate) struct Serving {
    worker: Option<Worker>,
    stop: Option<oneshot::Sender<()>>,
    /// Disconnected once the listener and every connection are closed
    /// (in a `Mutex` only to make the server `Sync`).
    stopped: Option<Mutex<mpsc::Receiver<()>>>,
}

impl Serving {
    /// Serves `listener` on a worker. The listener is registered
    /// here, so that a failure is the caller's error.
    pub(crate) fn start(listener: StdListener, current: Arc<Current>) -> io::Result<Serving> {
        let worker = Worker::take()?;
        listener.set_nonblocking(true)?;
        let listener = {
            let _context = worker.handle().enter();
            TcpListener::from_std(listener)?
        };
        let (stop, stop_requested) = oneshot::channel();
        let (closed, stopped) = mpsc::channel();
        worker
            .handle()
            .spawn(accept(listener, current, stop_requested, closed));
        Ok(Serving {
            worker: Some(worker),
            stop: Some(stop),
            stopped: Some(Mutex::new(stopped)),
        })
    }

    /// The running server, leaving a stopped one in its place.
    pub(crate) fn take(&mut self) -> Serving {
        Serving {
            worker: self.worker.take(),
            stop: self.stop.take(),
            stopped: self.stopped.take(),
        }
    }

    /// Stops accepting and closes every connection; returns once they are
    /// closed (and the port free).
    pub(crate) fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(stopped) = self.stopped.take() {
            // Only ever disconnected: when `accept` has ended (or
            // panicked, which drops its sender all the same).
            let _ = stopped.into_inner().map(|stopped| stopped.recv());
        }
        if let Some(worker) = self.worker.take() {
            worker.release();
        }
    }
}

/// Accepts connections until asked to stop, then closes the listener and
/// every connection; `closed` is dropped last.
async fn accept(
    listener: TcpListener,
    current: Arc<Current>,
    mut stop_requested: oneshot::Receiver<()>,
    closed: mpsc::Sender<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop_requested => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, Arc::clone(&current)));
                }
                // Out of file descriptors, or the client gave up before
                // the accept: the listener itself is fine.
                Err(_) => tokio::task::yield_now().await,
            },
            // Forget the connections that ended.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    // Aborts each connection and waits until its socket is dropped.
    connections.shutdown().await;
    drop(closed);
}

async fn serve_connection(stream: TcpStream, current: Arc<Current>) {
    let _ = stream.set_nodelay(true);
    let fault = Arc::new(FaultCell::default());
    let io = FaultyIo::new(TokioIo::new(stream), Arc::clone(&fault));
    let service = service_fn(move |request| {
        let (current, fault) = (Arc::clone(&current), Arc::clone(&fault));
        async move { Ok::<_, Infallible>(handle(&current, &fault, request).await) }
    });
    // Errors end one connection: a malformed request (hyper answers it
    // with 400 itself), a client that went away, a fault.
    let _ = http1::Builder::new()
        .keep_alive(true)
        .serve_connection(io, service)
        .await;
}

async fn handle(
    current: &Current,
    fault: &FaultCell,
    request: hyper::Request<Incoming>,
) -> hyper::Response<Full<Bytes>> {
    let Some(routes) = current.get() else {
        return plain(
            503,
            "this pooled server is between tests: no MockServer has it",
        );
    };
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => detach::body(collected.to_bytes()),
        Err(_) => return plain(400, "the request body could not be read"),
    };
    let target = parts
        .uri
        .path_and_query()
        .map_or("/", |target| target.as_str())
        .to_owned();
    let headers = detach::headers(parts.headers);
    let request = Request::new(parts.method, target, headers, body, routes.arrival());
    let response = routes.answer(request);
    if let Some(delay) = response.delay {
        tokio::time::sleep(delay).await;
    }
    if let Some(kind) = response.fault {
        fault.set(kind);
    }
    to_hyper(response)
}

fn to_hyper(response: Response) -> hyper::Response<Full<Bytes>> {
    let mut out = hyper::Response::new(Full::new(response.body));
    *out.status_mut() = hyper::StatusCode::from_u16(response.status)
        .expect("invariant: `Response::new` checks the status range");
    let headers = out.headers_mut();
    for (name, value) in response.headers {
        headers.append(name, value);
    }
    out
}

fn plain(status: u16, text: &'static str) -> hyper::Response<Full<Bytes>> {
    to_hyper(Response::new(status).text(text))
}
