use mockgen::prelude::*;

#[automock]
pub trait Hooks {
    fn on_close(&self) -> Option<impl Fn()>;
}

fn main() {}
