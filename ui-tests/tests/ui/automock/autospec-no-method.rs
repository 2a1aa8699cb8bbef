use mockgen::prelude::*;

#[derive(Debug)]
pub struct Cache;

#[autospec]
impl Cache {
    const CAPACITY: usize = 8;
}

fn main() {}
