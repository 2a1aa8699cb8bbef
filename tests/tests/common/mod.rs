//! Helpers shared by the integration tests: running code that is expected to
//! panic, and reading the panic's message and location.
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// Where a panic was reported: the file and line `#[track_caller]` chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanicLocation {
    pub file: String,
    pub line: u32,
}

thread_local! {
    /// Set while `catch` runs `f`, so that expected panics stay quiet.
    static EXPECTING: Cell<bool> = const { Cell::new(false) };
    /// The location of the last panic on this thread.
    static LAST_LOCATION: RefCell<Option<PanicLocation>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs (once per test binary) a panic hook that remembers the location
/// of every panic on the panicking thread, and prints only unexpected panics.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let location = info.location().map(|l| PanicLocation {
                file: l.file().to_owned(),
                line: l.line(),
            });
            LAST_LOCATION.with(|last| *last.borrow_mut() = location);
            if !EXPECTING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, which must panic, and returns the panic's message and location.
///
/// Panics (failing the test) when `f` returns normally.
#[track_caller]
pub fn catch<R>(f: impl FnOnce() -> R) -> (String, PanicLocation) {
    install_hook();
    let was_expecting = EXPECTING.with(|e| e.replace(true));
    LAST_LOCATION.with(|last| *last.borrow_mut() = None);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    EXPECTING.with(|e| e.set(was_expecting));
    let payload = match result {
        Ok(_) => panic!("expected a panic, but the code returned normally"),
        Err(payload) => payload,
    };
    let message = payload_text(&*payload);
    let location = LAST_LOCATION
        .with(|last| last.borrow_mut().take())
        .expect("the panic hook saw the panic");
    (message, location)
}

/// Runs `f`, which must panic, and returns the panic's message.
#[track_caller]
pub fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    catch(f).0
}

/// The text of a panic payload (`panic!("…")` gives `&str` or `String`).
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}

/// Runs `f` with panics on this thread kept quiet (they still unwind): for
/// code that panics on purpose where `catch` cannot be used.
pub fn quietly<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            EXPECTING.with(|e| e.set(self.0));
        }
    }
    install_hook();
    let _restore = Restore(EXPECTING.with(|e| e.replace(true)));
    f()
}

/// Whether `f` returns without panicking (a failing assertion inside it is
/// caught and kept quiet).
pub fn passes<R>(f: impl FnOnce() -> R) -> bool {
    install_hook();
    let was_expecting = EXPECTING.with(|e| e.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    EXPECTING.with(|e| e.set(was_expecting));
    result.is_ok()
}

/// The failure message of `f`, or `None` when it returns normally: a
/// negative check compares it with the failure it expects, so that a panic
/// of another kind (a matcher that crashes, a type mismatch) fails the test
/// instead of counting as "no match".
pub fn failure<R>(f: impl FnOnce() -> R) -> Option<String> {
    install_hook();
    let was_expecting = EXPECTING.with(|e| e.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    EXPECTING.with(|e| e.set(was_expecting));
    result.err().map(|payload| payload_text(&*payload))
}

/// Runs `f` on its own thread and returns its result, or fails the test if
/// it has not finished within `seconds`: a deadlock fails fast instead of
/// hanging the test run. A panic in `f` is passed on.
#[track_caller]
pub fn within<R: Send + 'static>(seconds: u64, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (done, result) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let outcome = panic::catch_unwind(AssertUnwindSafe(f));
        let _ = done.send(());
        match outcome {
            Ok(value) => value,
            Err(payload) => panic::resume_unwind(payload),
        }
    });
    match result.recv_timeout(std::time::Duration::from_secs(seconds)) {
        Ok(()) => match worker.join() {
            Ok(value) => value,
            Err(payload) => panic::resume_unwind(payload),
        },
        Err(_) => panic!("hung: not finished within {seconds} s (a deadlock?)"),
    }
}

/// The current thread's directory in `/proc` (`/proc/<pid>/task/<tid>`),
/// for [`until_blocked`]; `None` where there is no `/proc`.
pub fn this_thread_in_proc() -> Option<std::path::PathBuf> {
    let relative = std::fs::read_link("/proc/thread-self").ok()?;
    Some(std::path::Path::new("/proc").join(relative))
}

/// Returns once `thread` (from [`this_thread_in_proc`], sent by a thread
/// just before it takes a lock) sleeps in the kernel on a futex, as a
/// thread held off by a lock or a condition variable does: proof that it
/// reached the lock and waits. Fails after `seconds` rather than hang.
/// Without `/proc` there is nothing to read, and it only gives the thread
/// 100 ms to get there.
#[track_caller]
pub fn until_blocked(thread: Option<&std::path::Path>, seconds: u64) {
    let Some(thread) = thread else {
        std::thread::sleep(std::time::Duration::from_millis(100));
        return;
    };
    let asleep_on_a_futex = || {
        let stat = std::fs::read_to_string(thread.join("stat")).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        let state = stat
            .rsplit_once(") ")
            .and_then(|(_, rest)| rest.chars().next());
        let wchan = std::fs::read_to_string(thread.join("wchan")).unwrap_or_default();
        // A kernel that hides where a thread sleeps shows `0`.
        state == Some('S') && (wchan.contains("futex") || wchan == "0" || wchan.is_empty())
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while !asleep_on_a_futex() {
        assert!(
            std::time::Instant::now() < deadline,
            "hung: {} never waited on the lock within {seconds} s",
            thread.display()
        );
        std::thread::yield_now();
    }
}

/// A failure report without the places it names for expectations (`; set
/// at file:line` and `Expectation set at file:line.`), for tests about the
/// rest of the text; `tests/panic_locations.rs` checks the places.
pub fn without_set_at(report: &str) -> String {
    report
        .lines()
        .filter(|line| !line.trim_start().starts_with("Expectation set at "))
        .map(|line| match line.find("; set at ") {
            Some(at) => format!("{}.", &line[..at]),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// [`panic_message`] of a failure report, without its places
/// ([`without_set_at`]).
#[track_caller]
pub fn report_of<R>(f: impl FnOnce() -> R) -> String {
    without_set_at(&panic_message(f))
}

/// The repository's root directory.
pub fn repo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is inside the repository")
        .to_path_buf()
}

/// The text of a file of the repository; panics saying which is missing.
pub fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
