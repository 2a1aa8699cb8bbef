use mockgen::prelude::*;

// `Admin` is listed, but no block has that name.
#[autospec(blocks(Queries, Admin))]
pub struct Database;

#[autospec(block = Queries)]
impl Database {
    pub fn get(&self) -> u32 {
        1
    }
}

fn main() {}
