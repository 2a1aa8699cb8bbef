//! Where failures of callable mocks and static methods point: a panic
//! raised while a `mock_fn!` closure is called points at the `mock_fn!`
//! line (Rust passes no caller location through a closure), a static
//! method's at its caller, and the drop check of `statics()` at the mock's
//! `#[automock]` line, naming where each unmet expectation was set; none
//! point into mockgen's sources.
#![deny(warnings)]

mod common;

use common::{PanicLocation, catch};
use mockgen::prelude::*;

#[automock]
pub trait Server {
    fn default_port() -> u16;
    fn serve(&self);
}

/// The line of `#[automock]` on `Server` above.
const SERVER_LINE: u32 = 14;

/// The file and line after the macro's.
macro_rules! next_line {
    () => {
        (file!(), line!() + 1)
    };
}

fn at(location: &PanicLocation) -> (&str, u32) {
    (location.file.as_str(), location.line)
}

fn notify_each(users: &[&str], notify: impl Fn(&str) -> bool) {
    for user in users {
        notify(user);
    }
}

#[test]
fn an_exhausted_mock_fn_points_at_the_mock_fn_line() {
    let made = next_line!();
    let notify = mock_fn!(|user: &str| -> bool);
    notify.side_effect_iter([true]);
    let (message, location) = catch(|| notify_each(&["ann", "bob"], notify.as_fn()));
    assert!(message.contains("side_effect_iter"), "{message}");
    assert_eq!(at(&location), made);
}

#[test]
fn a_sealed_mock_fn_points_at_the_mock_fn_line() {
    let made = next_line!();
    let notify = mock_fn!(|user: &str| -> bool);
    notify.core().seal();
    let (_, location) = catch(|| notify_each(&["ann"], notify.as_fn()));
    assert_eq!(at(&location), made);
}

#[test]
fn an_over_called_mock_fn_expectation_points_at_the_mock_fn_line() {
    let made = next_line!();
    let notify = mock_fn!(|user: &str| -> bool);
    notify.expect(call!("ann")).times(1);
    let (message, location) = catch(|| notify_each(&["ann", "ann"], notify.as_fn()));
    assert!(message.contains("ann"), "{message}");
    assert_eq!(at(&location), made);
    notify.core().reset_all();
}

#[test]
fn a_mock_fn_called_out_of_sequence_points_at_the_mock_fn_line() {
    let seq = Sequence::new();
    let first = mock_fn!(|user: &str| -> bool);
    let made = next_line!();
    let second = mock_fn!(|user: &str| -> bool);
    first.expect(call!(ANY)).in_sequence(&seq);
    second.expect(call!(ANY)).in_sequence(&seq);
    let (message, location) = catch(|| notify_each(&["ann"], second.as_fn()));
    assert!(message.contains("sequence"), "{message}");
    assert_eq!(at(&location), made);
    first.core().reset_all();
    second.core().reset_all();
}

#[test]
fn the_drop_check_of_a_mock_fn_points_at_the_mock_fn_line() {
    let set_line = line!() + 4;
    let made = line!() + 2;
    let (message, location) = catch(|| {
        let notify = mock_fn!(|user: &str| -> bool);
        notify.expect(call!("ann")).times(1);
        drop(notify);
    });
    assert!(
        message.contains(&format!("set at {}:{set_line}", file!())),
        "{message}"
    );
    assert_eq!(at(&location), (file!(), made));
}

#[test]
fn an_exhausted_static_method_points_at_the_call() {
    let statics = MockServer::statics();
    statics.default_port.side_effect_iter([8080]);
    MockServer::default_port();
    let expected = next_line!();
    let (message, location) = catch(|| MockServer::default_port() + 1);
    assert!(message.contains("side_effect_iter"), "{message}");
    assert_eq!(at(&location), expected);
}

#[test]
fn the_drop_check_of_statics_names_the_expectation_and_points_at_the_mock() {
    let set_line = line!() + 3;
    let (message, location) = catch(|| {
        let statics = MockServer::statics();
        statics.default_port.expect(call!()).times(1);
        drop(statics);
    });
    assert!(message.contains("default_port"), "{message}");
    assert!(
        message.contains(&format!("set at {}:{set_line}", file!())),
        "{message}"
    );
    assert_eq!(at(&location), (file!(), SERVER_LINE));
}
