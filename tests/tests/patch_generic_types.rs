//! `#[patchable]` on `impl` blocks of generic types: each instantiation is
//! patched on its own (`patch!(Cache::<u32>::get)`), told apart by
//! `TypeId`, while the others keep running their bodies; an `impl` of one
//! instantiation (`impl Cache<String>`) is patched like any type
//! (SEMANTICS PATCH-1).
#![deny(warnings)]

mod common;

use std::fmt::Debug;

use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Cache<T> {
    value: T,
}

#[mockgen::patchable]
impl<T: Clone + Debug + Send + Sync + 'static> Cache<T> {
    pub fn new(value: T) -> Self {
        Cache { value }
    }

    pub fn get(&self) -> T {
        self.value.clone()
    }

    pub fn replace(&mut self, value: T) -> T {
        std::mem::replace(&mut self.value, value)
    }
}

#[mockgen::patchable]
impl Cache<String> {
    pub fn size(&self) -> usize {
        self.value.len()
    }
}

#[derive(Debug)]
pub struct Pair<K, V>(K, V);

#[mockgen::patchable]
impl<K: Copy + 'static, V: 'static> Pair<K, V>
where
    K: Into<u64>,
{
    pub fn key(&self) -> u64 {
        self.0.into()
    }
}

#[test]
fn unpatched_instantiations_run_their_bodies() {
    assert_eq!(Cache::new(3u32).get(), 3);
    assert_eq!(Cache::new(String::from("ab")).size(), 2);
    assert_eq!(Pair(7u8, "v").key(), 7);
}

#[test]
fn each_instantiation_is_patched_on_its_own() {
    let get = patch!(Cache::<u32>::get);
    get.return_value(7);
    assert_eq!(Cache::new(1u32).get(), 7);
    assert_eq!(Cache::new(1u64).get(), 1); // another instantiation
    assert_eq!(Cache::new(String::from("s")).get(), "s");
    get.assert_called_once_with(call!());

    let new = patch!(Cache<u64>::new);
    new.side_effect(|value| Cache { value: value * 2 });
    assert_eq!(Cache::new(4u64).get(), 8);
    new.assert_called_once_with(call!(4u64));
}

#[test]
fn arguments_of_the_type_parameter_are_recorded() {
    let replace = patch!(Cache::<String>::replace);
    replace.side_effect(|value| format!("old {value}"));
    let mut cache = Cache::new(String::from("a"));
    assert_eq!(cache.replace(String::from("b")), "old b");
    replace.assert_called_once_with(call!("b"));
    replace.call_original();
    replace.reset_side_effect();
    assert_eq!(cache.replace(String::from("c")), "a");
}

#[test]
fn an_impl_of_one_instantiation_and_several_parameters() {
    let size = patch!(Cache::<String>::size);
    size.return_value(99);
    assert_eq!(Cache::new(String::from("ab")).size(), 99);

    let key = patch!(Pair::<u8, &'static str>::key);
    key.return_value(1);
    assert_eq!(Pair(7u8, "v").key(), 1);
    assert_eq!(Pair(7u16, "v").key(), 7);
}

#[test]
fn global_patches_of_one_instantiation() {
    common::within(10, || {
        let get = patch_global!(Cache::<u8>::get, |get| get.return_value(5));
        let seen = std::thread::spawn(|| (Cache::new(1u8).get(), Cache::new(1u16).get()))
            .join()
            .unwrap();
        assert_eq!(seen, (5, 1));
        get.assert_called_once();
    });
}
