use mockgen::prelude::*;

// `&mut` returns are lent from a value the mock keeps: only through
// `&mut self`, of one concrete type, not per type argument.
#[automock]
pub trait Buffer {
    fn shared_mut(&self) -> &mut Vec<u8>;
    fn any_mut(&mut self) -> &mut dyn std::io::Write;
    fn typed_mut<T: Default + Send + Sync + 'static>(&mut self) -> &mut T;
}

fn main() {}
