// An associated function marked on its own that neither takes `self` nor
// names `Self` reads exactly like a free function, and is expanded as one,
// which an `impl` block rejects: the guide says to put `#[patchable]` on the
// block for it.

pub struct Server;

impl Server {
    #[mockgen::patchable]
    pub fn default_port() -> u16 {
        8080
    }
}

fn main() {}
