use mockgen::prelude::*;

#[automock]
pub trait Weather {
    fn temperature(&self, city: &str) -> f64;
}

fn main() {
    let weather = MockWeather::new();
    weather.temperature.side_effect(|city: String, days: u8| 1.0);
}
