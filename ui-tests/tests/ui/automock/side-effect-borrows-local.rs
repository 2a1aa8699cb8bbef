// A side effect is kept by the mock: it cannot borrow a local.

use mockgen::prelude::*;

#[automock]
pub trait Counter {
    fn next(&self) -> usize;
}

fn main() {
    let counter = MockCounter::new();
    let step = String::from("1");
    counter.next.side_effect(|| step.len());
}
