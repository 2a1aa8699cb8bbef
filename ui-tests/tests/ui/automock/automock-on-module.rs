// A module's functions are patched, not mocked: the message says how.
use mockgen::prelude::*;

#[automock]
pub mod clock {
    pub fn now() -> u64 {
        0
    }
}

fn main() {}
