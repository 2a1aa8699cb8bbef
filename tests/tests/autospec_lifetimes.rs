//! `#[autospec]` on `impl` blocks of structs with lifetime and type
//! parameters: the mock is not generic over the lifetimes (it keeps what it
//! records) and mocks the methods for every lifetime; `-> Self`
//! constructors return the mock (SEMANTICS SPEC-7).
#![deny(warnings)]

use mockgen::prelude::*;

mod parser {
    /// A parser borrowing its input.
    #[derive(Debug)]
    pub struct Parser<'a> {
        input: &'a str,
        position: usize,
    }

    #[mockgen::autospec]
    impl<'a> Parser<'a> {
        pub fn new(input: &'a str) -> Self {
            Parser { input, position: 0 }
        }
        pub fn next_word(&mut self) -> Option<String> {
            let rest = &self.input[self.position..];
            let word = rest.split_whitespace().next()?;
            self.position += rest.find(word)? + word.len();
            Some(word.to_owned())
        }
        pub fn remaining(&self) -> usize {
            self.input.len() - self.position
        }
        pub fn starts_with(&self, prefix: &'a str) -> bool {
            self.input[self.position..].starts_with(prefix)
        }
        pub fn rest(&self) -> &'a str {
            &self.input[self.position..]
        }
    }
}

mod app {
    use crate::parser::MockParser as Parser;

    pub fn first_two(text: &str) -> Vec<String> {
        let mut parser = Parser::new(text);
        parser
            .next_word()
            .into_iter()
            .chain(parser.next_word())
            .collect()
    }
}

#[test]
fn a_lifetime_generic_constructor_returns_the_configured_mock() {
    let statics = parser::MockParser::statics();
    let parser = parser::MockParser::named("parser");
    parser
        .next_word
        .side_effect_iter([Some("let".to_owned()), Some("x".to_owned())]);
    statics.new.return_value(parser.clone());

    let text = String::from("let x = 1");
    assert_eq!(app::first_two(&text), ["let", "x"]);

    statics.new.assert_called_once_with(call!("let x = 1"));
    assert_eq!(parser.next_word.call_count(), 2);
}

#[test]
fn arguments_of_the_impl_lifetime_reach_side_effects_and_records() {
    let parser = parser::MockParser::named("parser");
    parser.starts_with.side_effect(|prefix| prefix == "fn");
    let prefix = String::from("fn");
    assert!(parser.starts_with(&prefix));
    assert!(!parser.starts_with("let"));
    parser.starts_with.assert_called_with(call!("let"));
    assert_eq!(parser.remaining(), 0);
}

#[test]
fn a_return_of_the_impl_lifetime_is_configured_with_static_data() {
    let parser = parser::MockParser::named("parser");
    parser.rest.return_value("x = 1");
    let rest: &str = parser.rest();
    assert_eq!(rest, "x = 1");
    parser.rest.assert_called_once();
}

mod table {
    /// A table with a lifetime and a type parameter.
    #[derive(Debug)]
    pub struct Table<'a, T> {
        name: &'a str,
        rows: Vec<T>,
    }

    #[mockgen::autospec]
    impl<'a, T: Clone + std::fmt::Debug + PartialEq + Send + Sync + 'static> Table<'a, T> {
        pub fn new(name: &'a str) -> Self {
            Table {
                name,
                rows: Vec::new(),
            }
        }
        pub fn insert(&mut self, row: T) -> usize {
            self.rows.push(row);
            self.rows.len()
        }
        pub fn name(&self) -> &str {
            self.name
        }
    }

    /// An `impl` block of one instantiation, with an anonymous lifetime.
    #[derive(Debug)]
    pub struct Column<'a, T> {
        pub title: &'a str,
        pub values: Vec<T>,
    }

    #[mockgen::autospec]
    impl Column<'_, i32> {
        pub fn sum(&self) -> i32 {
            self.values.iter().sum()
        }
        pub fn title(&self) -> &str {
            self.title
        }
    }
}

#[test]
fn a_struct_with_a_lifetime_and_a_type_parameter() {
    let statics = table::MockTable::<u32>::statics();
    let mut table = table::MockTable::<u32>::named("table");
    table.insert.side_effect(|row| row as usize);
    table.name.return_value("users".to_owned());
    statics.new.return_value(table.clone());

    let mut made = table::MockTable::<u32>::new("ignored");
    assert_eq!(made.insert(7), 7);
    assert_eq!(table.name(), "users");
    statics.new.assert_called_once_with(call!("ignored"));
    table.insert.assert_called_once_with(call!(7));
    assert_eq!(table.insert(3), 3);
}

#[test]
fn an_impl_of_one_instantiation_with_an_anonymous_lifetime() {
    let column = table::MockColumn::new();
    column.sum.return_value(12);
    column.title.return_value("total".to_owned());
    assert_eq!(column.sum(), 12);
    assert_eq!(column.title(), "total");
    column.assert_has_calls([call!(.sum()), call!(.title())]);
}

#[test]
fn the_real_types_keep_their_methods() {
    let text = String::from("let x");
    let mut real = parser::Parser::new(&text);
    assert!(real.starts_with("let"));
    assert_eq!(real.next_word().as_deref(), Some("let"));
    assert_eq!(real.remaining(), 2);
    assert_eq!(real.rest(), " x");

    let mut rows = table::Table::<u8>::new("rows");
    assert_eq!(rows.insert(1), 1);
    assert_eq!(rows.name(), "rows");

    let column = table::Column {
        title: "n",
        values: vec![1, 2],
    };
    assert_eq!((column.sum(), column.title()), (3, "n"));
}
