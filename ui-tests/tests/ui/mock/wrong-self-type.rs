use mockgen::prelude::*;

mock! {
    pub Reader;
    impl std::io::Read for Writer {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
    }
}

fn main() {}
