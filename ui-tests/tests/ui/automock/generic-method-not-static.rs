use mockgen::prelude::*;

// A type parameter without `'static` is lent to side effects as a trait
// object; a value of it cannot be returned.
#[automock]
pub trait Codec {
    fn decode<T: std::str::FromStr>(&self, raw: &str) -> Option<T>;
    fn first<T: Clone>(&self, items: &[T]) -> T;
}

fn main() {}
