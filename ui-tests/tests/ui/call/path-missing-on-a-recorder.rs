use mockgen::prelude::*;

#[automock]
pub trait Db {
    fn open(&self, path: &str) -> bool;
}

fn main() {
    let db = MockDb::new();
    let calls = Recorder::new();
    calls.attach("db", &db);
    db.open("f");
    calls.assert_any_call(call!(.open("f")));
}
