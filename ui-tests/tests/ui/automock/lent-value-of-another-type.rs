use mockgen::prelude::*;

#[automock]
pub trait Words {
    fn first_word<'a>(&self, text: &'a str) -> &'a str;
}

fn main() {
    let words = MockWords::new();
    words.first_word.return_value(42u32);
}
