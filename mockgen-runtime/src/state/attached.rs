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

    pub(crate) fn join(&self, recorder: &Arc<RecorderShared>, name: &str) {
        let path: Vec<Arc<str>> = name.split('.').map(Arc::from).collect();
        let mut list = lock(&self.list);
        match list.iter_mut().find(|(_, r)| Arc::ptr_eq(r, recorder)) {
            Some(attached) => attached.0 = path,
            None => list.push((path, Arc::clone(recorder))),
        }
        self.any.store(true, Ordering::Release);
    }
}
