//! Expectations checked at call time: expect(call!(…)) with answers, times, never, verify and the check on drop (API §6, §11).
#![deny(warnings)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

mod common;

use common::report_of;
use mockgen::prelude::*;
use mockgen::{Expectation, Times};

#[automock]
pub trait Weather {
    fn temperature(&self, city: &str) -> Result<f64, String>;
    fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    fn cities(&self) -> Vec<String>;
    fn set_unit(&mut self, unit: u8);
}

/// No `Default`, not `Clone`.
#[derive(Debug, PartialEq)]
pub struct Conn(String);

#[automock]
pub trait Pool {
    fn connect(&self, url: &str) -> Conn;
    fn size(&self) -> usize;
}

#[test]
fn matching_expectation_answers_and_others_fall_back() {
    let weather = MockWeather::new();
    weather.temperature.return_value(Ok(20.0));
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(-3.0))
        .times(1);
    weather
        .temperature
        .expect(call!(starts_with("Par")))
        .side_effect(|city| Ok(city.len() as f64));

    assert_eq!(weather.temperature("Oslo"), Ok(-3.0));
    assert_eq!(weather.temperature("Paris"), Ok(5.0));
    assert_eq!(weather.temperature("Parma"), Ok(5.0));
    // No expectation matches: the method's own return_value.
    assert_eq!(weather.temperature("Rome"), Ok(20.0));
    // Every call is recorded, whoever answered it.
    assert_eq!(weather.temperature.call_count(), 4);
    weather.verify();
}

#[test]
fn unmatched_call_without_configuration_returns_default() {
    let weather = MockWeather::new();
    weather
        .cities
        .expect(call!())
        .return_value(vec!["Oslo".into()]);
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0));
    assert_eq!(weather.cities(), ["Oslo"]);
    assert_eq!(weather.forecast("Oslo", 2), Vec::<f64>::new());
    assert_eq!(weather.temperature("Rome"), Ok(0.0));
}

#[test]
fn unmatched_call_falls_back_to_the_method_side_effect() {
    let weather = MockWeather::new();
    weather
        .temperature
        .side_effect(|city| Err(format!("no {city}")));
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0));
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    assert_eq!(weather.temperature("Rome"), Err("no Rome".to_owned()));
}

#[test]
fn first_matching_expectation_wins() {
    let weather = MockWeather::new();
    weather.temperature.expect(call!(ANY)).return_value(Ok(1.0));
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(2.0));
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
}

#[test]
fn saturated_expectation_stops_matching_and_the_next_one_answers() {
    let weather = MockWeather::new();
    let first = weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0))
        .times(2);
    let rest = weather.temperature.expect(call!(ANY)).return_value(Ok(9.0));
    let answers: Vec<_> = (0..4).map(|_| weather.temperature("Oslo")).collect();
    assert_eq!(answers, [Ok(1.0), Ok(1.0), Ok(9.0), Ok(9.0)]);
    assert_eq!((first.call_count(), rest.call_count()), (2, 2));
    weather.verify();
}

#[test]
fn saturated_expectation_without_other_match_panics_at_once_and_verify_reports_it() {
    let weather = MockWeather::named("weather");
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0))
        .times(1);
    weather
        .temperature
        .expect(call!("Rome"))
        .return_value(Ok(2.0));
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    let message = report_of(|| weather.temperature("Oslo"));
    assert_eq!(
        message,
        "weather.temperature: expectation temperature(\"Oslo\") called more than 1 time.\n  Call: temperature(\"Oslo\")"
    );
    // The refused call is recorded, and counted against the expectation.
    assert_eq!(weather.temperature.call_count(), 2);
    let message = report_of(|| weather.verify());
    assert_eq!(
        message,
        "weather: 1 unmet expectation.\n  temperature(\"Oslo\"): expected once, called 2 times.\nCalls:\n  temperature(\"Oslo\")\n  temperature(\"Oslo\")"
    );
    weather.reset_all();
}

