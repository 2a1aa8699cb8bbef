//! Compile-fail cases of `#[patchable]`, `patch!`, `patch_global!` and
//! `patch_env!`.

#[test]
fn patch_ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/patch/*.rs");
}
