use mockgen::prelude::*;

pub trait Shape {
    fn area(&self) -> f64;
}

// No `impl Shape for Box<dyn Shape + Send>`: the mock has nothing to
// return as `impl Shape`.
#[automock]
pub trait Factory {
    fn make(&self) -> impl Shape;
}

fn main() {}
