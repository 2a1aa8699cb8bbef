use mockgen::prelude::*;

#[automock]
pub trait Weather {
    fn temperature(&self, city: &str) -> f64;
}

fn main() {
    let weather = MockWeather::new();
    weather.temperature.assert_called_with(call!(42));
}
