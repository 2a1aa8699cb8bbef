// Signatures `#[patchable]` cannot patch (yet): every one is reported.

use mockgen::patchable;

#[patchable]
const fn answer() -> u32 {
    42
}

#[patchable]
fn first<T: Clone>(items: &[T]) -> Option<T> {
    items.first().cloned()
}

#[patchable]
fn show(value: impl std::fmt::Display) -> String {
    value.to_string()
}

#[patchable]
fn last(items: &mut Vec<u8>) -> &mut u8 {
    items.last_mut().unwrap()
}

struct Cache<T>(T);

#[patchable]
impl<T> Cache<T> {
    fn get(&self) -> &T {
        &self.0
    }
}

fn main() {}
