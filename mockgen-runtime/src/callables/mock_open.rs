//! In-memory files for code that reads and writes through `std::io`
//! (Python's `mock_open`).

use std::fmt;
use std::io::{self, BufRead, Cursor, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

use crate::state::message::list;
use crate::state::sync::lock;

/// A file stand-in (Python's `mock_open(read_data=…)`): every
/// [`open`](Self::open) gives a fresh [`MockFile`] reading `read_data` from
/// the start, and every write to any of them is recorded.
/// Pair it with a `#[patchable]` function that opens files, or pass the
/// files to code that takes `impl Read` / `impl Write`.
///
/// ```
/// use std::io::{BufRead, Write};
///
/// let file = mockgen::mock_open("first\nsecond\n");
/// let lines: Vec<String> = file.open().lines().map(Result::unwrap).collect();
/// assert_eq!(lines, ["first", "second"]);
///
/// let mut out = file.open();
/// write!(out, "x={}", 1).unwrap();
/// file.assert_written("x=1");
/// assert_eq!(file.open_count(), 2);
/// ```
#[derive(Clone)]
pub struct MockOpen {
    data: Arc<[u8]>,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    opens: usize,
    writes: Vec<Vec<u8>>,
    flushes: usize,
}

/// Makes a [`MockOpen`] serving `read_data` (text or bytes).
///
/// ```
/// use std::io::Read;
///
/// let mut bytes = Vec::new();
/// mockgen::mock_open(&b"\x00\x01"[..]).open().read_to_end(&mut bytes).unwrap();
/// assert_eq!(bytes, [0, 1]);
/// ```
pub fn mock_open(read_data: impl AsRef<[u8]>) -> MockOpen {
    MockOpen {
        data: Arc::from(read_data.as_ref()),
        state: Arc::default(),
    }
}

impl MockOpen {
    /// A new handle reading the data from the start.
    pub fn open(&self) -> MockFile {
        lock(&self.state).opens += 1;
        MockFile {
            cursor: Cursor::new(Arc::clone(&self.data)),
            state: Arc::clone(&self.state),
        }
    }

    /// How many times [`open`](Self::open) was called.
    ///
    /// ```
    /// let file = mockgen::mock_open("");
    /// let _ = (file.open(), file.open());
    /// assert_eq!(file.open_count(), 2);
    /// ```
    pub fn open_count(&self) -> usize {
        lock(&self.state).opens
    }

    /// Every write, in order, as the bytes each call wrote.
    ///
    /// ```
    /// use std::io::Write;
    ///
    /// let file = mockgen::mock_open("");
    /// file.open().write_all(b"ab").unwrap();
    /// assert_eq!(file.writes(), [b"ab".to_vec()]);
    /// ```
    pub fn writes(&self) -> Vec<Vec<u8>> {
        lock(&self.state).writes.clone()
    }

    /// All written bytes, concatenated.
    ///
    /// ```
    /// use std::io::Write;
    ///
    /// let file = mockgen::mock_open("");
    /// let mut out = file.open();
    /// out.write_all(b"a").unwrap();
    /// out.write_all(b"b").unwrap();
    /// assert_eq!(file.written(), b"ab");
    /// ```
    pub fn written(&self) -> Vec<u8> {
        lock(&self.state).writes.concat()
    }

    /// All written bytes as text (invalid UTF-8 replaced).
    ///
    /// ```
    /// use std::io::Write;
    ///
    /// let file = mockgen::mock_open("");
    /// writeln!(file.open(), "hello").unwrap();
    /// assert_eq!(file.written_string(), "hello\n");
    /// ```
    pub fn written_string(&self) -> String {
        String::from_utf8_lossy(&self.written()).into_owned()
    }

    /// How many times any handle was flushed.
    ///
    /// ```
    /// use std::io::Write;
    ///
    /// let file = mockgen::mock_open("");
    /// file.open().flush().unwrap();
    /// assert_eq!(file.flush_count(), 1);
    /// ```
    pub fn flush_count(&self) -> usize {
        lock(&self.state).flushes
    }

    /// Panics unless everything written, concatenated, equals `expected`.
    ///
    /// ```
    /// use std::io::Write;
    ///
    /// let file = mockgen::mock_open("");
    /// file.open().write_all(b"done").unwrap();
    /// file.assert_written("done");
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// mock_open: expected written data not found.
    /// Expected: "done"
    ///   Actual: "don"
    /// Writes: ["do", "n"]
    /// ```
    #[track_caller]
    pub fn assert_written(&self, expected: impl AsRef<[u8]>) {
        let written = self.written();
        if written != expected.as_ref() {
            let writes: Vec<String> = self.writes().iter().map(|w| text(w)).collect();
            panic!(
                "mock_open: expected written data not found.\nExpected: {}\n  Actual: {}\nWrites: {}",
                text(expected.as_ref()),
                text(&written),
                list(&writes)
            );
        }
    }
}

fn text(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(bytes))
}

impl fmt::Debug for MockOpen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockOpen")
            .field("read_data", &String::from_utf8_lossy(&self.data))
            .field("open_count", &self.open_count())
            .finish()
    }
}

/// One handle returned by [`MockOpen::open`]: reads the data (`Read`,
/// `BufRead`, `Seek`) and records writes (`Write`).
pub struct MockFile {
    cursor: Cursor<Arc<[u8]>>,
    state: Arc<Mutex<State>>,
}

impl fmt::Debug for MockFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockFile")
            .field("position", &self.cursor.position())
            .finish()
    }
}

impl Read for MockFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.cursor.read(buf)
    }
}

impl BufRead for MockFile {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.cursor.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.cursor.consume(amount);
    }
}

impl Seek for MockFile {
    fn seek(&mut self, position: SeekFrom) -> io::Result<u64> {
        self.cursor.seek(position)
    }
}

impl Write for MockFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        lock(&self.state).writes.push(buf.to_vec());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        lock(&self.state).flushes += 1;
        Ok(())
    }
}
