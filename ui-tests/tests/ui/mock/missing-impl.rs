use mockgen::prelude::*;

mock! {
    pub Reader;
}

fn main() {}
