//! An append-only log: one push at a time, reads by index from any thread
//! without a lock, and an entry never moves once pushed.
//!
//! A method's calls are kept here. Pushes happen under the method's lock
//! anyway, so the log leaves their serialisation to that lock (through the
//! [`Pusher`], which only the lock's holder can reach) and a push is two
//! plain stores, no atomic read-modify-write. `boxcar::Vec` is made for
//! concurrent pushes instead: an atomic index and count per push, and each
//! next bucket reserved when the current one is 7/8 full. With `std` alone,
//! a `OnceLock` per slot does the same job at twice the cost of a call.
//!
//! Each entry carries a number (a call's place in the process-wide order),
//! read without knowing the entry's type.
//!
//! The log is not generic: it knows its entries' type by an [`EntryType`]
//! (size, alignment, drop, `TypeId`), so that its code is compiled once,
//! in this crate, whatever the mocked methods take. Only the typed `push`
//! and `get` (a few lines, inlined) are compiled per entry type; they
//! check the `TypeId` before touching a slot.
//!
//! Chunks double in size, as a `Vec`'s capacity does, and are made when
//! first needed; a chunk's memory is touched only as entries are written.
//!
//! With [`answer`](crate::state::answer), one of the few modules of the runtime
//! with `unsafe` code: slots written once, then shared, behind the safe
//! API below.
#![allow(unsafe_code)]

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::any::TypeId;
use std::ptr::NonNull;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Slots in the first chunk; chunk `c` holds `FIRST << c`.
const FIRST: usize = 32;
/// Enough chunks for `FIRST << CHUNKS` (over four billion) entries.
const CHUNKS: usize = 27;

/// What a log needs to know of its entries' type.
#[derive(Clone, Copy)]
pub(crate) struct EntryType {
    id: TypeId,
    /// The distance between slots: the size, or the alignment for a
    /// zero-sized type, so that no chunk is empty.
    stride: usize,
    align: usize,
    drop: unsafe fn(*mut u8),
}

/// What a slot holds: the entry and its number. `repr(C)`, so that the
/// number is read without the entry's type.
#[repr(C)]
struct Stamped<T> {
    stamp: u64,
    value: T,
}

impl EntryType {
    /// The entry type `T`.
    pub(crate) fn of<T: Send + Sync + 'static>() -> Self {
        EntryType {
            id: TypeId::of::<T>(),
            stride: size_of::<Stamped<T>>(),
            align: align_of::<Stamped<T>>(),
            drop: drop_entry::<T>,
        }
    }

    fn chunk_layout(&self, chunk: usize) -> Layout {
        Layout::from_size_align(self.stride * (FIRST << chunk), self.align)
            .expect("invariant: a chunk's size fits in `isize`")
    }
}

/// # Safety
/// `slot` points at a live `Stamped<T>`, which is not used again.
unsafe fn drop_entry<T>(slot: *mut u8) {
    // SAFETY: the caller's.
    unsafe { slot.cast::<Stamped<T>>().drop_in_place() }
}

pub(crate) struct AppendLog {
    /// Tells this log's [`Pusher`] from any other's.
    id: u64,
    entry: EntryType,
    /// Each chunk's slots, allocated with `entry.chunk_layout(c)`.
    chunks: [OnceLock<Chunk>; CHUNKS],
    /// Slots below `len` are written, and never written again.
    len: AtomicUsize,
}

/// A chunk's memory; its slots are written once each, by the push that
/// owns them, before `len` passes them.
struct Chunk(NonNull<u8>);

// SAFETY: the pointer is the log's own allocation; what is shared through
// it is governed by the log's `Send`/`Sync`.
unsafe impl Send for Chunk {}
// SAFETY: as above.
unsafe impl Sync for Chunk {}

/// The right to push to one log. Made with the log and not `Clone`, so
/// that whoever holds it (the method's state, under its lock) is the only
/// one who can push: pushes never race.
pub(crate) struct Pusher {
    log: u64,
}

// SAFETY: entries are pushed as `T: Send + Sync` only (see `EntryType::of`
// and `push`), so sending the log or sharing it (which hands out `&T` to
// any thread, and drops the entries on the last owner's thread) is safe;
// its own state is the atomic `len` and the `OnceLock`s of the chunks.
unsafe impl Send for AppendLog {}
// SAFETY: as above.
unsafe impl Sync for AppendLog {}

impl AppendLog {
    /// An empty log of entries of type `entry`, and the right to push to it.
    pub(crate) fn new(entry: EntryType) -> (Self, Pusher) {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let log = AppendLog {
            id,
            entry,
            chunks: [const { OnceLock::new() }; CHUNKS],
            len: AtomicUsize::new(0),
        };
        (log, Pusher { log: id })
    }

