use mockgen::prelude::*;

pub struct Connection;

#[automock]
pub trait Pool {
    fn connect(&self) -> Connection;
}

fn main() {
    let pool = MockPool::new();
    pool.connect.return_value(Connection);
}
