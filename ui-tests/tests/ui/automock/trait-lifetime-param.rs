use mockgen::prelude::*;

#[automock]
pub trait Parser<'a> {
    fn parse(&self, input: &'a str) -> usize;
}

fn main() {}
