use mockgen::prelude::*;

#[automock]
pub trait Codec {
    fn decode<T: std::str::FromStr>(&self, raw: &str) -> Option<T>;
}

fn main() {}
