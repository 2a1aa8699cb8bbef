//! The user guide stays complete: every behaviour ID of the `unittest.mock`
//! reference (`shared/SEMANTICS.md`, beside the repository) has a row in
//! `docs/from-unittest-mock.md`, every chapter is in the book's summary, and
//! every chapter with Rust examples is compiled as doctests.
#![deny(warnings)]

mod common;

use std::fs;

use common::{read, repo};

/// The `**XX-N**` IDs of a text (an upper-case prefix, a dash, a number,
/// in bold), in order of appearance, without repeats.
fn bold_ids(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (start, _) in text.match_indices("**") {
        let rest = &text[start + 2..];
        let prefix_len = rest.bytes().take_while(u8::is_ascii_uppercase).count();
        if prefix_len == 0 || rest.as_bytes().get(prefix_len) != Some(&b'-') {
            continue;
        }
        let digits = rest[prefix_len + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let end = prefix_len + 1 + digits;
        if digits == 0 || !rest[end..].starts_with("**") {
            continue;
        }
        let id = &rest[..end];
        if !ids.iter().any(|known| known == id) {
            ids.push(id.to_owned());
        }
    }
    ids
}

#[test]
fn every_semantics_id_is_mapped_in_from_unittest_mock() {
    let semantics = repo().join("../shared/SEMANTICS.md");
    if !semantics.exists() {
        println!(
            "note: {} is not here; skipping the SEMANTICS coverage check",
            semantics.display()
        );
        return;
    }
    let ids = bold_ids(&read(&semantics));
    assert!(
        ids.len() > 100,
        "expected the full list of IDs in SEMANTICS.md, found {}",
        ids.len()
    );
    let guide = read(&repo().join("docs/from-unittest-mock.md"));
    let mapped = bold_ids(&guide);
    let missing: Vec<&String> = ids.iter().filter(|id| !mapped.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "docs/from-unittest-mock.md has no `**ID**` row for {} of {} IDs: {missing:?}",
        missing.len(),
        ids.len()
    );
    let unknown: Vec<&String> = mapped.iter().filter(|id| !ids.contains(id)).collect();
    assert!(
        unknown.is_empty(),
        "docs/from-unittest-mock.md maps IDs that SEMANTICS.md does not have: {unknown:?}"
    );
    println!("docs/from-unittest-mock.md maps all {} IDs", ids.len());
}

/// Chapters written with the benchmarks (`benches/`), whose code is compiled
/// there: the summary links them ahead of time, and they are not doctests.
const WRITTEN_WITH_THE_BENCHMARKS: &[&str] = &["performance.md"];

/// The chapters: every `docs/*.md` but the summary.
fn chapters() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(repo().join("docs"))
        .expect("docs/ exists")
        .map(|entry| entry.expect("a readable entry").file_name())
        .filter_map(|name| name.into_string().ok())
        .filter(|name| name.ends_with(".md") && name != "SUMMARY.md")
        .collect();
    names.sort();
    names
}

#[test]
fn every_chapter_is_in_the_summary_and_every_link_there_exists() {
    let summary = read(&repo().join("docs/SUMMARY.md"));
    for chapter in chapters() {
        assert!(
            summary.contains(&format!("]({chapter})")),
            "docs/SUMMARY.md does not list {chapter}"
        );
    }
    for link in summary.split("](").skip(1) {
        let target = link.split(')').next().unwrap_or_default();
        if WRITTEN_WITH_THE_BENCHMARKS.contains(&target)
            && !repo().join("docs").join(target).exists()
        {
            println!("note: docs/{target} is linked from the summary but not written yet");
            continue;
        }
        assert!(
            repo().join("docs").join(target).exists(),
            "docs/SUMMARY.md links to {target}, which does not exist"
        );
    }
}

#[test]
fn every_chapter_with_rust_examples_is_compiled_as_doctests() {
    // `mockgen-http` is its own crate, with its own guide module.
    let facade = read(&repo().join("mockgen/src/lib.rs"))
        + &read(&repo().join("mockgen/src/guide.rs"))
        + &read(&repo().join("mockgen-http/src/guide.rs"));
    for chapter in chapters() {
        if WRITTEN_WITH_THE_BENCHMARKS.contains(&chapter.as_str()) {
            continue;
        }
        let text = read(&repo().join("docs").join(&chapter));
        let compiled_blocks = text.lines().filter(|line| line.trim() == "```rust").count();
        if compiled_blocks == 0 {
            continue;
        }
        assert!(
            facade.contains(&format!("docs/{chapter}\")")),
            "docs/{chapter} has {compiled_blocks} Rust examples but is not included \
             with `include_str!` in mockgen/src/guide.rs (or mockgen-http/src/guide.rs)"
        );
    }
}
