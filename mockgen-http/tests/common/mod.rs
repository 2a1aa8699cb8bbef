//! Helpers shared by the integration tests: a watchdog, and raw TCP
//! exchanges for what no well-behaved client sends.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

/// Generous: only a hang should ever reach it.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// Runs `body` on another thread and fails if it has not finished within
/// [`PATIENCE`]: a hang fails the test instead of stalling the run.
pub fn watchdog<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = done.send(body());
    });
    match finished.recv_timeout(PATIENCE) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = worker.join().expect_err("the body ended without a value");
            std::panic::resume_unwind(panic)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("the test hung for {PATIENCE:?}"),
    }
}

/// Writes `bytes` on a new connection and reads until the server closes
/// it.
pub fn raw_exchange(address: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(address).expect("connect to the mock server");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.write_all(bytes).expect("write the request");
    let mut answer = Vec::new();
    // A reset after the answer is the server closing: keep what came.
    let _ = stream.read_to_end(&mut answer);
    answer
}

/// The text of a panic payload.
pub fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => payload
            .downcast::<&str>()
            .map(|text| (*text).to_owned())
            .unwrap_or_default(),
    }
}
