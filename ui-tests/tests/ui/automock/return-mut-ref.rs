use mockgen::prelude::*;

#[automock]
pub trait Buffer {
    fn data_mut(&mut self) -> &mut Vec<u8>;
}

fn main() {}