#[test]
fn times_with_ranges() {
    let weather = MockWeather::new();
    weather.temperature.expect(call!("a")).times(1..=3);
    weather.temperature.expect(call!("b")).times(2..);
    weather.temperature.expect(call!("c")).times(..3);
    weather.temperature.expect(call!("d")).times(1..3);
    for city in ["a", "a", "a", "b", "b", "b", "b", "c", "c", "d"] {
        weather.temperature(city).unwrap();
    }
    weather.verify();
    // Each upper bound is enforced.
    assert!(report_of(|| weather.temperature("a")).contains("called more than 3 times"));
    assert!(report_of(|| weather.temperature("c")).contains("called more than 2 times"));
    weather.temperature("d").unwrap();
    assert!(report_of(|| weather.temperature("d")).contains("called more than 2 times"));
    weather.reset_all();
}

#[test]
fn verify_checks_lower_bounds_with_expected_and_actual_counts() {
    let weather = MockWeather::new();
    weather.temperature.expect(call!("Oslo")).times(1..=3);
    weather.cities.expect(call!()).times(2..);
    weather.forecast.expect(call!(ANY, 3)).times(2);
    weather.forecast.expect(call!("Rome", ANY)).times(..2);
    weather.temperature("Paris").unwrap();
    weather.cities();
    weather.forecast("Oslo", 3);
    let message = report_of(|| weather.verify());
    assert_eq!(
        message,
        "MockWeather: 3 unmet expectations.\n  \
         temperature(\"Oslo\"): expected between 1 and 3 times, called 0 times.\n  \
         cities(): expected at least 2 times, called 1 time.\n  \
         forecast(ANY, 3): expected 2 times, called 1 time.\n\
         Calls:\n  temperature(\"Paris\")\n  cities()\n  forecast(\"Oslo\", 3)"
    );
    weather.cities();
    weather.forecast("Oslo", 3);
    weather.temperature("Oslo").unwrap();
    weather.verify();
}

#[test]
fn without_times_any_number_of_calls_is_fine_none_included() {
    let weather = MockWeather::new();
    let oslo = weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0));
    let cities = weather.cities.expect(call!());
    weather.verify();
    for _ in 0..5 {
        assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    }
    weather.verify();
    // Both were checked: one answered every call, the other none.
    assert_eq!((oslo.call_count(), cities.call_count()), (5, 0));
}

#[test]
fn never_panics_at_once_on_a_matching_call() {
    let weather = MockWeather::new();
    weather.temperature.expect(call!("Atlantis")).never();
    // The method's own answer, for calls no expectation takes.
    weather.temperature.return_value(Ok(3.0));
    weather.verify();
    assert_eq!(weather.temperature("Oslo"), Ok(3.0));
    let message = report_of(|| weather.temperature("Atlantis"));
    assert_eq!(
        message,
        "MockWeather.temperature: expectation temperature(\"Atlantis\") called more than 0 times (never()).\n  Call: temperature(\"Atlantis\")"
    );
    assert_eq!(
        report_of(|| weather.temperature.verify()),
        "MockWeather.temperature: 1 unmet expectation.\n  temperature(\"Atlantis\"): expected never, called 1 time.\nCalls:\n  temperature(\"Oslo\")\n  temperature(\"Atlantis\")"
    );
    weather.reset_all();
}

#[test]
fn never_equals_times_zero() {
    let weather = MockWeather::new();
    let never = weather.cities.expect(call!()).never();
    let zero = weather.cities.expect(call!()).times(0);
    assert_eq!(format!("{never:?}"), format!("{zero:?}"));
    assert!(format!("{never:?}").contains("times: Times { min: 0, max: Some(0) }"));
}

#[test]
fn empty_times_range_is_rejected() {
    let weather = MockWeather::new();
    #[allow(clippy::reversed_empty_ranges)]
    let message = report_of(|| weather.cities.expect(call!()).times(2..2));
    assert_eq!(
        message,
        "MockWeather.cities: times(2..2) accepts no number of calls."
    );
}

#[test]
fn answers_return_once_then_return_value_and_side_effect_wins() {
    let weather = MockWeather::new();
    weather
        .cities
        .expect(call!())
        .return_value(vec!["v".into()])
        .return_once(vec!["once1".into()])
        .return_once(vec!["once2".into()]);
    assert_eq!(weather.cities(), ["once1"]);
    assert_eq!(weather.cities(), ["once2"]);
    assert_eq!(weather.cities(), ["v"]);

    weather
        .temperature
        .expect(call!(ANY))
        .return_value(Ok(1.0))
        .side_effect(|_| Ok(2.0));
    assert_eq!(weather.temperature("x"), Ok(2.0));
}

