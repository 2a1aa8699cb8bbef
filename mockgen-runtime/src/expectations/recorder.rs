//! One ordered history for several mocks (Python's `attach_mock`).

use std::fmt;
use std::sync::{Arc, Mutex};

use crate::assertions::history::{CallList, MockCall};
use crate::matching::path_call::{PathCall, TakesPaths};
use crate::state::attached::{Member, RecorderShared};
use crate::state::mock::MockCore;
use crate::state::sync::lock;

/// Records the calls of several mocks in one list, in the order they
/// happened across mocks and threads (Python's parent mock with
/// `attach_mock`).
///
/// [`attach`](Self::attach) a mock under a name and its calls from then on
/// appear as `name.method(…)`, matched by `call!(.name.method(…))`. A clone
/// is the same recorder.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Db {
///     fn open(&self, path: &str) -> bool;
/// }
///
/// #[automock]
/// trait Log {
///     fn write(&self, text: &str);
/// }
///
/// let (db, log) = (MockDb::new(), MockLog::new());
/// let calls = Recorder::new();
/// calls.attach("db", &db);
/// calls.attach("log", &log);
///
/// db.open("f");
/// log.write("opened f");
///
/// calls.assert_has_calls([call!(.db.open("f")), call!(.log.write(ANY))]);
/// assert_eq!(format!("{:?}", calls.mock_calls()), r#"[db.open("f"), log.write("opened f")]"#);
/// ```
#[derive(Clone)]
pub struct Recorder {
    shared: Arc<RecorderShared>,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder::new()
    }
}

impl fmt::Debug for Recorder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Recorder")
            .field("name", &self.shared.name)
            .field("calls", &self.mock_calls())
            .finish()
    }
}

impl MockCore {
    /// Attaches the mock to `recorder` under `name`: what
    /// `MockX::named("db").with_recorder(&calls)` does.
    #[doc(hidden)]
    pub fn __join(&self, recorder: &Recorder, name: &str) {
        let methods = lock(&self.shared.method_names).clone();
        let mock = Arc::as_ptr(&self.shared) as usize;
        self.shared
            .recorders
            .join(&recorder.shared, name, mock, methods);
    }
}

