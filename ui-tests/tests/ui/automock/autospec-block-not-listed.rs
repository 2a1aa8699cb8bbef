use mockgen::prelude::*;

#[autospec(blocks(Queries))]
pub struct Database;

#[autospec(block = Queries)]
impl Database {
    pub fn get(&self) -> u32 {
        1
    }
}

// Not in the struct's `blocks(…)`.
#[autospec(block = Admin)]
impl Database {
    pub fn drop_table(&self) {}
}

fn main() {}
