use mockgen::prelude::*;

#[automock]
pub trait Source {
    fn items(&self) -> impl Iterator;
}

fn main() {}
