use mockgen::prelude::*;

fn main() {
    let _ = call!(.temperature("London") extra);
}
