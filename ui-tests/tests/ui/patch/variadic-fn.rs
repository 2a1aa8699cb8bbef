use mockgen::patchable;

#[patchable]
unsafe extern "C" fn log(level: i32, mut args: ...) {
    let _ = (level, &mut args);
}

fn main() {}
