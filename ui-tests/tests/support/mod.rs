//! What the tests over the macro crate's sources and the ui snapshots
//! share.

use std::path::{Path, PathBuf};

/// The files under `dir` ending in `.extension`, in path order; with
/// `rs`, not the macro crate's unit tests (`tests/`, `tests.rs`).
pub fn files(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // Unit tests of the macro crate.
            if path.file_name().is_some_and(|n| n == "tests") && extension == "rs" {
                continue;
            }
            files(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension)
            && path.file_name().is_none_or(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}
