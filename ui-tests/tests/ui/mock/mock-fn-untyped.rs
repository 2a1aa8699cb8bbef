use mockgen::prelude::*;

fn main() {
    let _handler = mock_fn!(|event| -> bool);
}
