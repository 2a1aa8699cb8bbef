use mockgen::prelude::*;

#[derive(Debug, Default)]
#[mockgen::autospec(blocks(Queries, Admin))]
pub struct Database {
    tables: Vec<String>,
}

#[mockgen::autospec(block = Queries)]
impl Database {
    pub fn tables(&self) -> Vec<String> {
        self.tables.clone()
    }
}

#[mockgen::autospec(block = Admin)]
impl Database {
    pub fn drop_table(&mut self, name: &str) -> bool {
        self.tables.retain(|t| t != name);
        true
    }
}

fn main() {
    let mut db = MockDatabase::default();
    db.tables();
    db.drop_table("tmp");
    db.assert_any_call(call!(.drop_table("tmp")));
    db.assert_any_call(call!(.drop_tables("tmp")));
    db.assert_any_call(call!(.tables(1)));
}
