//! `patch!`: configuring, recording and asserting through a patched
//! function or method, restoring on drop/stop/panic, nesting, and
//! thread isolation (SEMANTICS PATCH-1, PATCH-4, PATCH-6, PATCH-10, PATCH-20).
#![deny(warnings)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Barrier;

mod common;

use common::payload_text;
use mockgen::prelude::*;
use mockgen_tests::weather::{self, Forecast, Thermometer, imported};

#[test]
fn return_value_answers_and_the_call_is_recorded() {
    let fetch = patch!(weather::fetch_temperature);
    fetch.return_value(Ok(22.5));
    assert_eq!(weather::report("London"), "22.5°C");
    fetch.assert_called_once_with(call!("London"));
    assert_eq!(fetch.call_args(), Some(("London".to_string(),)));
    drop(fetch);
    assert_eq!(
        weather::report("London"),
        "unavailable: no network for London"
    );
}

#[test]
fn side_effects_receive_the_real_arguments() {
    let fetch = patch!(weather::fetch_temperature);
    fetch.side_effect(|city| match city {
        "Oslo" => Err("station down".to_string()),
        _ => Ok(city.len() as f64),
    });
    assert_eq!(weather::report("Paris"), "5.0°C");
    assert_eq!(weather::report("Oslo"), "unavailable: station down");
    fetch.assert_has_calls([call!("Paris"), call!("Oslo")]);
    fetch.assert_any_call(call!(starts_with("Os")));

    fetch.side_effect_iter([Ok(1.0), Ok(2.0)]);
    assert_eq!(weather::report("a"), "1.0°C");
    assert_eq!(weather::report("b"), "2.0°C");
    fetch.reset_side_effect();
    fetch.return_once(Ok(3.0));
    assert_eq!(weather::report("c"), "3.0°C");
    assert_eq!(fetch.call_count(), 5);
}

#[test]
fn every_use_path_sees_the_patch() {
    let fetch = patch!(weather::fetch_temperature);
    fetch.return_value(Ok(30.0));
    assert_eq!(imported::headline("Rome"), "Rome swelters");
    fetch.assert_called_once_with(call!("Rome"));
}

#[test]
fn a_glob_import_brings_the_companion_along() {
    use mockgen_tests::weather::*;
    let count = patch!(station_count);
    count.return_value(9);
    assert_eq!(station_count(), 9);
}

#[test]
fn unconfigured_calls_default_or_panic_naming_the_function() {
    let count = patch!(weather::station_count);
    assert_eq!(weather::station_count(), 0);
    count.assert_called_once();

    let forecast = patch!(weather::forecast);
    let panic = catch_unwind(|| weather::forecast("Oslo", 3)).unwrap_err();
    let message = payload_text(&*panic);
    assert!(
        message
            .starts_with("weather::forecast: nothing is configured and `Forecast` has no Default."),
        "{message}"
    );
    assert!(message.contains("forecast(\"Oslo\", 3)"), "{message}");
    forecast.assert_called_once_with(call!("Oslo", 3));
}

#[test]
fn assertion_messages_name_the_patched_path() {
    let fetch = patch!(weather::fetch_temperature);
    fetch.return_value(Ok(1.0));
    weather::report("Paris");
    let panic = catch_unwind(AssertUnwindSafe(|| {
        fetch.assert_called_with(call!("London"));
    }))
    .unwrap_err();
    assert_eq!(
        payload_text(&*panic),
        "weather::fetch_temperature: expected call not found.\nExpected: fetch_temperature(\"London\")\n  Actual: fetch_temperature(\"Paris\")"
    );
}

#[test]
fn call_original_makes_a_spy() {
    let forecast = patch!(weather::forecast);
    forecast.call_original();
    assert_eq!(weather::forecast("Rome", 2).summary, "2 sunny days in Rome");
    forecast.return_value(Forecast {
        summary: "rain".into(),
    });
    assert_eq!(weather::forecast("Rome", 1).summary, "rain");
    assert_eq!(
        forecast.call_args_list(),
        [("Rome".to_string(), 2), ("Rome".to_string(), 1)]
    );
}

#[test]
fn stop_restores_and_keeps_the_calls() {
    let count = patch!(weather::station_count);
    count.return_value(7);
    assert_eq!(weather::station_count(), 7);
    let calls = count.stop();
    assert_eq!(weather::station_count(), 3);
    calls.assert_called_once();
}

