use mockgen::prelude::*;

mock! {
    pub Numbers;
    impl Iterator for Numbers {
        fn next(&mut self) -> Option<u32>;
    }
}

fn main() {}
