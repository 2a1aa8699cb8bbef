use mockgen::prelude::*;

mock! {
    pub Numbers;
    impl Iterator for Numbers {
        #[doc = "The numbers."]
        type Item = u32;
        fn next(&mut self) -> Option<u32>;
    }
}

fn main() {}
