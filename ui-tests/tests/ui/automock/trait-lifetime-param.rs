use mockgen::prelude::*;

// `#[automock]` implements a trait with lifetime parameters for every
// lifetime; a struct generic over a lifetime is still refused by
// `#[autospec]`, whose mock would have to keep values of that lifetime.
pub struct Lexer<'a> {
    text: &'a str,
}

#[autospec]
impl<'a> Lexer<'a> {
    pub fn rest(&self) -> usize {
        self.text.len()
    }
}

fn main() {}
