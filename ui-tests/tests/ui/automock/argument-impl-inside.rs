use mockgen::prelude::*;

#[automock]
pub trait Greeter {
    fn greet(&self, name: Option<impl Into<String>>);
}

fn main() {}
