//! `patch_env!`: variables set, changed and removed for a guard's lifetime
//! and restored byte for byte on drop and on panic; the `clear;` form;
//! nesting; the process-wide lock (SEMANTICS PATCH-17, PATCH-18).
#![deny(warnings)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::panic::catch_unwind;
use std::sync::mpsc;

mod common;

use mockgen::prelude::*;

/// Tests compare snapshots: they take them under the lock (an empty
/// `patch_env!()`), so that no other test's guard changes the environment
/// in between.
fn snapshot() -> BTreeMap<OsString, OsString> {
    std::env::vars_os().collect()
}

fn var(key: &str) -> Option<String> {
    std::env::var_os(key).map(|v| v.into_string().unwrap())
}

#[test]
fn sets_changes_and_removes_then_restores_exactly() {
    let _lock = patch_env!();
    // The outer guard sets up the "before" state: one variable set, one
    // that the inner guard changes, one absent.
    let _before = patch_env!(
        "MOCKGEN_T1_KEPT" => "kept",
        "MOCKGEN_T1_CHANGED" => "old",
        "MOCKGEN_T1_REMOVED" => "present",
        "MOCKGEN_T1_ADDED" => None,
    );
    let before = snapshot();
    let env = patch_env!(
        "MOCKGEN_T1_CHANGED" => "new",
        "MOCKGEN_T1_REMOVED" => None,
        "MOCKGEN_T1_ADDED" => String::from("added"),
    );
    assert_eq!(var("MOCKGEN_T1_KEPT").as_deref(), Some("kept"));
    assert_eq!(var("MOCKGEN_T1_CHANGED").as_deref(), Some("new"));
    assert_eq!(var("MOCKGEN_T1_REMOVED"), None);
    assert_eq!(var("MOCKGEN_T1_ADDED").as_deref(), Some("added"));
    drop(env);
    assert_eq!(snapshot(), before);
}

#[test]
fn changes_made_inside_the_scope_are_undone() {
    let _lock = patch_env!();
    let before = snapshot();
    let env = patch_env!("MOCKGEN_T2_A" => "a");
    set_var_like_code_under_test("MOCKGEN_T2_B", "b");
    set_var_like_code_under_test("MOCKGEN_T2_A", "changed");
    assert_eq!(var("MOCKGEN_T2_B").as_deref(), Some("b"));
    drop(env);
    assert_eq!(snapshot(), before);
}

/// Code under test that changes the environment itself.
#[allow(unsafe_code)]
fn set_var_like_code_under_test(key: &str, value: &str) {
    // SAFETY: called while this thread holds the `patch_env!` lock, and no
    // foreign code reads the environment in this test binary.
    unsafe { std::env::set_var(key, value) }
}

#[test]
fn a_panic_restores_the_environment() {
    let _lock = patch_env!();
    let before = snapshot();
    let result = catch_unwind(|| {
        let _env = patch_env!("MOCKGEN_T3" => "during", "HOME" => None);
        assert_eq!(var("MOCKGEN_T3").as_deref(), Some("during"));
        panic!("the test failed");
    });
    assert_eq!(
        common::payload_text(&*result.unwrap_err()),
        "the test failed"
    );
    assert_eq!(snapshot(), before);
}

#[cfg(unix)]
#[test]
fn non_utf8_values_round_trip() {
    let _lock = patch_env!();
    use std::os::unix::ffi::OsStringExt as _;
    let raw = OsString::from_vec(vec![b'x', 0xff, 0xfe, b'y']);
    let _outer = patch_env!("MOCKGEN_T4" => raw.clone());
    let before = snapshot();
    {
        let _inner = patch_env!("MOCKGEN_T4" => "plain", "MOCKGEN_T4_NEW" => raw.as_os_str());
        assert_eq!(std::env::var_os("MOCKGEN_T4_NEW"), Some(raw.clone()));
    }
    assert_eq!(std::env::var_os("MOCKGEN_T4"), Some(raw));
    assert_eq!(snapshot(), before);
}

#[test]
fn clear_empties_the_environment_except_what_it_sets() {
    let _lock = patch_env!();
    let before = snapshot();
    {
        let _env = patch_env!(clear; "MOCKGEN_T5" => "only", "PATH" => std::env::var_os("PATH"));
        let keys: Vec<OsString> = snapshot().into_keys().collect();
        let mut expected = vec![OsString::from("MOCKGEN_T5")];
        if before.contains_key(&OsString::from("PATH")) {
            expected.push("PATH".into());
        }
        assert_eq!(keys, expected);
    }
    assert_eq!(snapshot(), before);
    {
        let _env = patch_env!(clear);
        assert_eq!(snapshot().len(), 0);
    }
    assert_eq!(snapshot(), before);
}

