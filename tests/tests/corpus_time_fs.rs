//! Corpus of clock and file-system traits: `now() -> SystemTime/Instant/u64`, `sleep(Duration)`, tickers, `read(&Path) -> io::Result<Vec<u8>>`, `write(impl AsRef<Path>, &[u8])`, `exists`, `list_dir`, metadata, boxed readers/writers, watchers and environment lookups, and an async timer.
#![deny(warnings)]

use mockgen::prelude::*;
use std::io::{self, Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

// --- 1. a wall clock and a monotonic clock -----------------------------------

#[automock]
pub trait Clock: Send + Sync {
    fn now(&self) -> SystemTime;
    fn monotonic(&self) -> Instant;
    fn unix_millis(&self) -> u64 {
        self.now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64)
    }
}

fn is_expired(clock: &dyn Clock, issued_millis: u64, ttl: Duration) -> bool {
    clock.unix_millis() >= issued_millis + ttl.as_millis() as u64
}

fn measure(clock: &Arc<dyn Clock>, work: impl FnOnce()) -> Duration {
    let start = clock.monotonic();
    work();
    clock.monotonic() - start
}

#[test]
fn clock_default_unix_millis_reads_the_configured_now() {
    let clock = MockClock::new();
    clock
        .now
        .return_value(UNIX_EPOCH + Duration::from_millis(10_000));

    assert!(!is_expired(&clock, 9_000, Duration::from_secs(2)));
    assert!(is_expired(&clock, 8_000, Duration::from_secs(2)));

    assert_eq!(clock.unix_millis.call_count(), 2);
    assert_eq!(clock.now.call_count(), 2);
    clock.monotonic.assert_not_called();
}

#[test]
fn clock_monotonic_instants_come_from_side_effect_iter() {
    let clock = MockClock::new();
    let base = Instant::now();
    clock
        .monotonic
        .side_effect_iter([base, base + Duration::from_millis(1500)]);
    let shared: Arc<dyn Clock> = Arc::new(clock.clone());

    let mut ran = false;
    assert_eq!(measure(&shared, || ran = true), Duration::from_millis(1500));
    assert!(ran);
    assert_eq!(clock.monotonic.call_count(), 2);
}

#[test]
fn clock_unix_millis_can_be_configured_directly() {
    let clock = MockClock::new();
    clock.unix_millis.return_value(42);
    assert!(is_expired(&clock, 0, Duration::from_millis(42)));
    clock.now.assert_not_called();
}

// --- 2. a sleeper used by retry loops ---------------------------------------------

#[automock]
pub trait Sleeper {
    fn sleep(&self, duration: Duration);
}

fn retry<T, E>(
    sleeper: &impl Sleeper,
    attempts: u32,
    mut op: impl FnMut() -> Result<T, E>,
) -> Result<T, E> {
    let mut delay = Duration::from_millis(50);
    let mut n = 1;
    loop {
        match op() {
            Err(_) if n < attempts => {
                sleeper.sleep(delay);
                delay *= 2;
                n += 1;
            }
            done => return done,
        }
    }
}

#[test]
fn sleeper_records_exponential_backoff_between_attempts() {
    let sleeper = MockSleeper::new();
    let mut results = vec![Err("a"), Err("b"), Ok(5)].into_iter();

    assert_eq!(retry(&sleeper, 5, || results.next().unwrap()), Ok(5));

    sleeper.sleep.assert_has_calls([
        call!(Duration::from_millis(50)),
        call!(Duration::from_millis(100)),
    ]);
    assert_eq!(sleeper.sleep.call_count(), 2);
}

#[test]
fn sleeper_is_not_called_after_the_last_attempt() {
    let sleeper = MockSleeper::new();
    assert_eq!(retry::<(), _>(&sleeper, 2, || Err("no")), Err("no"));
    sleeper
        .sleep
        .assert_called_once_with(call!(Duration::from_millis(50)));
}

// --- 3. a ticker driven by &mut self ----------------------------------------------

#[automock]
pub trait Ticker {
    fn tick(&mut self) -> Instant;
    fn period(&self) -> Duration;
}

fn count_late_ticks(t: &mut dyn Ticker, n: usize) -> usize {
    let period = t.period();
    let mut last = t.tick();
    let mut late = 0;
    for _ in 0..n {
        let now = t.tick();
        if now - last > period {
            late += 1;
        }
        last = now;
    }
    late
}

#[test]
fn ticker_counts_ticks_later_than_the_period() {
    let mut t = MockTicker::new();
    let base = Instant::now();
    t.period.return_value(Duration::from_millis(100));
    t.tick
        .side_effect_iter([0, 100, 250, 350, 600].map(|ms| base + Duration::from_millis(ms)));

    assert_eq!(count_late_ticks(&mut t, 4), 2);
    assert_eq!(t.tick.call_count(), 5);
    t.period.assert_called_once();
}

// --- 4. a file system with generic path arguments ----------------------------------

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileMeta {
    pub len: u64,
    pub is_dir: bool,
    pub modified: Option<SystemTime>,
}