#[test]
fn return_once_for_types_that_are_not_clone() {
    let pool = MockPool::new();
    pool.connect
        .expect(call!("db://a"))
        .return_once(Conn("a".into()))
        .times(1);
    pool.connect.side_effect(|url| Conn(format!("fresh {url}")));
    assert_eq!(pool.connect("db://a"), Conn("a".into()));
    assert_eq!(pool.connect("db://b"), Conn("fresh db://b".into()));
}

#[test]
fn side_effect_takes_the_arguments_for_every_arity() {
    let mut weather = MockWeather::new();
    weather
        .forecast
        .expect(call!(ANY, gt(2)))
        .side_effect(|city, days| vec![city.len() as f64; usize::from(days)]);
    weather
        .cities
        .expect(call!())
        .side_effect(|| vec!["x".into()]);
    let seen = Arc::new(AtomicUsize::new(0));
    let seen_in = Arc::clone(&seen);
    weather
        .set_unit
        .expect(call!(7))
        .side_effect(move |unit| {
            seen_in.store(usize::from(unit), Ordering::SeqCst);
        })
        .times(1);
    assert_eq!(weather.forecast("Oslo", 3), [4.0, 4.0, 4.0]);
    assert_eq!(weather.forecast("Oslo", 1), Vec::<f64>::new());
    assert_eq!(weather.cities(), ["x"]);
    weather.set_unit(7);
    assert_eq!(seen.load(Ordering::SeqCst), 7);
}

#[test]
fn expectation_without_answer_counts_and_falls_through() {
    let weather = MockWeather::new();
    weather.temperature.return_value(Ok(4.0));
    let oslo = weather.temperature.expect(call!("Oslo")).times(2);
    assert_eq!(weather.temperature("Oslo"), Ok(4.0));
    assert_eq!(weather.temperature("Oslo"), Ok(4.0));
    assert_eq!(oslo.call_count(), 2);
    weather.verify();
}

#[test]
fn expectations_see_the_recorded_arguments() {
    let weather = MockWeather::new();
    // A `&str` argument is recorded as a `String` and seen as a `str`.
    weather
        .temperature
        .expect(call!(matching(|city: &str| city.ends_with("lo"))))
        .return_value(Ok(1.0));
    weather
        .forecast
        .expect(call!(contains("ar"), le(2)))
        .return_value(vec![2.0]);
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    assert_eq!(weather.forecast("Paris", 2), [2.0]);
    assert_eq!(weather.forecast("Paris", 3), Vec::<f64>::new());
}

#[test]
fn reset_mock_keeps_expectations_and_zeroes_their_counts() {
    let weather = MockWeather::new();
    let oslo = weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0))
        .times(1);
    weather.temperature("Oslo").unwrap();
    weather.reset_mock();
    assert_eq!(oslo.call_count(), 0);
    assert!(report_of(|| weather.verify()).contains("expected once, called 0 times."));
    // Still in force, with a fresh count.
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    weather.verify();

    weather.temperature.reset_mock();
    assert_eq!(oslo.call_count(), 0);
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    weather.verify();
}

#[test]
fn reset_all_removes_expectations() {
    let weather = MockWeather::new();
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0))
        .times(3);
    weather.cities.expect(call!()).times(1);
    weather.reset_all();
    weather.verify();
    assert_eq!(weather.temperature("Oslo"), Ok(0.0));

    weather
        .cities
        .expect(call!())
        .return_value(vec!["a".into()])
        .times(1);
    weather.cities.reset_all();
    weather.verify();
    assert!(weather.cities().is_empty());
    // New expectations work after a reset.
    weather
        .cities
        .expect(call!())
        .return_value(vec!["b".into()])
        .times(1);
    assert_eq!(weather.cities(), ["b"]);
    weather.verify();
}

