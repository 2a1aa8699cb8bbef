//! Corpus of storage traits: key-value stores, caches, blob stores over `&[u8]`/`Vec<u8>`, generic `Store<K, V>`, positional readers and batch APIs.
#![deny(warnings)]

use mockgen::prelude::*;
use std::collections::HashMap;
use std::fmt::{self, Debug};
use std::hash::Hash;
use std::io;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StoreError {
    #[default]
    Unavailable,
    ReadOnly,
    TooLarge(usize),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for StoreError {}

// --- 1. a string key-value store with &mut self writes ---------------------

#[automock]
pub trait KvStore {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: String) -> Result<(), StoreError>;
    fn delete(&mut self, key: &str) -> bool;
    fn keys(&self) -> Vec<String>;
}

/// Renames every key with `from` as prefix; returns how many moved.
fn rename_prefix(store: &mut dyn KvStore, from: &str, to: &str) -> Result<usize, StoreError> {
    let mut moved = 0;
    for key in store.keys() {
        let Some(rest) = key.strip_prefix(from) else {
            continue;
        };
        if let Some(value) = store.get(&key) {
            store.set(&format!("{to}{rest}"), value)?;
            store.delete(&key);
            moved += 1;
        }
    }
    Ok(moved)
}

#[test]
fn kv_store_rename_moves_matching_keys_and_records_each_write() {
    let mut store = MockKvStore::new();
    store
        .keys
        .return_value(vec!["user:1".into(), "cfg".into(), "user:2".into()]);
    store.get.side_effect(|key| Some(format!("v-{key}")));
    store.delete.return_value(true);
    store.set.return_value(Ok(()));

    assert_eq!(rename_prefix(&mut store, "user:", "u/"), Ok(2));

    store
        .get
        .assert_has_calls([call!("user:1"), call!("user:2")]);
    store
        .set
        .assert_has_calls([call!("u/1", "v-user:1"), call!("u/2", "v-user:2")]);
    assert_eq!(
        store.delete.call_args_list(),
        [("user:1".to_string(),), ("user:2".to_string(),)]
    );
    store.keys.assert_called_once();
}

#[test]
fn kv_store_rename_stops_at_the_first_failed_write() {
    let mut store = MockKvStore::new();
    store.keys.return_value(vec!["a1".into(), "a2".into()]);
    store.get.return_value(Some("x".into()));
    store.set.side_effect_iter([Err(StoreError::ReadOnly)]);

    assert_eq!(
        rename_prefix(&mut store, "a", "b"),
        Err(StoreError::ReadOnly)
    );
    store.set.assert_called_once_with(call!("b1", "x"));
    store.delete.assert_not_called();
}

// --- 2. a blob store shared across threads ---------------------------------

#[automock]
pub trait BlobStore: Send + Sync {
    fn put(&self, bucket: &str, key: &str, data: &[u8]) -> Result<String, StoreError>;
    fn get(&self, bucket: &str, key: &str) -> Result<Vec<u8>, StoreError>;
    fn size(&self, bucket: &str, key: &str) -> Option<u64>;
}

fn upload_all(blobs: Arc<dyn BlobStore + Send + Sync>, files: &[(&str, &[u8])]) -> Vec<String> {
    let handles: Vec<_> = files
        .iter()
        .map(|(key, data)| {
            let blobs = Arc::clone(&blobs);
            let key = key.to_string();
            let data = data.to_vec();
            std::thread::spawn(move || blobs.put("media", &key, &data))
        })
        .collect();
    let mut tags: Vec<String> = handles
        .into_iter()
        .filter_map(|h| h.join().unwrap().ok())
        .collect();
    tags.sort();
    tags
}

#[test]
fn blob_store_uploads_from_threads_and_records_bytes() {
    let blobs = MockBlobStore::new();
    blobs.put.side_effect(|_, key, data| {
        if data.len() > 4 {
            Err(StoreError::TooLarge(data.len()))
        } else {
            Ok(format!("etag-{key}"))
        }
    });

    let tags = upload_all(
        Arc::new(blobs.clone()),
        &[("a", b"12"), ("b", b"123456"), ("c", b"")],
    );

    assert_eq!(tags, ["etag-a", "etag-c"]);
    assert_eq!(blobs.put.call_count(), 3);
    blobs
        .put
        .assert_has_calls_any_order([call!("media", "b", b"123456"), call!("media", "a", b"12")]);
    blobs.put.assert_any_call(call!(ANY, "c", b""));
}

#[test]
fn blob_store_get_errors_are_passed_through_a_box_dyn() {
    let blobs = MockBlobStore::new();
    blobs
        .get
        .side_effect_iter([Ok(b"hi".to_vec()), Err(StoreError::Unavailable)]);
    blobs.size.return_value(Some(2));
    let boxed: Box<dyn BlobStore> = Box::new(blobs.clone());

    assert_eq!(boxed.get("b", "k").as_deref(), Ok(&b"hi"[..]));
    assert_eq!(boxed.get("b", "k"), Err(StoreError::Unavailable));
    assert_eq!(boxed.size("b", "k"), Some(2));
    assert_eq!(
        blobs.get.call_args(),
        Some(("b".to_string(), "k".to_string()))
    );
}