#[test]
fn a_panic_restores_the_original() {
    let result = catch_unwind(|| {
        let count = patch!(weather::station_count);
        count.return_value(99);
        assert_eq!(weather::station_count(), 99);
        panic!("the test failed");
    });
    assert_eq!(
        common::payload_text(&*result.unwrap_err()),
        "the test failed"
    );
    assert_eq!(weather::station_count(), 3);
}

#[test]
fn nested_patches_stack_and_unwind_in_order() {
    let outer = patch!(weather::station_count);
    outer.return_value(1);
    {
        let inner = patch!(weather::station_count);
        inner.return_value(2);
        assert_eq!(weather::station_count(), 2);
        inner.assert_called_once();
    }
    assert_eq!(weather::station_count(), 1);
    outer.assert_called_once();
    drop(outer);
    assert_eq!(weather::station_count(), 3);
}

#[test]
fn a_guard_dropped_out_of_order_removes_its_own_layer() {
    let first = patch!(weather::station_count);
    first.return_value(1);
    let second = patch!(weather::station_count);
    second.return_value(2);
    let third = patch!(weather::station_count);
    third.return_value(3);
    drop(second);
    assert_eq!(weather::station_count(), 3);
    drop(third);
    assert_eq!(weather::station_count(), 1);
    let fourth = patch!(weather::station_count);
    fourth.return_value(4);
    drop(first);
    assert_eq!(weather::station_count(), 4);
    drop(fourth);
    assert_eq!(weather::station_count(), 3);
}

#[test]
fn threads_patch_the_same_function_independently() {
    let barrier = Barrier::new(2);
    std::thread::scope(|scope| {
        for value in [10.0, 20.0] {
            let barrier = &barrier;
            scope.spawn(move || {
                let fetch = patch!(weather::fetch_temperature);
                fetch.return_value(Ok(value));
                barrier.wait();
                for _ in 0..100 {
                    assert_eq!(weather::fetch_temperature("x"), Ok(value));
                }
                barrier.wait();
                fetch.assert_called_with(call!("x"));
                assert_eq!(fetch.call_count(), 100);
            });
        }
    });
}

#[test]
fn other_threads_do_not_see_a_thread_local_patch() {
    let count = patch!(weather::station_count);
    count.return_value(42);
    let seen = std::thread::spawn(weather::station_count).join().unwrap();
    assert_eq!(seen, 3);
    assert_eq!(weather::station_count(), 42);
    count.assert_called_once();
}

#[test]
fn a_side_effect_may_call_the_patched_function_again() {
    let count = patch!(weather::station_count);
    count.side_effect_iter([5, 6]);
    let fetch = patch!(weather::fetch_temperature);
    fetch.side_effect(|_| Ok(f64::from(weather::station_count())));
    assert_eq!(weather::fetch_temperature("a"), Ok(5.0));
    assert_eq!(weather::fetch_temperature("b"), Ok(6.0));
}

#[test]
fn mut_arguments_are_writable_in_side_effects_and_recorded_owned() {
    let fill = patch!(weather::fill);
    fill.side_effect(|buf, byte, count| {
        buf.push(byte.wrapping_add(1));
        buf.len() + count
    });
    let mut buf = vec![1];
    assert_eq!(weather::fill(&mut buf, 7, 10), 12);
    assert_eq!(buf, [1, 8]);
    fill.assert_called_once_with(call!(vec![1u8], 7, 10));
}

#[test]
fn pattern_and_mut_arguments() {
    let spread = patch!(weather::spread);
    spread.call_original();
    assert_eq!(weather::spread((1, 4), 2), 12);
    spread.assert_called_once_with(call!((1, 4), 2));
    spread.side_effect(|(low, high), scale| low + high + scale);
    assert_eq!(weather::spread((1, 4), 2), 7);
}

#[test]
fn methods_are_patched_without_their_receiver() {
    let read = patch!(Thermometer::read);
    read.side_effect(|sensor| f64::from(sensor) * 10.0);
    let thermometer = Thermometer::new(0.0);
    assert_eq!(thermometer.read(2), 20.0);
    read.assert_called_once_with(call!(2));
    read.call_original();
    read.reset_side_effect();
    assert_eq!(thermometer.read(1), 21.0);
}

