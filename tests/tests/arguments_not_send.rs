//! Arguments that cannot be shared between threads (`Rc<T>`, `Cell<T>`,
//! raw pointers inside other types): recorded as a placeholder with
//! `#[mockgen(opaque)]` or as their `Debug` text with `#[mockgen(debug)]`,
//! while side effects still receive the values themselves; a bare raw
//! pointer is recorded by its address (SEMANTICS CA-1).
#![deny(warnings)]

use std::cell::Cell;
use std::rc::Rc;

use mockgen::prelude::*;

#[automock]
pub trait Cache {
    fn share(&self, #[mockgen(opaque)] value: Rc<String>) -> usize;
    fn count(&self, #[mockgen(debug)] hits: Rc<Cell<u32>>);
    fn peek(&self, address: *const u8) -> bool;
}

#[test]
fn an_opaque_rc_reaches_the_side_effect_and_matches_any() {
    let cache = MockCache::new();
    cache.share.side_effect(|value| value.len());
    assert_eq!(cache.share(Rc::new("four".to_owned())), 4);
    cache.share.assert_called_once_with(call!(ANY));
}

#[test]
fn a_debug_rc_is_recorded_as_its_text() {
    let cache = MockCache::new();
    cache.count.side_effect(|hits| hits.set(hits.get() + 1));
    let hits = Rc::new(Cell::new(1));
    cache.count(Rc::clone(&hits));
    assert_eq!(hits.get(), 2);
    let calls = format!("{:?}", cache.mock_calls());
    assert!(calls.contains("count(Cell { value: 1 })"), "{calls}");
}

#[test]
fn a_raw_pointer_is_recorded_by_its_address() {
    let cache = MockCache::new();
    cache.peek.side_effect(|address| !address.is_null());
    let byte = 7_u8;
    assert!(cache.peek(&byte));
    assert!(!cache.peek(std::ptr::null()));
    assert_eq!(cache.peek.call_count(), 2);
    let calls = format!("{:?}", cache.mock_calls());
    assert!(calls.contains("peek(0x0)"), "{calls}");
}

mod store {
    use std::rc::Rc;

    pub struct Store;

    #[mockgen::autospec(opaque(value))]
    impl Store {
        pub fn put(&self, value: Rc<String>) -> bool {
            !value.is_empty()
        }
    }
}

#[test]
fn autospec_names_opaque_arguments_in_its_attribute() {
    let store = store::MockStore::new();
    store.put.return_value(true);
    assert!(store.put(Rc::new(String::new())));
    store.put.assert_called_once_with(call!(ANY));
}
