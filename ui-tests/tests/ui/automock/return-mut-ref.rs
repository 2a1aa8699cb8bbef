use mockgen::prelude::*;

// `&mut` returns are lent from a value the mock keeps: only through
// `&mut self`, not per type argument.
#[automock]
pub trait Buffer {
    fn shared_mut(&self) -> &mut Vec<u8>;
    fn typed_mut<T: Default + Send + Sync + 'static>(&mut self) -> &mut T;
}

fn main() {}
