// A `&mut self` method called on a mock bound without `mut`.

use mockgen::prelude::*;

#[automock]
pub trait Settings {
    fn set_unit(&mut self, unit: u8);
}

fn main() {
    let mock = MockSettings::new();
    mock.set_unit(1);
}
