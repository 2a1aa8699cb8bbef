//! Methods returning `&dyn Trait` and `&mut dyn Trait`: configured with a
//! box the mock keeps and lends, like the other lent returns.
#![deny(warnings)]

use mockgen::prelude::*;
use std::fmt::{Debug, Display};
use std::io::Write;
use std::sync::{Arc, Mutex};

pub trait Shape {
    fn area(&self) -> f64;
}

struct Square(f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

#[automock]
pub trait Canvas {
    fn label(&self) -> &dyn Display;
    fn shape(&self, index: usize) -> &dyn Shape;
    fn find(&self, name: &str) -> Option<&dyn Shape>;
    fn checked(&self) -> Result<&dyn Debug, String>;
    fn output(&mut self) -> &mut dyn Write;
    fn sendable(&self) -> &(dyn Display + Send);
    fn named<'a>(&'a self) -> &'a (dyn Display + 'a);
    fn callback(&self) -> &dyn Fn(u32) -> u32;
    fn any(&self) -> &dyn std::any::Any;
}

#[test]
fn a_dyn_return_lends_the_configured_box() {
    let canvas = MockCanvas::new();
    canvas.label.return_once(Box::new(42));
    canvas
        .shape
        .side_effect(|index| Box::new(Square(index as f64)));
    assert_eq!(canvas.label().to_string(), "42");
    assert_eq!(canvas.shape(3).area(), 9.0);
    canvas.shape.assert_called_once_with(call!(3));
}

#[test]
fn option_and_result_of_dyn() {
    let canvas = MockCanvas::new();
    canvas.find.side_effect(|name| {
        (name == "sq").then(|| Box::new(Square(2.0)) as Box<dyn Shape + Send + Sync>)
    });
    assert_eq!(canvas.find("sq").map(|s| s.area()), Some(4.0));
    assert!(canvas.find("other").is_none());
    canvas.checked.return_once(Ok(Box::new("ok")));
    assert_eq!(format!("{:?}", canvas.checked().unwrap()), "\"ok\"");
    canvas.sendable.return_once(Box::new("s"));
    assert_eq!(canvas.sendable().to_string(), "s");
}

/// A writer whose bytes the test can read while the mock keeps it.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Code under test: writes a report to the canvas's output.
fn report(canvas: &mut dyn Canvas) {
    write!(canvas.output(), "a").unwrap();
    write!(canvas.output(), "b").unwrap();
}

#[test]
fn a_mut_dyn_return_keeps_the_first_answer_and_lends_it_on_every_call() {
    let mut canvas = MockCanvas::new();
    let (first, second) = (Shared::default(), Shared::default());
    let writers: [Box<dyn Write + Send + Sync>; 2] =
        [Box::new(first.clone()), Box::new(second.clone())];
    canvas.output.side_effect_iter(writers);
    report(&mut canvas);
    // The second call's answer is dropped: the kept writer got both writes.
    assert_eq!(*first.0.lock().unwrap(), b"ab");
    assert!(second.0.lock().unwrap().is_empty());
    canvas.output.assert_called();
    assert_eq!(canvas.output.call_count(), 2);
}

#[test]
fn closures_any_and_named_lifetimes() {
    let canvas = MockCanvas::new();
    canvas.named.return_once(Box::new('n'));
    canvas.callback.return_once(Box::new(|n| n * 2));
    canvas.any.return_once(Box::new(7u8));
    assert_eq!(canvas.named().to_string(), "n");
    assert_eq!((canvas.callback())(21), 42);
    assert_eq!(canvas.any().downcast_ref::<u8>(), Some(&7));
}

#[test]
fn a_lent_box_stays_while_the_mock_lives_and_later_calls_get_new_answers() {
    let canvas = MockCanvas::new();
    canvas.label.side_effect_iter([
        Box::new(1) as Box<dyn Display + Send + Sync>,
        Box::new("two"),
    ]);
    let first = canvas.label();
    let second = canvas.label();
    assert_eq!(
        (first.to_string(), second.to_string()),
        ("1".into(), "two".into())
    );
}

#[test]
fn an_unconfigured_dyn_return_panics_naming_the_method() {
    let canvas = MockCanvas::new();
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        canvas.label().to_string();
    }))
    .unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("MockCanvas.label: nothing is configured"),
        "{message}"
    );
    canvas.label.assert_called_once();
}

mock! {
    pub Registry;
    impl Lookup for Registry {
        fn get(&self, key: &str) -> Option<&dyn Display>;
    }
}

pub trait Lookup {
    fn get(&self, key: &str) -> Option<&dyn Display>;
}

#[test]
fn mock_macro_lends_dyn_returns_too() {
    let registry = MockRegistry::new();
    registry.get.side_effect(|key| Some(Box::new(key.len())));
    assert_eq!(registry.get("abc").unwrap().to_string(), "3");
    registry.get.assert_called_once_with(call!("abc"));
}

#[automock]
pub trait Catalog {
    fn describe<'a>(&self, item: &'a u32) -> &'a dyn Display;
    fn fixed(&self) -> &'static dyn Display;
    fn global() -> &'static dyn Display;
}

static ANSWER: u32 = 42;

#[test]
fn a_dyn_return_that_does_not_borrow_self_is_configured_with_a_static_reference() {
    let catalog = MockCatalog::new();
    catalog.describe.return_value(&ANSWER);
    catalog.fixed.return_value(&"fixed");
    assert_eq!(catalog.describe(&1).to_string(), "42");
    assert_eq!(catalog.fixed().to_string(), "fixed");
    catalog.describe.assert_called_once_with(call!(1));

    let statics = MockCatalog::statics();
    statics.global.return_value(&'g');
    assert_eq!(MockCatalog::global().to_string(), "g");
}
