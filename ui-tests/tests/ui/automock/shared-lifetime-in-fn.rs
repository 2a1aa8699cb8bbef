use mockgen::prelude::*;

// A static method: its side effect is typed through one lifetime per
// argument, which cannot name the `'a` the callback shares with `text`.
#[automock]
pub trait Visitor {
    fn visit<'a>(text: &'a str, each: &dyn Fn(&'a str) -> usize) -> usize;
}

fn main() {}
