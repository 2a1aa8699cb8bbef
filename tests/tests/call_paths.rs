//! Call paths (`call!(.db.open(…))`) that name something a recorder does
//! not have are reported as such, with what it has, instead of as a call
//! that was not found.
#![deny(warnings)]

mod common;

use common::panic_message;
use mockgen::prelude::*;

#[automock]
pub trait Db {
    fn open(&self, path: &str) -> bool;
    fn close(&self);
    fn get<T: 'static>(&self, key: &str) -> Option<T>;
}

#[automock]
pub trait Log {
    fn write(&self, text: &str);
}

fn attached() -> (MockDb, MockLog, Recorder) {
    let (db, log) = (MockDb::named("db"), MockLog::named("log"));
    let calls = Recorder::named("calls");
    calls.attach("db", &db);
    calls.attach("log", &log);
    db.open("f");
    (db, log, calls)
}

#[test]
fn a_method_the_mock_does_not_have_names_its_methods() {
    let (_db, _log, calls) = attached();
    assert_eq!(
        panic_message(|| calls.assert_any_call(call!(.db.opn("f")))),
        "calls: call.db.opn(\"f\"): `db` has no method `opn`. Its methods: open, close, get."
    );
    assert_eq!(
        panic_message(|| calls.assert_has_calls([call!(.db.open("f")), call!(.log.wirte(ANY))])),
        "calls: call.log.wirte(ANY): `log` has no method `wirte`. Its methods: write."
    );
    assert_eq!(
        panic_message(|| calls.assert_has_calls_any_order([call!(.db.clsoe())])),
        "calls: call.db.clsoe(): `db` has no method `clsoe`. Its methods: open, close, get."
    );
}

#[test]
fn a_name_nothing_is_attached_under_lists_the_attached_mocks() {
    let (_db, _log, calls) = attached();
    assert_eq!(
        panic_message(|| calls.assert_any_call(call!(.dbb.open("f")))),
        "calls: call.dbb.open(\"f\"): no mock is attached as `dbb`. Attached: db, log."
    );
    assert_eq!(
        panic_message(|| calls.assert_any_call(call!(.open("f")))),
        "calls: call.open(\"f\") names no attached mock: write `call!(.name.open(…))`. Attached: db, log."
    );
}

#[test]
fn a_renamed_mock_is_checked_under_its_new_name() {
    let (db, _log, calls) = attached();
    calls.attach("store", &db);
    db.close();
    calls.assert_any_call(call!(.store.close()));
    assert!(
        panic_message(|| calls.assert_any_call(call!(.db.close())))
            .contains("no mock is attached as `db`")
    );
}

#[test]
fn existing_methods_still_fail_as_calls_not_found() {
    let (_db, _log, calls) = attached();
    assert_eq!(
        panic_message(|| calls.assert_any_call(call!(.db.open("g")))),
        "calls: db.open(\"g\") call not found.\nCalls:\n  db.open(\"f\")"
    );
    calls.assert_any_call(call!(.db.open("f")));
}

#[test]
fn on_a_mock_a_method_it_does_not_have_names_its_methods() {
    let db = MockDb::named("db");
    db.open("f");
    assert_eq!(
        panic_message(|| db.assert_any_call(call!(.opn("f")))),
        "db: call.opn(\"f\"): the mock has no method `opn`. Its methods: open, close, get."
    );
    assert_eq!(
        panic_message(|| db.assert_has_calls_any_order([call!(.open("f")), call!(.closed())])),
        "db: call.closed(): the mock has no method `closed`. Its methods: open, close, get."
    );
    assert!(
        panic_message(|| db.assert_has_calls([call!(.db.open("f"))]))
            .contains("the calls of a mock have no path; write `call!(.open(…))`")
    );
    db.assert_has_calls([call!(.open("f"))]);
}