// --- 3. a generic cache with a ttl ----------------------------------------

#[automock]
pub trait Cache<K: Hash + Eq + Clone, V: Clone> {
    fn get(&self, key: &K) -> Option<V>;
    fn insert(&self, key: K, value: V, ttl: Duration);
    fn invalidate(&self, key: &K) -> Option<V>;
}

/// Read-through: a miss computes the value and stores it for a minute.
fn read_through<C: Cache<String, u64>>(cache: &C, key: &str, compute: impl Fn() -> u64) -> u64 {
    let key = key.to_string();
    if let Some(hit) = cache.get(&key) {
        return hit;
    }
    let value = compute();
    cache.insert(key, value, Duration::from_secs(60));
    value
}

#[test]
fn cache_read_through_inserts_on_miss_only() {
    let cache: MockCache<String, u64> = MockCache::new();
    cache.get.side_effect_iter([None, Some(42)]);

    assert_eq!(read_through(&cache, "answer", || 7), 7);
    assert_eq!(read_through(&cache, "answer", || 8), 42);

    cache
        .insert
        .assert_called_once_with(call!("answer".to_string(), 7, Duration::from_secs(60)));
    cache
        .get
        .assert_has_calls([call!("answer".to_string()), call!("answer".to_string())]);
    cache.invalidate.assert_not_called();
}

// --- 4. a generic store with where clauses --------------------------------

