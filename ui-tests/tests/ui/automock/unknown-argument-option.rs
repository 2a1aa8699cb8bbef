use mockgen::prelude::*;

#[automock]
pub trait Log {
    fn write(&self, #[mockgen(text)] line: &str);
}

fn main() {}
