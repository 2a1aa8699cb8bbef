// Unknown `#[patchable]` options and bad `patch!` input.

#[mockgen::patchable(krate = mockgen)]
fn now() -> u64 {
    0
}

fn main() {
    let _ = mockgen::patch!();
    let _ = mockgen::patch!(1 + 2);
    let _ = mockgen::patch!(now, now);
    let _ = mockgen::patch!(Vec::<u8>::new);
}