    /// Whether the entries are of type `T`.
    #[inline]
    pub(crate) fn holds<T: 'static>(&self) -> bool {
        self.entry.id == TypeId::of::<T>()
    }

    /// Appends `value`, numbered `stamp`, and returns its index.
    ///
    /// # Panics
    /// If `T` is not the log's entry type.
    #[inline(always)]
    pub(crate) fn push<T: 'static>(&self, pusher: &mut Pusher, stamp: u64, value: T) -> usize {
        assert!(
            self.holds::<T>(),
            "invariant: a log is pushed its own entry type"
        );
        let (index, slot) = self.next_slot(pusher);
        // SAFETY: `slot` is the unwritten slot `index`, which nothing else
        // reads or writes (see `next_slot`), aligned and sized for a
        // `Stamped` of the log's entry type, which is `T`.
        unsafe {
            slot.cast::<Stamped<T>>()
                .as_ptr()
                .write(Stamped { stamp, value })
        };
        // Release: whoever sees the new `len` sees the entry.
        self.len.store(index + 1, Ordering::Release);
        index
    }

    /// The index and the slot of the next push.
    #[inline]
    fn next_slot(&self, pusher: &mut Pusher) -> (usize, NonNull<u8>) {
        assert_eq!(
            pusher.log, self.id,
            "invariant: a log is pushed to with its own pusher"
        );
        // Only pushes change `len`, and this is the only push under way:
        // readers only look at slots below `len`, and the `&mut Pusher` of
        // this log makes this the only push.
        let index = self.len.load(Ordering::Relaxed);
        let (chunk, slot) = locate(index);
        let start = self.chunks[chunk].get_or_init(|| self.new_chunk(chunk));
        // SAFETY: `slot < FIRST << chunk`, so the offset stays inside the
        // chunk's allocation.
        (index, unsafe { start.0.add(slot * self.entry.stride) })
    }

    /// Chunk `chunk`'s memory, nothing written.
    fn new_chunk(&self, chunk: usize) -> Chunk {
        let layout = self.entry.chunk_layout(chunk);
        // SAFETY: the layout's size is not zero (`stride` is at least 1).
        let memory = unsafe { alloc(layout) };
        Chunk(NonNull::new(memory).unwrap_or_else(|| handle_alloc_error(layout)))
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// Slot `index`, if it is written: a `Stamped` of the entry type.
    fn slot(&self, index: usize) -> Option<NonNull<u8>> {
        if index >= self.len() {
            return None;
        }
        let (chunk, slot) = locate(index);
        let start = self.chunks[chunk].get()?;
        // SAFETY: inside the chunk, as in `next_slot`.
        Some(unsafe { start.0.add(slot * self.entry.stride) })
    }

    /// Entry `index`.
    ///
    /// # Panics
    /// If `T` is not the log's entry type.
    #[inline]
    pub(crate) fn get<T: 'static>(&self, index: usize) -> Option<&T> {
        assert!(
            self.holds::<T>(),
            "invariant: a log is read as its own entry type"
        );
        // SAFETY: `index < len`, read with Acquire: the slot's write
        // happened before the Release store that took `len` past it, and
        // slots below `len` are never written again while the log lives;
        // the entry is a `T`.
        self.slot(index)
            .map(|slot| unsafe { &slot.cast::<Stamped<T>>().as_ref().value })
    }

    /// The number of entry `index`.
    pub(crate) fn stamp(&self, index: usize) -> Option<u64> {
        // SAFETY: written, as in `get`; every `Stamped` starts with its
        // `u64` number (`repr(C)`).
        self.slot(index)
            .map(|slot| unsafe { slot.cast::<u64>().read() })
    }
}

impl Drop for AppendLog {
    fn drop(&mut self) {
        let mut written = *self.len.get_mut();
        for (chunk, start) in self.chunks.iter_mut().enumerate() {
            let Some(start) = start.get_mut() else { break };
            let here = written.min(FIRST << chunk);
            for slot in 0..here {
                // SAFETY: below `len`, so written once and not dropped yet;
                // `&mut self`: nobody holds a reference into the log.
                unsafe { (self.entry.drop)(start.0.add(slot * self.entry.stride).as_ptr()) };
            }
            written -= here;
            // SAFETY: allocated in `new_chunk` with this layout; its
            // entries are dropped.
            unsafe { dealloc(start.0.as_ptr(), self.entry.chunk_layout(chunk)) };
        }
    }
}