#[automock]
pub trait Store<K, V>
where
    K: Hash + Eq + Clone + Debug,
    V: Clone + Debug + PartialEq,
{
    fn load(&self, key: &K) -> Option<V>;
    fn save(&mut self, key: K, value: V) -> Result<Option<V>, StoreError>;
    fn entries(&self) -> Vec<(K, V)>;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn copy_into<K, V>(from: &dyn Store<K, V>, to: &mut dyn Store<K, V>) -> Result<usize, StoreError>
where
    K: Hash + Eq + Clone + Debug,
    V: Clone + Debug + PartialEq,
{
    if from.is_empty() {
        return Ok(0);
    }
    let mut n = 0;
    for (k, v) in from.entries() {
        if to.load(&k).as_ref() != Some(&v) {
            to.save(k, v)?;
            n += 1;
        }
    }
    Ok(n)
}

#[test]
fn generic_store_copy_skips_equal_values_and_uses_default_is_empty() {
    let source: MockStore<u32, String> = MockStore::named("source");
    let mut target: MockStore<u32, String> = MockStore::named("target");
    source.len.return_value(2);
    source
        .entries
        .return_value(vec![(1, "one".into()), (2, "two".into())]);
    target
        .load
        .side_effect(|k| (*k == 1).then(|| "one".to_string()));
    target.save.return_value(Ok(None));

    assert_eq!(copy_into(&source, &mut target), Ok(1));

    source.is_empty.assert_called_once_with(call!());
    source.len.assert_called_once();
    target.load.assert_has_calls([call!(1), call!(2)]);
    target
        .save
        .assert_called_once_with(call!(2, "two".to_string()));
}

#[test]
fn generic_store_copy_from_empty_store_reads_nothing() {
    let source: MockStore<String, Vec<u8>> = MockStore::new();
    let mut target: MockStore<String, Vec<u8>> = MockStore::new();
    assert_eq!(copy_into(&source, &mut target), Ok(0));
    source.entries.assert_not_called();
    assert_eq!(target.mock_calls().len(), 0);
}

// --- 5. positional reads into a caller buffer (&mut [u8]) -------------------

#[automock]
pub trait ReadAt {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
    fn size(&self) -> io::Result<u64>;
}

fn read_tail(file: &dyn ReadAt, n: usize) -> io::Result<Vec<u8>> {
    let len = file.size()?;
    let mut buf = vec![0; n];
    let read = file.read_at(len.saturating_sub(n as u64), &mut buf)?;
    buf.truncate(read);
    Ok(buf)
}

#[test]
fn read_at_side_effect_fills_the_caller_buffer() {
    let file = MockReadAt::new();
    file.size.side_effect(|| Ok(10));
    file.read_at.side_effect(|offset, buf| {
        for (i, b) in buf.iter_mut().enumerate() {
            *b = offset as u8 + i as u8;
        }
        Ok(buf.len())
    });

    assert_eq!(read_tail(&file, 3).unwrap(), [7, 8, 9]);
    let (offset, _) = file.read_at.call_args().unwrap();
    assert_eq!(offset, 7);
    file.read_at.assert_called_once_with(call!(7, ANY));
}

#[test]
fn read_at_io_error_is_returned_before_reading() {
    let file = MockReadAt::new();
    file.size
        .side_effect(|| Err(io::Error::new(io::ErrorKind::NotFound, "gone")));
    let err = read_tail(&file, 3).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
    file.read_at.assert_not_called();
}

// --- 6. checksums over byte slices ----------------------------------------

#[automock]
pub trait Checksum {
    fn checksum(&self, data: &[u8]) -> u32;
    fn verify(&self, data: &[u8], expected: u32) -> bool {
        self.checksum(data) == expected
    }
}

fn store_verified(sum: &impl Checksum, chunks: &[&[u8]]) -> Vec<u32> {
    chunks.iter().map(|c| sum.checksum(c)).collect()
}

#[test]
fn checksum_default_verify_calls_the_configured_checksum() {
    let sum = MockChecksum::new();
    sum.checksum
        .side_effect(|data| data.iter().map(|b| *b as u32).sum());

    assert_eq!(store_verified(&sum, &[b"\x01\x02", b"\x05"]), [3, 5]);
    assert!(sum.verify(b"\x01\x01", 2));
    assert!(!sum.verify(b"\x01", 9));

    assert_eq!(sum.checksum.call_count(), 4);
    sum.verify
        .assert_has_calls([call!(b"\x01\x01", 2), call!(b"\x01", 9)]);
    sum.checksum.assert_called_with(call!(vec![1u8]));
}

// --- 7. batch lookups over &[&str] and HashMap results -----------------------

#[automock]
pub trait BatchStore {
    fn get_many(&self, keys: &[String]) -> HashMap<String, Vec<u8>>;
    fn put_many(&mut self, entries: HashMap<String, Vec<u8>>) -> Result<usize, StoreError>;
}

fn sync_missing(
    from: &dyn BatchStore,
    to: &mut dyn BatchStore,
    keys: &[String],
) -> Result<usize, StoreError> {
    let have = to.get_many(keys);
    let missing: Vec<String> = keys
        .iter()
        .filter(|k| !have.contains_key(*k))
        .cloned()
        .collect();
    if missing.is_empty() {
        return Ok(0);
    }
    to.put_many(from.get_many(&missing))
}

#[test]
fn batch_store_copies_only_missing_keys() {
    let from = MockBatchStore::named("from");
    let mut to = MockBatchStore::named("to");
    to.get_many
        .return_value(HashMap::from([("a".to_string(), vec![1])]));
    from.get_many.side_effect(|keys| {
        keys.iter()
            .map(|k| (k.clone(), k.as_bytes().to_vec()))
            .collect()
    });
    to.put_many.side_effect(|entries| Ok(entries.len()));

    let keys = ["a".to_string(), "b".to_string(), "c".to_string()];
    assert_eq!(sync_missing(&from, &mut to, &keys), Ok(2));

    from.get_many
        .assert_called_once_with(call!(vec!["b".to_string(), "c".to_string()]));
    let expected = HashMap::from([
        ("b".to_string(), b"b".to_vec()),
        ("c".to_string(), b"c".to_vec()),
    ]);
    to.put_many.assert_called_once_with(call!(expected));
}

// --- 8. a counter store with Box<dyn Error + Send + Sync> ------------------

#[automock]
pub trait Counters {
    fn incr(&self, key: &str, by: i64) -> Result<i64, Box<dyn std::error::Error + Send + Sync>>;
    fn reset(&self, key: &str);
}

fn hit(counters: &dyn Counters, page: &str) -> i64 {
    match counters.incr(&format!("hits:{page}"), 1) {
        Ok(n) => n,
        Err(_) => {
            counters.reset(&format!("hits:{page}"));
            0
        }
    }
}

#[test]
fn counters_box_dyn_error_resets_the_key() {
    let counters = MockCounters::new();
    counters.incr.side_effect(|key, by| {
        if key.ends_with("home") {
            Ok(10 + by)
        } else {
            Err(Box::new(StoreError::Unavailable))
        }
    });

    assert_eq!(hit(&counters, "home"), 11);
    assert_eq!(hit(&counters, "about"), 0);

    counters
        .incr
        .assert_has_calls([call!("hits:home", 1), call!("hits:about", 1)]);
    counters.reset.assert_called_once_with(call!("hits:about"));
}

// --- 9. snapshots: owned maps in and out ------------------------------------

#[automock]
pub trait Snapshots {
    fn snapshot(&self) -> HashMap<String, Vec<u8>>;
    fn restore(&mut self, snap: HashMap<String, Vec<u8>>) -> Result<(), StoreError>;
    fn version(&self) -> u64;
}

fn roll_back<S: Snapshots>(store: &mut S, saved: &HashMap<String, Vec<u8>>) -> u64 {
    let before = store.version();
    store.restore(saved.clone()).expect("restore");
    before
}

#[test]
fn snapshots_roll_back_restores_a_clone_of_the_saved_map() {
    let mut store = MockSnapshots::new();
    store.version.return_value(9);
    store.restore.return_value(Ok(()));
    let saved = HashMap::from([("k".to_string(), vec![1, 2])]);

    assert_eq!(roll_back(&mut store, &saved), 9);

    store.restore.assert_called_once_with(call!(saved.clone()));
    assert_eq!(
        store.mock_calls(),
        [call!(.version()), call!(.restore(saved))]
    );
    assert!(store.snapshot().is_empty());
}
