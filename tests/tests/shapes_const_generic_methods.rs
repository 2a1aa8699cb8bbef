//! Methods with const generic parameters
//! (`fn read<const N: usize>(&self, buf: &mut [u8; N]) -> usize`): one
//! handle for every `N`. An array argument of length `N` reaches the side
//! effect as a slice (`&mut [u8]`, so the side effect can fill it) and is
//! recorded by its `Debug` text; other arguments naming `N` are
//! placeholders.
#![deny(warnings)]

use mockgen::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Frame<const N: usize>(pub [u8; N]);

#[automock]
pub trait Device {
    fn read<const N: usize>(&self, buf: &mut [u8; N]) -> usize;
    fn write<const N: usize>(&mut self, data: [u8; N], flush: bool) -> bool;
    fn checksum<const N: usize>(&self, data: &[u16; N]) -> u32;
    fn send<const N: usize>(&self, frame: Frame<N>);
}

/// Code under test: reads a header, then a body.
fn read_message(device: &impl Device) -> (usize, [u8; 4], [u8; 8]) {
    let mut header = [0u8; 4];
    let mut body = [0u8; 8];
    let total = device.read(&mut header) + device.read(&mut body);
    (total, header, body)
}

#[test]
fn a_side_effect_fills_the_array_through_a_slice_for_every_length() {
    let device = MockDevice::new();
    device.read.side_effect(|buf| {
        buf.fill(7);
        buf.len()
    });
    let (total, header, body) = read_message(&device);
    assert_eq!(total, 12);
    assert_eq!(header, [7; 4]);
    assert_eq!(body, [7; 8]);
    // Recorded as the array was passed in, before the side effect ran.
    assert_eq!(
        format!("{:?}", device.mock_calls()),
        "[read([0, 0, 0, 0]), read([0, 0, 0, 0, 0, 0, 0, 0])]"
    );
    device.read.assert_called_with(call!(ANY));
    device.read.assert_any_call(call!([0u8; 4]));
}

#[test]
fn arrays_by_value_and_by_reference_and_return_values() {
    let mut device = MockDevice::new();
    device
        .write
        .side_effect(|data, flush| flush && data.iter().all(|b| *b > 0));
    assert!(device.write([1, 2, 3], true));
    assert!(!device.write([0; 16], true));
    device.checksum.return_value(99);
    assert_eq!(device.checksum(&[1, 2]), 99);
    device
        .checksum
        .side_effect(|data| data.iter().map(|&x| u32::from(x)).sum());
    assert_eq!(device.checksum(&[1, 2, 3]), 6);
    device.write.assert_called_with(call!(ANY, true));
    assert_eq!(device.write.call_count(), 2);
}

#[test]
fn other_types_naming_the_parameter_are_recorded_by_their_debug_text() {
    let device = MockDevice::new();
    device.send(Frame([1, 2]));
    device.send.assert_called_once_with(call!(ANY));
    assert_eq!(
        format!("{:?}", device.mock_calls()),
        "[send(Frame([1, 2]))]"
    );
}
