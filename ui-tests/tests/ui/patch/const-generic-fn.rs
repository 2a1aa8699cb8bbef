use mockgen::patchable;

#[patchable]
fn first<const N: usize>(items: [u8; N]) -> u8 {
    items[0]
}

fn main() {}
