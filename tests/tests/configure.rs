//! Configuring a method: return_value, side_effect, side_effect_iter, return_once, their precedence, resets, unconfigured calls and seal().
#![deny(warnings)]

mod common;

use std::sync::{Arc, Mutex};

use common::panic_message;
use mockgen::prelude::*;

#[automock]
pub trait Weather {
    fn temperature(&self, city: &str) -> Result<f64, String>;
    fn cities(&self) -> Vec<String>;
    fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    fn humidity(&self) -> u8;
    fn refresh(&self);
    fn station(&self, city: &str) -> Option<String>;
}

#[automock]
pub trait Buffer {
    fn fill(&self, buf: &mut Vec<u8>) -> usize;
    fn scale(&self, values: &mut [i32], factor: i32);
}

/// A return type without `Default` and without `Clone`.
#[derive(Debug, PartialEq)]
pub struct Connection {
    id: u32,
}

#[automock]
pub trait Pool {
    fn connect(&self, host: &str, port: u16) -> Connection;
}

#[test]
fn rv_2_return_value_returns_a_clone_on_every_call() {
    let weather = MockWeather::new();
    weather.cities.return_value(vec!["Oslo".to_owned()]);

    let mut first = weather.cities();
    first.push("changed by the caller".to_owned());

    assert_eq!(weather.cities(), ["Oslo"]);
    assert_eq!(weather.cities(), ["Oslo"]);
    assert_eq!(weather.cities.call_count(), 3);
}

#[test]
fn return_value_set_again_replaces_the_previous_value() {
    let weather = MockWeather::new();
    weather.humidity.return_value(40);
    assert_eq!(weather.humidity(), 40);
    weather.humidity.return_value(75);
    assert_eq!(weather.humidity(), 75);
}

#[test]
fn se_2_side_effect_receives_the_real_arguments() {
    let weather = MockWeather::new();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    weather.forecast.side_effect(move |city, days| {
        log.lock().unwrap().push(format!("{city}/{days}"));
        (0..days).map(f64::from).collect()
    });

    assert_eq!(weather.forecast("Oslo", 3), [0.0, 1.0, 2.0]);
    assert_eq!(weather.forecast("Rome", 1), [0.0]);
    assert_eq!(*seen.lock().unwrap(), ["Oslo/3", "Rome/1"]);
}

#[test]
fn se_2_side_effect_result_depends_on_the_argument() {
    let weather = MockWeather::new();
    weather.temperature.side_effect(|city| match city {
        "Oslo" => Err("station down".to_owned()),
        other => Ok(other.len() as f64),
    });
    assert_eq!(weather.temperature("Paris"), Ok(5.0));
    assert_eq!(weather.temperature("Oslo"), Err("station down".to_owned()));
}

#[test]
fn se_2_side_effect_can_write_through_mut_arguments() {
    let buffer = MockBuffer::new();
    buffer.fill.side_effect(|buf| {
        buf.extend_from_slice(b"abc");
        buf.len()
    });
    buffer
        .scale
        .side_effect(|values, factor| values.iter_mut().for_each(|v| *v *= factor));

    let mut bytes = vec![b'x'];
    assert_eq!(buffer.fill(&mut bytes), 4);
    assert_eq!(bytes, b"xabc");

    let mut values = [1, 2, 3];
    buffer.scale(&mut values, 10);
    assert_eq!(values, [10, 20, 30]);

    // The recorded arguments are the values at call time, before the side
    // effect wrote to them.
    assert_eq!(buffer.fill.call_args(), Some((b"x".to_vec(),)));
    assert_eq!(buffer.scale.call_args(), Some((vec![1, 2, 3], 10)));
}

#[test]
fn side_effect_iter_returns_the_items_in_order() {
    let weather = MockWeather::new();
    weather
        .temperature
        .side_effect_iter([Ok(1.0), Err("down".to_owned()), Ok(3.0)]);
    assert_eq!(weather.temperature("a"), Ok(1.0));
    assert_eq!(weather.temperature("b"), Err("down".to_owned()));
    assert_eq!(weather.temperature("c"), Ok(3.0));
}

#[test]
fn side_effect_iter_accepts_any_iterator() {
    let weather = MockWeather::new();
    weather.humidity.side_effect_iter((1..=3).map(|n| n * 10));
    let got: Vec<u8> = (0..3).map(|_| weather.humidity()).collect();
    assert_eq!(got, [10, 20, 30]);
}

