use mockgen::prelude::*;
use std::fmt::Display;

#[automock]
pub trait Labels {
    fn label(&self) -> &dyn Display;
}

fn main() {}
