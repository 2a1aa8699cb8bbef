//! Cookbook: a filesystem trait. A config migration reads a file, writes a
//! backup and the new version; the tests check the writes and their order,
//! and answer with `io::Error`s (which are not `Clone`, so they come from
//! side effects rather than `return_value`).
#![deny(warnings)]

use std::io;
use std::path::{Path, PathBuf};

use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

#[automock]
pub trait FileSystem {
    fn read_to_string(&self, path: &Path) -> io::Result<String>;
    fn write(&mut self, path: &Path, contents: &[u8]) -> io::Result<()>;
}

/// Upgrades a `version = 1` config to version 2, keeping a backup.
/// Returns whether the file changed.
pub fn migrate(fs: &mut dyn FileSystem, path: &Path) -> io::Result<bool> {
    let old = fs.read_to_string(path)?;
    if !old.contains("version = 1") {
        return Ok(false);
    }
    let backup = PathBuf::from(format!("{}.bak", path.display()));
    fs.write(&backup, old.as_bytes())?;
    let new = old.replace("version = 1", "version = 2");
    fs.write(path, new.as_bytes())?;
    Ok(true)
}

// --- The tests -----------------------------------------------------------

fn not_found(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("{} not found", path.display()),
    )
}

#[test]
fn writes_the_backup_then_the_new_version() {
    let mut fs = MockFileSystem::named("fs");
    fs.read_to_string
        .side_effect(|_| Ok("version = 1\nname = \"app\"\n".to_string()));
    fs.write.side_effect(|_, _| Ok(()));

    assert!(migrate(&mut fs, Path::new("app.toml")).unwrap());

    fs.read_to_string
        .assert_called_once_with(call!(Path::new("app.toml")));
    fs.write.assert_has_calls([
        call!(Path::new("app.toml.bak"), b"version = 1\nname = \"app\"\n"),
        call!(Path::new("app.toml"), b"version = 2\nname = \"app\"\n"),
    ]);
    // The recorded arguments are owned: `&Path` as `PathBuf`, `&[u8]` as `Vec<u8>`.
    let (path, contents) = fs.write.call_args().unwrap();
    assert_eq!(path, PathBuf::from("app.toml"));
    assert!(String::from_utf8(contents).unwrap().contains("version = 2"));
}

#[test]
fn a_missing_file_is_an_error_and_nothing_is_written() {
    let mut fs = MockFileSystem::new();
    fs.read_to_string.side_effect(|path| Err(not_found(path)));

    let error = migrate(&mut fs, Path::new("missing.toml")).unwrap_err();

    assert_eq!(error.kind(), io::ErrorKind::NotFound);
    fs.write.assert_not_called();
}

#[test]
fn an_up_to_date_file_is_left_alone() {
    let mut fs = MockFileSystem::new();
    fs.read_to_string
        .side_effect(|_| Ok("version = 2\n".to_string()));
    // Sealed: any unconfigured call (here: `write`) would panic.
    fs.seal();

    assert!(!migrate(&mut fs, Path::new("app.toml")).unwrap());
    fs.write.assert_not_called();
}

#[test]
fn a_failed_backup_stops_the_migration() {
    let mut fs = MockFileSystem::new();
    fs.read_to_string
        .side_effect(|_| Ok("version = 1\n".to_string()));
    fs.write.side_effect(|path, _| {
        if path.extension().is_some_and(|e| e == "bak") {
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        } else {
            Ok(())
        }
    });

    let error = migrate(&mut fs, Path::new("app.toml")).unwrap_err();

    assert_eq!(error.kind(), io::ErrorKind::StorageFull);
    fs.write
        .assert_called_once_with(call!(Path::new("app.toml.bak"), ANY));
}
