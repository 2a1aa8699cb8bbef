//! The server itself: hyper on a current-thread tokio runtime, on a thread
//! of its own, so that it serves plain `#[test]`s and async tests alike
//! (whatever runtime the test has, it never runs on it). Stopping it drops
//! the runtime, which closes the listener and every connection.

use std::convert::Infallible;
use std::io;
use std::net::TcpListener as StdListener;
use std::sync::Arc;
use std::thread::JoinHandle;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use crate::fault_io::{FaultCell, FaultyIo};
use crate::request::Request;
use crate::response::Response;
use crate::routes::Routes;

/// A running server; [`stop`](Self::stop) ends it.
pub(crate) struct Serving {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Serving {
    /// Serves `listener` on a new thread. The runtime is built here, so
    /// that a failure is the caller's error.
    pub(crate) fn start(listener: StdListener, routes: Arc<Routes>) -> io::Result<Serving> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()?;
        listener.set_nonblocking(true)?;
        let listener = {
            let _context = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("mockgen-http".to_owned())
            .spawn(move || {
                runtime.block_on(accept(listener, routes, stopped));
                // Dropping the runtime cancels every connection task and
                // closes their sockets; the listener is already closed.
                drop(runtime);
            })?;
        Ok(Serving {
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Stops accepting, closes every connection and waits until the
    /// thread is gone (and the port free).
    pub(crate) fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            // A panic there was a request's, already answered with 500.
            let _ = thread.join();
        }
    }
}

async fn accept(listener: TcpListener, routes: Arc<Routes>, mut stopped: oneshot::Receiver<()>) {
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(serve_connection(stream, Arc::clone(&routes)));
                }
                // Out of file descriptors, or the client gave up before
                // the accept: the listener itself is fine.
                Err(_) => tokio::task::yield_now().await,
            },
        }
    }
}

async fn serve_connection(stream: TcpStream, routes: Arc<Routes>) {
    let _ = stream.set_nodelay(true);
    let fault = Arc::new(FaultCell::default());
    let io = FaultyIo::new(TokioIo::new(stream), Arc::clone(&fault));
    let service = service_fn(move |request| {
        let (routes, fault) = (Arc::clone(&routes), Arc::clone(&fault));
        async move { Ok::<_, Infallible>(handle(&routes, &fault, request).await) }
    });
    // Errors end one connection: a malformed request (hyper answers it
    // with 400 itself), a client that went away, a fault.
    let _ = http1::Builder::new()
        .keep_alive(true)
        .serve_connection(io, service)
        .await;
}

async fn handle(
    routes: &Routes,
    fault: &FaultCell,
    request: hyper::Request<Incoming>,
) -> hyper::Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return plain(400, "the request body could not be read"),
    };
    let target = parts
        .uri
        .path_and_query()
        .map_or("/", |target| target.as_str())
        .to_owned();
    let request = Request::new(parts.method, target, parts.headers, body, routes.arrival());
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
