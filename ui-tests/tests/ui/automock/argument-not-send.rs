use mockgen::prelude::*;
use std::rc::Rc;

#[automock]
pub trait Cache {
    fn share(&self, value: Rc<String>);
    fn peek(&self, address: Option<*const u8>);
}

fn main() {}
