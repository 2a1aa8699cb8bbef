// `#[mockgen(debug)]` on an argument of a trait that `#[automock]` does not
// expand (here: it is missing; in a crate, `#[cfg_attr(test, automock)]` in
// a non-test build): nothing removes the attribute.

pub trait Events {
    fn publish(&self, #[mockgen(debug)] event: u32);
}

fn main() {}
