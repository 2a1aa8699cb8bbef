//! The compile errors the guide quotes are the ones the compiler prints: every
//! message in the first column of the compile-error tables of
//! `docs/troubleshooting.md` is the headline of an error in some
//! `tests/ui/**/*.stderr` snapshot, every error headline of a snapshot is
//! quoted there, and every `error…`/`= note:` line that another chapter
//! shows in a `text` block is in a snapshot as written.

mod support;

use std::path::{Path, PathBuf};

/// A quoted message: its text, where `…` stands for any text (a name, or the
/// rest of a long message).
#[derive(Debug)]
struct Quote {
    text: String,
    /// Where it is quoted, for the failure report.
    row: String,
}

impl Quote {
    /// Whether `headline` is this message: the pieces between `…` appear in
    /// order, the first at the start, the last at the end (unless the quote
    /// ends with `…`).
    fn matches(&self, headline: &str) -> bool {
        let pieces: Vec<&str> = self.text.split('…').collect();
        let mut rest = match headline.strip_prefix(pieces[0]) {
            Some(rest) => rest,
            None => return false,
        };
        for piece in &pieces[1..] {
            match rest.find(piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
        self.text.ends_with('…') || rest.is_empty()
    }
}

/// Whitespace runs as one space (the chapter wraps long rows).
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cells of a Markdown table row, split on `|` not escaped as `\|`.
fn cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.trim().trim_matches('|').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().unwrap().push('|');
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

/// The code spans of a Markdown cell: a run of backticks opens one, the next
/// run of the same length closes it, and one space inside each end is
/// padding.
fn code_spans(cell: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut rest = cell;
    while let Some(open) = rest.find('`') {
        let after = &rest[open..];
        let ticks = after.len() - after.trim_start_matches('`').len();
        let body = &after[ticks..];
        let fence = "`".repeat(ticks);
        let mut search = 0;
        let close = loop {
            let Some(at) = body[search..].find(&fence) else {
                panic!("unclosed code span in `{cell}`");
            };
            let at = search + at;
            let run = body[at..].len() - body[at..].trim_start_matches('`').len();
            if run == ticks {
                break at;
            }
            search = at + run;
        };
        let mut span = &body[..close];
        if span.len() > 2 && span.starts_with(' ') && span.ends_with(' ') {
            span = &span[1..span.len() - 1];
        }
        spans.push(normalise(span));
        rest = &body[close + ticks..];
    }
    spans
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The messages quoted in the compile-error tables of the chapter: the
/// code spans of each row's first cell, up to the run-time panics.
fn quoted_messages() -> Vec<Quote> {
    let path = root().join("docs/troubleshooting.md");
    let chapter =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let compile_errors = chapter
        .split("\n## Panics at run time")
        .next()
        .filter(|part| part.len() < chapter.len())
        .expect("the chapter has a `## Panics at run time` section after its compile errors");
    let mut quotes = Vec::new();
    for line in compile_errors.lines() {
        if !line.starts_with('|') || line.starts_with("|---") || line.starts_with("| message") {
            continue;
        }
        let first = &cells(line)[0];
        let spans = code_spans(first);
        assert!(!spans.is_empty(), "a row quotes no message: {line}");
        for text in spans {
            quotes.push(Quote {
                text,
                row: first.trim().to_owned(),
            });
        }
    }
    quotes
}

/// The `.stderr` snapshots under `tests/ui`, with their paths.
fn snapshots() -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    support::files(&root().join("ui-tests/tests/ui"), "stderr", &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// The error headlines of a snapshot: the text after `error:` or
/// `error[E…]:`. syn starts an error at the end of the macro's input with
/// `unexpected end of input, `, which is not part of the message.
fn headlines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|line| line.starts_with("error"))
        .filter_map(|line| line.split_once(": "))
        .map(|(_, message)| {
            let message = message.trim();
            normalise(
                message
                    .strip_prefix("unexpected end of input, ")
                    .unwrap_or(message),
            )
        })
        .collect()
}

#[test]
fn troubleshooting_quotes_every_snapshot_error_and_only_those() {
    let quotes = quoted_messages();
    let snapshots = snapshots();
    let errors: Vec<(String, &Path)> = snapshots
        .iter()
        .flat_map(|(path, text)| {
            headlines(text)
                .into_iter()
                .map(move |h| (h, path.as_path()))
        })
        .collect();
    // A scan that found nothing would pass below: it must find the tables
    // and the snapshots.
    assert!(quotes.len() >= 80, "only {} messages quoted", quotes.len());
    assert!(errors.len() >= 80, "only {} snapshot errors", errors.len());

    let unshown: Vec<String> = quotes
        .iter()
        .filter(|q| !errors.iter().any(|(headline, _)| q.matches(headline)))
        .map(|q| format!("  `{}` (in the row `{}`)", q.text, q.row))
        .collect();
    let mut unlisted: Vec<String> = errors
        .iter()
        .filter(|(headline, _)| !quotes.iter().any(|q| q.matches(headline)))
        .map(|(headline, path)| {
            let name = path.strip_prefix(root()).unwrap_or(path);
            format!("  `{headline}` ({})", name.display())
        })
        .collect();
    unlisted.dedup();
    assert!(
        unshown.is_empty() && unlisted.is_empty(),
        "docs/troubleshooting.md and the ui snapshots disagree.\n\
         Quoted, but no snapshot shows it (add a ui case, or quote the snapshot's text; `…` stands for any text):\n{}\n\
         In a snapshot, but not quoted in a table's first column:\n{}",
        unshown.join("\n"),
        unlisted.join("\n")
    );
}

#[test]
fn compile_errors_shown_in_the_guide_are_in_a_snapshot() {
    let snapshots = snapshots();
    let shown = |line: &str| {
        snapshots
            .iter()
            .any(|(_, text)| text.lines().any(|l| normalise(l) == line))
    };
    let mut checked = 0;
    let mut missing = Vec::new();
    let mut chapters: Vec<_> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    chapters.sort();
    for chapter in &chapters {
        let text = std::fs::read_to_string(chapter).unwrap();
        let mut in_text_block = false;
        for line in text.lines() {
            if line.starts_with("```") {
                in_text_block = line == "```text";
                continue;
            }
            let line = normalise(line);
            let quoted = line.starts_with("error[")
                || line.starts_with("error:")
                || line.starts_with("= note:")
                || line.starts_with("= help:");
            if in_text_block && quoted {
                checked += 1;
                if !shown(&line) {
                    missing.push(format!("  {}: {line}", chapter.display()));
                }
            }
        }
    }
    assert!(
        checked > 0,
        "no compiler output found in the guide's text blocks"
    );
    assert!(
        missing.is_empty(),
        "the guide shows compiler output that no ui snapshot has:\n{}",
        missing.join("\n")
    );
}
