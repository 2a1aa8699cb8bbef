//! Assertions per method and per mock: when they pass, the exact text of their failures, and that failures point at the test's line.
#![deny(warnings)]

mod common;

use common::{catch, panic_message};
use mockgen::prelude::*;

#[automock]
pub trait Weather {
    fn temperature(&self, city: &str) -> f64;
    fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    fn cities(&self) -> Vec<String>;
}

fn called_with(cities: &[&str]) -> MockWeather {
    let weather = MockWeather::new();
    for city in cities {
        weather.temperature(city);
    }
    weather
}

#[test]
fn as_1_assert_called() {
    let weather = MockWeather::new();
    assert_eq!(
        panic_message(|| weather.temperature.assert_called()),
        "MockWeather.temperature: expected to have been called. Called 0 times."
    );
    weather.temperature("Oslo");
    weather.temperature.assert_called();
    weather.temperature("Rome");
    weather.temperature.assert_called();
}

#[test]
fn as_2_assert_called_once() {
    let weather = MockWeather::new();
    // Not called: no `Calls:` block.
    assert_eq!(
        panic_message(|| weather.temperature.assert_called_once()),
        "MockWeather.temperature: expected to have been called once. Called 0 times."
    );
    weather.temperature("Oslo");
    weather.temperature.assert_called_once();
    weather.temperature("Rome");
    assert_eq!(
        panic_message(|| weather.temperature.assert_called_once()),
        "MockWeather.temperature: expected to have been called once. Called 2 times.\nCalls:\n  temperature(\"Oslo\")\n  temperature(\"Rome\")"
    );
}

#[test]
fn as_3_assert_not_called() {
    let weather = MockWeather::named("weather");
    weather.temperature.assert_not_called();
    // Calls of other methods do not count.
    weather.cities();
    weather.temperature.assert_not_called();
    weather.temperature("Oslo");
    assert_eq!(
        panic_message(|| weather.temperature.assert_not_called()),
        "weather.temperature: expected to not have been called. Called 1 time.\nCalls:\n  temperature(\"Oslo\")"
    );
}

#[test]
fn as_4_assert_called_with_checks_the_last_call() {
    let weather = called_with(&["Paris", "London"]);
    weather.temperature.assert_called_with(call!("London"));
    assert_eq!(
        panic_message(|| weather.temperature.assert_called_with(call!("Paris"))),
        "MockWeather.temperature: expected call not found.\nExpected: temperature(\"Paris\")\n  Actual: temperature(\"London\")"
    );
}

#[test]
fn as_4_assert_called_with_when_never_called() {
    let weather = MockWeather::new();
    assert_eq!(
        panic_message(|| weather.forecast.assert_called_with(call!("Oslo", 3))),
        "MockWeather.forecast: expected call not found.\nExpected: forecast(\"Oslo\", 3)\n  Actual: not called."
    );
}

#[test]
fn as_5_assert_called_once_with() {
    let weather = MockWeather::new();
    assert_eq!(
        panic_message(|| weather.temperature.assert_called_once_with(call!("Oslo"))),
        "MockWeather.temperature: expected to be called once. Called 0 times."
    );
    weather.temperature("Oslo");
    weather.temperature.assert_called_once_with(call!("Oslo"));
    // One call, other arguments: the assert_called_with message.
    assert_eq!(
        panic_message(|| weather.temperature.assert_called_once_with(call!("Rome"))),
        "MockWeather.temperature: expected call not found.\nExpected: temperature(\"Rome\")\n  Actual: temperature(\"Oslo\")"
    );
    weather.temperature("Oslo");
    assert_eq!(
        panic_message(|| weather.temperature.assert_called_once_with(call!("Oslo"))),
        "MockWeather.temperature: expected to be called once. Called 2 times.\nCalls:\n  temperature(\"Oslo\")\n  temperature(\"Oslo\")"
    );
}

#[test]
fn as_6_assert_any_call() {
    let weather = called_with(&["Oslo", "Rome"]);
    weather.temperature.assert_any_call(call!("Oslo"));
    weather.temperature.assert_any_call(call!("Rome"));
    weather.temperature.assert_any_call(call!(ANY));
    assert_eq!(
        panic_message(|| weather.temperature.assert_any_call(call!("Paris"))),
        "MockWeather.temperature: temperature(\"Paris\") call not found.\nCalls:\n  temperature(\"Oslo\")\n  temperature(\"Rome\")"
    );
    let never = MockWeather::new();
    assert_eq!(
        panic_message(|| never.temperature.assert_any_call(call!(ANY))),
        "MockWeather.temperature: temperature(ANY) call not found."
    );
}

