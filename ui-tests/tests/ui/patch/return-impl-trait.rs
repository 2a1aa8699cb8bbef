use mockgen::patchable;

#[patchable]
fn numbers() -> impl Iterator<Item = u8> {
    0..3
}

fn main() {}
