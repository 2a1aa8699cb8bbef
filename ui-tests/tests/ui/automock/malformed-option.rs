use mockgen::prelude::*;

#[automock(mock = 3, crate)]
pub trait Weather {
    fn temperature(&self, city: &str) -> f64;
}

fn main() {}
