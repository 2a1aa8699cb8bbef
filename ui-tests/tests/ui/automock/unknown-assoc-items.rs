use mockgen::prelude::*;

#[automock(type Nope = u8; const NOPE: u8 = 1;)]
pub trait Plain {
    fn get(&self) -> u8;
}

fn main() {}
