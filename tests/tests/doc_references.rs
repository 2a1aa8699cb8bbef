//! What users read refers only to what users have: the rustdoc of the
//! published crates, the README and the guide (`docs/`) cite no maintainers'
//! documents ("SEMANTICS …", "API §…") and no behaviour IDs (`SE-3`); they
//! link the guide's sections instead. The IDs are defined for users in one
//! place, the table of `docs/from-unittest-mock.md`.
#![deny(warnings)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{read, repo};

fn files_under(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files_under(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// The behaviour IDs the user-facing table defines (`| **SE-3** |`).
fn behaviour_ids() -> Vec<String> {
    let table = read(&repo().join("docs/from-unittest-mock.md"));
    let mut ids: Vec<String> = table
        .lines()
        .filter_map(|line| line.strip_prefix("| **")?.split_once("**"))
        .map(|(id, _)| id.to_owned())
        .filter(|id| id.contains('-'))
        .collect();
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 100, "expected the table of IDs, found {ids:?}");
    ids
}

/// Whether `text` mentions `id` as a word (`SE-3`, not `SE-30` or `USE-3`).
fn mentions_id(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// What makes a line a reference to a maintainers' document.
fn document_reference(line: &str) -> Option<&'static str> {
    if line.contains("SEMANTICS") {
        return Some("SEMANTICS");
    }
    if line.contains("API §") || line.contains("API.md") {
        return Some("API");
    }
    let section_number = line.match_indices('§').any(|(at, s)| {
        line[at + s.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    });
    section_number.then_some("a § section number")
}

/// The rustdoc text of a source line: `///`, `//!` and `#[doc = "…"]`.
fn doc_text(line: &str) -> Option<&str> {
    let line = line.trim_start();
    line.strip_prefix("///")
        .or_else(|| line.strip_prefix("//!"))
        .or_else(|| {
            line.strip_prefix("#[doc =")
                .or_else(|| line.strip_prefix("#![doc ="))
        })
}

#[derive(Debug)]
struct Finding {
    at: String,
    what: String,
    line: String,
}

fn check_lines<'a>(
    path: &Path,
    lines: impl Iterator<Item = (usize, &'a str)>,
    ids: &[String],
    findings: &mut Vec<Finding>,
) {
    let shown = path
        .strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string();
    for (number, text) in lines {
        let mut found = document_reference(text).map(str::to_owned);
        if found.is_none() {
            found = ids.iter().find(|id| mentions_id(text, id)).cloned();
        }
        if let Some(what) = found {
            findings.push(Finding {
                at: format!("{shown}:{}", number + 1),
                what,
                line: text.trim().to_owned(),
            });
        }
    }
}

fn report(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{}: cites {} in {:?}", f.at, f.what, f.line))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rustdoc_cites_no_maintainers_documents_or_behaviour_ids() {
    let ids = behaviour_ids();
    let mut sources = Vec::new();
    for krate in ["mockgen", "mockgen-macros", "mockgen-runtime"] {
        files_under(&repo().join(krate).join("src"), "rs", &mut sources);
    }
    assert!(
        sources.len() > 30,
        "expected the crates' sources, found {sources:?}"
    );
    let mut findings = Vec::new();
    for path in &sources {
        let text = read(path);
        let docs = text
            .lines()
            .enumerate()
            .filter_map(|(n, line)| Some((n, doc_text(line)?)));
        check_lines(path, docs, &ids, &mut findings);
    }
    assert!(
        findings.is_empty(),
        "rustdoc refers to documents users do not have; link the guide's section instead:\n{}",
        report(&findings)
    );
}

#[test]
fn the_guide_and_readme_cite_no_maintainers_documents() {
    let ids = behaviour_ids();
    let mut pages = vec![repo().join("README.md")];
    files_under(&repo().join("docs"), "md", &mut pages);
    assert!(
        pages.len() > 10,
        "expected the guide's chapters, found {pages:?}"
    );
    let mut findings = Vec::new();
    for path in &pages {
        let text = read(path);
        // The table that defines the IDs may name them; nothing else may.
        let ids: &[String] = if path.ends_with("from-unittest-mock.md") {
            &[]
        } else {
            &ids
        };
        check_lines(path, text.lines().enumerate(), ids, &mut findings);
    }
    assert!(
        findings.is_empty(),
        "the guide refers to documents users do not have:\n{}",
        report(&findings)
    );
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let ids = vec!["SE-3".to_owned(), "AS-7".to_owned()];
    let mut findings = Vec::new();
    let lines = [
        "as SEMANTICS says",
        "(API §6)",
        "see § 11",
        "like SE-3 does",
        "AS-7.",
        "SE-30, USE-3, UTF-8 and §a are fine",
    ];
    check_lines(
        Path::new("x.rs"),
        lines.into_iter().enumerate(),
        &ids,
        &mut findings,
    );
    let found: Vec<&str> = findings.iter().map(|f| f.what.as_str()).collect();
    assert_eq!(
        found,
        ["SEMANTICS", "API", "a § section number", "SE-3", "AS-7"]
    );
    assert_eq!(doc_text("    /// text"), Some(" text"));
    assert_eq!(doc_text("//! text"), Some(" text"));
    assert_eq!(doc_text("// text"), None);
}
