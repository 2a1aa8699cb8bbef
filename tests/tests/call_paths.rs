//! Call paths (`call!(.db.open(…))`) that name something a recorder does
//! not have are reported as such, with what it has, instead of as a call
//! that was not found. On a mock, `call!(.method(…))` is checked by the
//! compiler (the ui cases `call/path-*.rs`) and its values compare as the
//! argument's type.
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
    // `call!(.open("f"))`, without the mock's name, does not compile
    // against a recorder (ui case `call/path-missing-on-a-recorder.rs`).
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

/// Equal by `id`; its `Debug` text shows the label only.
#[derive(Clone)]
pub struct Token {
    id: u32,
    label: &'static str,
}

impl PartialEq for Token {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

#[automock]
pub trait Payments {
    fn charge(&self, account: &str, cents: u64) -> bool;
    fn authorize(&self, token: Token);
}

#[test]
fn on_a_mock_values_compare_as_the_argument_type() {
    let payments = MockPayments::named("payments");
    payments.charge("acct", 100);
    payments.authorize(Token {
        id: 1,
        label: "card",
    });
    // `100` is a `u64` here, `"acct"` compares with the recorded `String`.
    payments.assert_any_call(call!(.charge("acct", 100)));
    payments.assert_has_calls([
        call!(.charge(String::from("acct"), gt(99))),
        call!(.authorize(Token { id: 1, label: "other" })),
    ]);
    assert!(payments.mock_calls().contains(&call!(.charge(_, 100))));
    // Same `Debug` text, but not equal: not a match.
    assert_eq!(
        panic_message(
            || payments.assert_any_call(call!(.authorize(Token { id: 2, label: "card" })))
        ),
        "payments: authorize(card) call not found.\nCalls:\n  charge(\"acct\", 100)\n  authorize(card)"
    );
    assert_ne!(
        payments.mock_calls(),
        [call!(.charge("acct", 101)), call!(.authorize(ANY))]
    );
}