#[automock]
pub trait FileSystem {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    fn write(&self, path: impl AsRef<Path>, data: &[u8]) -> io::Result<()>;
    fn exists(&self, path: &Path) -> bool;
    fn list_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>>;
    fn metadata(&self, path: &Path) -> io::Result<FileMeta>;
    fn create_dir_all(&self, path: &Path) -> io::Result<()>;
}

/// Copies the regular `*.toml` files of `from` into `to`; returns the bytes copied.
fn backup_configs<F: FileSystem>(fs: &F, from: &Path, to: &Path) -> io::Result<u64> {
    if !fs.exists(to) {
        fs.create_dir_all(to)?;
    }
    let mut total = 0;
    for entry in fs.list_dir(from)? {
        if entry.extension().is_none_or(|e| e != "toml") || fs.metadata(&entry)?.is_dir {
            continue;
        }
        let data = fs.read(&entry)?;
        fs.write(to.join(entry.file_name().unwrap()), &data)?;
        total += data.len() as u64;
    }
    Ok(total)
}

#[test]
fn file_system_backup_copies_toml_files_only() {
    let fs = MockFileSystem::new();
    fs.exists.return_value(false);
    fs.create_dir_all.side_effect(|_| Ok(()));
    fs.list_dir.side_effect(|_| {
        Ok(vec![
            PathBuf::from("/etc/app/a.toml"),
            PathBuf::from("/etc/app/notes.txt"),
            PathBuf::from("/etc/app/b.toml"),
        ])
    });
    fs.metadata.side_effect(|_| Ok(FileMeta::default()));
    fs.read
        .side_effect(|p| Ok(p.to_string_lossy().as_bytes().to_vec()));
    // `io::Result` is not `Clone`: fallible io returns are built by a side effect.
    fs.write.side_effect(|_, _| Ok(()));

    let copied = backup_configs(&fs, Path::new("/etc/app"), Path::new("/backup")).unwrap();

    assert_eq!(copied, 30);
    fs.create_dir_all
        .assert_called_once_with(call!(Path::new("/backup")));
    fs.read
        .assert_has_calls([call!("/etc/app/a.toml"), call!("/etc/app/b.toml")]);
    fs.write.assert_has_calls([
        call!(PathBuf::from("/backup/a.toml"), b"/etc/app/a.toml"),
        call!(PathBuf::from("/backup/b.toml"), b"/etc/app/b.toml"),
    ]);
    assert_eq!(fs.metadata.call_count(), 2);
}

#[test]
fn file_system_backup_stops_on_the_first_read_error() {
    let fs = MockFileSystem::new();
    fs.exists.return_value(true);
    fs.list_dir
        .side_effect(|_| Ok(vec![PathBuf::from("/c/x.toml")]));
    fs.metadata.side_effect(|_| Ok(FileMeta::default()));
    fs.read
        .side_effect(|_| Err(io::Error::new(io::ErrorKind::PermissionDenied, "denied")));

    let err = backup_configs(&fs, Path::new("/c"), Path::new("/d")).unwrap_err();

    assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
    fs.create_dir_all.assert_not_called();
    fs.write.assert_not_called();
    fs.exists.assert_called_once_with(call!("/d"));
}

// --- 5. an object-safe VFS handing out boxed readers and writers -------------------

#[automock]
pub trait Vfs: Send + Sync {
    fn open(&self, path: &Path) -> io::Result<Box<dyn Read + Send>>;
    fn create(&self, path: &Path) -> io::Result<Box<dyn Write + Send>>;
}

/// A writer that shares its buffer with the test.
#[derive(Clone, Default)]
struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn upper_case_file(vfs: &dyn Vfs, from: &Path, to: &Path) -> io::Result<usize> {
    let mut text = String::new();
    vfs.open(from)?.read_to_string(&mut text)?;
    let mut out = vfs.create(to)?;
    out.write_all(text.to_uppercase().as_bytes())?;
    Ok(text.len())
}

#[test]
fn vfs_serves_cursor_readers_and_captures_written_bytes() {
    let vfs = MockVfs::new();
    vfs.open
        .side_effect(|_| Ok(Box::new(Cursor::new(b"hello".to_vec()))));
    let sink = SharedBuf::default();
    let writer = sink.clone();
    vfs.create
        .side_effect(move |_| Ok(Box::new(writer.clone())));

    assert_eq!(
        upper_case_file(&vfs, Path::new("in.txt"), Path::new("out.txt")).unwrap(),
        5
    );

    assert_eq!(*sink.0.lock().unwrap(), b"HELLO");
    vfs.open.assert_called_once_with(call!("in.txt"));
    vfs.create
        .assert_called_once_with(call!(PathBuf::from("out.txt")));
}

// --- 6. a file watcher taking a boxed FnMut callback --------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchId(pub u32);

#[automock]
pub trait Watcher {
    fn watch(
        &mut self,
        path: &Path,
        recursive: bool,
        on_change: Box<dyn FnMut(PathBuf) + Send>,
    ) -> io::Result<WatchId>;
    fn unwatch(&mut self, id: WatchId) -> bool;
}

