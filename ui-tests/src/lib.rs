//! Compile-fail and compile-pass cases live in `tests/ui/`; the runner is `tests/ui.rs`.
