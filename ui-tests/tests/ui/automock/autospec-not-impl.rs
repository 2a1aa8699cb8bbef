use mockgen::prelude::*;

#[autospec]
pub fn connect() {}

fn main() {}
