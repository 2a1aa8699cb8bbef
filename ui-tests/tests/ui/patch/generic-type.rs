use mockgen::patchable;

pub struct Cache<T>(T);

#[patchable]
impl Cache<u8> {
    pub fn get(&self) -> u8 {
        self.0
    }
}

fn main() {}
