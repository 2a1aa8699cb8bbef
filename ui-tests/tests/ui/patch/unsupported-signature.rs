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

struct View<'a>(&'a str);

#[patchable]
impl<'a> View<'a> {
    fn text(&self) -> usize {
        self.0.len()
    }
}

struct Buffer<const N: usize>([u8; N]);

#[patchable]
impl<const N: usize> Buffer<N> {
    fn size(&self) -> usize {
        N
    }
}

fn main() {}
