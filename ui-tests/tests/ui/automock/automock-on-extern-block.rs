// An `extern` block's functions are patched, not mocked.
use mockgen::prelude::*;

#[automock]
unsafe extern "C" {
    fn abs(x: i32) -> i32;
}

fn main() {}
