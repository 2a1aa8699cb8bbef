use mockgen::prelude::*;

#[automock]
pub trait Payments {
    fn charge(&self, account: &str, cents: u64) -> bool;
}

fn main() {
    let payments = MockPayments::new();
    payments.charge("acct", 100);
    payments.assert_has_calls([call!(.charge("acct"))]);
}
