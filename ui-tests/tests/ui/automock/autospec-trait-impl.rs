use mockgen::prelude::*;

pub trait Weather {
    fn temperature(&self) -> f64;
}

pub struct Real;

#[autospec]
impl Weather for Real {
    fn temperature(&self) -> f64 {
        1.0
    }
}

fn main() {}
