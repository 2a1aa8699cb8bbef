use mockgen::prelude::*;

#[derive(Debug)]
pub struct Limits;

#[autospec]
impl Limits {
    pub const fn max(&self) -> u32 {
        8
    }
}

fn main() {}
