use mockgen::prelude::*;

#[automock]
pub trait Bounded {
    const MAX: usize;
    fn get(&self) -> usize;
}

fn main() {}
