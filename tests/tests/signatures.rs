//! Trait shapes #[automock] handles: receivers, argument and return types, visibility, attributes, unsafe, mock naming, Default and Debug.
#![deny(warnings)]

mod common;

use std::error::Error;
use std::fmt;
use std::marker::PhantomData;

use common::panic_message;
use mockgen::prelude::*;

/// `is_send!(T)` / `is_sync!(T)`: whether a concrete type is `Send` / `Sync`,
/// as a value (method resolution prefers the impl on `&Probe` when its bound
/// holds, and falls back to the one on `Probe`).
struct Probe<T>(PhantomData<T>);
trait SendYes {
    fn is_send(&self) -> bool {
        true
    }
}
impl<T: Send> SendYes for &Probe<T> {}
trait SendNo {
    fn is_send(&self) -> bool {
        false
    }
}
impl<T> SendNo for Probe<T> {}
trait SyncYes {
    fn is_sync(&self) -> bool {
        true
    }
}
impl<T: Sync> SyncYes for &Probe<T> {}
trait SyncNo {
    fn is_sync(&self) -> bool {
        false
    }
}
impl<T> SyncNo for Probe<T> {}
macro_rules! is_send {
    ($ty:ty) => {
        (&&Probe::<$ty>(PhantomData)).is_send()
    };
}
macro_rules! is_sync {
    ($ty:ty) => {
        (&&Probe::<$ty>(PhantomData)).is_sync()
    };
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[automock]
pub trait Shapes {
    fn by_ref(&self) -> u8;
    fn by_mut(&mut self, n: u32);
    fn by_value(&self, s: String, n: u64, v: Vec<u8>) -> usize;
    fn ref_arg(&self, p: &Point) -> Point;
    fn mut_arg(&self, p: &mut Point);
    fn text(&self, s: &str) -> String;
    fn slice(&self, xs: &[i64]) -> i64;
    fn unit(&self);
    fn option(&self) -> Option<u8>;
    fn result(&self) -> Result<u8, String>;
    fn points(&self) -> Vec<Point>;
    fn unnamed(&self, _: u8, _: &str);
}

#[test]
fn receivers_ref_and_mut() {
    let mut shapes = MockShapes::new();
    shapes.by_ref.return_value(1);
    assert_eq!(shapes.by_ref(), 1);
    shapes.by_mut(5);
    shapes.by_mut.side_effect(|n| assert_eq!(n, 6));
    shapes.by_mut(6);
    shapes.by_mut.assert_has_calls([call!(5), call!(6)]);
}

#[test]
fn by_value_reference_and_mut_reference_arguments() {
    let shapes = MockShapes::new();
    shapes
        .by_value
        .side_effect(|s, n, v| s.len() + n as usize + v.len());
    assert_eq!(shapes.by_value("ab".to_owned(), 3, vec![1, 2, 3, 4]), 9);
    shapes
        .by_value
        .assert_called_once_with(call!("ab", 3, vec![1, 2, 3, 4]));

    shapes.ref_arg.side_effect(|p| Point { x: p.y, y: p.x });
    assert_eq!(shapes.ref_arg(&Point { x: 1, y: 2 }), Point { x: 2, y: 1 });
    shapes
        .ref_arg
        .assert_called_with(call!(Point { x: 1, y: 2 }));
    shapes
        .ref_arg
        .assert_called_with(call!(&Point { x: 1, y: 2 }));

    shapes.mut_arg.side_effect(|p| p.x += 10);
    let mut point = Point { x: 1, y: 1 };
    shapes.mut_arg(&mut point);
    assert_eq!(point, Point { x: 11, y: 1 });
    assert_eq!(shapes.mut_arg.call_args(), Some((Point { x: 1, y: 1 },)));
}

#[test]
fn str_and_slice_arguments() {
    let shapes = MockShapes::new();
    shapes.text.side_effect(str::to_uppercase);
    shapes.slice.side_effect(|xs| xs.iter().sum());
    assert_eq!(shapes.text("abc"), "ABC");
    assert_eq!(shapes.slice(&[1, 2, 3]), 6);
    assert_eq!(shapes.text.call_args(), Some(("abc".to_owned(),)));
    assert_eq!(shapes.slice.call_args(), Some((vec![1, 2, 3],)));
}

#[test]
fn unnamed_arguments_are_recorded_too() {
    let shapes = MockShapes::new();
    shapes.unnamed(1, "x");
    shapes.unnamed.assert_called_once_with(call!(1, "x"));
    assert_eq!(format!("{:?}", shapes.mock_calls()), "[unnamed(1, \"x\")]");
}

#[test]
fn owned_unit_option_result_and_vec_returns() {
    let shapes = MockShapes::new();
    shapes.unit();
    shapes.option.return_value(Some(3));
    shapes
        .result
        .side_effect_iter([Ok(1), Err("bad".to_owned())]);
    shapes.points.return_value(vec![Point { x: 1, y: 2 }]);
    shapes.text.return_value("hello".to_owned());

    assert_eq!(shapes.option(), Some(3));
    assert_eq!(shapes.result(), Ok(1));
    assert_eq!(shapes.result(), Err("bad".to_owned()));
    assert_eq!(shapes.points(), [Point { x: 1, y: 2 }]);
    assert_eq!(shapes.text("x"), "hello");
    shapes.unit.assert_called_once();
}

#[automock]
pub trait Faulty {
    fn failure(&self) -> Box<dyn Error>;
    fn attempt(&self, n: u8) -> Result<u8, Box<dyn Error>>;
}

#[test]
fn boxed_error_returns_are_configured_with_side_effect() {
    let faulty = MockFaulty::new();
    faulty.failure.side_effect(|| "disk full".into());
    faulty.attempt.side_effect(|n| {
        if n > 3 {
            Err(format!("{n} is too many").into())
        } else {
            Ok(n)
        }
    });

    assert_eq!(faulty.failure().to_string(), "disk full");
    assert_eq!(faulty.failure().to_string(), "disk full");
    assert_eq!(faulty.attempt(2).unwrap(), 2);
    assert_eq!(faulty.attempt(5).unwrap_err().to_string(), "5 is too many");
    faulty.attempt.assert_has_calls([call!(2), call!(5)]);
}

#[test]
fn unconfigured_boxed_error_return_panics_naming_the_type() {
    let faulty = MockFaulty::new();
    assert_eq!(
        panic_message(|| faulty.failure()),
        "MockFaulty.failure: nothing is configured and `Box<dyn Error>` has no Default.\n  Call: failure()\nConfigure it before the call: `failure.return_value(…)`, `.return_once(…)` or `.side_effect(|…| …)`."
    );
    faulty.failure.assert_called_once();
}

#[test]
fn mocks_are_send_and_sync_even_when_a_return_type_is_not() {
    assert!(is_send!(MockShapes));
    assert!(is_sync!(MockShapes));
    // `Box<dyn Error>` is neither Send nor Sync; configured values live in
    // `Send + Sync` closures, so the mock still is both.
    assert!(!is_send!(Box<dyn Error>));
    assert!(is_send!(MockFaulty));
    assert!(is_sync!(MockFaulty));
    // The probe tells the two cases apart.
    assert!(!is_sync!(std::cell::Cell<u8>));
    assert!(is_send!(u8));
}

pub(crate) mod visibility {
    use mockgen::prelude::*;

    #[automock]
    pub(crate) trait CrateVisible {
        fn value(&self) -> u8;
    }

    #[automock]
    trait Private {
        fn value(&self) -> u8;
    }

    pub(crate) fn private_mock_works() -> u8 {
        let mock = MockPrivate::new();
        mock.value.return_value(7);
        let value = Private::value(&mock);
        mock.value.assert_called_once();
        value
    }
}

#[test]
fn mocks_have_the_visibility_of_their_trait() {
    use visibility::CrateVisible as _;
    let mock = visibility::MockCrateVisible::new();
    mock.value.return_value(3);
    assert_eq!(mock.value(), 3);
    assert_eq!(visibility::private_mock_works(), 7);
}

/// A type that exists nowhere: if `#[automock]` emitted anything for a
/// method that is configured out, this file would not compile.
#[automock]
pub trait Configured {
    /// Documented: the docs go to the handle field.
    fn kept(&self) -> u8;
    #[cfg(any())]
    fn removed(&self, x: DoesNotExist) -> DoesNotExist;
    #[cfg(not(test))]
    fn production_only(&self, x: AlsoMissing);
    #[cfg(test)]
    /// Present in test builds.
    fn test_only(&self) -> u8;
}

#[test]
fn cfg_and_doc_attributes_are_carried_to_the_mock() {
    let mock = MockConfigured::new();
    mock.kept.return_value(1);
    mock.test_only.return_value(2);
    assert_eq!(mock.kept(), 1);
    assert_eq!(mock.test_only(), 2);
    assert_eq!(format!("{:?}", mock.mock_calls()), "[kept(), test_only()]");
}

#[allow(unsafe_code)]
mod unsafe_shapes {
    use mockgen::prelude::*;

    /// # Safety
    /// Implementations must return readable addresses.
    #[automock]
    pub unsafe trait Raw {
        /// # Safety
        /// `addr` must be valid.
        unsafe fn peek(&self, addr: usize) -> u8;
        fn safe(&self) -> u8;
    }

    #[test]
    fn unsafe_traits_and_methods() {
        let raw = MockRaw::new();
        raw.peek
            .side_effect(|addr| u8::try_from(addr % 256).unwrap());
        // SAFETY: the mock reads no memory.
        let value = unsafe { raw.peek(258) };
        assert_eq!(value, 2);
        assert_eq!(raw.safe(), 0);
        raw.peek.assert_called_once_with(call!(258));
    }
}

#[automock(mock = FakeClock)]
pub trait Clock {
    fn now(&self) -> u64;
}

#[test]
fn mock_option_names_the_mock_type() {
    let clock = FakeClock::new();
    clock.now.return_value(5);
    assert_eq!(clock.now(), 5);
    assert_eq!(format!("{clock:?}"), "FakeClock(\"FakeClock\")");
    assert_eq!(
        panic_message(|| clock.now.assert_not_called()),
        "FakeClock.now: expected to not have been called. Called 1 time.\nCalls:\n  now()"
    );
}

#[test]
fn default_debug_and_named() {
    let weather = MockShapes::default();
    assert_eq!(format!("{weather:?}"), "MockShapes(\"MockShapes\")");
    assert_eq!(weather.name(), "MockShapes");

    let named = MockShapes::named("shapes");
    assert_eq!(format!("{named:?}"), "MockShapes(\"shapes\")");
    assert_eq!(format!("{:?}", named.clone()), "MockShapes(\"shapes\")");
    named.by_ref();
    assert_eq!(
        format!("{:?}", named.by_ref),
        "Method { name: \"shapes.by_ref\", call_count: 1 }"
    );
    assert_eq!(
        panic_message(|| named.by_ref.assert_not_called()),
        "shapes.by_ref: expected to not have been called. Called 1 time.\nCalls:\n  by_ref()"
    );
}

/// Trait methods named like the mock-level API.
#[automock]
pub trait Named {
    fn name(&self) -> String;
    fn reset_mock(&self, hard: bool);
}

#[test]
fn trait_methods_named_like_the_mock_api_stay_usable() {
    let mock = MockNamed::named("named");
    mock.name.return_value("from the trait".to_owned());
    // The trait method wins over the mock-level API reached through Deref.
    assert_eq!(mock.name(), "from the trait");
    mock.reset_mock(true);
    assert_eq!(mockgen::MockCore::name(&mock), "named");
    mock.reset_mock.assert_called_once_with(call!(true));
    mockgen::MockCore::reset_mock(&mock);
    mock.name.assert_not_called();
    assert_eq!(mock.name(), "from the trait");
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

#[test]
fn recorded_arguments_print_with_debug_not_display() {
    let shapes = MockShapes::new();
    shapes.ref_arg(&Point { x: 1, y: 2 });
    assert_eq!(
        format!("{:?}", shapes.mock_calls()),
        "[ref_arg(Point { x: 1, y: 2 })]"
    );
}

/// Methods with the same signature share their marker type; each handle
/// still has its own name, calls and configuration (SEMANTICS AS-1, RV-1).
#[automock]
trait Counters {
    fn hits(&self, key: &str) -> u64;
    fn misses(&self, key: &str) -> u64;
}

#[test]
fn methods_with_the_same_signature_keep_their_own_names_and_calls() {
    let counters = MockCounters::new();
    counters.hits.return_value(3);
    assert_eq!(counters.hits("a"), 3);
    assert_eq!(counters.misses("b"), 0);
    counters.hits.assert_called_once_with(call!("a"));
    counters.misses.assert_called_once_with(call!("b"));
    let message = panic_message(|| counters.misses.assert_called_with(call!("a")));
    assert!(
        message.starts_with("MockCounters.misses: expected call not found.\nExpected: misses(\"a\")\n  Actual: misses(\"b\")"),
        "{message}"
    );
    let history: Vec<String> = counters
        .mock_calls()
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    assert_eq!(history, ["hits(\"a\")", "misses(\"b\")"]);
    counters.misses.expect(call!("z")).return_value(9);
    assert_eq!(counters.misses("z"), 9);
    assert_eq!(counters.hits("z"), 3);
}
