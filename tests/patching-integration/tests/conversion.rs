//! An integration test: it links the library as a dependent would, built
//! without `cfg(test)`, and patches it through the `patching` feature.

use mockgen::prelude::*;
use mockgen_patching_integration::{exchange_rate, to_euro_cents};

#[test]
fn converts_with_the_patched_rate() {
    let rate = patch!(mockgen_patching_integration::exchange_rate);
    rate.return_value(Ok(0.5));

    assert_eq!(to_euro_cents(12.0, "USD"), Ok(600));
    rate.assert_called_once_with(call!("USD"));
}

#[test]
fn the_original_answers_outside_a_patch() {
    assert_eq!(
        exchange_rate("USD"),
        Err("no network to look up USD".to_owned())
    );
}
