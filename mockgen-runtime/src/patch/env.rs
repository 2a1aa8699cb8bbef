//! `patch_env!`: environment variables set or removed for a guard's
//! lifetime, under a process-wide re-entrant lock, restored exactly.
//!
//! One of the three modules of the workspace that may use `unsafe`:
//! `std::env::set_var` and `remove_var` are `unsafe` since edition 2024.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::state::sync::lock;

use super::{ReentrantGuard, ReentrantLock};

static ENV_LOCK: ReentrantLock = ReentrantLock::new();

/// The environment as each live guard found it, oldest first. Only the
/// thread holding `ENV_LOCK` has live guards, so this is its nesting.
static LIVE: Mutex<Vec<Snapshot>> = Mutex::new(Vec::new());

struct Snapshot {
    guard: u64,
    vars: BTreeMap<OsString, OsString>,
    /// Its guard dropped while a newer guard was alive: it is restored when
    /// every newer guard is gone.
    released: bool,
}

/// A value `patch_env!` can set: a string of any kind, or an `Option` of
/// one (`None` removes the variable).
///
/// ```
/// use mockgen::EnvValue;
/// use std::path::Path;
///
/// assert_eq!("on".to_env_value(), Some("on".into()));
/// assert_eq!(Path::new("/tmp").to_env_value(), Some("/tmp".into()));
/// assert_eq!(None::<String>.to_env_value(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`patch_env!` cannot set a variable to a `{Self}`",
    label = "expected a string (`&str`, `String`, `OsString`, `PathBuf`, …) or `None`",
    note = "convert the value to a string first, e.g. `value.to_string()`"
)]
pub trait EnvValue {
    /// The value to set, or `None` to remove the variable.
    fn to_env_value(&self) -> Option<OsString>;
}

macro_rules! env_value {
    ($($ty:ty),*) => {$(
        impl EnvValue for $ty {
            fn to_env_value(&self) -> Option<OsString> {
                Some(AsRef::<OsStr>::as_ref(self).to_owned())
            }
        }
    )*};
}

env_value!(str, String, OsStr, OsString, Path, PathBuf);

impl EnvValue for Cow<'_, str> {
    fn to_env_value(&self) -> Option<OsString> {
        (**self).to_env_value()
    }
}

impl EnvValue for Cow<'_, OsStr> {
    fn to_env_value(&self) -> Option<OsString> {
        (**self).to_env_value()
    }
}

impl<T: EnvValue + ?Sized> EnvValue for &T {
    fn to_env_value(&self) -> Option<OsString> {
        (**self).to_env_value()
    }
}

impl<T: EnvValue> EnvValue for Option<T> {
    fn to_env_value(&self) -> Option<OsString> {
        self.as_ref().and_then(EnvValue::to_env_value)
    }
}

/// The changes one `patch_env!` asks for, collected under the lock.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct EnvPatch {
    clear: bool,
    changes: Vec<(OsString, Option<OsString>)>,
}

impl EnvPatch {
    #[doc(hidden)]
    pub fn __set<K, V>(&mut self, key: &K, value: &V)
    where
        K: AsRef<OsStr> + ?Sized,
        V: EnvValue + ?Sized,
    {
        let key = key.as_ref().to_owned();
        self.changes.push((key, value.to_env_value()));
    }

    #[doc(hidden)]
    pub fn __unset<K: AsRef<OsStr> + ?Sized>(&mut self, key: &K) {
        self.changes.push((key.as_ref().to_owned(), None));
    }

    #[track_caller]
    fn validate(&self) {
        for (key, value) in &self.changes {
            if !valid_key(key) {
                panic!(
                    "patch_env!: {key:?} is not a valid environment variable name (it is empty or contains `=` or a NUL byte)"
                );
            }
            if value.as_ref().is_some_and(|v| has_nul(v)) {
                panic!("patch_env!: the value of {key:?} contains a NUL byte");
            }
        }
    }
}

/// A live `patch_env!`: the variables it named hold their patched values
/// until it drops; then the whole environment is put back exactly as it
/// was before the patch (variables that were set, changed or absent, and
/// any change the code under test made meanwhile), also on panic.
///
/// The guard holds a process-wide lock: another thread's `patch_env!`
/// waits until it drops, while this thread may nest more guards. Guards
/// dropped in any order leave the environment as it was before the first
/// one once they are all gone (a guard dropped before a newer one restores
/// when that one drops).
///
/// ```
/// let guard = mockgen::patch_env!("MOCKGEN_DOC_GUARD" => "on");
/// assert_eq!(std::env::var("MOCKGEN_DOC_GUARD").as_deref(), Ok("on"));
/// drop(guard);
/// assert!(std::env::var_os("MOCKGEN_DOC_GUARD").is_none());
/// ```
#[must_use = "the environment is restored as soon as the guard is dropped"]
pub struct EnvGuard {
    /// Its snapshot in `LIVE`.
    id: u64,
    saved_vars: usize,
    // Dropped after `Drop::drop` restored the environment.
    _lock: ReentrantGuard,
}

