//! A payment service whose exchange rates come from the network. Its
//! integration tests (`tests/`) patch the rate lookup through the crate's
//! `patching` feature (the guide's "Patching from integration tests").

/// The rate to convert one unit of `currency` into euros, from the network.
#[cfg_attr(feature = "patching", mockgen::patchable)]
pub fn exchange_rate(currency: &str) -> Result<f64, String> {
    Err(format!("no network to look up {currency}"))
}

/// `amount` of `currency` in euro cents, rounded.
pub fn to_euro_cents(amount: f64, currency: &str) -> Result<u64, String> {
    let rate = exchange_rate(currency)?;
    Ok((amount * rate * 100.0).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mockgen::prelude::*;

    // The feature is on in every test build, unit tests included.
    #[test]
    fn unit_tests_patch_through_the_feature_too() {
        let rate = patch!(exchange_rate);
        rate.return_value(Ok(1.0));
        assert_eq!(to_euro_cents(2.5, "EUR"), Ok(250));
    }
}