#[test]
fn as_7_assert_has_calls_passes_for_a_consecutive_run() {
    let weather = called_with(&["Oslo", "London", "Paris", "Rome"]);
    weather
        .temperature
        .assert_has_calls([call!("London"), call!("Paris")]);
    // Calls before and after the run are fine; the whole history is a run.
    weather.temperature.assert_has_calls([
        call!("Oslo"),
        call!("London"),
        call!("Paris"),
        call!("Rome"),
    ]);
    weather.temperature.assert_has_calls([call!("Rome")]);
}

#[test]
fn as_7_empty_expected_list_always_passes() {
    MockWeather::new().temperature.assert_has_calls([]);
    called_with(&["Oslo"]).temperature.assert_has_calls([]);
    MockWeather::new().assert_has_calls([]);
}

#[test]
fn as_7_a_gap_fails() {
    let weather = called_with(&["London", "Oslo", "Paris"]);
    assert_eq!(
        panic_message(|| weather
            .temperature
            .assert_has_calls([call!("London"), call!("Paris")])),
        // A list longer than one line prints one call per line.
        "MockWeather.temperature: calls not found.\nExpected: [temperature(\"London\"), temperature(\"Paris\")]\n  Actual: [\n    temperature(\"London\"),\n    temperature(\"Oslo\"),\n    temperature(\"Paris\"),\n]"
    );
}

#[test]
fn as_7_wrong_order_fails() {
    let weather = called_with(&["London", "Paris"]);
    assert_eq!(
        panic_message(|| weather
            .temperature
            .assert_has_calls([call!("Paris"), call!("London")])),
        "MockWeather.temperature: calls not found.\nExpected: [temperature(\"Paris\"), temperature(\"London\")]\n  Actual: [temperature(\"London\"), temperature(\"Paris\")]"
    );
}

#[test]
fn as_7_more_expected_than_actual_fails() {
    let weather = called_with(&["London"]);
    assert_eq!(
        panic_message(|| weather
            .temperature
            .assert_has_calls([call!("London"), call!("London")])),
        "MockWeather.temperature: calls not found.\nExpected: [temperature(\"London\"), temperature(\"London\")]\n  Actual: [temperature(\"London\")]"
    );
    let never = MockWeather::new();
    assert_eq!(
        panic_message(|| never.temperature.assert_has_calls([call!("x")])),
        "MockWeather.temperature: calls not found.\nExpected: [temperature(\"x\")]\n  Actual: []"
    );
}

#[test]
fn as_8_any_order_is_multiset_containment() {
    let weather = called_with(&["London", "Paris", "London"]);
    weather
        .temperature
        .assert_has_calls_any_order([call!("Paris"), call!("London")]);
    weather.temperature.assert_has_calls_any_order([
        call!("London"),
        call!("London"),
        call!("Paris"),
    ]);
    weather.temperature.assert_has_calls_any_order([]);
    // Duplicates need duplicates.
    assert_eq!(
        panic_message(|| weather
            .temperature
            .assert_has_calls_any_order([call!("Paris"), call!("Paris")])),
        "MockWeather.temperature: does not contain all of [temperature(\"Paris\")] in its call list.\n  Actual: [\n    temperature(\"London\"),\n    temperature(\"Paris\"),\n    temperature(\"London\"),\n]"
    );
}

#[test]
fn as_8_any_order_names_every_missing_call() {
    let weather = called_with(&["Oslo"]);
    assert_eq!(
        panic_message(|| weather.temperature.assert_has_calls_any_order([
            call!("Rome"),
            call!("Oslo"),
            call!("Bern")
        ])),
        "MockWeather.temperature: does not contain all of [temperature(\"Rome\"), temperature(\"Bern\")] in its call list.\n  Actual: [temperature(\"Oslo\")]"
    );
}

#[test]
fn as_11_assertions_do_not_change_the_history() {
    let weather = called_with(&["Oslo"]);
    for _ in 0..3 {
        weather.temperature.assert_called_once_with(call!("Oslo"));
        weather.temperature.assert_has_calls([call!("Oslo")]);
        assert_eq!(
            panic_message(|| weather.temperature.assert_not_called()),
            "MockWeather.temperature: expected to not have been called. Called 1 time.\nCalls:\n  temperature(\"Oslo\")"
        );
    }
    assert_eq!(weather.temperature.call_count(), 1);
    assert_eq!(weather.mock_calls().len(), 1);
}

