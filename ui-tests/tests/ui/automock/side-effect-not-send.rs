// A side effect runs on whichever thread calls the mock: it must be `Send`.

use std::cell::Cell;
use std::rc::Rc;

use mockgen::prelude::*;

#[automock]
pub trait Counter {
    fn next(&self) -> u32;
}

fn main() {
    let counter = MockCounter::new();
    let seen = Rc::new(Cell::new(0));
    counter.next.side_effect(move || {
        seen.set(seen.get() + 1);
        seen.get()
    });
}
