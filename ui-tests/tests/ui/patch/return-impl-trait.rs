// `impl Trait` returns a patch cannot answer with one `Box<dyn …>`.

use mockgen::patchable;

#[patchable]
fn maybe_numbers() -> Option<impl Iterator<Item = u8>> {
    Some(0..3)
}

#[patchable]
fn cloneable_numbers() -> impl Iterator<Item = u8> + Clone {
    0..3
}

#[patchable]
fn later() -> impl std::future::Future<Output = u8> {
    async { 1 }
}

#[patchable]
fn words<'a>(text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    text.split(' ')
}

#[patchable]
async fn counted() -> impl Iterator<Item = u8> {
    0..3
}

fn main() {}
