//! `#[autospec]` mocks every method of an `impl` block, whatever its
//! visibility, and keeps that visibility on the mock's method and handle
//! (SEMANTICS SPEC-7): code of the struct's own module calls private
//! methods through the `use MockCounter as Counter` swap.
#![deny(warnings)]

use mockgen::prelude::*;

mod counter {
    /// A counter with methods of every visibility.
    #[derive(Debug, Default)]
    pub struct Counter {
        count: u32,
    }

    #[mockgen::autospec]
    impl Counter {
        pub fn new() -> Self {
            Counter { count: 0 }
        }
        pub fn bump(&mut self) -> u32 {
            self.count = self.step(self.count);
            self.count
        }
        pub(crate) fn peek(&self) -> u32 {
            self.count
        }
        pub(super) fn reset(&mut self) {
            self.count = 0;
        }
        fn step(&self, from: u32) -> u32 {
            from + 1
        }
    }

    /// Code of the struct's own module, compiled against the mock.
    pub mod usage {
        use super::MockCounter as Counter;

        /// Calls the private `step` (private items are visible in child
        /// modules).
        pub fn next_of(counter: &Counter, from: u32) -> u32 {
            counter.step(from)
        }

        pub fn bump_twice(counter: &mut Counter) -> u32 {
            counter.bump();
            counter.bump()
        }
    }

    #[test]
    fn a_private_method_is_mocked_and_configured_where_it_is_visible() {
        let counter = MockCounter::new();
        counter.step.side_effect(|from| from * 10);
        assert_eq!(usage::next_of(&counter, 4), 40);
        counter.step.assert_called_once_with(mockgen::call!(4));
    }
}

mod app {
    // The swap, as `#[cfg(test)] use crate::counter::MockCounter as Counter;`.
    use crate::counter::MockCounter as Counter;

    pub fn fresh_total() -> u32 {
        let mut counter = Counter::new();
        counter.bump();
        counter.reset();
        counter.bump() + counter.peek()
    }
}

#[test]
fn pub_crate_and_pub_super_methods_are_mocked_with_their_visibility() {
    let statics = counter::MockCounter::statics();
    let mock = counter::MockCounter::named("counter");
    mock.bump.side_effect_iter([1, 1]);
    mock.peek.return_value(7);
    statics.new.return_value(mock.clone());

    assert_eq!(app::fresh_total(), 8);

    statics.new.assert_called_once();
    assert_eq!(mock.bump.call_count(), 2);
    mock.reset.assert_called_once();
    mock.peek.assert_called_once();
    mock.assert_has_calls([
        call!(.bump()),
        call!(.reset()),
        call!(.bump()),
        call!(.peek()),
    ]);
}

#[test]
fn an_unconfigured_mock_answers_defaults_for_methods_of_every_visibility() {
    let mut mock = counter::MockCounter::named("counter");
    assert_eq!(counter::usage::bump_twice(&mut mock), 0);
    assert_eq!(counter::usage::next_of(&mock, 3), 0);
    assert_eq!(mock.bump.call_count(), 2);
}

#[test]
fn a_spy_delegates_private_methods_to_the_real_value() {
    let mut spy = counter::MockCounter::wrapping(counter::Counter::new());
    assert_eq!(counter::usage::bump_twice(&mut spy), 2);
    assert_eq!(counter::usage::next_of(&spy, 5), 6);
    assert_eq!(spy.bump.call_count(), 2);
}

mod vault {
    /// A type private to this module, in a private method's signature.
    #[derive(Debug, Clone, PartialEq, Default)]
    struct Secret(u32);

    pub struct Vault;

    #[mockgen::autospec]
    impl Vault {
        fn open(&self, secret: Secret) -> Secret {
            secret
        }
        pub fn size(&self) -> usize {
            1
        }
    }

    #[test]
    fn a_private_method_may_name_private_types() {
        let vault = MockVault::new();
        vault.open.return_value(Secret(3));
        assert_eq!(vault.open(Secret(1)), Secret(3));
        vault
            .open
            .assert_called_once_with(mockgen::call!(Secret(1)));
        assert_eq!(vault.size(), 0);
    }
}