#[test]
fn se_4_iter_exhaustion_panics_after_recording() {
    let weather = MockWeather::new();
    weather.forecast.side_effect_iter([vec![1.0]]);
    assert_eq!(weather.forecast("Oslo", 1), [1.0]);

    let message = panic_message(|| weather.forecast("Rome", 2));
    assert_eq!(
        message,
        "MockWeather.forecast: side_effect_iter is exhausted: call 2 has no value left.\n  Call: forecast(\"Rome\", 2)\nGive `side_effect_iter` more values, or end it with `.chain(std::iter::repeat(…))`."
    );
    // SE-4 / CA-1: the exhausted call still counts.
    assert_eq!(weather.forecast.call_count(), 2);
    assert_eq!(weather.forecast.call_args(), Some(("Rome".to_owned(), 2)));

    // Every later call panics too, with its own number.
    let message = panic_message(|| weather.forecast("Paris", 3));
    assert!(
        message.starts_with(
            "MockWeather.forecast: side_effect_iter is exhausted: call 3 has no value left.\n  Call: forecast(\"Paris\", 3)\n"
        ),
        "{message}"
    );
}

#[test]
fn se_4_exhaustion_message_uses_the_mock_name() {
    let weather = MockWeather::named("weather");
    weather.humidity.side_effect_iter(Vec::new());
    assert_eq!(
        panic_message(|| weather.humidity()),
        "weather.humidity: side_effect_iter is exhausted: call 1 has no value left.\n  Call: humidity()\nGive `side_effect_iter` more values, or end it with `.chain(std::iter::repeat(…))`."
    );
}

#[test]
fn side_effect_and_side_effect_iter_replace_each_other() {
    let weather = MockWeather::new();
    weather.humidity.side_effect_iter([1, 2]);
    weather.humidity.side_effect(|| 9);
    assert_eq!(weather.humidity(), 9);
    weather.humidity.side_effect_iter([5]);
    assert_eq!(weather.humidity(), 5);
}

#[test]
fn return_once_values_queue_then_fall_back() {
    let weather = MockWeather::new();
    weather.humidity.return_value(50);
    weather.humidity.return_once(1);
    weather.humidity.return_once(2);
    assert_eq!(weather.humidity(), 1);
    assert_eq!(weather.humidity(), 2);
    assert_eq!(weather.humidity(), 50);
    assert_eq!(weather.humidity(), 50);
}

#[test]
fn return_once_falls_back_to_default_when_nothing_else_is_configured() {
    let weather = MockWeather::new();
    weather.station.return_once(Some("OSL".to_owned()));
    assert_eq!(weather.station("Oslo"), Some("OSL".to_owned()));
    assert_eq!(weather.station("Oslo"), None);
}

#[test]
fn return_once_serves_types_that_are_neither_clone_nor_default() {
    let pool = MockPool::new();
    pool.connect.return_once(Connection { id: 1 });
    pool.connect.return_once(Connection { id: 2 });
    assert_eq!(pool.connect("db", 5432), Connection { id: 1 });
    assert_eq!(pool.connect("db", 5432), Connection { id: 2 });
    // The queue is empty now: the next call is unconfigured.
    let message = panic_message(|| pool.connect("db", 5432));
    assert!(message.starts_with("MockPool.connect: nothing is configured"));
}

#[test]
fn se_7_precedence_side_effect_then_return_once_then_return_value_then_default() {
    let weather = MockWeather::new();
    weather.humidity.return_value(30);
    weather.humidity.return_once(20);
    weather.humidity.side_effect(|| 10);

    // The side effect wins, and leaves the queued value in place.
    assert_eq!(weather.humidity(), 10);
    assert_eq!(weather.humidity(), 10);

    weather.humidity.reset_side_effect();
    assert_eq!(weather.humidity(), 20);
    assert_eq!(weather.humidity(), 30);

    weather.humidity.reset_return_value();
    assert_eq!(weather.humidity(), 0);
    assert_eq!(weather.humidity.call_count(), 5);
}

#[test]
fn se_7_side_effect_iter_wins_over_return_value() {
    let weather = MockWeather::new();
    weather.humidity.return_value(30);
    weather.humidity.side_effect_iter([1]);
    assert_eq!(weather.humidity(), 1);
    // Exhausted: it does not fall back to return_value.
    let message = panic_message(|| weather.humidity());
    assert!(message.contains("side_effect_iter is exhausted: call 2"));
}

#[test]
fn se_8_reset_side_effect_restores_return_value() {
    let weather = MockWeather::new();
    weather.cities.return_value(vec!["Oslo".to_owned()]);
    weather.cities.side_effect(|| vec!["Rome".to_owned()]);
    assert_eq!(weather.cities(), ["Rome"]);
    weather.cities.reset_side_effect();
    assert_eq!(weather.cities(), ["Oslo"]);
}

#[test]
fn se_8_reset_side_effect_also_clears_side_effect_iter() {
    let weather = MockWeather::new();
    weather.humidity.return_value(7);
    weather.humidity.side_effect_iter([1]);
    weather.humidity.reset_side_effect();
    assert_eq!(weather.humidity(), 7);
    assert_eq!(weather.humidity(), 7);
}