#[test]
fn nested_guards_restore_in_reverse_order() {
    let _lock = patch_env!();
    let before = snapshot();
    let outer = patch_env!("MOCKGEN_T6" => "outer");
    let inner = patch_env!("MOCKGEN_T6" => "inner", "MOCKGEN_T6_INNER" => "1");
    assert_eq!(var("MOCKGEN_T6").as_deref(), Some("inner"));
    inner.stop();
    assert_eq!(var("MOCKGEN_T6").as_deref(), Some("outer"));
    assert_eq!(var("MOCKGEN_T6_INNER"), None);
    drop(outer);
    assert_eq!(snapshot(), before);
}

#[test]
fn guards_dropped_out_of_order_restore_the_environment_before_the_first() {
    common::within(10, guards_dropped_out_of_order);
}

fn guards_dropped_out_of_order() {
    let _lock = patch_env!();
    let before = snapshot();
    let first = patch_env!("MOCKGEN_T10_A" => "first", "MOCKGEN_T10_B" => None);
    let second = patch_env!("MOCKGEN_T10_A" => "second", "MOCKGEN_T10_C" => "c");
    let third = patch_env!(clear; "MOCKGEN_T10_D" => "d");
    drop(first);
    // Newer guards are alive: their variables stay.
    assert_eq!(var("MOCKGEN_T10_D").as_deref(), Some("d"));
    drop(third);
    assert_eq!(var("MOCKGEN_T10_A").as_deref(), Some("second"));
    assert_eq!(var("MOCKGEN_T10_C").as_deref(), Some("c"));
    drop(second);
    assert_eq!(snapshot(), before);
}

#[test]
fn other_threads_wait_for_the_guard() {
    common::within(30, || {
        let env = patch_env!("MOCKGEN_T7" => "mine");
        let (reached, has_reached) = mpsc::channel();
        let (entered, has_entered) = mpsc::channel();
        let other = std::thread::spawn(move || {
            reached.send(common::this_thread_in_proc()).unwrap();
            let _env = patch_env!("MOCKGEN_T7" => "theirs");
            entered.send(()).unwrap();
            var("MOCKGEN_T7")
        });
        // The other thread went on to take the lock, and sleeps there.
        let thread = has_reached.recv().unwrap();
        common::until_blocked(thread.as_deref(), 10);
        assert_eq!(has_entered.try_recv(), Err(mpsc::TryRecvError::Empty));
        assert_eq!(var("MOCKGEN_T7").as_deref(), Some("mine"));
        drop(env);
        has_entered.recv().unwrap();
        assert_eq!(other.join().unwrap().as_deref(), Some("theirs"));
    });
}

#[test]
fn values_may_be_paths_options_and_expressions() {
    let _lock = patch_env!();
    let dir = std::path::PathBuf::from("/tmp/mockgen");
    let maybe: Option<&str> = Some("yes");
    let _env = patch_env!(
        "MOCKGEN_T8_PATH" => dir,
        "MOCKGEN_T8_SOME" => maybe,
        "MOCKGEN_T8_NONE" => None::<String>,
        format!("MOCKGEN_T8_{}", 1) => format!("{}", 2),
    );
    assert_eq!(var("MOCKGEN_T8_PATH").as_deref(), Some("/tmp/mockgen"));
    assert_eq!(var("MOCKGEN_T8_SOME").as_deref(), Some("yes"));
    assert_eq!(var("MOCKGEN_T8_NONE"), None);
    assert_eq!(var("MOCKGEN_T8_1").as_deref(), Some("2"));
}

#[test]
fn invalid_names_panic_before_changing_anything() {
    let lock = patch_env!();
    let before = snapshot();
    let result = catch_unwind(|| patch_env!("MOCKGEN_T9" => "x", "BAD=NAME" => "y"));
    let message = result.unwrap_err();
    let message = message.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("\"BAD=NAME\" is not a valid environment variable name"),
        "{message}"
    );
    assert_eq!(snapshot(), before);
    drop(lock);
    // The lock was released: another thread can take it.
    std::thread::spawn(|| drop(patch_env!())).join().unwrap();
}

#[test]
fn a_nul_in_a_value_panics_before_changing_anything() {
    let lock = patch_env!();
    let before = snapshot();
    let message =
        common::panic_message(|| patch_env!("MOCKGEN_T11" => "x", "MOCKGEN_T11_NUL" => "a\0b"));
    assert_eq!(
        message,
        "patch_env!: the value of \"MOCKGEN_T11_NUL\" contains a NUL byte"
    );
    assert_eq!(snapshot(), before);
    drop(lock);
}
