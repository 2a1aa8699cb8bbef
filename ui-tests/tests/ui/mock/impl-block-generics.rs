use mockgen::prelude::*;

pub trait Buffer<const N: usize> {
    fn len(&self) -> usize;
}

pub trait Pair<A, B> {
    fn first(&self, a: A, b: B) -> bool;
}

mock! {
    pub Fixed;
    impl<const N: usize> Buffer<N> for Fixed {
        fn len(&self) -> usize;
    }
}

mock! {
    pub Pairs;
    impl<A, B> Pair<A, B> for Pairs where Vec<A>: From<B> {
        fn first(&self, a: A, b: B) -> bool;
    }
}

fn main() {}
