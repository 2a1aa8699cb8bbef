//! Patchable functions and methods that `tests/patch*.rs` patch: a weather
//! service whose real implementation would need the network.

use mockgen::patchable;

/// The current temperature in `city`; the real one needs the network.
#[patchable]
pub fn fetch_temperature(city: &str) -> Result<f64, String> {
    Err(format!("no network for {city}"))
}

/// The code under test: calls `fetch_temperature` through its module.
pub fn report(city: &str) -> String {
    match fetch_temperature(city) {
        Ok(t) => format!("{t:.1}°C"),
        Err(e) => format!("unavailable: {e}"),
    }
}

/// Code that imported the function by name: it still sees patches.
pub mod imported {
    use super::fetch_temperature as temperature;

    /// `report`, through a renaming `use`.
    pub fn headline(city: &str) -> String {
        match temperature(city) {
            Ok(t) if t > 25.0 => format!("{city} swelters"),
            Ok(_) => format!("{city} is mild"),
            Err(_) => format!("{city}: no data"),
        }
    }
}

/// How many stations report; `u32` has a default.
#[patchable]
pub fn station_count() -> u32 {
    3
}

/// A conversion rate between two currencies.
#[patchable]
pub fn exchange_rate(from: &str, to: &str) -> f64 {
    if from == to { 1.0 } else { 0.5 }
}

/// A forecast, which has no `Default`.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub summary: String,
}

/// Unconfigured patched calls of this one panic.
#[patchable]
pub fn forecast(city: &str, days: u8) -> Forecast {
    Forecast {
        summary: format!("{days} sunny days in {city}"),
    }
}

/// A sensor's calibration: no `Default`, so an unconfigured patched call
/// panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calibration(pub u32);

/// The calibration in use; the real one is `Calibration(0)`.
#[patchable]
pub fn calibration() -> Calibration {
    Calibration(0)
}

/// Appends `count` copies of `byte`: a `&mut` argument.
#[patchable]
pub fn fill(buf: &mut Vec<u8>, byte: u8, count: usize) -> usize {
    buf.extend(std::iter::repeat_n(byte, count));
    buf.len()
}

/// A pattern argument and a `mut` one.
#[patchable]
pub fn spread((low, high): (i32, i32), mut scale: i32) -> i32 {
    scale *= 2;
    (high - low) * scale
}

/// A sensor with state: its methods are patched through the `impl` block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thermometer {
    offset: f64,
}

#[patchable]
impl Thermometer {
    /// The default offset.
    pub const DEFAULT_OFFSET: f64 = 0.5;

    /// A constructor: returns `Self`.
    pub fn new(offset: f64) -> Self {
        Thermometer { offset }
    }

    /// Reads a sensor: `&self`.
    pub fn read(&self, sensor: u8) -> f64 {
        20.0 + self.offset + f64::from(sensor)
    }

    /// Adjusts the offset: `&mut self`, no return value.
    pub fn calibrate(&mut self, by: f64) {
        self.offset += by;
    }

    /// Consumes the thermometer: `self` by value.
    pub fn into_offset(self) -> f64 {
        self.offset
    }

    /// Compares with another: `&Self` argument.
    pub fn warmer_than(&self, other: &Self) -> bool {
        self.offset > other.offset
    }
}

/// An async function: a patch answers with the output value.
#[patchable]
pub async fn fetch_forecast(city: &str, days: u8) -> Vec<f64> {
    vec![f64::from(u8::try_from(city.len()).unwrap_or(u8::MAX)); usize::from(days)]
}

/// A service with an async method.
#[derive(Debug, Default)]
pub struct Station;

#[patchable]
impl Station {
    /// Whether the station answers; the real one needs the network.
    pub async fn ping(&self, timeout_ms: u64) -> bool {
        timeout_ms > 1_000
    }
}