#[test]
fn mock_level_assert_not_called() {
    let weather = MockWeather::new();
    weather.assert_not_called();
    weather.cities();
    weather.temperature("Oslo");
    assert_eq!(
        panic_message(|| weather.assert_not_called()),
        "MockWeather: expected no calls. Called 2 times.\nCalls:\n  cities()\n  temperature(\"Oslo\")"
    );
}

#[test]
fn mock_level_assert_any_call() {
    let weather = MockWeather::named("weather");
    weather.cities();
    weather.forecast("Oslo", 3);
    weather.assert_any_call(call!(.forecast("Oslo", 3)));
    weather.assert_any_call(call!(.cities()));
    assert_eq!(
        panic_message(|| weather.assert_any_call(call!(.forecast("Oslo", 4)))),
        "weather: forecast(\"Oslo\", 4) call not found.\nCalls:\n  cities()\n  forecast(\"Oslo\", 3)"
    );
    // The method name takes part in the match.
    assert_eq!(
        panic_message(|| weather.assert_any_call(call!(.temperature(ANY)))),
        "weather: temperature(ANY) call not found.\nCalls:\n  cities()\n  forecast(\"Oslo\", 3)"
    );
}

#[test]
fn mock_level_assert_has_calls_runs_across_methods() {
    let weather = MockWeather::new();
    weather.cities();
    weather.temperature("Oslo");
    weather.cities();
    weather.assert_has_calls([call!(.temperature("Oslo")), call!(.cities())]);
    weather.assert_has_calls([call!(.cities()), call!(.temperature(ANY))]);
    assert_eq!(
        panic_message(|| weather.assert_has_calls([call!(.cities()), call!(.cities())])),
        "MockWeather: calls not found.\nExpected: [cities(), cities()]\n  Actual: [cities(), temperature(\"Oslo\"), cities()]"
    );
}

#[test]
fn mock_level_assert_has_calls_any_order() {
    let weather = MockWeather::new();
    weather.cities();
    weather.temperature("Oslo");
    weather.assert_has_calls_any_order([call!(.temperature("Oslo")), call!(.cities())]);
    assert_eq!(
        panic_message(|| weather.assert_has_calls_any_order([call!(.cities()), call!(.cities())])),
        "MockWeather: does not contain all of [cities()] in its call list.\n  Actual: [cities(), temperature(\"Oslo\")]"
    );
}

/// The line that follows the call of this macro, in this file.
macro_rules! next_line {
    () => {
        (file!(), line!() + 1)
    };
}

fn at(location: &common::PanicLocation) -> (&str, u32) {
    (location.file.as_str(), location.line)
}

#[test]
fn failures_point_at_the_assertion_line() {
    let weather = MockWeather::new();

    let expected = next_line!();
    let (_, location) = catch(|| weather.temperature.assert_called());
    assert_eq!(at(&location), expected);

    let expected = next_line!();
    let (_, location) = catch(|| weather.temperature.assert_called_with(call!("x")));
    assert_eq!(at(&location), expected);

    let expected = next_line!();
    let (_, location) = catch(|| weather.temperature.assert_called_once_with(call!("x")));
    assert_eq!(at(&location), expected);

    let expected = next_line!();
    let (_, location) = catch(|| weather.temperature.assert_has_calls([call!("x")]));
    assert_eq!(at(&location), expected);

    let expected = next_line!();
    let (_, location) = catch(|| weather.assert_any_call(call!(.cities())));
    assert_eq!(at(&location), expected);

    weather.cities();
    let expected = next_line!();
    let (_, location) = catch(|| weather.assert_not_called());
    assert_eq!(at(&location), expected);
}

#[test]
fn unconfigured_call_panics_at_the_calling_line() {
    let weather = MockWeather::new();
    weather.seal();
    let expected = next_line!();
    let (message, location) = catch(|| weather.cities());
    assert_eq!(at(&location), expected);
    assert!(message.starts_with("MockWeather.cities: the mock is sealed"));
}

#[automock]
pub trait Config {
    fn get<T: std::str::FromStr + 'static>(&self, key: &str) -> Option<T>;
}

#[test]
fn a_generic_handle_asserts_across_its_instantiations() {
    let config = MockConfig::new();
    assert_eq!(
        panic_message(|| config.get.assert_called()),
        "MockConfig.get: expected to have been called. Called 0 times."
    );
    config.get.assert_not_called();
    let _: Option<u16> = config.get("port");
    let _: Option<String> = config.get("host");
    config.get.assert_called();
    assert_eq!(
        panic_message(|| config.get.assert_not_called()),
        "MockConfig.get: expected to not have been called. Called 2 times.\nCalls:\n  get(\"port\")\n  get(\"host\")"
    );
}
