//! call! positions: literals typed by the argument, ANY and _, every matcher in mockgen::matchers, predicates, call!(.method(..)) and how expected calls print.
#![deny(warnings)]

mod common;

use common::{failure, panic_message};
use mockgen::PathCall;
use mockgen::prelude::*;

#[derive(Debug, Clone)]
pub struct Celsius(pub f64);

/// Equal within a tolerance, so `==` and the `Debug` text disagree.
impl PartialEq for Celsius {
    fn eq(&self, other: &Self) -> bool {
        (self.0 - other.0).abs() < 0.01
    }
}

#[automock]
pub trait Store {
    fn put(&self, key: &str, size: u64, tag: Option<u8>);
    fn write(&self, data: &[u8]);
    fn rename(&self, owner: String);
    fn finish(&self, outcome: Result<u32, String>);
    fn items(&self, items: Vec<u16>);
    fn pair(&self, name: &str, n: i32);
    fn set_temperature(&self, value: Celsius);
    fn flush(&self);
}

/// The failure of `assert_called_with` on a `MockStore` method whose last
/// call was `actual`: what a negative check expects.
fn not_found(expected: &str, actual: &str) -> Option<String> {
    let method = &expected[..expected.find('(').unwrap()];
    Some(format!(
        "MockStore.{method}: expected call not found.\nExpected: {expected}\n  Actual: {actual}"
    ))
}

