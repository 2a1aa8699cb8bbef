use mockgen::prelude::*;

#[automock]
pub trait Payments {
    fn charge(&self, account: &str, cents: u64) -> bool;
}

fn main() {
    let payments = MockPayments::new();
    payments.charge("acct", 100);
    assert_eq!(payments.mock_calls(), [call!(.charge("acct", 100u8))]);
}
