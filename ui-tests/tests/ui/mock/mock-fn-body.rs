use mockgen::prelude::*;

fn main() {
    let _ = mock_fn!(|x: u8| -> u8 { x + 1 });
}