#[test]
fn integer_literals_take_the_argument_type() {
    let store = MockStore::new();
    store.put("k", 512, Some(3));
    // `512` is a u64 here and `Some(3)` an Option<u8>.
    store.put.assert_called_with(call!("k", 512, Some(3)));
    store.pair("a", -1);
    store.pair.assert_called_with(call!("a", -1));
    let actual = r#"put("k", 512, Some(3))"#;
    assert_eq!(
        failure(|| store.put.assert_called_with(call!("k", 513, Some(3)))),
        not_found(r#"put("k", 513, Some(3))"#, actual)
    );
    assert_eq!(
        failure(|| store.put.assert_called_with(call!("k", 512, None))),
        not_found(r#"put("k", 512, None)"#, actual)
    );
}

#[test]
fn str_arguments_match_str_and_string_values() {
    let store = MockStore::new();
    let key = String::from("user:1");
    store.put(&key, 1, None);
    store.rename("alice".to_owned());

    store.put.assert_called_with(call!("user:1", 1, None));
    store.put.assert_called_with(call!(key.clone(), 1, None));
    store.put.assert_called_with(call!(&key, 1, None));
    // A `String` argument is matched with `&str` too.
    store.rename.assert_called_with(call!("alice"));
    store
        .rename
        .assert_called_with(call!(String::from("alice")));
    assert_eq!(
        failure(|| store.rename.assert_called_with(call!("bob"))),
        not_found(r#"rename("bob")"#, r#"rename("alice")"#)
    );
}

#[test]
fn slice_arguments_match_byte_strings_vecs_and_arrays() {
    let store = MockStore::new();
    store.write(b"ab");
    store.write.assert_called_with(call!(b"ab"));
    store.write.assert_called_with(call!(vec![b'a', b'b']));
    store.write.assert_called_with(call!([97, 98]));
    store.write.assert_called_with(call!(&[97u8, 98][..]));
    assert_eq!(
        failure(|| store.write.assert_called_with(call!(b"abc"))),
        not_found("write([97, 98, 99])", "write([97, 98])")
    );
    assert_eq!(
        failure(|| store.write.assert_called_with(call!(Vec::new()))),
        not_found("write([])", "write([97, 98])")
    );
}

#[test]
fn any_1_any_and_underscore_match_everything() {
    let store = MockStore::new();
    store.put("k", 7, None);
    store.put.assert_called_with(call!(ANY, ANY, ANY));
    store.put.assert_called_with(call!(_, _, _));
    store.put.assert_called_with(call!("k", _, ANY));
    store.flush();
    store.flush.assert_called_with(call!());
}

#[test]
fn an_expression_in_call_is_one_argument_value() {
    let store = MockStore::new();
    let owner = String::from("carol");
    store.rename(owner.clone());
    store.rename.assert_called_once_with(call!(owner.clone()));
}

#[test]
fn comparison_matchers() {
    let store = MockStore::new();
    store.put("k", 10, None);
    let last = |c| failure(|| store.put.assert_called_with(c));
    let not_last = |expected| not_found(expected, r#"put("k", 10, None)"#);

    assert_eq!(last(call!(_, eq(10), _)), None);
    assert_eq!(last(call!(_, eq(11), _)), not_last("put(ANY, eq(11), ANY)"));
    assert_eq!(last(call!(_, ne(11), _)), None);
    assert_eq!(last(call!(_, ne(10), _)), not_last("put(ANY, ne(10), ANY)"));
    assert_eq!(last(call!(_, gt(9), _)), None);
    assert_eq!(last(call!(_, gt(10), _)), not_last("put(ANY, gt(10), ANY)"));
    assert_eq!(last(call!(_, ge(10), _)), None);
    assert_eq!(last(call!(_, ge(11), _)), not_last("put(ANY, ge(11), ANY)"));
    assert_eq!(last(call!(_, lt(11), _)), None);
    assert_eq!(last(call!(_, lt(10), _)), not_last("put(ANY, lt(10), ANY)"));
    assert_eq!(last(call!(_, le(10), _)), None);
    assert_eq!(last(call!(_, le(9), _)), not_last("put(ANY, le(9), ANY)"));
    assert_eq!(last(call!(eq("k"), _, eq(None))), None);
}

#[test]
fn eq_and_ne_compare_like_plain_values() {
    let store = MockStore::new();
    store.put("user:42", 3, Some(1));
    store.rename("alice".to_owned());
    store.write(b"ab");
    let put = |c| failure(|| store.put.assert_called_with(c));
    let not_put = |expected| not_found(expected, r#"put("user:42", 3, Some(1))"#);

    assert_eq!(put(call!(eq("user:42"), eq(3), eq(Some(1)))), None);
    assert_eq!(put(call!(eq(String::from("user:42")), _, _)), None);
    assert_eq!(
        put(call!(eq("user:4"), _, _)),
        not_put(r#"put(eq("user:4"), ANY, ANY)"#)
    );
    assert_eq!(put(call!(ne("admin"), ne(4), ne(None))), None);
    assert_eq!(
        put(call!(ne("user:42"), _, _)),
        not_put(r#"put(ne("user:42"), ANY, ANY)"#)
    );
    store.rename.assert_called_with(call!(eq("alice")));
    store.rename.assert_called_with(call!(ne("bob")));
    store.write.assert_called_with(call!(eq(b"ab")));
    store.write.assert_called_with(call!(ne(vec![b'a'])));
}

#[test]
fn string_matchers() {
    let store = MockStore::new();
    store.put("user:42", 0, None);
    store.rename("alice".to_owned());
    let put = |c| failure(|| store.put.assert_called_with(c));
    let rename = |c| failure(|| store.rename.assert_called_with(c));
    let not_put = |expected| not_found(expected, r#"put("user:42", 0, None)"#);

    assert_eq!(put(call!(contains(":4"), _, _)), None);
    assert_eq!(
        put(call!(contains("admin"), _, _)),
        not_put(r#"put(contains("admin"), ANY, ANY)"#)
    );
    assert_eq!(put(call!(starts_with("user:"), _, _)), None);
    assert_eq!(
        put(call!(starts_with("42"), _, _)),
        not_put(r#"put(starts_with("42"), ANY, ANY)"#)
    );
    assert_eq!(put(call!(ends_with("42"), _, _)), None);
    assert_eq!(
        put(call!(ends_with("user"), _, _)),
        not_put(r#"put(ends_with("user"), ANY, ANY)"#)
    );
    // The same matchers work on `String` arguments.
    assert_eq!(rename(call!(contains("lic"))), None);
    assert_eq!(rename(call!(starts_with("al"))), None);
    assert_eq!(rename(call!(ends_with("ce"))), None);
    assert_eq!(
        rename(call!(ends_with("al"))),
        not_found(r#"rename(ends_with("al"))"#, r#"rename("alice")"#)
    );
}

#[test]
fn contains_on_slices_and_vecs() {
    let store = MockStore::new();
    store.write(&[1, 2, 3]);
    store.items(vec![10, 20]);
    store.write.assert_called_with(call!(contains(2)));
    assert_eq!(
        failure(|| store.write.assert_called_with(call!(contains(4)))),
        not_found("write(contains(4))", "write([1, 2, 3])")
    );
    store.items.assert_called_with(call!(contains(20)));
    assert_eq!(
        failure(|| store.items.assert_called_with(call!(contains(30)))),
        not_found("items(contains(30))", "items([10, 20])")
    );
}

#[test]
fn option_and_result_matchers() {
    let store = MockStore::new();
    store.put("a", 1, Some(3));
    store.put("b", 2, None);
    store.finish(Ok(1));
    store.finish(Err("disk full".to_owned()));

    store
        .put
        .assert_has_calls([call!(_, _, is_some()), call!(_, _, is_none())]);
    assert_eq!(
        failure(|| store.put.assert_called_with(call!(_, _, is_some()))),
        not_found("put(ANY, ANY, is_some())", r#"put("b", 2, None)"#)
    );
    store
        .finish
        .assert_has_calls([call!(is_ok()), call!(is_err())]);
    assert_eq!(
        failure(|| store.finish.assert_called_with(call!(is_ok()))),
        not_found("finish(is_ok())", r#"finish(Err("disk full"))"#)
    );
    store
        .finish
        .assert_called_with(call!(Err("disk full".to_owned())));
}

#[test]
fn matching_takes_the_borrowed_form_of_the_argument() {
    let store = MockStore::new();
    store.put("user:42", 64, Some(1));
    store.write(b"\x00\x01");
    store.rename("alice".to_owned());

    store.put.assert_called_with(call!(
        matching(|s: &str| s.len() == 7),
        matching(|n: &u64| n.is_power_of_two()),
        matching(|t: &Option<u8>| t.is_some())
    ));
    store
        .write
        .assert_called_with(call!(matching(|v: &[u8]| v.first() == Some(&0))));
    assert_eq!(
        failure(|| store
            .put
            .assert_called_with(call!(matching(|s: &str| s.is_empty()), _, _))),
        not_found(
            "put(matching(…), ANY, ANY)",
            r#"put("user:42", 64, Some(1))"#
        )
    );
}

#[test]
fn pattern_matches_by_pattern() {
    let store = MockStore::new();
    store.put("k", 5, Some(7));
    store.finish(Ok(3));

    store
        .put
        .assert_called_with(call!(_, _, pattern!(Some(5..))));
    store
        .put
        .assert_called_with(call!(_, _, pattern!(Some(1..=7))));
    store
        .put
        .assert_called_with(call!(_, _, pattern!(Some(7) | None)));
    let actual = r#"put("k", 5, Some(7))"#;
    assert_eq!(
        failure(|| store
            .put
            .assert_called_with(call!(_, _, pattern!(Some(8..))))),
        not_found("put(ANY, ANY, pattern!(Some(8..)))", actual)
    );
    assert_eq!(
        failure(|| store.put.assert_called_with(call!(_, _, pattern!(None)))),
        not_found("put(ANY, ANY, pattern!(None))", actual)
    );
    store.finish.assert_called_with(call!(pattern!(Ok(0..=9))));
    assert_eq!(
        failure(|| store.finish.assert_called_with(call!(pattern!(Err(_))))),
        not_found("finish(pattern!(Err(_)))", "finish(Ok(3))")
    );
}

#[test]
fn predicates_are_matchers() {
    let store = MockStore::new();
    store.put("user:42", 10, None);
    store.put.assert_called_with(call!(
        predicates::str::contains("42"),
        predicates::ord::gt(3),
        ANY
    ));
    let actual = r#"put("user:42", 10, None)"#;
    assert_eq!(
        failure(|| store
            .put
            .assert_called_with(call!(predicates::str::contains("x"), _, _))),
        not_found("put(var.contains(x), ANY, ANY)", actual)
    );
    assert_eq!(
        failure(|| store
            .put
            .assert_called_with(call!(_, predicates::ord::gt(10), _))),
        not_found("put(ANY, var > 10, ANY)", actual)
    );
}

#[test]
fn any_2_arrays_mix_values_wildcards_and_matchers() {
    let store = MockStore::new();
    store.pair("a", 1);
    store.pair("b", 2);
    store.pair("c", 3);
    store
        .pair
        .assert_has_calls([call!("a", ANY), call!(_, 2), call!(starts_with("c"), gt(2))]);
    let expected = [call!("b", ANY), call!(_, 3)];
    store.pair.assert_has_calls(expected);
}

#[test]
fn path_calls_match_by_type_then_by_debug_text() {
    let store = MockStore::new();
    store.put("k", 512, Some(3));
    store.set_temperature(Celsius(20.001));

    // Same type: compared with `==` (within the tolerance, although the
    // Debug texts differ).
    let not_any = |expected| {
        Some(format!(
            "MockStore: {expected} call not found.\nCalls:\n  put(\"k\", 512, Some(3))\n  set_temperature(Celsius(20.001))"
        ))
    };
    store.assert_any_call(call!(.set_temperature(Celsius(20.0))));
    assert_eq!(
        failure(|| store.assert_any_call(call!(.set_temperature(Celsius(25.0))))),
        not_any("set_temperature(Celsius(25.0))")
    );
    // Literals take the argument's type (`u64`, `Option<u8>`); `&str`
    // compares with the recorded `String`.
    store.assert_any_call(call!(.put("k", 512, Some(3))));
    store.assert_any_call(call!(.put(String::from("k"), 512u64, Some(3u8))));
    assert_eq!(
        failure(|| store.assert_any_call(call!(.put("k", 513, Some(3))))),
        not_any(r#"put("k", 513, Some(3))"#)
    );
    assert_eq!(
        failure(|| store.assert_any_call(call!(.put("k", 512, None::<u8>)))),
        not_any(r#"put("k", 512, None)"#)
    );
    // The method name must match too.
    assert_eq!(
        failure(|| store.assert_any_call(call!(.rename("k")))),
        not_any(r#"rename("k")"#)
    );
    // A wrong number of arguments does not compile
    // (ui-tests/tests/ui/call/path-wrong-arity.rs).
}

#[test]
fn path_call_debug_prints_the_call_path() {
    let flush: PathCall<MockStore> = call!(.flush());
    assert_eq!(format!("{flush:?}"), "call.flush()");
    let put: PathCall<MockStore> = call!(.put("k", ANY, _));
    assert_eq!(format!("{put:?}"), "call.put(\"k\", ANY, ANY)");
    let open: PathCall<Recorder> = call!(.db.open(1));
    assert_eq!(format!("{open:?}"), "call.db.open(1)");
}

#[test]
fn call_7_matchers_print_readably_in_messages() {
    let store = MockStore::new();
    store.put("k", 1, Some(0));
    assert_eq!(
        panic_message(|| store.put.assert_called_with(call!(
            starts_with("user"),
            gt(3),
            pattern!(Some(1..))
        ))),
        "MockStore.put: expected call not found.\nExpected: put(starts_with(\"user\"), gt(3), pattern!(Some(1..)))\n  Actual: put(\"k\", 1, Some(0))"
    );
    assert_eq!(
        panic_message(|| store.put.assert_called_with(call!(ANY, le(0), is_none()))),
        "MockStore.put: expected call not found.\nExpected: put(ANY, le(0), is_none())\n  Actual: put(\"k\", 1, Some(0))"
    );
    assert_eq!(
        panic_message(|| store.put.assert_any_call(call!(
            contains("x"),
            matching(|n: &u64| *n > 5),
            ne(Some(0))
        ))),
        "MockStore.put: put(contains(\"x\"), matching(…), ne(Some(0))) call not found.\nCalls:\n  put(\"k\", 1, Some(0))"
    );
    assert_eq!(
        panic_message(|| store
            .put
            .assert_called_with(call!(ends_with("z"), ge(2), eq(Some(9))))),
        "MockStore.put: expected call not found.\nExpected: put(ends_with(\"z\"), ge(2), eq(Some(9)))\n  Actual: put(\"k\", 1, Some(0))"
    );
}

#[test]
fn predicates_print_with_their_own_display() {
    let store = MockStore::new();
    store.put("k", 1, None);
    let message = panic_message(|| {
        store.put.assert_called_with(call!(
            predicates::str::contains("x"),
            predicates::ord::gt(3),
            _
        ))
    });
    assert_eq!(
        message,
        "MockStore.put: expected call not found.\nExpected: put(var.contains(x), var > 3, ANY)\n  Actual: put(\"k\", 1, None)"
    );
}

#[test]
fn slice_and_result_values_print_with_debug() {
    let store = MockStore::new();
    store.write(b"a");
    store.finish(Ok(1));
    assert_eq!(
        panic_message(|| store.write.assert_called_with(call!(b"b"))),
        "MockStore.write: expected call not found.\nExpected: write([98])\n  Actual: write([97])"
    );
    assert_eq!(
        panic_message(|| store.finish.assert_called_with(call!(Err("no".to_owned())))),
        "MockStore.finish: expected call not found.\nExpected: finish(Err(\"no\"))\n  Actual: finish(Ok(1))"
    );
}

#[automock]
pub trait Db {
    fn query(&self, sql: &str, limit: u64) -> Vec<String>;
    fn find(&self, id: Option<u32>) -> Result<u8, String>;
}

#[test]
fn matchers_work_in_the_method_less_form() {
    let db = MockDb::new();
    db.query("select name", 10);
    let _ = db.find(Some(3));
    db.assert_any_call(call!(.query(starts_with("select"), gt(5))));
    db.assert_has_calls([
        call!(.query(contains("name"), le(10))),
        call!(.find(is_some())),
    ]);
    db.assert_any_call(call!(.query(ends_with("name"), eq(10))));
    assert_eq!(
        panic_message(|| db.assert_any_call(call!(.query(ANY, lt(10))))),
        "MockDb: query(ANY, lt(10)) call not found.\nCalls:\n  query(\"select name\", 10)\n  find(Some(3))"
    );
}
