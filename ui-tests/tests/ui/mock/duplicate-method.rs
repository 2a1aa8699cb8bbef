use mockgen::prelude::*;

mock! {
    pub Both;
    impl std::io::Read for Both {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
    }
    impl std::io::Write for Both {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize>;
        fn flush(&mut self) -> std::io::Result<()>;
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
    }
}

fn main() {}
