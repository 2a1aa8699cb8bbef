//! A payment service whose exchange rates come from the network. Its unit
//! tests patch the rate lookup; everything else builds without mockgen
//! (the guide's "Patching from unit tests").

/// The rate to convert one unit of `currency` into euros, from the network.
#[cfg_attr(test, mockgen::patchable)]
pub fn exchange_rate(currency: &str) -> Result<f64, String> {
    Err(format!("no network to look up {currency}"))
}

/// `amount` of `currency` in euro cents, rounded.
pub fn to_euro_cents(amount: f64, currency: &str) -> Result<u64, String> {
    let rate = exchange_rate(currency)?;
    Ok((amount * rate * 100.0).round() as u64)
}

/// A price list that converts through [`exchange_rate`].
#[derive(Debug, Default)]
pub struct PriceList;

#[cfg_attr(test, mockgen::patchable)]
impl PriceList {
    /// The catalogue price of `item`, in `currency`.
    pub fn price(&self, item: &str) -> (f64, String) {
        (item.len() as f64, "USD".to_owned())
    }
}

impl PriceList {
    /// The price of `item` in euro cents.
    pub fn euro_cents(&self, item: &str) -> Result<u64, String> {
        let (amount, currency) = self.price(item);
        to_euro_cents(amount, &currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mockgen::prelude::*;

    #[test]
    fn converts_with_the_patched_rate() {
        let rate = patch!(exchange_rate);
        rate.return_value(Ok(0.5));

        assert_eq!(to_euro_cents(12.0, "USD"), Ok(600));
        rate.assert_called_once_with(call!("USD"));
    }

    #[test]
    fn a_patched_method_answers_for_every_instance() {
        let rate = patch!(exchange_rate);
        rate.return_value(Ok(2.0));
        let price = patch!(PriceList::price);
        price.return_value((3.0, "GBP".to_owned()));

        assert_eq!(PriceList.euro_cents("tea"), Ok(600));
        rate.assert_called_once_with(call!("GBP"));
    }

    #[test]
    fn the_original_answers_once_the_guard_is_gone() {
        drop(patch!(exchange_rate));
        assert_eq!(
            to_euro_cents(1.0, "USD"),
            Err("no network to look up USD".to_owned())
        );
    }
}
