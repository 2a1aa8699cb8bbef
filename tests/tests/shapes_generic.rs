//! Generic methods whose type parameters have no `'static` bound: no bound
//! is added to the trait; calls are recorded (by `Debug` text when `Debug`
//! is among the bounds, else as a placeholder) and the side effect receives
//! the argument as a trait object of its bounds.
#![deny(warnings)]

use std::fmt::Debug;
use std::io::Write;
use std::path::{Path, PathBuf};

use mockgen::prelude::*;

/// Stands for `serde::Serialize`: a trait with no trait object.
pub trait Encode {
    fn encode(&self) -> String;
    fn typed<T>(&self) -> Option<T>
    where
        Self: Sized,
    {
        None
    }
}

impl Encode for u32 {
    fn encode(&self) -> String {
        self.to_string()
    }
}

#[automock]
pub trait Storage {
    fn put<T: Encode>(&self, key: &str, value: &T);
    fn put_debug<T: Encode + Debug>(&self, key: &str, value: &T);
    fn open<P: AsRef<Path>>(&self, path: P) -> bool;
    fn for_each<F: FnMut(&str)>(&self, f: F);
    fn write_to<W: Write>(&self, out: &mut W) -> std::io::Result<()>
    where
        Self: Sized;
    fn finish<F>(&self, done: F)
    where
        F: FnOnce(u32) + Send;
    fn get<T: std::str::FromStr + 'static>(&self, key: &str) -> Option<T>;
}

#[test]
fn a_value_without_debug_is_recorded_as_a_placeholder() {
    let storage = MockStorage::new();
    storage.put("answer", &42u32);
    storage.put.assert_called_once_with(call!("answer", ANY));
    assert_eq!(
        format!("{:?}", storage.mock_calls()),
        r#"[put("answer", <&T>)]"#
    );
}

#[test]
fn a_value_with_debug_among_its_bounds_is_recorded_by_its_text() {
    let storage = MockStorage::new();
    storage.put_debug("answer", &42u32);
    storage
        .put_debug
        .assert_called_once_with(call!("answer", 42));
    let (_, value) = storage.put_debug.call_args().unwrap();
    assert_eq!(value.as_str(), "42");
}

#[test]
fn an_as_ref_argument_reaches_the_side_effect_as_dyn_as_ref() {
    let storage = MockStorage::new();
    storage
        .open
        .side_effect(|path| path.as_ref().extension().is_some_and(|e| e == "toml"));
    assert!(storage.open("Cargo.toml"));
    assert!(!storage.open(PathBuf::from("README")));
    assert_eq!(storage.open.call_count(), 2);
}

#[test]
fn a_callback_can_be_called_by_the_side_effect() {
    let storage = MockStorage::new();
    storage.for_each.side_effect(|f| {
        f("a");
        f("b");
    });
    let mut seen = Vec::new();
    storage.for_each(|s| seen.push(s.to_owned()));
    assert_eq!(seen, ["a", "b"]);
    storage.for_each.assert_called_once_with(call!(ANY));
}

#[test]
fn a_writer_can_be_written_by_the_side_effect() {
    let storage = MockStorage::new();
    storage.write_to.side_effect(|out| out.write_all(b"hello"));
    let mut buffer = Vec::new();
    storage.write_to(&mut buffer).unwrap();
    assert_eq!(buffer, b"hello");
}

#[test]
fn a_fn_once_is_handed_over_boxed() {
    let storage = MockStorage::new();
    storage.finish.side_effect(|done| done(7));
    let (sender, receiver) = std::sync::mpsc::channel();
    storage.finish(move |n| sender.send(n).unwrap());
    assert_eq!(receiver.recv().unwrap(), 7);
}

#[test]
fn static_type_parameters_keep_one_handle_per_type() {
    let storage = MockStorage::new();
    storage.get.of::<u16>().return_value(Some(8080));
    assert_eq!(storage.get::<u16>("port"), Some(8080));
    assert_eq!(storage.get::<u8>("port"), None);
    storage
        .get
        .of::<u16>()
        .assert_called_once_with(call!("port"));
}

#[test]
fn borrowed_values_of_any_lifetime_are_accepted() {
    let storage = MockStorage::new();
    let local = String::from("borrowed");
    storage.put_debug("k", &Wrapper(&local));
    storage.put_debug.assert_called_once_with(call!("k", ANY));
    let (_, value) = storage.put_debug.call_args().unwrap();
    assert_eq!(value.as_str(), r#"Wrapper("borrowed")"#);
}

#[derive(Debug)]
struct Wrapper<'a>(&'a str);

impl Encode for Wrapper<'_> {
    fn encode(&self) -> String {
        self.0.to_owned()
    }
}

/// A type built on a `Debug` parameter, with no `Debug` of its own.
#[allow(missing_debug_implementations)]
pub struct Opaque<T: Debug>(pub T);

/// A type built on a `Debug` parameter whose `Debug` needs the parameter's.
#[derive(Debug)]
pub struct Shown<T: Debug>(pub T);

#[automock]
pub trait Wrapped {
    fn hide<T: Debug + 'static>(&self, value: Opaque<T>);
    fn show<T: Debug + 'static>(&self, value: Shown<T>);
}

#[test]
fn a_type_built_on_a_debug_parameter_is_recorded_by_its_own_debug_if_any() {
    let wrapped = MockWrapped::new();
    wrapped.hide(Opaque(1u8));
    wrapped.show(Shown("text"));
    assert_eq!(
        format!("{:?}", wrapped.mock_calls()),
        r#"[hide(<Opaque<T>>), show(Shown("text"))]"#
    );
    wrapped
        .show
        .of::<&str>()
        .assert_called_once_with(call!(ANY));
}
