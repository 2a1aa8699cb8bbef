use mockgen::prelude::*;

#[automock]
pub struct Weather {
    city: String,
}

fn main() {}
