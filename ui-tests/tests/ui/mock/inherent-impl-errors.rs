use mockgen::prelude::*;

mock! {
    pub Client;
    impl Server {
        fn get(&self, path: &str) -> String;
    }
    impl Client {
        const TIMEOUT: u64;
        fn new(url: &str) -> Self;
    }
    impl Clone for Client {
        pub fn clone(&self) -> Self;
    }
}

fn main() {}