/// The chunk and the slot in it of entry `index`: chunk `c` starts at
/// `FIRST * (2^c - 1)`.
#[inline]
fn locate(index: usize) -> (usize, usize) {
    let chunk = (index / FIRST + 1).ilog2() as usize;
    (chunk, index - FIRST * ((1 << chunk) - 1))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    use super::*;

    #[test]
    fn entries_keep_their_index_across_chunks() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<usize>());
        for i in 0..1000 {
            assert_eq!(log.push(&mut pusher, 0, i * 2), i);
        }
        assert_eq!(log.len(), 1000);
        assert!((0..1000).all(|i| log.get::<usize>(i) == Some(&(i * 2))));
        assert_eq!(log.get::<usize>(1000), None);
    }

    #[test]
    fn chunks_double() {
        assert_eq!(locate(0), (0, 0));
        assert_eq!(locate(31), (0, 31));
        assert_eq!(locate(32), (1, 0));
        assert_eq!(locate(95), (1, 63));
        assert_eq!(locate(96), (2, 0));
    }

    #[test]
    fn an_entry_stays_where_it_was_pushed() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<String>());
        log.push(&mut pusher, 0, String::from("first"));
        let first: *const String = log.get::<String>(0).unwrap();
        for i in 0..500 {
            log.push(&mut pusher, 0, i.to_string());
        }
        assert!(std::ptr::eq(first, log.get::<String>(0).unwrap()));
    }

    #[test]
    #[should_panic(expected = "its own pusher")]
    fn another_logs_pusher_is_refused() {
        let (log, _) = AppendLog::new(EntryType::of::<u8>());
        let (_, mut other) = AppendLog::new(EntryType::of::<u8>());
        log.push(&mut other, 0, 1_u8);
    }

    #[test]
    #[should_panic(expected = "a log is pushed its own entry type")]
    fn another_type_is_refused() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<u8>());
        log.push(&mut pusher, 0, 1_u16);
    }

    #[test]
    #[should_panic(expected = "a log is read as its own entry type")]
    fn another_type_is_not_read() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<u64>());
        log.push(&mut pusher, 0, 1_u64);
        let _ = log.get::<i64>(0);
    }

    #[test]
    fn zero_sized_entries_are_counted() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<()>());
        for i in 0..100 {
            assert_eq!(log.push(&mut pusher, 0, ()), i);
        }
        assert_eq!(log.get::<()>(99), Some(&()));
        assert_eq!(log.get::<()>(100), None);
    }

    #[test]
    fn entries_keep_their_alignment() {
        #[repr(align(64))]
        struct Wide(u8);
        let (log, mut pusher) = AppendLog::new(EntryType::of::<Wide>());
        for i in 0..100 {
            log.push(&mut pusher, 0, Wide(i));
        }
        for i in 0..100 {
            let entry = log.get::<Wide>(usize::from(i)).unwrap();
            assert_eq!(entry.0, i);
            assert_eq!(std::ptr::from_ref(entry).addr() % 64, 0);
        }
    }

    #[test]
    fn stamps_are_read_without_the_type() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<String>());
        log.push(&mut pusher, 7, "x".to_owned());
        log.push(&mut pusher, 9, "y".to_owned());
        assert_eq!(
            (log.stamp(0), log.stamp(1), log.stamp(2)),
            (Some(7), Some(9), None)
        );
    }

    /// Counts drops, to check that each entry is dropped once.
    struct Counted(Arc<AtomicUsize>);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn dropping_the_log_drops_each_entry_once() {
        let drops = Arc::new(AtomicUsize::new(0));
        let (log, mut pusher) = AppendLog::new(EntryType::of::<Counted>());
        for _ in 0..100 {
            log.push(&mut pusher, 0, Counted(Arc::clone(&drops)));
        }
        drop(log);
        assert_eq!(drops.load(Ordering::Relaxed), 100);
    }

    #[test]
    fn readers_on_other_threads_see_whole_entries_while_pushes_go_on() {
        let (log, mut pusher) = AppendLog::new(EntryType::of::<Vec<usize>>());
        let log = Arc::new(log);
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let log = Arc::clone(&log);
                std::thread::spawn(move || {
                    let mut seen = 0;
                    while seen < 20_000 {
                        let len = log.len();
                        for i in seen..len {
                            assert_eq!(log.get::<Vec<usize>>(i), Some(&vec![i; 3]));
                        }
                        seen = len;
                    }
                })
            })
            .collect();
        for i in 0..20_000_usize {
            log.push(&mut pusher, 0, vec![i; 3]);
        }
        for reader in readers {
            reader.join().unwrap();
        }
    }
}
