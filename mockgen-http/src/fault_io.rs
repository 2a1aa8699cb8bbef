//! The socket of one connection, which a fault can take over: the next
//! response is then not written (a dropped connection) or replaced by
//! bytes that are not HTTP (a malformed response), and the connection ends.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::task::{Context, Poll, ready};

use hyper::rt::{Read, ReadBufCursor, Write};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::response::{Fault, MALFORMED};

/// The fault to apply to a connection's next response, set by the request
/// handler before hyper writes the response.
#[derive(Default)]
pub(crate) struct FaultCell(AtomicU8);

const NONE: u8 = 0;
const DROP: u8 = 1;
const MALFORM: u8 = 2;

impl FaultCell {
    pub(crate) fn set(&self, fault: Fault) {
        let code = match fault {
            Fault::DropConnection => DROP,
            Fault::Malformed => MALFORM,
        };
        self.0.store(code, Ordering::Release);
    }

    fn get(&self) -> u8 {
        self.0.load(Ordering::Acquire)
    }
}

pub(crate) struct FaultyIo {
    inner: TokioIo<TcpStream>,
    fault: Arc<FaultCell>,
    /// What is left to write of the malformed answer.
    garbage: &'static [u8],
}

impl FaultyIo {
    pub(crate) fn new(inner: TokioIo<TcpStream>, fault: Arc<FaultCell>) -> Self {
        FaultyIo {
            inner,
            fault,
            garbage: MALFORMED,
        }
    }

    /// Applies a pending fault; `None` when there is none.
    fn poll_fault(&mut self, cx: &mut Context<'_>) -> Option<Poll<io::Result<usize>>> {
        match self.fault.get() {
            NONE => None,
            MALFORM if !self.garbage.is_empty() => {
                let written = match Pin::new(&mut self.inner).poll_write(cx, self.garbage) {
                    Poll::Ready(Ok(n)) => n,
                    Poll::Ready(Err(e)) => return Some(Poll::Ready(Err(e))),
                    Poll::Pending => return Some(Poll::Pending),
                };
                self.garbage = &self.garbage[written..];
                cx.waker().wake_by_ref();
                Some(Poll::Pending)
            }
            _ => Some(Poll::Ready(Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "the mock answered with a fault",
            )))),
        }
    }
}

impl Read for FaultyIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl Write for FaultyIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(faulted) = self.poll_fault(cx) {
            return faulted;
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if let Some(faulted) = self.poll_fault(cx) {
            return faulted;
        }
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.fault.get() != NONE {
            ready!(Pin::new(&mut self.inner).poll_flush(cx))?;
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "the mock answered with a fault",
            )));
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
