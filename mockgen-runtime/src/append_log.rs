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
//! Chunks double in size, as a `Vec`'s capacity does, and are made when
//! first needed; a chunk's memory is touched only as entries are written.
//!
//! With [`answer`](crate::answer), one of the two modules of the runtime
//! with `unsafe` code: slots written once, then shared, behind the safe
//! API below.
#![allow(unsafe_code)]

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Slots in the first chunk; chunk `c` holds `FIRST << c`.
const FIRST: usize = 32;
/// Enough chunks for `FIRST << CHUNKS` (over four billion) entries.
const CHUNKS: usize = 27;

pub(crate) struct AppendLog<T> {
    /// Tells this log's [`Pusher`] from any other's.
    id: u64,
    chunks: [OnceLock<Box<[Slot<T>]>>; CHUNKS],
    /// Slots below `len` are written, and never written again.
    len: AtomicUsize,
}

struct Slot<T>(UnsafeCell<MaybeUninit<T>>);

/// The right to push to one log. Made with the log and not `Clone`, so
/// that whoever holds it (the method's state, under its lock) is the only
/// one who can push: pushes never race.
pub(crate) struct Pusher {
    log: u64,
}

// SAFETY: a shared log hands out `&T` to any thread (so `T: Sync`) and
// takes `T` pushed from any thread (so `T: Send`); its own state is the
// atomic `len` and the `OnceLock`s of the chunks.
unsafe impl<T: Send + Sync> Sync for AppendLog<T> {}

impl<T> AppendLog<T> {
    /// An empty log and the right to push to it.
    pub(crate) fn new() -> (Self, Pusher) {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let log = AppendLog {
            id,
            chunks: [const { OnceLock::new() }; CHUNKS],
            len: AtomicUsize::new(0),
        };
        (log, Pusher { log: id })
    }

    /// Appends `value` and returns its index.
    #[inline]
    pub(crate) fn push(&self, pusher: &mut Pusher, value: T) -> usize {
        assert_eq!(
            pusher.log, self.id,
            "invariant: a log is pushed to with its own pusher"
        );
        // Only pushes change `len`, and this is the only push under way.
        let index = self.len.load(Ordering::Relaxed);
        let (chunk, slot) = locate(index);
        let slots = self.chunks[chunk].get_or_init(|| new_chunk(FIRST << chunk));
        // SAFETY: readers only look at slots below `len`, and `index` is
        // `len`; the `&mut Pusher` of this log makes this the only push,
        // so nothing else reads or writes the slot now.
        unsafe { (*slots[slot].0.get()).write(value) };
        // Release: whoever sees the new `len` sees the entry.
        self.len.store(index + 1, Ordering::Release);
        index
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    pub(crate) fn get(&self, index: usize) -> Option<&T> {
        if index >= self.len() {
            return None;
        }
        let (chunk, slot) = locate(index);
        let slots = self.chunks[chunk].get()?;
        // SAFETY: `index < len`, read with Acquire: the slot's write
        // happened before the Release store that took `len` past it, and
        // slots below `len` are never written again while the log lives.
        Some(unsafe { (*slots[slot].0.get()).assume_init_ref() })
    }
}

impl<T> Drop for AppendLog<T> {
    fn drop(&mut self) {
        let mut written = *self.len.get_mut();
        for (chunk, slots) in self.chunks.iter_mut().enumerate() {
            let Some(slots) = slots.get_mut() else { break };
            let here = written.min(FIRST << chunk);
            for slot in &mut slots[..here] {
                // SAFETY: below `len`, so written once and not dropped yet;
                // `&mut self`: nobody holds a reference into the log.
                unsafe { slot.0.get_mut().assume_init_drop() };
            }
            written -= here;
        }
    }
}

/// A chunk of `len` unwritten slots: one allocation, nothing initialised.
fn new_chunk<T>(len: usize) -> Box<[Slot<T>]> {
    let slots = Box::<[Slot<T>]>::new_uninit_slice(len);
    // SAFETY: a `Slot` is an `UnsafeCell<MaybeUninit<T>>`, for which any
    // contents, uninitialised included, are valid.
    unsafe { slots.assume_init() }
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
        let (log, mut pusher) = AppendLog::new();
        for i in 0..1000 {
            assert_eq!(log.push(&mut pusher, i * 2), i);
        }
        assert_eq!(log.len(), 1000);
        assert!((0..1000).all(|i| log.get(i) == Some(&(i * 2))));
        assert_eq!(log.get(1000), None);
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
        let (log, mut pusher) = AppendLog::new();
        log.push(&mut pusher, String::from("first"));
        let first: *const String = log.get(0).unwrap();
        for i in 0..500 {
            log.push(&mut pusher, i.to_string());
        }
        assert!(std::ptr::eq(first, log.get(0).unwrap()));
    }

    #[test]
    #[should_panic(expected = "its own pusher")]
    fn another_logs_pusher_is_refused() {
        let (log, _) = AppendLog::<u8>::new();
        let (_, mut other) = AppendLog::<u8>::new();
        log.push(&mut other, 1);
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
        let (log, mut pusher) = AppendLog::new();
        for _ in 0..100 {
            log.push(&mut pusher, Counted(Arc::clone(&drops)));
        }
        drop(log);
        assert_eq!(drops.load(Ordering::Relaxed), 100);
    }

    #[test]
    fn readers_on_other_threads_see_whole_entries_while_pushes_go_on() {
        let (log, mut pusher) = AppendLog::new();
        let log = Arc::new(log);
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let log = Arc::clone(&log);
                std::thread::spawn(move || {
                    let mut seen = 0;
                    while seen < 20_000 {
                        let len = log.len();
                        for i in seen..len {
                            assert_eq!(log.get(i), Some(&vec![i; 3]));
                        }
                        seen = len;
                    }
                })
            })
            .collect();
        for i in 0..20_000 {
            log.push(&mut pusher, vec![i; 3]);
        }
        for reader in readers {
            reader.join().unwrap();
        }
    }
}
