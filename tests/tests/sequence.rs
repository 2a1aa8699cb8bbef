//! Strict call order for expectations across methods and mocks: Sequence and in_sequence.
#![deny(warnings)]

mod common;

use common::report_of;
use mockgen::prelude::*;

#[automock]
pub trait Db {
    fn open(&self, path: &str) -> bool;
    fn close(&self);
}

#[automock]
pub trait Log {
    fn write(&self, text: &str);
}

/// open("f") → write(ANY) one or more times → close(), across two mocks.
fn scripted() -> (MockDb, MockLog, Sequence) {
    let (db, log) = (MockDb::named("db"), MockLog::named("log"));
    let seq = Sequence::new();
    db.open
        .expect(call!("f"))
        .return_value(true)
        .in_sequence(&seq);
    log.write.expect(call!(ANY)).times(1..).in_sequence(&seq);
    db.close.expect(call!()).in_sequence(&seq);
    (db, log, seq)
}

#[test]
fn calls_in_order_pass() {
    let (db, log, seq) = scripted();
    assert_eq!(seq.len(), 3);
    assert!(db.open("f"));
    log.write("a");
    log.write("b");
    db.close();
    db.verify();
    log.verify();
}

#[test]
fn a_call_too_early_panics_naming_the_expected_call() {
    let (db, log, _seq) = scripted();
    let message = report_of(|| log.write("too early"));
    assert_eq!(
        message,
        "log.write: call out of sequence.\nExpected: db.open(\"f\")\n  Actual: log.write(\"too early\")"
    );
    // The call is recorded all the same.
    log.write.assert_called_once_with(call!("too early"));
    // Skipping a step that needs calls panics too.
    assert!(db.open("f"));
    let message = report_of(|| db.close());
    assert_eq!(
        message,
        "db.close: call out of sequence.\nExpected: log.write(ANY)\n  Actual: db.close()"
    );
    db.reset_all();
    log.reset_all();
}

#[test]
fn going_back_after_the_sequence_moved_on_panics() {
    let (db, log, _seq) = scripted();
    db.open.expect(call!(ANY)).return_value(false);
    assert!(db.open("f"));
    log.write("a");
    // `open("f")` is done: it is exactly once, so a second call is past its
    // bound and the later catch-all expectation answers.
    assert!(!db.open("f"));
    db.close();
    // A step before the current one takes no more calls.
    let message = report_of(|| log.write("late"));
    assert_eq!(
        message,
        "log.write: call out of sequence.\nExpected: no further call: the sequence is complete\n  Actual: log.write(\"late\")"
    );
    db.reset_all();
    log.reset_all();
}

#[test]
fn going_back_names_the_next_call_still_needed() {
    let (a, b) = (MockLog::named("a"), MockLog::named("b"));
    let seq = Sequence::new();
    a.write.expect(call!("1")).times(1..).in_sequence(&seq);
    b.write.expect(call!("2")).in_sequence(&seq);
    a.write.expect(call!("3")).in_sequence(&seq);
    a.write("1");
    b.write("2");
    let message = report_of(|| a.write("1"));
    assert_eq!(
        message,
        "a.write: call out of sequence.\nExpected: a.write(\"3\")\n  Actual: a.write(\"1\")"
    );
    a.write("3");
    a.reset_all();
    b.verify();
}

#[test]
fn the_minimum_must_be_reached_before_moving_on() {
    let (a, b) = (MockLog::named("a"), MockLog::named("b"));
    let seq = Sequence::new();
    a.write.expect(call!(ANY)).times(2..=3).in_sequence(&seq);
    b.write.expect(call!(ANY)).in_sequence(&seq);
    a.write("1");
    assert!(report_of(|| b.write("x")).contains("Expected: a.write(ANY)"));
    a.write("2");
    b.write("y");
    // The refused call counts against `b` in verify.
    assert_eq!(
        report_of(|| b.verify()),
        "b: 1 unmet expectation.\n  write(ANY): expected once, called 1 time (1 call out of sequence).\nCalls:\n  write(\"x\")\n  write(\"y\")"
    );
    a.verify();
    b.reset_all();
}

