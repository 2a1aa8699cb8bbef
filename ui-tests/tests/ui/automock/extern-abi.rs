use mockgen::prelude::*;

#[automock]
pub trait Callback {
    extern "C" fn notify(&self, code: i32);
}

fn main() {}
