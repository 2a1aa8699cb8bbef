use mockgen::prelude::*;

#[automock]
pub trait Config {
    fn name<'a>() -> &'a str;
}

fn main() {}
