use mockgen::prelude::*;

#[automock]
pub trait Cache {
    async fn get(&self, key: &str) -> &str;
}

fn main() {}
