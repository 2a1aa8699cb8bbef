//! Call recording: called, call_count, call_args, call_args_list, mock_calls, CallList, resets and argument recording modes.
#![deny(warnings)]

mod common;

use std::fmt;
use std::sync::{Arc, Mutex};

use common::panic_message;
use mockgen::prelude::*;
use mockgen::{CallList, DebugText};

#[derive(Debug, Clone, PartialEq)]
pub struct StationId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Celsius,
    Fahrenheit,
}

#[automock]
pub trait Weather {
    fn temperature(&self, city: &str) -> f64;
    fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    fn cities(&self) -> Vec<String>;
    fn average(&self, values: &[f64]) -> f64;
    fn station(&self, id: &StationId) -> Option<String>;
    fn set_unit(&mut self, unit: Unit);
}

/// Debug, but not Clone: cannot be recorded as an owned value.
#[derive(Debug)]
pub enum Event {
    Start { id: u32 },
}

/// Neither Debug nor Clone.
struct Token;

#[automock]
trait Audit {
    fn log(&self, #[mockgen(debug)] event: &Event, level: u8);
    fn store(&self, #[mockgen(opaque)] token: Token);
    fn render(&self, item: &dyn fmt::Display) -> String;
}

#[test]
fn ca_1_called_and_call_count_update_on_every_call() {
    let weather = MockWeather::new();
    assert!(!weather.temperature.called());
    assert_eq!(weather.temperature.call_count(), 0);
    weather.temperature("Oslo");
    assert!(weather.temperature.called());
    assert_eq!(weather.temperature.call_count(), 1);
    weather.temperature("Rome");
    assert_eq!(weather.temperature.call_count(), 2);
    // Other methods are counted separately.
    assert!(!weather.cities.called());
}

#[test]
fn ca_2_call_args_is_none_before_the_first_call_then_the_last_call() {
    let weather = MockWeather::new();
    assert_eq!(weather.forecast.call_args(), None);
    weather.forecast("Oslo", 3);
    assert_eq!(weather.forecast.call_args(), Some(("Oslo".to_owned(), 3)));
    weather.forecast("Rome", 5);
    assert_eq!(weather.forecast.call_args(), Some(("Rome".to_owned(), 5)));
}

#[test]
fn ca_3_call_args_list_holds_owned_tuples_in_order() {
    let mut weather = MockWeather::new();
    weather.temperature("Oslo");
    weather.temperature("Rome");
    weather.average(&[1.5, 2.5]);
    weather.average(&[]);
    weather.station(&StationId(7));
    weather.set_unit(Unit::Fahrenheit);
    weather.set_unit(Unit::Celsius);

    // `&str` → String
    let cities: Vec<(String,)> = weather.temperature.call_args_list();
    assert_eq!(cities, [("Oslo".to_owned(),), ("Rome".to_owned(),)]);
    // `&[T]` → Vec<T>
    let values: Vec<(Vec<f64>,)> = weather.average.call_args_list();
    assert_eq!(values, [(vec![1.5, 2.5],), (vec![],)]);
    // `&T` → T
    let ids: Vec<(StationId,)> = weather.station.call_args_list();
    assert_eq!(ids, [(StationId(7),)]);
    // by value
    assert_eq!(
        weather.set_unit.call_args_list(),
        [(Unit::Fahrenheit,), (Unit::Celsius,)]
    );
    // no arguments
    weather.cities();
    assert_eq!(weather.cities.call_args_list(), [()]);
}

#[test]
fn ca_10_recorded_arguments_destructure_as_tuples() {
    let weather = MockWeather::new();
    weather.forecast("Oslo", 3);
    weather.forecast("Paris", 2);

    let (city, days) = weather.forecast.call_args().expect("called");
    assert_eq!(city, "Paris");
    assert_eq!(days, 2);

    let mut total_days = 0;
    for (city, days) in weather.forecast.call_args_list() {
        assert!(!city.is_empty());
        total_days += days;
    }
    assert_eq!(total_days, 5);
}

#[test]
fn ca_4_mock_calls_lists_every_method_in_call_order() {
    let weather = MockWeather::new();
    weather.cities();
    weather.temperature("Oslo");
    weather.forecast("Oslo", 2);
    weather.temperature("Rome");

    let calls = weather.mock_calls();
    assert_eq!(calls.len(), 4);
    let methods: Vec<&str> = calls.iter().map(|c| c.method()).collect();
    assert_eq!(
        methods,
        ["cities", "temperature", "forecast", "temperature"]
    );
    let args: Vec<Vec<String>> = calls.iter().map(|c| c.args()).collect();
    assert_eq!(args[2], ["\"Oslo\"", "2"]);
    assert_eq!(
        format!("{:?}", calls.iter().nth(3).unwrap()),
        "temperature(\"Rome\")"
    );
}

#[test]
fn call_7_mock_calls_debug_is_one_line_when_short_one_per_line_when_long() {
    let weather = MockWeather::new();
    assert_eq!(format!("{:?}", weather.mock_calls()), "[]");
    weather.cities();
    weather.temperature("Oslo");
    assert_eq!(
        format!("{:?}", weather.mock_calls()),
        "[cities(), temperature(\"Oslo\")]"
    );
    weather.forecast("Reykjavik", 7);
    weather.average(&[1.0, 2.0, 3.0]);
    assert_eq!(
        format!("{:?}", weather.mock_calls()),
        "[\n    cities(),\n    temperature(\"Oslo\"),\n    forecast(\"Reykjavik\", 7),\n    average([1.0, 2.0, 3.0]),\n]"
    );
}

#[test]
fn ca_12_method_view_is_unprefixed_mock_view_names_the_method() {
    let weather = MockWeather::new();
    weather.temperature("Oslo");
    weather.temperature.assert_called_with(call!("Oslo"));
    assert_eq!(weather.mock_calls(), [call!(.temperature("Oslo"))]);
}

#[test]
fn mock_calls_of_two_mocks_are_separate() {
    let a = MockWeather::named("a");
    let b = MockWeather::named("b");
    a.temperature("Oslo");
    b.cities();
    a.cities();
    assert_eq!(
        a.mock_calls(),
        [call!(.temperature("Oslo")), call!(.cities())]
    );
    assert_eq!(b.mock_calls(), [call!(.cities())]);
}

#[test]
fn call_8_call_list_contains_contains_run_and_equality() {
    let weather = MockWeather::new();
    weather.cities();
    weather.temperature("Oslo");
    weather.forecast("Oslo", 2);
    let calls: CallList<MockWeather> = weather.mock_calls();

    assert!(calls.contains(&call!(.temperature("Oslo"))));
    assert!(calls.contains(&call!(.forecast(ANY, 2))));
    assert!(!calls.contains(&call!(.temperature("Rome"))));
    assert!(!calls.contains(&call!(.average(ANY))));

    assert!(calls.contains_run(&[call!(.temperature("Oslo")), call!(.forecast("Oslo", 2))]));
    assert!(calls.contains_run(&[]));
    // In order and consecutive only.
    assert!(!calls.contains_run(&[call!(.forecast("Oslo", 2)), call!(.temperature("Oslo"))]));
    assert!(!calls.contains_run(&[call!(.cities()), call!(.forecast("Oslo", 2))]));

    assert_eq!(
        calls,
        [
            call!(.cities()),
            call!(.temperature("Oslo")),
            call!(.forecast(_, 2))
        ]
    );
    assert!(calls != [call!(.cities()), call!(.temperature("Oslo"))]);
    assert!(
        calls
            != [
                call!(.cities()),
                call!(.temperature("Rome")),
                call!(.forecast("Oslo", 2))
            ]
    );
    assert!(
        calls
            == vec![
                call!(.cities()),
                call!(.temperature(ANY)),
                call!(.forecast(ANY, ANY))
            ]
    );
}

#[test]
fn rs_1_rs_2_reset_mock_clears_history_and_keeps_configuration() {
    let weather = MockWeather::named("weather");
    weather.temperature.return_value(21.5);
    weather.cities.side_effect(|| vec!["Oslo".to_owned()]);
    weather.temperature("Oslo");
    weather.cities();

    weather.reset_mock();

    assert!(weather.mock_calls().is_empty());
    assert_eq!(weather.temperature.call_count(), 0);
    assert_eq!(weather.temperature.call_args(), None);
    assert!(weather.cities.call_args_list().is_empty());
    weather.assert_not_called();
    // Configuration and name survive.
    assert_eq!(weather.temperature("Rome"), 21.5);
    assert_eq!(weather.cities(), ["Oslo"]);
    assert_eq!(weather.name(), "weather");
}

#[test]
fn rs_1_handle_reset_mock_clears_only_that_method() {
    let weather = MockWeather::new();
    weather.temperature.return_value(3.0);
    weather.temperature("Oslo");
    weather.cities();

    weather.temperature.reset_mock();

    weather.temperature.assert_not_called();
    assert_eq!(weather.mock_calls(), [call!(.cities())]);
    assert_eq!(weather.temperature("Oslo"), 3.0);
}

#[test]
fn rs_4_reset_all_on_the_mock_drops_history_and_configuration() {
    let weather = MockWeather::new();
    weather.temperature.return_value(21.5);
    weather.cities.side_effect(|| vec!["Oslo".to_owned()]);
    weather.forecast.return_once(vec![1.0]);
    weather.temperature("Oslo");

    weather.reset_all();

    assert!(weather.mock_calls().is_empty());
    assert_eq!(weather.temperature("Oslo"), 0.0);
    assert!(weather.cities().is_empty());
    assert!(weather.forecast("Oslo", 1).is_empty());
    // Configuring again after reset_all works.
    weather.temperature.return_value(1.0);
    assert_eq!(weather.temperature("Oslo"), 1.0);
    assert_eq!(weather.temperature.call_count(), 2);
}

#[test]
fn rs_4_reset_all_on_a_handle_leaves_other_methods_alone() {
    let weather = MockWeather::new();
    weather.temperature.return_value(21.5);
    weather.cities.return_value(vec!["Oslo".to_owned()]);
    weather.temperature("Oslo");
    weather.cities();

    weather.temperature.reset_all();

    assert_eq!(weather.temperature.call_count(), 0);
    assert_eq!(weather.temperature("Oslo"), 0.0);
    assert_eq!(weather.cities.call_count(), 1);
    assert_eq!(weather.cities(), ["Oslo"]);
}

#[test]
fn se_10_calls_are_recorded_even_when_the_side_effect_panics() {
    let weather = MockWeather::new();
    weather
        .temperature
        .side_effect(|city| panic!("no station in {city}"));
    assert_eq!(
        panic_message(|| weather.temperature("Atlantis")),
        "no station in Atlantis"
    );
    assert!(weather.temperature.called());
    assert_eq!(weather.temperature.call_count(), 1);
    assert_eq!(
        weather.temperature.call_args(),
        Some(("Atlantis".to_owned(),))
    );
    assert_eq!(weather.mock_calls(), [call!(.temperature("Atlantis"))]);
}

#[test]
fn side_effect_sees_its_own_call_in_call_count() {
    let weather = MockWeather::new();
    let handle = weather.temperature.clone();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    weather.temperature.side_effect(move |_| {
        let count = handle.call_count();
        log.lock().unwrap().push((count, handle.call_args()));
        count as f64
    });
    assert_eq!(weather.temperature("Oslo"), 1.0);
    assert_eq!(weather.temperature("Rome"), 2.0);
    assert_eq!(
        *seen.lock().unwrap(),
        [
            (1, Some(("Oslo".to_owned(),))),
            (2, Some(("Rome".to_owned(),)))
        ]
    );
}

#[test]
fn debug_attribute_records_the_debug_text() {
    let audit = MockAudit::new();
    audit.log(&Event::Start { id: 1 }, 3);

    let (event, level): (DebugText, u8) = audit.log.call_args().unwrap();
    assert_eq!(event.as_str(), "Start { id: 1 }");
    assert_eq!(level, 3);

    // Values compare by their Debug text.
    audit
        .log
        .assert_called_with(call!(Event::Start { id: 1 }, 3));
    audit.log.assert_called_with(call!(ANY, 3));
    audit.assert_any_call(call!(.log(ANY, 3)));
    let message = panic_message(|| {
        audit
            .log
            .assert_called_with(call!(Event::Start { id: 2 }, 3))
    });
    assert_eq!(
        message,
        "MockAudit.log: expected call not found.\nExpected: log(Start { id: 2 }, 3)\n  Actual: log(Start { id: 1 }, 3)"
    );
}

#[test]
fn opaque_attribute_records_a_placeholder_that_matches_only_any() {
    let audit = MockAudit::new();
    audit.store.side_effect(|_token: Token| {});
    audit.store(Token);

    assert_eq!(
        format!("{:?}", audit.store.call_args().unwrap().0),
        "<Token>"
    );
    assert_eq!(format!("{:?}", audit.mock_calls()), "[store(<Token>)]");
    audit.store.assert_called_once_with(call!(ANY));
    audit.store.assert_called_with(call!(_));
    audit.assert_has_calls([call!(.store(ANY))]);
    // A value for a placeholder does not compile (ui case
    // `call/opaque-argument-value.rs`).
}

#[test]
fn dyn_arguments_are_recorded_as_placeholders() {
    let audit = MockAudit::new();
    audit.render.side_effect(|item| format!("<{item}>"));
    assert_eq!(audit.render(&42), "<42>");
    assert_eq!(audit.render(&"x"), "<x>");

    assert_eq!(
        format!("{:?}", audit.render.call_args().unwrap().0),
        "<&dyn fmt::Display>"
    );
    audit.render.assert_has_calls([call!(ANY), call!(_)]);
    audit.assert_any_call(call!(.render(ANY)));
    assert_eq!(
        format!("{:?}", audit.mock_calls()),
        "[render(<&dyn fmt::Display>), render(<&dyn fmt::Display>)]"
    );
}

#[automock]
pub trait Owners {
    fn rename(
        &self,
        owner: String,
        tags: Vec<String>,
        path: std::path::PathBuf,
        alias: Option<&str>,
    );
}

#[test]
fn owned_std_arguments_are_seen_in_their_borrowed_form() {
    let owners = MockOwners::new();
    owners.rename("ann".into(), vec!["x".into()], "/tmp".into(), Some("a"));
    owners.rename.assert_called_with(call!(
        matching(|s: &str| s.starts_with('a')),
        ["x"],
        "/tmp",
        Some("a".to_string())
    ));
    let (owner, tags, path, alias) = owners.rename.call_args().unwrap();
    assert_eq!(
        (owner.as_str(), tags, path, alias),
        (
            "ann",
            vec!["x".to_string()],
            "/tmp".into(),
            Some("a".to_string())
        )
    );
}

/// Not `Clone`: recorded by its `Debug` text when the attribute asks.
#[derive(Debug)]
pub struct Request {
    pub path: &'static str,
}

#[cfg_attr(test, automock(debug(request)))]
pub trait Handler {
    fn handle(&self, request: &Request) -> u16;
}

#[test]
fn parameters_named_in_the_attribute_are_recorded_by_debug_text() {
    let handler = MockHandler::new();
    handler.handle(&Request { path: "/a" });
    handler
        .handle
        .assert_called_once_with(call!(Request { path: "/a" }));
    assert_eq!(
        format!("{:?}", handler.mock_calls()),
        r#"[handle(Request { path: "/a" })]"#
    );
}
