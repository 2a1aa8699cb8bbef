// `patch_global!` takes the patch's configuration, so that other threads
// never see it unconfigured.

#[mockgen::patchable]
fn now() -> u64 {
    0
}

fn main() {
    let _ = mockgen::patch_global!(now);
    let _ = mockgen::patch_global!(now, |now| now.return_value(1), 2);
}
