use mockgen::prelude::*;

// `#[automock]` implements a trait with lifetime parameters for every
// lifetime, and `#[autospec]` mocks `impl<'a> Lexer<'a>` for every
// lifetime; a `mock!` mock is still refused a lifetime parameter of its own,
// as it would have to keep values of that lifetime.
mock! {
    pub Lexer<'a>;
    impl<'a> Lexer<'a> {
        fn rest(&self) -> usize;
    }
}

fn main() {}
