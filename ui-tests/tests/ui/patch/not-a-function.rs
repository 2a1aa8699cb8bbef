// `#[patchable]` goes on functions, inherent `impl` blocks and `extern`
// blocks only.

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

fn main() {}
