use mockgen::prelude::*;

#[automock]
pub trait Process {
    fn exit(&self, code: i32) -> !;
}

fn main() {}
