//! Methods that never return (`-> !`): a side effect that diverges
//! answers them; without one the call is recorded, then panics saying so.
#![deny(warnings)]

use mockgen::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

#[automock]
pub trait Process {
    fn exit(&self, code: i32) -> !;
    fn fail(&self, reason: &str) -> ! {
        panic!("failed: {reason}")
    }
    fn halt() -> !;
}

/// Code under test: exits with 2 when the input is empty.
fn check(process: &impl Process, input: &str) -> usize {
    if input.is_empty() {
        process.exit(2);
    }
    input.len()
}

fn panic_text(f: impl FnOnce()) -> String {
    let panic = catch_unwind(AssertUnwindSafe(f)).expect_err("the call diverges");
    match panic.downcast::<String>() {
        Ok(text) => *text,
        Err(panic) => panic.downcast_ref::<&str>().expect("a text").to_string(),
    }
}

#[test]
fn a_diverging_side_effect_answers_a_never_returning_method() {
    let process = MockProcess::new();
    process.exit.side_effect(|code| panic!("exit({code})"));
    assert_eq!(check(&process, "abc"), 3);
    let text = panic_text(|| {
        check(&process, "");
    });
    assert_eq!(text, "exit(2)");
    process.exit.assert_called_once_with(call!(2));
}

#[test]
fn without_a_side_effect_the_call_is_recorded_then_panics_saying_why() {
    let process = MockProcess::new();
    let text = panic_text(|| {
        check(&process, "");
    });
    assert_eq!(
        text,
        "MockProcess.exit: this method never returns (`-> !`) and nothing is configured.\n  Call: exit(2)\nGive it a side effect that diverges before the call: `exit.side_effect(|…| panic!(…))`."
    );
    process.exit.assert_called_once_with(call!(2));
}

#[test]
fn the_default_body_answers_until_a_side_effect_is_configured() {
    let process = MockProcess::new();
    assert_eq!(panic_text(|| process.fail("disk")), "failed: disk");
    process
        .fail
        .side_effect(|reason| panic!("mocked: {reason}"));
    assert_eq!(panic_text(|| process.fail("net")), "mocked: net");
    assert_eq!(process.fail.call_count(), 2);
}

#[test]
fn static_never_methods_and_expectations() {
    let statics = MockProcess::statics();
    statics.halt.side_effect(|| panic!("halted"));
    assert_eq!(panic_text(|| MockProcess::halt()), "halted");
    statics.halt.assert_called_once();

    let process = MockProcess::new();
    process
        .exit
        .expect(call!(1))
        .side_effect(|code| panic!("expected exit {code}"))
        .times(1);
    assert_eq!(panic_text(|| process.exit(1)), "expected exit 1");
    process.verify();
}
