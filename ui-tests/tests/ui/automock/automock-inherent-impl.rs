// An inherent `impl` block is mocked by `#[autospec]`.
use mockgen::prelude::*;

pub struct Weather;

#[automock]
impl Weather {
    pub fn temperature(&self) -> f64 {
        1.0
    }
}

fn main() {}
