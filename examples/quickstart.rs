//! A weather report service tested against a mocked weather API.
//!
//! Run with `cargo run --example quickstart`.

use mockgen::prelude::*;

/// The weather API the service depends on.
#[automock]
pub trait Weather {
    /// The current temperature in `city`, in °C.
    fn temperature(&self, city: &str) -> Result<f64, String>;
    /// The cities the API knows.
    fn cities(&self) -> Vec<String>;
}

/// The code under test: a report for every known city.
fn report(weather: &dyn Weather) -> Vec<String> {
    weather
        .cities()
        .iter()
        .map(|city| match weather.temperature(city) {
            Ok(t) => format!("{city}: {t:.1}°C"),
            Err(e) => format!("{city}: unavailable ({e})"),
        })
        .collect()
}

fn main() {
    let weather = MockWeather::named("weather");
    weather
        .cities
        .return_value(vec!["London".into(), "Oslo".into(), "Paris".into()]);
    weather.temperature.side_effect(|city| match city {
        "Oslo" => Err("station down".into()),
        "London" => Ok(11.5),
        _ => Ok(18.0),
    });

    // The code under test owns a clone; this handle still sees every call.
    let lines = report(&weather.clone());
    println!("report:");
    for line in &lines {
        println!("  {line}");
    }

    weather.cities.assert_called_once();
    weather
        .temperature
        .assert_has_calls([call!("London"), call!("Oslo"), call!("Paris")]);
    weather.temperature.assert_any_call(call!(starts_with("O")));
    println!("calls recorded:   {:?}", weather.mock_calls());
    println!(
        "temperature args: {:?}",
        weather.temperature.call_args_list()
    );

    // A failing assertion reads like Python's (the default panic hook is
    // silenced so that only the message is printed).
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let failure =
        std::panic::catch_unwind(|| weather.temperature.assert_called_with(call!("Rome")));
    std::panic::set_hook(hook);
    let message = failure.expect_err("the last call was Paris");
    let text = message
        .downcast_ref::<String>()
        .map(String::as_str)
        .unwrap_or_default();
    println!("a failed assertion says:\n{text}");
    println!("all assertions passed");
}