#[test]
fn sealed_mock_panics_on_calls_no_expectation_takes_listing_them() {
    let weather = MockWeather::new();
    weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0));
    weather.temperature.expect(call!(starts_with("Lon")));
    weather.seal();
    assert_eq!(weather.temperature("Oslo"), Ok(1.0));
    // Taken by an expectation without an answer: the default, even sealed.
    assert_eq!(weather.temperature("London"), Ok(0.0));
    let message = report_of(|| weather.temperature("Rome"));
    assert_eq!(
        message,
        "MockWeather.temperature: the mock is sealed and no expectation matches this call.\n  \
         Call: temperature(\"Rome\")\n\
         Expectations:\n  temperature(\"Oslo\")\n  temperature(starts_with(\"Lon\"))\n\
         Add an expectation that matches, or configure the method: `temperature.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
    // A method without expectations keeps the usual sealed message.
    assert!(report_of(|| weather.cities()).starts_with(
        "MockWeather.cities: the mock is sealed and this method has nothing configured."
    ));
}

#[test]
fn unmatched_call_of_a_method_without_default_lists_the_expectations() {
    let pool = MockPool::new();
    pool.connect
        .expect(call!("db://a"))
        .return_once(Conn("a".into()));
    let message = report_of(|| pool.connect("db://b"));
    assert_eq!(
        message,
        "MockPool.connect: no expectation matches this call, nothing else is configured and `Conn` has no Default.\n  \
         Call: connect(\"db://b\")\n\
         Expectations:\n  connect(\"db://a\")\n\
         Add an expectation that matches, or configure the method: `connect.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
}

#[test]
fn drop_of_the_last_clone_verifies() {
    let message = report_of(|| {
        let weather = MockWeather::named("w");
        weather.temperature.expect(call!("Oslo")).times(1);
        let clone = weather.clone();
        drop(weather);
        // Another clone is alive: nothing checked yet.
        clone.cities();
        drop(clone);
    });
    assert_eq!(
        message,
        "w: 1 unmet expectation (checked when the mock was dropped).\n  temperature(\"Oslo\"): expected once, called 0 times."
    );
}

#[test]
fn drop_keeps_quiet_when_expectations_are_met() {
    let (met, unmet) = (MockWeather::named("met"), MockWeather::named("unmet"));
    for weather in [&met, &unmet] {
        weather.temperature.expect(call!("Oslo")).times(1);
    }
    met.temperature("Oslo").unwrap();
    // The check runs on drop: it reports the unmet one, and only that one.
    assert_eq!(
        report_of(move || drop(unmet)),
        "unmet: 1 unmet expectation (checked when the mock was dropped).\n  temperature(\"Oslo\"): expected once, called 0 times."
    );
    assert_eq!(common::failure(move || drop(met)), None);
}

#[test]
fn a_handle_kept_alive_delays_the_check() {
    let weather = MockWeather::new();
    weather.cities.expect(call!()).times(1);
    let handle = weather.cities.clone();
    drop(weather);
    handle.assert_not_called();
    let message = report_of(move || drop(handle));
    assert!(
        message
            .starts_with("MockWeather: 1 unmet expectation (checked when the mock was dropped).")
    );
}

#[test]
fn drop_while_panicking_does_not_panic_again() {
    // A second panic during unwinding would abort the whole test binary.
    let message = report_of(|| {
        let weather = MockWeather::new();
        weather.temperature.expect(call!("Oslo")).times(1);
        panic!("the test failed first");
    });
    assert_eq!(message, "the test failed first");
}

#[test]
fn a_side_effect_may_call_the_same_mock() {
    let weather = MockWeather::new();
    let inner = weather.clone();
    weather
        .temperature
        .expect(call!("avg"))
        .side_effect(move |_| {
            let a = inner.temperature("a")?;
            let b = inner.temperature("b")?;
            Ok((a + b) / 2.0 + inner.forecast("a", 1).len() as f64)
        })
        .times(1);
    weather.temperature.expect(call!("a")).return_value(Ok(1.0));
    weather.temperature.expect(call!("b")).return_value(Ok(3.0));
    weather
        .forecast
        .expect(call!("a", 1))
        .return_value(vec![0.0]);
    assert_eq!(weather.temperature("avg"), Ok(3.0));
    assert_eq!(weather.temperature.call_count(), 3);
    weather.verify();
    // The side effect holds a clone of the mock: break the cycle.
    weather.reset_all();
}

#[test]
fn eight_threads_share_expectations() {
    let weather = MockWeather::new();
    let limited = weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(1.0))
        .times(20);
    let rest = weather
        .temperature
        .expect(call!("Oslo"))
        .return_value(Ok(2.0));
    let counted = weather.cities.expect(call!()).times(8 * 25);
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let weather = weather.clone();
            thread::spawn(move || {
                let mut ones = 0;
                for _ in 0..25 {
                    if weather.temperature("Oslo") == Ok(1.0) {
                        ones += 1;
                    }
                    weather.cities();
                }
                ones
            })
        })
        .collect();
    let ones: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(ones, 20);
    assert_eq!(limited.call_count(), 20);
    assert_eq!(rest.call_count(), 8 * 25 - 20);
    assert_eq!(counted.call_count(), 8 * 25);
    assert_eq!(weather.temperature.call_count(), 8 * 25);
    weather.verify();
}

