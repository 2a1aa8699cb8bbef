use mockgen::prelude::*;

mock! {
    pub Reader;
    impl std::io::Read for Reader {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
        fn peek(&self) -> u8;
    }
}

fn main() {}
