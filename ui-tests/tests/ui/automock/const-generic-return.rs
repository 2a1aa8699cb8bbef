use mockgen::prelude::*;

#[automock]
pub trait Buffer {
    fn read<const N: usize>(&self) -> [u8; N];
}

fn main() {}
