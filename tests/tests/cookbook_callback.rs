//! Cookbook: code that takes callbacks. `mock_fn!` makes a callable mock:
//! `as_fn()` / `as_fn_mut()` give closures for `impl Fn` / `impl FnMut`
//! parameters (or boxed callbacks), and every call is recorded.
#![deny(warnings)]

use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Started { job: u32 },
    Progress { job: u32, percent: u8 },
    Finished { job: u32 },
}

type Handler = Box<dyn Fn(&Event) -> bool + Send + Sync>;

/// Delivers events to subscribers until one of them handles it.
#[derive(Default)]
struct EventBus {
    handlers: Vec<Handler>,
}

impl EventBus {
    pub fn subscribe(&mut self, handler: impl Fn(&Event) -> bool + Send + Sync + 'static) {
        self.handlers.push(Box::new(handler));
    }

    /// Whether some handler took the event.
    pub fn publish(&self, event: &Event) -> bool {
        self.handlers.iter().any(|handler| handler(event))
    }
}

/// Runs `job`, reporting progress in steps of `step` percent.
pub fn run_job(job: u32, step: u8, mut report: impl FnMut(Event)) {
    report(Event::Started { job });
    let mut percent = step;
    while percent < 100 {
        report(Event::Progress { job, percent });
        percent = percent.saturating_add(step);
    }
    report(Event::Finished { job });
}

/// Calls `op` until it succeeds, at most `attempts` times.
pub fn retry<T, E>(attempts: u32, mut op: impl FnMut(u32) -> Result<T, E>) -> Result<T, E> {
    let mut attempt = 1;
    loop {
        match op(attempt) {
            Err(_) if attempt < attempts => attempt += 1,
            result => return result,
        }
    }
}

// --- The tests -----------------------------------------------------------

#[test]
fn events_go_to_subscribers_in_order_until_one_handles_them() {
    let first = mock_fn!(|event: &Event| -> bool);
    let second = mock_fn!(|event: &Event| -> bool);
    first.side_effect(|event| matches!(event, Event::Started { .. }));
    second.return_value(true);
    let mut bus = EventBus::default();
    bus.subscribe(first.as_fn());
    bus.subscribe(second.as_fn());

    assert!(bus.publish(&Event::Started { job: 1 }));
    assert!(bus.publish(&Event::Finished { job: 1 }));

    // `&Event` arguments are recorded as owned `Event`s.
    first.assert_has_calls([
        call!(Event::Started { job: 1 }),
        call!(Event::Finished { job: 1 }),
    ]);
    second.assert_called_once_with(call!(Event::Finished { job: 1 }));
}

#[test]
fn progress_is_reported_through_an_fn_mut() {
    let report = mock_fn!(|event: Event|);

    run_job(9, 40, report.as_fn_mut());

    assert_eq!(
        report.call_args_list(),
        [
            (Event::Started { job: 9 },),
            (Event::Progress {
                job: 9,
                percent: 40
            },),
            (Event::Progress {
                job: 9,
                percent: 80
            },),
            (Event::Finished { job: 9 },),
        ]
    );
    report.assert_any_call(call!(pattern!(Event::Progress { percent: 80, .. })));
}

#[test]
fn retry_stops_at_the_first_success() {
    let op = mock_fn!(|attempt: u32| -> Result<&'static str, String>);
    op.side_effect_iter([Err("busy".to_string()), Ok("done")]);

    assert_eq!(retry(5, op.as_fn_mut()), Ok("done"));
    op.assert_has_calls([call!(1), call!(2)]);
}

#[test]
fn retry_gives_up_after_the_last_attempt() {
    let op = mock_fn!(|attempt: u32| -> Result<u8, String>);
    op.side_effect(|attempt| Err(format!("attempt {attempt} failed")));

    assert_eq!(retry(3, op.as_fn_mut()), Err("attempt 3 failed".into()));
    assert_eq!(op.call_count(), 3);
}