fn collect_changes(
    w: &mut dyn Watcher,
    dir: &Path,
) -> io::Result<(WatchId, Arc<Mutex<Vec<PathBuf>>>)> {
    let changes = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&changes);
    let id = w.watch(dir, true, Box::new(move |p| sink.lock().unwrap().push(p)))?;
    Ok((id, changes))
}

#[test]
fn watcher_callback_receives_changes_fired_by_the_side_effect() {
    let mut w = MockWatcher::new();
    w.watch.side_effect(|path, _, mut on_change| {
        on_change(path.join("a.rs"));
        on_change(path.join("b.rs"));
        Ok(WatchId(9))
    });

    let (id, changes) = collect_changes(&mut w, Path::new("/src")).unwrap();

    assert_eq!(id, WatchId(9));
    assert_eq!(
        *changes.lock().unwrap(),
        [PathBuf::from("/src/a.rs"), PathBuf::from("/src/b.rs")]
    );
    w.watch.assert_called_once_with(call!("/src", true, ANY));
    assert!(!w.unwatch(id));
    w.unwatch.assert_called_once_with(call!(WatchId(9)));
}

// --- 7. environment and directories ----------------------------------------------------

#[automock]
pub trait Env {
    fn var(&self, key: &str) -> Option<String>;
    fn home_dir(&self) -> Option<PathBuf>;
    fn current_dir(&self) -> io::Result<PathBuf>;
}

fn config_path(env: &dyn Env) -> io::Result<PathBuf> {
    if let Some(explicit) = env.var("APP_CONFIG") {
        return Ok(PathBuf::from(explicit));
    }
    if let Some(xdg) = env.var("XDG_CONFIG_HOME") {
        return Ok(Path::new(&xdg).join("app/config.toml"));
    }
    match env.home_dir() {
        Some(home) => Ok(home.join(".config/app/config.toml")),
        None => Ok(env.current_dir()?.join("config.toml")),
    }
}

#[test]
fn env_config_path_falls_back_through_vars_home_and_cwd() {
    let env = MockEnv::new();
    env.current_dir.side_effect(|| Ok(PathBuf::from("/work")));

    assert_eq!(config_path(&env).unwrap(), Path::new("/work/config.toml"));
    env.var
        .assert_has_calls([call!("APP_CONFIG"), call!("XDG_CONFIG_HOME")]);

    env.home_dir.return_value(Some(PathBuf::from("/home/u")));
    assert_eq!(
        config_path(&env).unwrap(),
        Path::new("/home/u/.config/app/config.toml")
    );
    env.var
        .side_effect(|k| (k == "XDG_CONFIG_HOME").then(|| "/xdg".to_string()));
    assert_eq!(
        config_path(&env).unwrap(),
        Path::new("/xdg/app/config.toml")
    );
    assert_eq!(env.current_dir.call_count(), 1);
    assert_eq!(env.home_dir.call_count(), 2);
}

// --- 8. advisory lock files --------------------------------------------------------------

#[automock]
pub trait LockFiles {
    fn try_lock(&self, path: &Path, owner: u32) -> io::Result<bool>;
    fn unlock(&self, path: &Path) -> io::Result<()>;
}

fn with_lock<R>(
    locks: &impl LockFiles,
    path: &Path,
    pid: u32,
    f: impl FnOnce() -> R,
) -> io::Result<Option<R>> {
    if !locks.try_lock(path, pid)? {
        return Ok(None);
    }
    let out = f();
    locks.unlock(path)?;
    Ok(Some(out))
}

#[test]
fn lock_files_unlock_after_running_and_skip_when_held() {
    let locks = MockLockFiles::new();
    locks.try_lock.side_effect_iter([Ok(true), Ok(false)]);
    locks.unlock.side_effect(|_| Ok(()));
    let lock = Path::new("/run/app.lock");

    assert_eq!(with_lock(&locks, lock, 7, || "ran").unwrap(), Some("ran"));
    assert_eq!(with_lock(&locks, lock, 8, || "ran").unwrap(), None);

    locks
        .try_lock
        .assert_has_calls([call!("/run/app.lock", 7), call!("/run/app.lock", 8)]);
    locks.unlock.assert_called_once_with(call!("/run/app.lock"));
}

// --- 9. an async timer returning `impl Future + Send` ---------------------------------

#[automock]
pub trait Timer: Send + Sync {
    fn sleep(&self, duration: Duration) -> impl std::future::Future<Output = ()> + Send;
}

async fn wait_until(timer: &impl Timer, mut ready: impl FnMut() -> bool, max_polls: u32) -> bool {
    for i in 0..max_polls {
        if ready() {
            return true;
        }
        timer
            .sleep(Duration::from_millis(10 * u64::from(i + 1)))
            .await;
    }
    false
}

#[test]
fn timer_async_sleeps_are_awaited_with_growing_delays() {
    let timer = MockTimer::new();
    let mut polls = 0;

    let ready = futures::executor::block_on(wait_until(
        &timer,
        || {
            polls += 1;
            polls == 3
        },
        5,
    ));

    assert!(ready);
    timer.sleep.assert_has_awaits([
        call!(Duration::from_millis(10)),
        call!(Duration::from_millis(20)),
    ]);
    assert_eq!(timer.sleep.await_count(), 2);
}
