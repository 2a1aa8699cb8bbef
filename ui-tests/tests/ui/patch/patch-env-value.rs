// `patch_env!` values are strings or `None`.

fn main() {
    let _env = mockgen::patch_env!("PORT" => 8080);
}
