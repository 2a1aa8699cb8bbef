//! Methods with a foreign ABI (`extern "C"`, `extern "system"`, …): the
//! mock's method has the trait's ABI and answers as any other. A panic
//! inside an `extern "C"` method aborts the process instead of unwinding,
//! so these tests stay on the paths that do not panic; `extern "C-unwind"`
//! methods unwind as Rust methods do.
#![deny(warnings)]

use mockgen::prelude::*;

#[automock]
pub trait Codec {
    extern "C" fn add(&self, left: i32, right: i32) -> i32;
    extern "system" fn reset(&mut self);
    extern "C" fn scale(&self, value: &f64, by: f64) -> f64;
    extern "C-unwind" fn decode(&self, code: u32) -> u32;
}

/// Code under test, holding the codec behind a trait object.
fn sum_twice(codec: &dyn Codec, value: i32) -> i32 {
    codec.add(codec.add(value, value), value)
}

#[test]
fn an_extern_c_method_answers_from_its_configuration_and_records_its_calls() {
    let codec = MockCodec::new();
    codec.add.side_effect(|left, right| left + right);
    assert_eq!(sum_twice(&codec, 2), 6);
    codec.add.assert_called_with(call!(4, 2));
    assert_eq!(codec.add.call_args_list(), [(2, 2), (4, 2)]);
}

#[test]
fn other_abis_are_mocked_too() {
    let mut codec = MockCodec::new();
    codec.reset();
    codec.reset.assert_called_once();

    codec.scale.return_value(7.5);
    assert_eq!(codec.scale(&1.0, 2.0), 7.5);
    codec.scale.assert_called_once_with(call!(1.0, 2.0));
}

#[test]
fn an_unconfigured_extern_c_method_returns_the_default() {
    let codec = MockCodec::new();
    assert_eq!(codec.add(1, 2), 0);
    codec.add.assert_called_once_with(call!(1, 2));
}

#[test]
fn a_c_unwind_method_lets_a_strict_mocks_panic_unwind_to_the_caller() {
    let codec = MockCodec::new();
    codec.seal();
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| codec.decode(3)))
        .expect_err("a sealed mock panics on an unconfigured call");
    let message = panic.downcast_ref::<String>().expect("a formatted message");
    assert!(
        message.contains("MockCodec.decode: the mock is sealed"),
        "{message}"
    );
    codec.decode.assert_called_once_with(call!(3));
}

#[test]
fn expectations_and_spies_work_through_an_extern_method() {
    struct Real;
    impl Codec for Real {
        extern "C" fn add(&self, left: i32, right: i32) -> i32 {
            left * 10 + right
        }
        extern "system" fn reset(&mut self) {}
        extern "C" fn scale(&self, value: &f64, by: f64) -> f64 {
            value * by
        }
        extern "C-unwind" fn decode(&self, code: u32) -> u32 {
            code + 1
        }
    }
    let codec = MockCodec::wrapping(Real);
    codec.add.expect(call!(1, 1)).return_value(-1).times(1);
    assert_eq!(codec.add(1, 1), -1);
    assert_eq!(codec.add(1, 2), 12);
    assert_eq!(codec.decode(1), 2);
    codec.verify();
}

#[derive(Debug)]
pub struct Engine;

#[autospec]
impl Engine {
    pub extern "C" fn rpm(&self, gear: u8) -> u32 {
        u32::from(gear) * 1000
    }
}

#[test]
fn autospec_mocks_extern_methods_of_an_impl_block() {
    let engine = MockEngine::new();
    engine.rpm.side_effect(|gear| u32::from(gear) + 1);
    assert_eq!(engine.rpm(3), 4);
    engine.rpm.assert_called_once_with(call!(3));
}