#[test]
fn without_times_an_expectation_in_a_sequence_is_expected_once() {
    let db = MockDb::named("db");
    let seq = Sequence::new();
    db.close.expect(call!()).in_sequence(&seq);
    assert_eq!(
        report_of(|| db.verify()),
        "db: 1 unmet expectation.\n  close(): expected once, called 0 times."
    );
    db.close();
    assert_eq!(
        report_of(|| db.close()),
        "db.close: expectation close() called more than 1 time.\n  Call: close()"
    );
    db.reset_all();
}

#[test]
fn times_set_before_or_after_in_sequence_is_kept() {
    let db = MockDb::named("db");
    let seq = Sequence::new();
    let close = db.close.expect(call!()).times(2).in_sequence(&seq);
    let open = db.open.expect(call!(ANY)).in_sequence(&seq).times(0..=1);
    db.close();
    db.close();
    db.verify();
    assert_eq!((close.call_count(), open.call_count()), (2, 0));
    // `times(2)`, set before `in_sequence`, still bounds the step…
    assert_eq!(
        report_of(|| db.close()),
        "db.close: expectation close() called more than 2 times.\n  Call: close()"
    );
    // …and `times(0..=1)`, set after, replaced the sequence's default of once.
    assert!(!db.open("a"));
    assert_eq!(
        report_of(|| db.open("b")),
        "db.open: expectation open(ANY) called more than 1 time.\n  Call: open(\"b\")"
    );
    db.reset_all();
}

#[test]
fn saturated_steps_let_later_steps_with_the_same_matcher_answer() {
    let (db, log) = (MockDb::named("db"), MockLog::named("log"));
    let seq = Sequence::new();
    db.open
        .expect(call!(ANY))
        .return_value(true)
        .in_sequence(&seq);
    log.write.expect(call!(ANY)).in_sequence(&seq);
    db.open
        .expect(call!(ANY))
        .return_value(false)
        .in_sequence(&seq);
    assert!(db.open("1"));
    log.write("between");
    assert!(!db.open("2"));
    db.verify();
    log.verify();
}

#[test]
fn expectations_outside_the_sequence_are_free() {
    let (db, log, _seq) = scripted();
    let other = db.open.expect(call!("other")).return_value(false);
    // Not part of the sequence: any time.
    assert!(!db.open("other"));
    assert!(db.open("f"));
    assert!(!db.open("other"));
    log.write("a");
    db.close();
    // The free expectation answered its two calls, and the sequence ran to
    // its end around them.
    assert_eq!(other.call_count(), 2);
    db.verify();
    log.verify();
}

#[test]
fn one_sequence_per_expectation() {
    let db = MockDb::new();
    let (first, second) = (Sequence::new(), Sequence::new());
    let message = report_of(|| {
        db.close
            .expect(call!())
            .in_sequence(&first)
            .in_sequence(&second)
    });
    assert_eq!(message, "MockDb.close(): already in a sequence.");
    db.reset_all();
}

#[test]
fn reset_all_takes_expectations_out_of_the_way() {
    let (db, log, seq) = scripted();
    db.reset_all();
    // The removed `open` step no longer blocks the sequence.
    log.write("a");
    log.verify();
    assert!(format!("{seq:?}").contains("log.write(ANY)"));
}

#[test]
fn sequence_debug_and_len() {
    let (db, log, seq) = scripted();
    assert!(!seq.is_empty());
    assert!(Sequence::new().is_empty());
    assert_eq!(
        format!("{seq:?}"),
        "Sequence { expectations: [\"db.open(\\\"f\\\")\", \"log.write(ANY)\", \"db.close()\"], position: 0 }"
    );
    db.reset_all();
    log.reset_all();
}

#[test]
fn a_sequence_across_threads() {
    let (db, log, _seq) = scripted();
    let (db2, log2) = (db.clone(), log.clone());
    std::thread::spawn(move || {
        assert!(db2.open("f"));
        log2.write("from a thread");
    })
    .join()
    .unwrap();
    db.close();
}
