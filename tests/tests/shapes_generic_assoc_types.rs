//! Generic associated types: the attribute (or a `mock!` impl) names each
//! one with its parameters (`type Item<'a> = &'a str;`), and the mock's
//! methods return what that type becomes for their arguments, lent from
//! `self` as any borrowing return.
#![deny(warnings)]

use mockgen::prelude::*;

#[automock(type Item<'a> = &'a str;)]
pub trait Container {
    type Item<'a>
    where
        Self: 'a;
    fn get<'a>(&'a self, index: usize) -> Self::Item<'a>;
    fn first(&self) -> Option<Self::Item<'_>>;
}

/// Code under test: joins what the container lends.
fn join<C>(container: &C, count: usize) -> String
where
    C: for<'a> Container<Item<'a> = &'a str> + 'static,
{
    (0..count)
        .map(|i| container.get(i))
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn a_lifetime_generic_associated_type_is_lent_from_the_configured_value() {
    let container = MockContainer::new();
    container.get.return_value("item".to_owned());
    container.first.return_value(Some("head".to_owned()));
    assert_eq!(container.get(3), "item");
    assert_eq!(container.first(), Some("head"));
    container.get.assert_called_once_with(call!(3));
}

#[test]
fn a_side_effect_answers_each_call_of_a_generic_associated_type() {
    let container = MockContainer::new();
    container.get.side_effect(|index| format!("#{index}"));
    assert_eq!(container.get(1), "#1");
    assert_eq!(container.get(2), "#2");
    assert_eq!(join(&container, 3), "#0,#1,#2");
    assert_eq!(container.get.call_count(), 5);
}

/// A lending iterator: each item borrows the iterator mutably.
#[automock(type Item<'a> = &'a mut [u8];)]
pub trait LendingIterator {
    type Item<'a>
    where
        Self: 'a;
    fn next(&mut self) -> Option<Self::Item<'_>>;
}

fn zero_first(lender: &mut impl for<'a> LendingIterator<Item<'a> = &'a mut [u8]>) {
    if let Some(chunk) = lender.next() {
        chunk.fill(0);
    }
}

#[test]
fn a_lending_iterator_lends_its_kept_value_mutably() {
    let mut lender = MockLendingIterator::new();
    lender.next.return_value(Some(vec![1, 2, 3]));
    zero_first(&mut lender);
    assert_eq!(lender.next().as_deref(), Some(&[0, 0, 0][..]));
    assert_eq!(lender.next.call_count(), 2);
}

/// A type-generic associated type: the same substitution gives it.
#[automock(type Wrapped<T> = Vec<T>;)]
pub trait Wrapper {
    type Wrapped<T>;
    fn wrap(&self, value: u8) -> Self::Wrapped<u8>;
    fn names(&self) -> Self::Wrapped<String>;
}

#[test]
fn a_type_generic_associated_type_is_configured_as_what_it_becomes() {
    let wrapper = MockWrapper::new();
    wrapper.wrap.side_effect(|value| vec![value; 2]);
    wrapper.names.return_value(vec!["a".to_owned()]);
    assert_eq!(wrapper.wrap(7), [7, 7]);
    assert_eq!(wrapper.names(), ["a"]);
    wrapper.wrap.assert_called_once_with(call!(7));
}

mockgen::mock! {
    pub Shelf;
    impl Container for Shelf {
        type Item<'a> = &'a str where Self: 'a;
        fn get<'a>(&'a self, index: usize) -> Self::Item<'a>;
        fn first(&self) -> Option<Self::Item<'_>>;
    }
}

#[test]
fn mock_takes_a_generic_associated_type_in_its_impl() {
    let shelf = MockShelf::new();
    shelf.get.return_value("book".to_owned());
    assert_eq!(shelf.get(0), "book");
    assert_eq!(shelf.first(), None);
    shelf.get.assert_called_once_with(call!(0));
}

/// A real container, for a spy to wrap.
#[derive(Debug)]
pub struct Words(Vec<String>);

impl Container for Words {
    type Item<'a> = &'a str;
    fn get(&self, index: usize) -> &str {
        &self.0[index]
    }
    fn first(&self) -> Option<&str> {
        self.0.first().map(String::as_str)
    }
}

#[test]
fn a_spy_lends_what_the_real_value_lends_through_a_generic_associated_type() {
    let spy = MockContainer::wrapping(Words(vec!["a".to_owned(), "b".to_owned()]));
    assert_eq!(join(&spy, 2), "a,b");
    assert_eq!(spy.first(), Some("a"));
    spy.get.assert_has_calls([call!(0), call!(1)]);
    spy.get.return_value("set".to_owned());
    assert_eq!(spy.get(0), "set");
}

#[autospec(type Item<'a> = &'a [u8];)]
pub trait Buffers {
    type Item<'a>
    where
        Self: 'a;
    fn chunk(&self, at: usize) -> Self::Item<'_>;
}

#[test]
fn autospec_takes_a_generic_associated_type_as_automock_does() {
    let buffers = MockBuffers::new();
    buffers.chunk.return_value(vec![1, 2]);
    assert_eq!(buffers.chunk(4), [1, 2]);
    buffers.chunk.assert_called_once_with(call!(4));
}
