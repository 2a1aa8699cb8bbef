use mockgen::prelude::*;

#[automock(type Item; const MAX: usize;)]
pub trait Source {
    type Item;
    const MAX: usize;
    fn next(&mut self) -> Option<Self::Item>;
}

fn main() {}
