// `matching` needs the argument's type, which a path through a `Recorder`
// does not name.

use mockgen::prelude::*;

#[automock]
pub trait Db {
    fn query(&self, sql: &str) -> Vec<String>;
}

fn main() {
    let db = MockDb::new();
    let calls = Recorder::new();
    calls.attach("db", &db);
    calls.assert_any_call(call!(.db.query(matching(|s: &str| s.len() > 3))));
}
