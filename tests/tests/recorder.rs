//! Ordering across mocks: Recorder, attach, mock_calls in global order, assert_has_calls (SEMANTICS CH-4, CH-5, CA-6, CA-7, AS-7, AS-8).
#![deny(warnings)]

use std::ops::Deref;
use std::sync::Arc;
use std::thread;

mod common;

use common::panic_message;
use mockgen::prelude::*;
use mockgen::{CallList, MockCore};

#[automock]
pub trait Db {
    fn open(&self, path: &str) -> bool;
    fn close(&self);
}

#[automock]
pub trait Log {
    fn write(&self, text: &str);
}

fn attached() -> (MockDb, MockLog, Recorder) {
    let (db, log) = (MockDb::new(), MockLog::new());
    let calls = Recorder::new();
    calls.attach("db", &db);
    calls.attach("log", &log);
    (db, log, calls)
}

#[test]
fn ca_7_interleaving_across_mocks_is_preserved() {
    let (db, log, calls) = attached();
    db.open("f");
    log.write("opened");
    db.close();
    log.write("closed");
    assert_eq!(
        format!("{:?}", calls.mock_calls()),
        "[\n    db.open(\"f\"),\n    log.write(\"opened\"),\n    db.close(),\n    log.write(\"closed\"),\n]"
    );
    assert_eq!(
        calls.mock_calls(),
        [
            call!(.db.open("f")),
            call!(.log.write(ANY)),
            call!(.db.close()),
            call!(.log.write("closed")),
        ]
    );
    // Each mock keeps its own, unprefixed history.
    db.assert_has_calls([call!(.open("f")), call!(.close())]);
    assert_eq!(
        format!("{:?}", log.mock_calls()),
        r#"[write("opened"), write("closed")]"#
    );
}

#[test]
fn ch_5_calls_before_attaching_are_not_recorded() {
    let db = MockDb::new();
    db.open("early");
    let calls = Recorder::new();
    calls.attach("db", &db);
    db.open("late");
    assert_eq!(calls.mock_calls(), [call!(.db.open("late"))]);
    assert_eq!(db.open.call_count(), 2);
}

#[test]
fn as_7_assert_has_calls_wants_a_consecutive_run_in_order() {
    let (db, log, calls) = attached();
    log.write("start");
    db.open("f");
    log.write("opened");
    db.close();
    calls.assert_has_calls([call!(.db.open("f")), call!(.log.write("opened"))]);
    calls.assert_has_calls([call!(.log.write(ANY)), call!(.db.close())]);
    calls.assert_has_calls([]);
    let message = panic_message(|| {
        calls.assert_has_calls([call!(.db.open("f")), call!(.db.close())]);
    });
    assert_eq!(
        message,
        "Recorder: calls not found.\n\
         Expected: [db.open(\"f\"), db.close()]\n  \
         Actual: [\n    log.write(\"start\"),\n    db.open(\"f\"),\n    log.write(\"opened\"),\n    db.close(),\n]"
    );
}

#[test]
fn as_7_message_on_one_line_when_short() {
    let (db, _log, calls) = attached();
    db.open("f");
    let message = panic_message(|| calls.assert_has_calls([call!(.log.write("x"))]));
    assert_eq!(
        message,
        "Recorder: calls not found.\nExpected: [log.write(\"x\")]\n  Actual: [db.open(\"f\")]"
    );
}

#[test]
fn as_8_assert_has_calls_any_order() {
    let (db, log, calls) = attached();
    db.open("f");
    log.write("a");
    log.write("b");
    calls.assert_has_calls_any_order([
        call!(.log.write("b")),
        call!(.db.open(ANY)),
        call!(.log.write("a")),
    ]);
    // Duplicates need duplicates.
    let message = panic_message(|| {
        calls.assert_has_calls_any_order([call!(.db.open("f")), call!(.db.open("f"))]);
    });
    assert_eq!(
        message,
        "Recorder: does not contain all of [db.open(\"f\")] in its call list.\n  \
         Actual: [db.open(\"f\"), log.write(\"a\"), log.write(\"b\")]"
    );
}

#[test]
fn assert_any_call_and_assert_not_called() {
    let (db, _log, calls) = attached();
    calls.assert_not_called();
    db.open("f");
    calls.assert_any_call(call!(.db.open("f")));
    assert_eq!(
        panic_message(|| calls.assert_any_call(call!(.db.open("g")))),
        "Recorder: db.open(\"g\") call not found.\nCalls:\n  db.open(\"f\")"
    );
    assert_eq!(
        panic_message(|| calls.assert_not_called()),
        "Recorder: expected no calls. Called 1 time.\nCalls:\n  db.open(\"f\")"
    );
}

