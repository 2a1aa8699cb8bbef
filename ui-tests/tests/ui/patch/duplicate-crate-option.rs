#[mockgen::patchable(crate = mockgen, crate = mockgen)]
fn now() -> u64 {
    0
}

fn main() {}
