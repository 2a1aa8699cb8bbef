// A method returning a borrow, marked on its own: its patch's type is an
// `impl Trait`, which cannot state the side effect's lifetimes.

pub struct User {
    name: String,
}

impl User {
    #[mockgen::patchable]
    pub fn name(&self) -> &str {
        &self.name
    }
}

fn main() {}
