// `matching` needs the argument's type, which a path call does not name.

use mockgen::prelude::*;

#[automock]
pub trait Db {
    fn query(&self, sql: &str) -> Vec<String>;
}

fn main() {
    let db = MockDb::new();
    db.assert_any_call(call!(.query(matching(|s: &str| s.len() > 3))));
}
