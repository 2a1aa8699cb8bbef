use mockgen::prelude::*;

#[automock]
pub trait Source {
    fn items(&self) -> impl Iterator<Item = impl std::fmt::Debug>;
}

fn main() {}
