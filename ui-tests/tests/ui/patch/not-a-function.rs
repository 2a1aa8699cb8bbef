// `#[patchable]` goes on functions and inherent `impl` blocks only.

#[mockgen::patchable]
struct Settings {
    verbose: bool,
}

trait Greet {
    fn greet(&self) -> String;
}

#[mockgen::patchable]
impl Greet for Settings {
    fn greet(&self) -> String {
        format!("{}", self.verbose)
    }
}

struct Database;

impl Database {
    #[mockgen::patchable]
    fn query(&self) -> u32 {
        1
    }
}

fn main() {}