#[test]
fn expectations_of_generic_method_instances() {
    #[automock]
    trait Config {
        fn get<T: std::str::FromStr + 'static>(&self, key: &str) -> Option<T>;
    }
    let config = MockConfig::new();
    config
        .get
        .of::<u16>()
        .expect(call!("port"))
        .return_value(Some(8080))
        .times(1);
    assert_eq!(config.get::<u16>("port"), Some(8080));
    assert_eq!(config.get::<String>("port"), None);
    config.verify();
}

#[test]
fn async_methods_match_expectations() {
    #[automock]
    trait Fetch {
        async fn fetch(&self, id: u32) -> String;
    }
    let fetch = MockFetch::new();
    fetch
        .fetch
        .expect(call!(1))
        .return_value("one".into())
        .times(1);
    fetch
        .fetch
        .expect(call!(gt(10)))
        .side_effect_async(|id| async move { format!("big {id}") });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(fetch.fetch(1)), "one");
    assert_eq!(runtime.block_on(fetch.fetch(2)), "");
    assert_eq!(runtime.block_on(fetch.fetch(11)), "big 11");
    fetch.verify();
}

#[test]
fn patched_functions_take_expectations_and_check_them_when_the_patch_goes() {
    use mockgen_tests::weather::{exchange_rate, fetch_temperature};

    let fetch = patch!(mockgen_tests::weather::fetch_temperature);
    fetch.expect(call!("Oslo")).return_value(Ok(-3.0)).times(1);
    assert_eq!(fetch_temperature("Oslo"), Ok(-3.0));
    assert_eq!(fetch_temperature("Rome"), Ok(0.0));
    fetch.verify();
    drop(fetch);

    let message = report_of(|| {
        let rate = patch!(mockgen_tests::weather::exchange_rate);
        rate.expect(call!("EUR", ANY)).return_value(2.0).times(2);
        assert_eq!(exchange_rate("EUR", "USD"), 2.0);
    });
    assert_eq!(
        message,
        "mockgen_tests::weather::exchange_rate: 1 unmet expectation (checked when the mock was dropped).\n  \
         exchange_rate(\"EUR\", ANY): expected 2 times, called 1 time.\n\
         Calls:\n  exchange_rate(\"EUR\", \"USD\")"
    );
}

#[test]
fn times_type_converts_from_counts_and_ranges() {
    assert_eq!(Times::from(1), Times::exactly(1));
    assert_eq!(Times::from(1..=3), Times::between(1, 3));
    assert_eq!(Times::from(2..), Times::at_least(2));
    assert_eq!(Times::from(..3), Times::at_most(2));
    assert_eq!(Times::from(..=3), Times::at_most(3));
    assert_eq!(Times::from(..), Times::ANY);
    assert_eq!(Times::default(), Times::ANY);
    assert!(Times::between(1, 3).contains(3) && !Times::between(1, 3).contains(4));
    assert_eq!(Times::at_least(2).to_string(), "at least 2 times");
}

#[test]
fn expectation_builder_is_debug() {
    let weather = MockWeather::new();
    let e: Expectation<_> = weather.temperature.expect(call!("Oslo")).times(1..=2);
    assert_eq!(
        format!("{e:?}"),
        "Expectation { call: \"MockWeather.temperature(\\\"Oslo\\\")\", times: Times { min: 1, max: Some(2) }, .. }"
    );
    weather.temperature("Oslo").unwrap();
}
