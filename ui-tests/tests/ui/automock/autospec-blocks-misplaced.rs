use mockgen::prelude::*;

// A struct without the list of its blocks.
#[autospec]
pub struct Plain;

// `block = …` on a struct.
#[autospec(block = Main)]
pub struct Named;

// An empty list.
#[autospec(blocks())]
pub struct Empty;

// A block listed twice.
#[autospec(blocks(Queries, admin::Queries))]
pub struct Twice;

// `blocks(…)` on an `impl` block.
#[autospec(blocks(Queries))]
impl Plain {
    pub fn get(&self) {}
}

// `blocks(…)` and `block = …` on a trait.
#[autospec(blocks(Main), block = Main)]
pub trait Store {
    fn get(&self);
}

fn main() {}
