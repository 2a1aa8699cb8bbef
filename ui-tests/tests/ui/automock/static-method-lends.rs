use mockgen::prelude::*;

#[automock]
pub trait Config {
    fn keys(prefix: &str) -> impl Iterator<Item = &u8>;
}

fn main() {}
