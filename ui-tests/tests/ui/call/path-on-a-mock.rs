use mockgen::prelude::*;

#[automock]
pub trait Db {
    fn open(&self, path: &str) -> bool;
}

fn main() {
    let db = MockDb::new();
    db.open("f");
    db.assert_any_call(call!(.db.open("f")));
}
