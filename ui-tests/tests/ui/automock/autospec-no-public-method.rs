use mockgen::prelude::*;

#[derive(Debug)]
pub struct Cache;

#[autospec]
impl Cache {
    fn evict(&self) {}
}

fn main() {}
