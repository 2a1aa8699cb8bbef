//! The trait every backend implements, its mockgen and mockall mocks, and
//! the hand-written recording stub that is the floor.

use std::sync::Mutex;

use mockgen::prelude::*;

/// The string argument of every call.
pub const KEY: &str = "key-0001";

#[automock]
pub trait Svc {
    fn f(&self, a: u64, s: &str) -> u64;
    fn by_u64(&self, a: u64) -> u64;
    fn by_str(&self, s: &str) -> u64;
}

// The peer: mockall's mock of the same trait.
mockall::mock! {
    pub AllSvc {}
    impl Svc for AllSvc {
        fn f(&self, a: u64, s: &str) -> u64;
        fn by_u64(&self, a: u64) -> u64;
        fn by_str(&self, s: &str) -> u64;
    }
}

/// What a careful hand-written test double does: record owned arguments
/// under a lock, return the configured value.
#[derive(Debug, Default)]
pub struct Stub {
    pub f_calls: Mutex<Vec<(u64, String)>>,
    pub by_u64_calls: Mutex<Vec<u64>>,
    pub by_str_calls: Mutex<Vec<String>>,
    pub returns: u64,
}

impl Svc for Stub {
    fn f(&self, a: u64, s: &str) -> u64 {
        self.f_calls.lock().unwrap().push((a, s.to_owned()));
        self.returns
    }
    fn by_u64(&self, a: u64) -> u64 {
        self.by_u64_calls.lock().unwrap().push(a);
        self.returns
    }
    fn by_str(&self, s: &str) -> u64 {
        self.by_str_calls.lock().unwrap().push(s.to_owned());
        self.returns
    }
}
