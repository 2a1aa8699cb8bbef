use mockgen::prelude::*;

#[automock(mok = MockW)]
pub trait Weather {
    fn temperature(&self, city: &str) -> f64;
}

fn main() {}
