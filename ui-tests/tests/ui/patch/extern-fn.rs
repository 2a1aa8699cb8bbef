use mockgen::patchable;

#[patchable]
extern "C" fn answer() -> u32 {
    42
}

fn main() {}
