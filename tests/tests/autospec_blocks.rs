//! `#[autospec]` on a struct with several `impl` blocks, in one module and
//! in another, and a trait impl among them: one mock with every block's
//! methods (SEMANTICS SPEC-7, MAGIC-6).
#![deny(warnings)]

use mockgen::prelude::*;

mod db {
    use std::fmt;

    /// A type whose methods are spread over several blocks.
    #[derive(Debug, Default)]
    #[mockgen::autospec(blocks(Queries, admin::Admin, Display))]
    pub struct Database {
        pub(crate) tables: Vec<String>,
    }

    #[mockgen::autospec(block = Queries)]
    impl Database {
        pub fn connect(url: &str) -> Self {
            Database {
                tables: vec![url.to_owned()],
            }
        }
        pub fn tables(&self) -> Vec<String> {
            self.tables.clone()
        }
        fn count(&self) -> usize {
            self.tables.len()
        }
        pub fn describe(&self) -> String {
            format!("{} tables", self.count())
        }
    }

    #[mockgen::autospec(block = Display)]
    impl fmt::Display for Database {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "db[{}]", self.tables.join(","))
        }
    }

    pub mod admin {
        use super::Database;
        // The mock is named in this module as the type is.
        use super::MockDatabase;

        #[mockgen::autospec(block = Admin)]
        impl Database {
            pub fn drop_table(&mut self, name: &str) -> bool {
                let before = self.tables.len();
                self.tables.retain(|t| t != name);
                before != self.tables.len()
            }
            pub(crate) fn reset() -> u32 {
                0
            }
        }
    }

    #[test]
    fn a_private_method_of_one_block_is_configured_in_its_module() {
        let db = MockDatabase::default();
        db.count.return_value(3);
        assert_eq!(db.count(), 3);
        db.count.assert_called_once();
    }
}

mod app {
    use crate::db::MockDatabase as Database;

    pub fn cleanup(url: &str) -> String {
        let mut db = Database::connect(url);
        for table in db.tables() {
            if table.starts_with("tmp_") {
                db.drop_table(&table);
            }
        }
        format!("{db}: {}", db.describe())
    }

    pub fn reset_all() -> u32 {
        Database::reset()
    }
}

#[test]
fn methods_of_every_block_are_configured_on_one_mock() {
    let statics = db::MockDatabase::statics();
    let db = db::MockDatabase::named("db");
    db.tables
        .return_value(vec!["users".into(), "tmp_1".into(), "tmp_2".into()]);
    db.drop_table.return_value(true);
    db.fmt.return_value("db[users]".into());
    db.describe.return_value("1 table".into());
    statics.connect.return_value(db.clone());

    assert_eq!(app::cleanup("pg://x"), "db[users]: 1 table");

    statics.connect.assert_called_once_with(call!("pg://x"));
    assert_eq!(db.drop_table.call_count(), 2);
    db.drop_table.assert_called_with(call!("tmp_2"));
    db.assert_has_calls([
        call!(.tables()),
        call!(.drop_table("tmp_1")),
        call!(.drop_table("tmp_2")),
        // `format!` calls `describe` first, then writes `db`.
        call!(.describe()),
        call!(.fmt(ANY)),
    ]);
    // The mock-level API is at the end of the chain of blocks.
    assert_eq!(db.mock_calls().len(), 5);
}

#[test]
fn associated_functions_of_another_block_are_configured_through_statics() {
    let statics = db::MockDatabase::statics();
    statics.reset.return_value(7);
    assert_eq!(app::reset_all(), 7);
    statics.reset.assert_called_once();
}

#[test]
fn a_spy_of_a_joined_mock_delegates_every_block() {
    let mut spy = db::MockDatabase::wrapping(db::Database {
        tables: vec!["a".into(), "b".into()],
    });
    assert_eq!(spy.tables(), ["a", "b"]);
    assert!(spy.drop_table("a"));
    assert_eq!(spy.describe(), "1 tables");
    spy.drop_table.assert_called_once_with(call!("a"));
    let real: db::Database = spy.into_inner().expect("the real value");
    assert_eq!(real.tables, ["b"]);
}

#[test]
fn the_real_type_keeps_every_block() {
    let mut real = db::Database::connect("tmp_a");
    assert_eq!(real.describe(), "1 tables");
    assert!(real.drop_table("tmp_a"));
    assert_eq!(real.to_string(), "db[]");
    assert_eq!(db::Database::reset(), 0);
}

mod store {
    /// A struct with a lifetime and a type parameter: the bounds that its
    /// blocks need are on the struct too, as the joined mock needs them.
    #[derive(Debug)]
    #[mockgen::autospec(blocks(Read, Write))]
    pub struct Store<'a, T: Clone + std::fmt::Debug + PartialEq> {
        name: &'a str,
        items: Vec<T>,
    }

    #[mockgen::autospec(block = Read)]
    impl<'a, T: Clone + std::fmt::Debug + PartialEq> Store<'a, T> {
        pub fn new(name: &'a str) -> Self {
            Store {
                name,
                items: Vec::new(),
            }
        }
        pub fn get(&self, index: usize) -> Option<T> {
            self.items.get(index).cloned()
        }
        pub fn name(&self) -> &'a str {
            self.name
        }
    }

    #[mockgen::autospec(block = Write)]
    impl<'a, T: Clone + std::fmt::Debug + PartialEq> Store<'a, T> {
        pub fn put(&mut self, item: T) {
            self.items.push(item);
        }
        pub fn merge(&mut self, other: Self) {
            self.items.extend(other.items);
        }
    }
}

#[test]
fn a_struct_with_a_lifetime_and_a_type_parameter_joins_its_blocks() {
    let statics = store::MockStore::<u8>::statics();
    statics.new.return_value(store::MockStore::named("made"));
    let mut made = store::MockStore::<u8>::new("ignored");
    made.get.return_value(Some(3));
    made.name.return_value("users");

    made.put(4);
    assert_eq!((made.get(0), made.name()), (Some(3), "users"));
    // An argument of the struct's own type is recorded as a placeholder.
    made.merge(store::MockStore::default());

    statics.new.assert_called_once_with(call!("ignored"));
    made.put.assert_called_once_with(call!(4));
    made.merge.assert_called_once_with(call!(ANY));
    assert_eq!(format!("{made:?}"), "MockStore(\"made\")");

    let mut real = store::Store::new("real");
    real.put(1_u8);
    real.merge(store::Store::new("other"));
    assert_eq!((real.get(0), real.name()), (Some(1), "real"));
}

#[test]
fn call_paths_are_checked_against_the_methods_of_every_block() {
    let mut db = db::MockDatabase::named("db");
    db.tables();
    db.drop_table("tmp_1");
    assert_eq!(
        db.mock_calls(),
        [call!(.tables()), call!(.drop_table("tmp_1"))]
    );
    db.assert_any_call(call!(.drop_table("tmp_1")));
    let missing = std::panic::catch_unwind(|| db.assert_any_call(call!(.drop_table("tmp_2"))))
        .expect_err("no such call");
    assert_eq!(
        missing.downcast_ref::<String>().map(String::as_str),
        Some(
            "db: drop_table(\"tmp_2\") call not found.\nCalls:\n  tables()\n  drop_table(\"tmp_1\")"
        )
    );
}
