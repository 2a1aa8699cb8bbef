use mockgen::prelude::*;

#[automock(type Item = &'static str;)]
pub trait Container {
    type Item<'a>
    where
        Self: 'a;
    fn get<'a>(&'a self, index: usize) -> Self::Item<'a>;
}

#[automock]
pub trait Lender {
    type Item<'a>
    where
        Self: 'a;
    fn next(&mut self) -> Option<Self::Item<'_>>;
}

fn main() {}
