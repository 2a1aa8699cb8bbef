use mockgen::prelude::*;

#[automock]
pub trait Events {
    fn on(&self, handler: &dyn Fn(u32));
}

fn main() {
    let events = MockEvents::new();
    events.on.assert_called_with(call!(3));
}
