//! Where failures point. A panic raised during a call of a mock points at
//! the line of the call when the mock is called directly or through
//! generics; through `dyn Trait` Rust reports the mock's method instead.
//! The report of unmet expectations, from `verify` or from the drop check,
//! names the line each expectation was set on, and the drop check does not
//! point into mockgen's sources.
#![deny(warnings)]

mod common;

use common::{PanicLocation, catch};
use mockgen::prelude::*;

#[automock]
pub trait Payments {
    fn charge(&self, account: &str, cents: u64) -> bool;
    fn refund(&self, account: &str) -> u64;
}

#[automock]
pub trait Audit {
    fn log(&self, text: &str);
}

#[autospec]
pub trait Clock {
    fn now(&self) -> u64;
}

/// The file and line after the macro's.
macro_rules! next_line {
    () => {
        (file!(), line!() + 1)
    };
}

fn at(location: &PanicLocation) -> (&str, u32) {
    (location.file.as_str(), location.line)
}

/// Code under test that takes the trait generically: calls stay static.
fn charge_twice(payments: &impl Payments) {
    payments.charge("acct", 1);
    let expected = next_line!();
    let (message, location) = catch(|| payments.charge("acct", 2));
    assert!(message.contains("side_effect_iter"), "{message}");
    assert_eq!(at(&location), expected);
}

#[test]
fn an_exhausted_side_effect_iter_points_at_the_call() {
    let payments = MockPayments::new();
    payments.charge.side_effect_iter([true]);
    payments.charge("acct", 1);

    let expected = next_line!();
    let (message, location) = catch(|| payments.charge("acct", 2));
    assert!(message.contains("side_effect_iter"), "{message}");
    assert_eq!(at(&location), expected);
}

#[test]
fn through_generics_the_call_is_found_too() {
    let payments = MockPayments::new();
    payments.charge.side_effect_iter([true]);
    charge_twice(&payments);
}

#[test]
fn a_sealed_mock_points_at_the_call() {
    let payments = MockPayments::new();
    payments.seal();

    let expected = next_line!();
    let (message, location) = catch(|| payments.refund("acct"));
    assert!(message.contains("sealed"), "{message}");
    assert_eq!(at(&location), expected);

    let clock = MockClock::new();
    let expected = next_line!();
    let (message, location) = catch(|| clock.now());
    assert!(message.contains("sealed"), "{message}");
    assert_eq!(at(&location), expected);
}

#[test]
fn an_over_called_expectation_points_at_the_call() {
    let payments = MockPayments::new();
    payments.charge.expect(call!("acct", ANY)).times(1);
    payments.charge("acct", 1);

    let expected = next_line!();
    let (message, location) = catch(|| payments.charge("acct", 2));
    assert!(message.contains("called more than 1 time"), "{message}");
    assert_eq!(at(&location), expected);
    quietly_forget(&payments);
}

#[test]
fn a_call_out_of_sequence_points_at_the_call() {
    let (payments, audit) = (MockPayments::named("payments"), MockAudit::named("audit"));
    let seq = Sequence::new();
    audit.log.expect(call!(ANY)).in_sequence(&seq);
    payments.charge.expect(call!(ANY, ANY)).in_sequence(&seq);

    let expected = next_line!();
    let (message, location) = catch(|| payments.charge("acct", 1));
    assert!(message.contains("sequence"), "{message}");
    assert_eq!(at(&location), expected);
    quietly_forget(&payments);
    quietly_forget(&audit);
}

#[test]
fn through_dyn_the_mocks_method_answers_for_the_call() {
    // A `dyn` call goes through the vtable, which does not pass the
    // caller's location on: the panic points at the mock's method, the
    // method's name in the trait, not into mockgen's sources.
    let payments = MockPayments::new();
    payments.seal();
    let payments: &dyn Payments = &payments;
    let (_, location) = catch(|| payments.refund("acct"));
    assert_eq!(location.file, file!());
    assert_eq!(location.line, REFUND_LINE);
}

/// The line of `fn refund` in `Payments` above.
const REFUND_LINE: u32 = 17;

#[test]
fn verify_names_the_line_each_unmet_expectation_was_set_on() {
    let payments = MockPayments::named("payments");
    let charge_line = line!() + 1;
    payments.charge.expect(call!("acct", 100)).times(1);
    let refund_line = line!() + 1;
    payments.refund.expect(call!("acct")).times(2..);

    let expected = next_line!();
    let (message, location) = catch(|| payments.verify());
    assert_eq!(at(&location), expected);
    assert!(
        message.contains(&format!("set at {}:{charge_line}", file!())),
        "{message}"
    );
    assert!(
        message.contains(&format!("set at {}:{refund_line}", file!())),
        "{message}"
    );
    quietly_forget(&payments);
}

#[test]
fn the_drop_check_names_the_expectations_and_not_mockgens_sources() {
    let set_line = line!() + 3;
    let (message, location) = catch(|| {
        let payments = MockPayments::named("payments");
        payments.charge.expect(call!("acct", 100)).times(1);
        drop(payments);
    });
    assert!(message.contains("payments"), "{message}");
    assert!(
        message.contains(&format!("set at {}:{set_line}", file!())),
        "{message}"
    );
    assert!(
        !location.file.contains("mockgen-runtime") && !location.file.contains(".cargo"),
        "the drop check points into mockgen: {}:{}",
        location.file,
        location.line
    );
    assert_eq!(location.file, file!());
}

/// Ends a mock's expectations without the drop check, for tests about
/// something else.
fn quietly_forget<M: std::ops::Deref<Target = mockgen::MockCore>>(mock: &M) {
    mock.reset_all();
}