impl Recorder {
    /// A recorder with nothing attached, called `Recorder` in messages.
    ///
    /// ```
    /// let calls = mockgen::Recorder::new();
    /// assert!(calls.mock_calls().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Recorder::named("Recorder")
    }

    /// A recorder called `name` in messages.
    ///
    /// ```
    /// let calls = mockgen::Recorder::named("app");
    /// assert_eq!(calls.name(), "app");
    /// ```
    #[must_use]
    pub fn named(name: &str) -> Self {
        Recorder {
            shared: Arc::new(RecorderShared {
                name: name.to_owned(),
                calls: Mutex::new(Vec::new()),
                members: Mutex::new(Vec::new()),
            }),
        }
    }

    /// The recorder's name, as messages print it.
    ///
    /// ```
    /// assert_eq!(mockgen::Recorder::new().name(), "Recorder");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.shared.name
    }

    /// Records every later call of `mock` as `name.method(…)` (Python's
    /// `attach_mock`); calls made before attaching are not included. Takes
    /// any mock (`&db` derefs to its [`MockCore`]). A dotted name gives a
    /// longer path: `"app.db"` is matched by `call!(.app.db.open(…))`.
    /// Attaching the same mock again renames it; a mock may be attached to
    /// several recorders.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Db {
    ///     fn open(&self, path: &str) -> bool;
    /// }
    ///
    /// let db = MockDb::new();
    /// db.open("before");
    /// let calls = Recorder::new();
    /// calls.attach("db", &db);
    /// db.open("after");
    /// assert_eq!(calls.mock_calls(), [call!(.db.open("after"))]);
    /// ```
    pub fn attach(&self, name: &str, mock: &MockCore) {
        mock.__join(self, name);
    }

    /// Every recorded call, in the order the calls happened (Python's
    /// `mock_calls` of the parent).
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Db {
    ///     fn open(&self, path: &str) -> bool;
    /// }
    ///
    /// let (a, b) = (MockDb::new(), MockDb::new());
    /// let calls = Recorder::new();
    /// calls.attach("a", &a);
    /// calls.attach("b", &b);
    /// b.open("1");
    /// a.open("2");
    /// assert_eq!(calls.mock_calls(), [call!(.b.open("1")), call!(.a.open("2"))]);
    /// ```
    #[must_use]
    pub fn mock_calls(&self) -> CallList<Recorder> {
        let calls = lock(&self.shared.calls).clone();
        CallList::from_sorted(
            calls
                .into_iter()
                .map(|(path, entry)| MockCall::new(path, entry))
                .collect(),
        )
    }

    /// Forgets the recorded calls; the mocks stay attached and keep their
    /// own histories.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Db {
    ///     fn open(&self, path: &str) -> bool;
    /// }
    ///
    /// let db = MockDb::new();
    /// let calls = Recorder::new();
    /// calls.attach("db", &db);
    /// db.open("f");
    /// calls.reset_mock();
    /// assert!(calls.mock_calls().is_empty());
    /// db.open.assert_called_once();
    /// ```
    pub fn reset_mock(&self) {
        let removed = std::mem::take(&mut *lock(&self.shared.calls));
        drop(removed);
    }

    /// Panics if any attached mock was called since it was attached.
    ///
    /// ```
    /// mockgen::Recorder::new().assert_not_called();
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// Recorder: expected no calls. Called 1 time.
    /// Calls:
    ///   db.open("f")
    /// ```
    #[track_caller]
    pub fn assert_not_called(&self) {
        if let Err(what) = self.mock_calls().check_not_called() {
            self.fail(&what);
        }
    }

    /// Panics unless some recorded call matches `expected`, a
    /// `call!(.name.method(…))`.
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Db {
    ///     fn open(&self, path: &str) -> bool;
    /// }
    ///
    /// let db = MockDb::new();
    /// let calls = Recorder::new();
    /// calls.attach("db", &db);
    /// db.open("f");
    /// calls.assert_any_call(call!(.db.open("f")));
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// Recorder: db.open("g") call not found.
    /// Calls:
    ///   db.open("f")
    /// ```
    #[track_caller]
    pub fn assert_any_call(&self, expected: PathCall<Recorder>) {
        self.check_names(std::slice::from_ref(&expected));
        if let Err(what) = self.mock_calls().check_any_call(&expected) {
            self.fail(&what);
        }
    }

    /// Panics unless `expected` occurs among the recorded calls as a
    /// consecutive run, in order, like
    /// [`assert_has_calls`](https://docs.rs/mockgen/latest/mockgen/guide/assertions/index.html#assert_has_callscall-).
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Db {
    ///     fn open(&self, path: &str) -> bool;
    /// }
    ///
    /// #[automock]
    /// trait Log {
    ///     fn write(&self, text: &str);
    /// }
    ///
    /// let (db, log) = (MockDb::new(), MockLog::new());
    /// let calls = Recorder::new();
    /// calls.attach("db", &db);
    /// calls.attach("log", &log);
    /// log.write("start");
    /// db.open("f");
    /// log.write("opened");
    /// calls.assert_has_calls([call!(.db.open("f")), call!(.log.write("opened"))]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// Recorder: calls not found.
    /// Expected: [log.write("opened"), db.open("f")]
    ///   Actual: [db.open("f"), log.write("opened")]
    /// ```
    #[track_caller]
    pub fn assert_has_calls<I: IntoIterator<Item = PathCall<Recorder>>>(&self, expected: I) {
        let expected: Vec<PathCall<Recorder>> = expected.into_iter().collect();
        self.check_names(&expected);
        if let Err(what) = self.mock_calls().check_has_calls(&expected) {
            self.fail(&what);
        }
    }

    /// Panics unless every expected call matches a different recorded call,
    /// in any order, like
    /// [`assert_has_calls_any_order`](https://docs.rs/mockgen/latest/mockgen/guide/assertions/index.html#assert_has_calls_any_ordercall-).
    ///
    /// ```
    /// use mockgen::prelude::*;
    ///
    /// #[automock]
    /// trait Db {
    ///     fn open(&self, path: &str) -> bool;
    /// }
    ///
    /// #[automock]
    /// trait Log {
    ///     fn write(&self, text: &str);
    /// }
    ///
    /// let (db, log) = (MockDb::new(), MockLog::new());
    /// let calls = Recorder::new();
    /// calls.attach("db", &db);
    /// calls.attach("log", &log);
    /// db.open("f");
    /// log.write("opened");
    /// calls.assert_has_calls_any_order([call!(.log.write(ANY)), call!(.db.open("f"))]);
    /// ```
    ///
    /// # Panics
    ///
    /// ```text
    /// Recorder: does not contain all of [db.close()] in its call list.
    ///   Actual: [db.open("f"), log.write("opened")]
    /// ```
    #[track_caller]
    pub fn assert_has_calls_any_order<I: IntoIterator<Item = PathCall<Recorder>>>(
        &self,
        expected: I,
    ) {
        let expected: Vec<PathCall<Recorder>> = expected.into_iter().collect();
        self.check_names(&expected);
        if let Err(what) = self.mock_calls().check_has_calls_any_order(&expected) {
            self.fail(&what);
        }
    }

    /// Panics when an expected call names a mock that is not attached, or
    /// a method its mock does not have: a misspelt name, which no
    /// recorded call could ever match.
    #[track_caller]
    fn check_names(&self, expected: &[PathCall<Recorder>]) {
        let members = lock(&self.shared.members).clone();
        for call in expected {
            if let Err(what) = names_check(&members, call) {
                self.fail(&what);
            }
        }
    }

    #[track_caller]
    fn fail(&self, what: &str) -> ! {
        panic!("{}: {what}", self.name())
    }
}

/// `Err` with the message when `call` names no attached mock, or a method
/// its mock does not have.
fn names_check(members: &[Member], call: &PathCall<Recorder>) -> Result<(), String> {
    let path = call.path();
    let shown = format!("{call:?}");
    let Some(member) = members
        .iter()
        .find(|m| m.path.iter().map(|s| &**s).eq(path.iter().copied()))
    else {
        let attached: Vec<String> = members.iter().map(|m| m.path.join(".")).collect();
        let attached = if attached.is_empty() {
            "none".to_owned()
        } else {
            attached.join(", ")
        };
        let name = path.join(".");
        return Err(format!(
            "{shown}: no mock is attached as `{name}`. Attached: {attached}."
        ));
    };
    if member.methods.contains(&call.method()) {
        return Ok(());
    }
    let name = path.join(".");
    Err(format!(
        "{shown}: `{name}` has no method `{}`. Its methods: {}.",
        call.method(),
        member.methods.join(", ")
    ))
}

/// A recorder's calls name the mock they come from: `call!(.db.open(…))`.
impl TakesPaths for Recorder {}
