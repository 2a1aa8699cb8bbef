use mockgen::prelude::*;

#[automock]
pub trait Lender {
    type Item<'a>;
    fn next(&mut self) -> u8;
}

fn main() {}
