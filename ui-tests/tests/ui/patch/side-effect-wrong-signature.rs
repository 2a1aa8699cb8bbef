// A side effect must take the patched function's arguments.

use mockgen::prelude::*;

#[patchable]
fn greet(name: &str, times: u8) -> String {
    name.repeat(usize::from(times))
}

fn main() {
    let handle = patch!(greet);
    handle.side_effect(|name: u32, _times| name.to_string());
    handle.side_effect(|name| name.to_string());
}
