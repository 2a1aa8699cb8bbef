//! The recorders a mock is attached to: every recorded call of the mock is
//! added to each of them (see `expectations::recorder` for the API).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::state::calls::AnyEntry;
use crate::state::sync::lock;

pub(crate) struct RecorderShared {
    pub(crate) name: String,
    /// Each call with the path it got: `MockCall`s once read.
    pub(crate) calls: Mutex<Vec<(Vec<Arc<str>>, AnyEntry)>>,
    /// The mocks attached, for checking the calls assertions name.
    pub(crate) members: Mutex<Vec<Member>>,
}

/// A mock attached to a recorder as the recorder's assertions see it: its
/// path and its methods' names. Not the mock itself, whose check on drop
/// must not wait for the recorder to go.
#[derive(Clone)]
pub(crate) struct Member {
    /// Which mock: the address of its shared state, while it lives.
    mock: usize,
    pub(crate) path: Vec<Arc<str>>,
    pub(crate) methods: Vec<&'static str>,
}

impl RecorderShared {
    /// Notes that mock `mock` (with `methods`) records under `path` now.
    fn enroll(&self, mock: usize, path: &[Arc<str>], methods: Vec<&'static str>) {
        let mut members = lock(&self.members);
        members.retain(|m| m.mock != mock);
        members.push(Member {
            mock,
            path: path.to_vec(),
            methods,
        });
    }
}

/// The path a mock's calls get in one recorder (`["db"]`), and the recorder.
type Attachment = (Vec<Arc<str>>, Arc<RecorderShared>);

/// The recorders a mock is attached to, each with the path its calls get.
#[derive(Default)]
pub(crate) struct Attached {
    any: AtomicBool,
    list: Mutex<Vec<Attachment>>,
}

impl Attached {
    /// Whether any recorder is attached: callers check it before building
    /// the type-erased entry that `record` takes.
    #[inline]
    pub(crate) fn any(&self) -> bool {
        self.any.load(Ordering::Acquire)
    }

    /// Adds a recorded call to every attached recorder.
    pub(crate) fn record(&self, entry: &AnyEntry) {
        let recorders = lock(&self.list).clone();
        for (path, recorder) in recorders {
            lock(&recorder.calls).push((path, entry.clone()));
        }
    }

    /// Attaches the mock `mock` (its methods: `methods`) to `recorder`
    /// under `name`.
    pub(crate) fn join(
        &self,
        recorder: &Arc<RecorderShared>,
        name: &str,
        mock: usize,
        methods: Vec<&'static str>,
    ) {
        let path: Vec<Arc<str>> = name.split('.').map(Arc::from).collect();
        recorder.enroll(mock, &path, methods);
        let mut list = lock(&self.list);
        match list.iter_mut().find(|(_, r)| Arc::ptr_eq(r, recorder)) {
            Some(attached) => attached.0 = path,
            None => list.push((path, Arc::clone(recorder))),
        }
        self.any.store(true, Ordering::Release);
    }
}