#[test]
fn rv_3_reset_return_value_clears_the_value_and_the_queue() {
    let weather = MockWeather::new();
    weather.humidity.return_value(7);
    weather.humidity.return_once(1);
    weather.humidity.reset_return_value();
    assert_eq!(weather.humidity(), 0);
}

#[test]
fn rv_3_returning_none_is_a_configured_value() {
    let weather = MockWeather::new();
    weather.station.return_value(None);
    weather.seal();
    // Sealed: an unconfigured call would panic, so `None` was configured.
    assert_eq!(weather.station("Oslo"), None);
}

#[test]
fn reset_all_on_a_handle_drops_its_configuration() {
    let weather = MockWeather::new();
    weather.humidity.return_value(7);
    weather.humidity.side_effect(|| 9);
    weather.humidity.return_once(1);
    weather.humidity.reset_all();
    assert_eq!(weather.humidity(), 0);
    assert_eq!(weather.humidity.call_count(), 1);
}

#[test]
fn rv_1_unconfigured_calls_return_default() {
    let weather = MockWeather::new();
    assert_eq!(weather.cities(), Vec::<String>::new());
    assert_eq!(weather.humidity(), 0);
    assert_eq!(weather.station("Oslo"), None);
    assert_eq!(weather.forecast("Oslo", 3), Vec::<f64>::new());
    weather.refresh();
    assert_eq!(weather.refresh.call_count(), 1);
}

#[test]
fn rv_1_an_unconfigured_result_succeeds_with_the_default_value() {
    let weather = MockWeather::new();
    assert_eq!(weather.temperature("London"), Ok(0.0));
    weather.temperature.assert_called_once_with(call!("London"));
}

#[test]
fn rv_1_unconfigured_panic_names_a_named_mock_and_all_arguments() {
    let pool = MockPool::named("pool");
    assert_eq!(
        panic_message(|| pool.connect("db.local", 5432)),
        "pool.connect: nothing is configured and `Connection` has no Default.\n  Call: connect(\"db.local\", 5432)\nConfigure it before the call: `connect.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
}

#[test]
fn seal_1_sealed_mock_panics_even_when_the_return_type_has_default() {
    let weather = MockWeather::named("weather");
    weather.seal();
    assert_eq!(
        panic_message(|| weather.humidity()),
        "weather.humidity: the mock is sealed and this method has nothing configured.\n  Call: humidity()\nConfigure it before the call: `humidity.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
    assert_eq!(
        panic_message(|| weather.forecast("Oslo", 2)),
        "weather.forecast: the mock is sealed and this method has nothing configured.\n  Call: forecast(\"Oslo\", 2)\nConfigure it before the call: `forecast.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
    assert!(panic_message(|| weather.refresh()).starts_with("weather.refresh: the mock is sealed"));
    assert_eq!(weather.humidity.call_count(), 1);
}

#[test]
fn seal_2_configured_methods_keep_working_and_configuring_after_seal_works() {
    let weather = MockWeather::new();
    weather.humidity.return_value(40);
    weather.seal();
    assert_eq!(weather.humidity(), 40);

    weather.cities.side_effect(|| vec!["Oslo".to_owned()]);
    assert_eq!(weather.cities(), ["Oslo"]);
    weather.station.return_once(Some("OSL".to_owned()));
    assert_eq!(weather.station("Oslo"), Some("OSL".to_owned()));
    // The queue ran out: sealed again.
    let message = panic_message(|| weather.station("Oslo"));
    assert!(message.starts_with("MockWeather.station: the mock is sealed"));
}

#[test]
fn seal_applies_to_every_clone() {
    let weather = MockWeather::new();
    let clone = weather.clone();
    weather.seal();
    let message = panic_message(|| clone.humidity());
    assert!(message.starts_with("MockWeather.humidity: the mock is sealed"));
}

#[test]
fn named_mocks_appear_in_handle_names() {
    let weather = MockWeather::named("weather");
    assert_eq!(weather.name(), "weather");
    assert_eq!(weather.temperature.qualified_name(), "weather.temperature");
    assert_eq!(
        MockWeather::new().cities.qualified_name(),
        "MockWeather.cities"
    );
}

#[test]
fn se_3_a_side_effect_can_step_aside_for_the_rest_of_the_configuration() {
    let weather = MockWeather::new();
    weather.forecast.side_effect_or_default(|city, days| {
        (city == "Oslo").then(|| vec![-1.0; usize::from(days)])
    });
    assert_eq!(weather.forecast("Oslo", 2), [-1.0, -1.0]);
    // Stepping aside: no return value configured, so the default.
    assert_eq!(weather.forecast("Rome", 2), Vec::<f64>::new());
    weather.forecast.return_once(vec![1.0]);
    weather.forecast.return_value(vec![9.0]);
    assert_eq!(weather.forecast("Rome", 1), [1.0]);
    assert_eq!(weather.forecast("Rome", 1), [9.0]);
    assert_eq!(weather.forecast.call_count(), 4);
}
