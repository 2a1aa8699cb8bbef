//! Methods of the same argument and return types share one handle type,
//! in every mock of a crate: what belongs to one method (its name, its
//! return type as written, its `Default`, each argument's `Debug`) is given
//! to the handle when the mock is made. These tests pin that sharing and
//! that nothing of a method's own leaks into another's messages (CALL-1,
//! AS-5, RV-1).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use mockgen::prelude::*;

#[automock]
trait Store {
    fn get(&self, key: &str) -> Option<Vec<u8>>;
    fn count(&self) -> u64;
}

#[automock]
trait Cache {
    fn lookup(&self, name: &str) -> Option<Vec<u8>>;
    fn size(&self) -> u64;
}

#[automock]
trait Files {
    fn open(&self, path: PathBuf, name: OsString, parts: Vec<String>, tag: &[u8]) -> bool;
    fn peek(&mut self, path: &Path, lines: &mut Vec<String>) -> usize;
}

/// Compiles only when both handles have the same type.
fn same_type<T>(_: &T, _: &T) {}

#[test]
fn methods_of_the_same_types_in_two_mocks_share_one_handle_type() {
    let (store, cache) = (MockStore::new(), MockCache::new());
    same_type(&store.get, &cache.lookup);
    same_type(&store.count, &cache.size);
}

#[test]
fn each_method_keeps_its_name_output_and_default_in_messages() {
    let (store, cache) = (MockStore::new(), MockCache::new());
    assert_eq!(store.count(), 0, "u64's Default answers");
    assert_eq!(cache.lookup("a"), None, "Option's Default answers");
    assert_eq!(cache.size(), 0);
    store.get("k");
    let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        store.get.assert_called_once_with(call!("other"));
    }))
    .expect_err("the assertion fails");
    let message = report
        .downcast_ref::<String>()
        .expect("a formatted message");
    assert!(message.contains("MockStore.get"), "{message}");
    assert!(message.contains(r#"get("k")"#), "{message}");
    cache.lookup.assert_called_once_with(call!("a"));
    store.assert_has_calls([call!(.get("k"))]);
    cache.assert_has_calls([call!(.lookup("a"))]);
}

#[test]
fn owned_std_arguments_are_recorded_in_their_borrowed_form() {
    let mut files = MockFiles::new();
    files.open.return_value(true);
    files.peek.side_effect(|_, lines| {
        lines.push("more".to_owned());
        lines.len()
    });
    let parts = vec!["a".to_owned(), "b".to_owned()];
    assert!(files.open(PathBuf::from("/tmp/x"), OsString::from("x"), parts, b"t"));
    let mut lines = vec!["one".to_owned()];
    assert_eq!(files.peek(Path::new("/tmp/y"), &mut lines), 2);
    let args = files.open.call_args().expect("one call");
    assert_eq!(args.0, Path::new("/tmp/x"));
    assert_eq!(args.1, OsString::from("x"));
    assert_eq!(args.2, ["a".to_owned(), "b".to_owned()]);
    assert_eq!(args.3, b"t".to_vec());
    let peeked = files.peek.call_args().expect("one call");
    assert_eq!(peeked.0, Path::new("/tmp/y"));
    assert_eq!(
        peeked.1,
        ["one".to_owned()],
        "recorded before the side effect"
    );
    files.assert_has_calls([call!(.peek(Path::new("/tmp/y"), ANY))]);
}
