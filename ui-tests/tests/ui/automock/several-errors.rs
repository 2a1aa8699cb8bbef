use mockgen::prelude::*;

#[automock]
pub trait Store {
    fn get<const N: usize>(&self) -> [u8; N];
    fn view(&self) -> &mut [u8];
    type Item;
}

fn main() {}
