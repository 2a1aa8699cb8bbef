use mockgen::prelude::*;

#[derive(Debug)]
pub struct Event {
    pub id: u32,
}

#[automock]
pub trait Log {
    fn log(&self, event: &Event);
}

fn main() {}
