// A module where the crate `mockgen` is not in scope, as in a build where
// it is a dev-dependency only and tests are not built.

#[no_implicit_prelude]
mod weather {
    #[mockgen::patchable]
    pub fn station_count() -> usize {
        3
    }
}

fn main() {}