#[test]
fn constructors_mut_and_by_value_methods() {
    let new = patch!(Thermometer::new);
    new.side_effect(|_| Thermometer::default());
    assert_eq!(Thermometer::new(9.0).into_offset(), 0.0);
    new.assert_called_once_with(call!(9.0));
    drop(new);
    assert_eq!(Thermometer::new(9.0).into_offset(), 9.0);

    let calibrate = patch!(Thermometer::calibrate);
    let mut thermometer = Thermometer::new(0.0);
    thermometer.calibrate(5.0);
    assert_eq!(thermometer.clone().into_offset(), 0.0);
    calibrate.call_original();
    thermometer.calibrate(5.0);
    calibrate.assert_has_calls([call!(5.0), call!(5.0)]);

    let into_offset = patch!(Thermometer::into_offset);
    into_offset.return_value(-1.0);
    assert_eq!(thermometer.into_offset(), -1.0);
    assert_eq!(Thermometer::DEFAULT_OFFSET, 0.5);
}

#[test]
fn self_arguments_are_recorded_by_value() {
    let warmer = patch!(Thermometer::warmer_than);
    warmer.return_value(true);
    let (cold, warm) = (Thermometer::new(0.0), Thermometer::new(1.0));
    assert!(cold.warmer_than(&warm));
    warmer.assert_called_once_with(call!(Thermometer::new(1.0)));
}

#[test]
fn async_functions_answer_with_the_output_value() {
    let forecast = patch!(weather::fetch_forecast);
    forecast.return_value(vec![1.0, 2.0]);
    let days = futures::executor::block_on(weather::fetch_forecast("Oslo", 2));
    assert_eq!(days, [1.0, 2.0]);
    forecast.assert_called_once_with(call!("Oslo", 2));
    assert_eq!(forecast.await_count(), 1);

    forecast.side_effect(|city, days| vec![city.len() as f64; usize::from(days)]);
    assert_eq!(
        futures::executor::block_on(weather::fetch_forecast("Rome", 1)),
        [4.0]
    );
    forecast.side_effect_async(|_, days| async move { vec![0.5; usize::from(days)] });
    assert_eq!(
        futures::executor::block_on(weather::fetch_forecast("x", 3)),
        [0.5; 3]
    );

    forecast.reset_side_effect();
    forecast.reset_return_value();
    forecast.call_original();
    assert_eq!(
        futures::executor::block_on(weather::fetch_forecast("abc", 1)),
        [3.0]
    );
    drop(forecast);
    assert_eq!(
        futures::executor::block_on(weather::fetch_forecast("ab", 1)),
        [2.0]
    );
}

#[test]
fn async_methods_are_patched_too() {
    let ping = patch!(weather::Station::ping);
    let station = weather::Station;
    assert!(!futures::executor::block_on(station.ping(5_000)));
    ping.return_value(true);
    assert!(futures::executor::block_on(station.ping(5)));
    ping.assert_has_calls([call!(5_000), call!(5)]);
}

#[tokio::test]
async fn a_current_thread_tokio_test_sees_its_patch() {
    let forecast = patch!(weather::fetch_forecast);
    forecast.return_value(vec![9.0]);
    let spawned = tokio::spawn(weather::fetch_forecast("Oslo", 1));
    assert_eq!(spawned.await.unwrap(), [9.0]);
    forecast.assert_awaited_once_with(call!("Oslo", 1));
}

#[test]
fn a_future_polled_on_another_thread_does_not_see_a_thread_local_patch() {
    let forecast = patch!(weather::fetch_forecast);
    forecast.return_value(vec![1.0]);
    let future = weather::fetch_forecast("Oslo", 2);
    let days = std::thread::spawn(move || futures::executor::block_on(future))
        .join()
        .unwrap();
    // The real body ran there: four letters, two days.
    assert_eq!(days, [4.0, 4.0]);
    forecast.assert_not_called();
    // Polled on this thread, the same call is patched.
    assert_eq!(
        futures::executor::block_on(weather::fetch_forecast("Oslo", 2)),
        [1.0]
    );
    forecast.assert_called_once_with(call!("Oslo", 2));
}
