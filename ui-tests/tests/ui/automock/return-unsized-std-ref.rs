use mockgen::prelude::*;
use std::ffi::{CStr, OsStr};
use std::path::Path;

#[automock]
pub trait Files {
    fn c_name(&self) -> &CStr;
    fn os_name(&self) -> &OsStr;
    fn root(&self) -> Option<&Path>;
}

fn main() {}
