use mockgen::prelude::*;

#[automock]
pub trait Payments {
    fn charge(&self, account: &str, cents: u64) -> bool;
    fn refund(&self, account: &str);
}

fn main() {
    let payments = MockPayments::new();
    payments.charge("acct", 100);
    payments.assert_any_call(call!(.chrage("acct", 100)));
}
