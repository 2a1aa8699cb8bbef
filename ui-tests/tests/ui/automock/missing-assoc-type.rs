use mockgen::prelude::*;

#[automock]
pub trait Source {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
}

fn main() {}