impl fmt::Debug for EnvGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvGuard")
            .field("saved_vars", &self.saved_vars)
            .finish_non_exhaustive()
    }
}

impl EnvGuard {
    /// Takes the lock, snapshots the environment, then applies what
    /// `build` collects (evaluated under the lock, so values may read the
    /// environment).
    #[doc(hidden)]
    #[track_caller]
    pub fn __start(clear: bool, build: impl FnOnce(&mut EnvPatch)) -> Self {
        let held = ENV_LOCK.acquire();
        let saved: BTreeMap<OsString, OsString> = std::env::vars_os().collect();
        let mut patch = EnvPatch {
            clear,
            changes: Vec::new(),
        };
        build(&mut patch);
        patch.validate();
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        if patch.clear {
            for key in saved.keys() {
                remove(key);
            }
        }
        let guard = EnvGuard {
            id,
            saved_vars: saved.len(),
            _lock: held,
        };
        lock(&LIVE).push(Snapshot {
            guard: id,
            vars: saved,
            released: false,
        });
        for (key, value) in &patch.changes {
            match value {
                Some(value) => set(key, value),
                None => remove(key),
            }
        }
        guard
    }

    /// Restores the environment now; the same as dropping the guard.
    ///
    /// ```
    /// let guard = mockgen::patch_env!("MOCKGEN_DOC_STOP" => None);
    /// guard.stop();
    /// ```
    pub fn stop(self) {}
}

impl Drop for EnvGuard {
    fn drop(&mut self) {
        let restore = {
            let mut live = lock(&LIVE);
            if let Some(mine) = live.iter_mut().find(|s| s.guard == self.id) {
                mine.released = true;
            }
            // This guard and the older ones released before it: the oldest
            // of them saw the environment they all changed.
            let mut restore = None;
            while live.last().is_some_and(|s| s.released) {
                restore = live.pop();
            }
            restore
        };
        if let Some(snapshot) = restore {
            restore_exactly(&snapshot.vars);
        }
    }
}

/// Makes the environment `saved`: removes what it lacks, sets what differs.
fn restore_exactly(saved: &BTreeMap<OsString, OsString>) {
    let current: BTreeMap<OsString, OsString> = std::env::vars_os().collect();
    for key in current.keys() {
        if !saved.contains_key(key) {
            remove(key);
        }
    }
    for (key, value) in saved {
        if current.get(key) != Some(value) {
            set(key, value);
        }
    }
}

fn valid_key(key: &OsStr) -> bool {
    !key.is_empty() && !key.as_encoded_bytes().iter().any(|b| *b == b'=' || *b == 0)
}

fn has_nul(value: &OsStr) -> bool {
    value.as_encoded_bytes().contains(&0)
}

/// Sets `key`; keys that `set_var` would reject (which only a foreign
/// writer can have put in the environment) are left alone, so that a drop
/// never panics.
#[allow(unsafe_code)]
fn set(key: &OsStr, value: &OsStr) {
    if valid_key(key) && !has_nul(value) {
        // SAFETY: every mutation of the environment made by mockgen happens
        // here or in `remove`, while this thread holds `ENV_LOCK`, so no two
        // of them race; std's own `env` readers take std's environment lock.
        // What remains is foreign code calling `getenv` on another thread
        // meanwhile, which the `patch_env!` docs rule out.
        unsafe { std::env::set_var(key, value) }
    }
}

#[allow(unsafe_code)]
fn remove(key: &OsStr) {
    if valid_key(key) {
        // SAFETY: as in `set`: only called while `ENV_LOCK` is held.
        unsafe { std::env::remove_var(key) }
    }
}

/// Sets and removes environment variables until the returned [`EnvGuard`]
/// drops; documented on its `mockgen` re-export.
///
/// ```
/// let _env = mockgen::patch_env!("MOCKGEN_DOC_MACRO" => "1", "MOCKGEN_DOC_GONE" => None);
/// assert_eq!(std::env::var("MOCKGEN_DOC_MACRO").as_deref(), Ok("1"));
/// ```
#[macro_export]
macro_rules! patch_env {
    (clear $(; $($entries:tt)*)?) => {
        $crate::EnvGuard::__start(true, |__patch| {
            $crate::__patch_env_entries!(__patch; $($($entries)*)?);
        })
    };
    ($($entries:tt)*) => {
        $crate::EnvGuard::__start(false, |__patch| {
            $crate::__patch_env_entries!(__patch; $($entries)*);
        })
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __patch_env_entries {
    ($patch:ident;) => {};
    ($patch:ident; $key:expr => None $(, $($rest:tt)*)?) => {
        $patch.__unset(&$key);
        $crate::__patch_env_entries!($patch; $($($rest)*)?);
    };
    ($patch:ident; $key:expr => $value:expr $(, $($rest:tt)*)?) => {
        $patch.__set(&$key, &$value);
        $crate::__patch_env_entries!($patch; $($($rest)*)?);
    };
}
