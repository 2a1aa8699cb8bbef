use mockgen::prelude::*;

#[automock]
pub trait Config {
    fn lookup(key: &str) -> &str;
}

fn main() {}
