// `patch!` on a function without `#[patchable]`.

mod weather {
    pub fn fetch_temperature(city: &str) -> f64 {
        city.len() as f64
    }
}

struct Database;

impl Database {
    fn query(&self) -> u32 {
        1
    }
}

fn main() {
    let _fetch = mockgen::patch!(weather::fetch_temperature);
    let _query = mockgen::patch!(Database::query);
    let _ = (Database.query(), weather::fetch_temperature("x"));
}
