//! Compile-fail cases of `#[automock]`, `#[autospec]`, `call!`, `mock!` and
//! `mock_fn!`, each with its expected diagnostic. Re-bless after a
//! deliberate change with `TRYBUILD=overwrite cargo test -p mockgen-ui-tests`.

#[test]
fn diagnostics() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/automock/*.rs");
    cases.compile_fail("tests/ui/call/*.rs");
    cases.compile_fail("tests/ui/mock/*.rs");
}
