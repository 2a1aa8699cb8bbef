//! `-> impl Trait` returns: `impl Stream` configured with a pinned box, an
//! `impl` of a user trait with a box the user implements the trait for.
#![deny(warnings)]

use futures::Stream;
use futures::executor::block_on;
use futures::stream::{self, StreamExt};

use mockgen::prelude::*;

#[automock]
pub trait Events {
    fn events(&self) -> impl Stream<Item = u32>;
}

#[test]
fn a_stream_is_configured_boxed() {
    let events = MockEvents::new();
    events
        .events
        .side_effect(|| Box::pin(stream::iter([1, 2, 3])));
    let all: Vec<u32> = block_on(events.events().collect());
    assert_eq!(all, [1, 2, 3]);
}

pub trait Shape {
    fn area(&self) -> f64;
}

/// What `-> impl Shape` needs from the user: the box implements the trait.
impl Shape for Box<dyn Shape + Send> {
    fn area(&self) -> f64 {
        (**self).area()
    }
}

struct Square(f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

#[automock]
pub trait Factory {
    fn make(&self, side: f64) -> impl Shape;
}

#[test]
fn an_impl_of_a_user_trait_is_configured_boxed() {
    let factory = MockFactory::new();
    factory.make.side_effect(|side| Box::new(Square(side)));
    assert_eq!(factory.make(3.0).area(), 9.0);
    factory.make.assert_called_once_with(call!(3.0));
}
