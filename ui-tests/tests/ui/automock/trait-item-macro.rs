use mockgen::prelude::*;

macro_rules! nothing {
    () => {};
}

#[automock]
pub trait Expanded {
    nothing!();
    fn get(&self) -> u8;
}

fn main() {}