#[test]
fn the_path_must_match_too() {
    let (db, _log, calls) = attached();
    db.open("f");
    let history = calls.mock_calls();
    // Under another attach name, it is another call (without one, it does
    // not compile: ui case `call/path-missing-on-a-recorder.rs`).
    assert!(!history.contains(&call!(.log.open("f"))));
    assert!(history.contains(&call!(.db.open("f"))));
    assert!(history.contains_run(&[call!(.db.open(ANY))]));
}

#[test]
fn recorder_name_appears_in_messages() {
    let calls = Recorder::named("app");
    let db = MockDb::new();
    calls.attach("db", &db);
    db.close();
    assert_eq!(calls.name(), "app");
    assert!(panic_message(|| calls.assert_not_called()).starts_with("app: expected no calls."));
}

#[test]
fn attach_takes_any_mock_or_its_core() {
    let calls = Recorder::new();
    let db = Arc::new(MockDb::new());
    let log = MockLog::new();
    calls.attach("db", &db);
    let core: &MockCore = log.deref();
    calls.attach("log", core);
    db.open("f");
    log.write("x");
    assert_eq!(
        calls.mock_calls(),
        [call!(.db.open("f")), call!(.log.write("x"))]
    );
}

#[test]
fn dotted_names_give_longer_paths() {
    let calls = Recorder::new();
    let db = MockDb::new();
    calls.attach("app.db", &db);
    db.open("f");
    calls.assert_has_calls([call!(.app.db.open("f"))]);
    assert_eq!(format!("{:?}", calls.mock_calls()), r#"[app.db.open("f")]"#);
}

#[test]
fn attaching_again_renames_and_several_recorders_see_the_same_calls() {
    let db = MockDb::new();
    let (first, second) = (Recorder::new(), Recorder::new());
    first.attach("db", &db);
    second.attach("store", &db);
    db.open("a");
    first.attach("database", &db);
    db.open("b");
    assert_eq!(
        first.mock_calls(),
        [call!(.db.open("a")), call!(.database.open("b"))]
    );
    assert_eq!(
        second.mock_calls(),
        [call!(.store.open("a")), call!(.store.open("b"))]
    );
}

#[test]
fn named_mock_with_the_hidden_join_hook() {
    // What `MockDb::named("db").with_recorder(&calls)` does.
    let calls = Recorder::new();
    let db = MockDb::named("db");
    db.__join(&calls, db.name());
    db.open("f");
    calls.assert_has_calls([call!(.db.open("f"))]);
}

#[test]
fn resets_are_separate() {
    let (db, log, calls) = attached();
    db.open("f");
    log.write("x");
    // Resetting a mock leaves the recorder's history (Python: a child's
    // reset_mock does not touch its parent's mock_calls).
    db.reset_mock();
    assert_eq!(calls.mock_calls().len(), 2);
    calls.reset_mock();
    assert!(calls.mock_calls().is_empty());
    log.write.assert_called_once();
    // Still attached.
    db.close();
    assert_eq!(calls.mock_calls(), [call!(.db.close())]);
}

#[test]
fn a_clone_of_the_recorder_is_the_same_recorder() {
    let (db, _log, calls) = attached();
    let clone = calls.clone();
    db.open("f");
    assert_eq!(clone.mock_calls().len(), 1);
    assert!(format!("{clone:?}").contains("db.open(\"f\")"));
    assert_eq!(Recorder::default().name(), "Recorder");
}

#[test]
fn calls_from_threads_are_totally_ordered() {
    let (db, log, calls) = attached();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (db, log) = (db.clone(), log.clone());
            thread::spawn(move || {
                for i in 0..50 {
                    db.open(&format!("{t}-{i}"));
                    log.write(&format!("{t}-{i}"));
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let history: CallList<Recorder> = calls.mock_calls();
    assert_eq!(history.len(), 8 * 50 * 2);
    // Within each thread, the recorder keeps the thread's own order.
    for t in 0..8 {
        let mine: Vec<String> = history
            .iter()
            .filter(|c| c.args()[0].starts_with(&format!("\"{t}-")))
            .map(|c| format!("{}{}", c.method(), c.args()[0]))
            .collect();
        let expected: Vec<String> = (0..50)
            .flat_map(|i| [format!("open\"{t}-{i}\""), format!("write\"{t}-{i}\"")])
            .collect();
        assert_eq!(mine, expected);
    }
}

#[test]
fn recorded_calls_of_expectations_and_side_effects() {
    let (db, log, calls) = attached();
    let inner_log = log.clone();
    db.open
        .expect(call!(ANY))
        .side_effect(move |path| {
            inner_log.write(&format!("opening {path}"));
            true
        })
        .times(1);
    assert!(db.open("f"));
    // The call is recorded before its side effect runs.
    assert_eq!(
        format!("{:?}", calls.mock_calls()),
        r#"[db.open("f"), log.write("opening f")]"#
    );
    db.verify();
    db.reset_all();
}
