//! The user guide stays complete: every behaviour ID of the `unittest.mock`
//! reference (`shared/SEMANTICS.md`, beside the repository) has a row in
//! `docs/from-unittest-mock.md`, every chapter is in the book's summary, and
//! every chapter with Rust examples is compiled as doctests. Each check
//! fails, rather than passing, when what it reads is not there.
#![deny(warnings)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

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

/// `shared/SEMANTICS.md` in the repository's parent or a directory above
/// it, or the file `MOCKGEN_SEMANTICS` names.
fn semantics_reference() -> PathBuf {
    if let Some(path) = std::env::var_os("MOCKGEN_SEMANTICS") {
        return PathBuf::from(path);
    }
    let root = repo();
    root.ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/SEMANTICS.md"))
        .find(|path| path.exists())
        .unwrap_or_else(|| {
            panic!(
                "no shared/SEMANTICS.md in a directory above {}: the guide's mapping of \
                 behaviour IDs cannot be checked (set MOCKGEN_SEMANTICS to its path)",
                root.display()
            )
        })
}

#[test]
fn every_semantics_id_is_mapped_in_from_unittest_mock() {
    let semantics = semantics_reference();
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
    assert!(
        names.len() >= 10,
        "only {} chapters in docs/: is the guide still there?",
        names.len()
    );
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
    let links: Vec<&str> = summary
        .split("](")
        .skip(1)
        .map(|link| link.split(')').next().unwrap_or_default())
        .collect();
    assert!(
        links.len() >= chapters().len(),
        "docs/SUMMARY.md links {} chapters of {}",
        links.len(),
        chapters().len()
    );
    for target in links {
        assert!(
            repo().join("docs").join(target).exists(),
            "docs/SUMMARY.md links to {target}, which does not exist"
        );
    }
}

/// Whether a `cfg` predicate holds when rustdoc compiles doctests:
/// `doctest` is set and `test` is not; other names cannot be decided here.
fn holds_under_doctest(predicate: &syn::Meta) -> bool {
    let nested = |list: &syn::MetaList| -> Vec<syn::Meta> {
        list.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        )
        .expect("a cfg predicate")
        .into_iter()
        .collect()
    };
    match predicate {
        syn::Meta::Path(path) if path.is_ident("doctest") => true,
        syn::Meta::Path(path) if path.is_ident("test") => false,
        syn::Meta::List(list) if list.path.is_ident("not") => {
            !nested(list).iter().all(holds_under_doctest)
        }
        syn::Meta::List(list) if list.path.is_ident("all") => {
            nested(list).iter().all(holds_under_doctest)
        }
        syn::Meta::List(list) if list.path.is_ident("any") => {
            nested(list).iter().any(holds_under_doctest)
        }
        other => panic!(
            "cannot tell whether `cfg({})` holds for doctests",
            quote_meta(other)
        ),
    }
}

fn quote_meta(meta: &syn::Meta) -> String {
    match meta {
        syn::Meta::Path(path) => path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default(),
        syn::Meta::List(list) => format!(
            "{}(…)",
            list.path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        syn::Meta::NameValue(_) => "name = value".to_owned(),
    }
}

/// Whether an item with these attributes is compiled for doctests.
fn compiled_for_doctests(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .all(|attr| holds_under_doctest(&attr.parse_args().expect("a cfg predicate")))
}

/// The files that `#[doc = include_str!("…")]` attributes bring in, resolved
/// from `source`'s directory.
fn included_docs(attrs: &[syn::Attribute], source: &Path) -> Vec<PathBuf> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value: syn::Expr::Macro(mac),
                ..
            }) if mac.mac.path.is_ident("include_str") => {
                let path: syn::LitStr = mac.mac.parse_body().expect("a path literal");
                let file = source.parent().unwrap().join(path.value());
                Some(file.canonicalize().unwrap_or_else(|e| {
                    panic!("{} includes {}: {e}", source.display(), file.display())
                }))
            }
            _ => None,
        })
        .collect()
}

/// The guide files included as docs that rustdoc compiles as doctests: from
/// the crate root's own docs and items, and from the items of a module file
/// it declares (`mod guide;`), each without a `cfg` that leaves it out of
/// doctest builds.
fn chapters_compiled_as_doctests(crate_root: &Path) -> Vec<PathBuf> {
    let file = syn::parse_file(&read(crate_root))
        .unwrap_or_else(|e| panic!("{}: {e}", crate_root.display()));
    let mut compiled = included_docs(&file.attrs, crate_root);
    for item in &file.items {
        let attrs: &[syn::Attribute] = match item {
            syn::Item::Mod(module) => &module.attrs,
            syn::Item::Struct(item) => &item.attrs,
            syn::Item::Const(item) => &item.attrs,
            syn::Item::Fn(item) => &item.attrs,
            _ => continue,
        };
        let docs = included_docs(attrs, crate_root);
        let module_file = match item {
            syn::Item::Mod(module) if module.content.is_none() => {
                Some(crate_root.with_file_name(format!("{}.rs", module.ident)))
                    .filter(|path| path.exists())
            }
            _ => None,
        };
        if (docs.is_empty() && module_file.is_none()) || !compiled_for_doctests(attrs) {
            continue;
        }
        compiled.extend(docs);
        if let Some(path) = module_file {
            compiled.extend(chapters_compiled_as_doctests(&path));
        }
    }
    compiled
}

#[test]
fn every_chapter_with_rust_examples_is_compiled_as_doctests() {
    // `mockgen-http` is its own crate, with its own guide module.
    let compiled: Vec<PathBuf> = ["mockgen/src/lib.rs", "mockgen-http/src/lib.rs"]
        .iter()
        .flat_map(|root| chapters_compiled_as_doctests(&repo().join(root)))
        .collect();
    let mut checked = 0;
    for chapter in chapters() {
        if WRITTEN_WITH_THE_BENCHMARKS.contains(&chapter.as_str()) {
            continue;
        }
        let path = repo().join("docs").join(&chapter);
        let text = read(&path);
        let compiled_blocks = text.lines().filter(|line| line.trim() == "```rust").count();
        if compiled_blocks == 0 {
            continue;
        }
        checked += 1;
        assert!(
            compiled.contains(&path.canonicalize().unwrap()),
            "docs/{chapter} has {compiled_blocks} Rust examples but is not compiled as \
             doctests: include it with `#[doc = include_str!(…)]` on an item of \
             mockgen/src/guide.rs (or mockgen-http's), without a `cfg` that leaves \
             doctests out"
        );
    }
    assert!(checked >= 10, "only {checked} chapters have Rust examples");
}
