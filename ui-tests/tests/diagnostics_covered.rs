//! Every message the macro crate can emit has a compile-fail case whose
//! `.stderr` snapshot shows it: the messages are read from the macro
//! crate's source (the arguments of `syn::Error::new`, `Errors::push`,
//! `ParseStream::error`, `darling::Error::custom`, `Err(…)`, and `&str`
//! constants), and looked for in `tests/ui/**/*.stderr`.

mod support;

use std::path::Path;

use syn::visit::Visit;

/// A message, as fixed text pieces between `format!` placeholders.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Message {
    pieces: Vec<String>,
    source: String,
}

impl Message {
    fn text(&self) -> String {
        self.pieces.join("{…}")
    }

    fn shown_in(&self, stderr: &str) -> bool {
        self.pieces
            .iter()
            .all(|piece| stderr.contains(piece.as_str()))
    }
}

/// The fixed pieces of a `format!` template (`{{`/`}}` unescaped).
fn pieces(template: &str) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('{', Some('{')) | ('}', Some('}')) => {
                chars.next();
                pieces.last_mut().unwrap().push(c);
            }
            ('{', _) => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                pieces.push(String::new());
            }
            _ => pieces.last_mut().unwrap().push(c),
        }
    }
    pieces.retain(|p| !p.trim().is_empty());
    pieces
}

/// Collects the messages of one source file.
struct Collector<'a> {
    source: &'a str,
    found: Vec<Message>,
}

impl Collector<'_> {
    /// A message: a `format!` template, or text as it is.
    fn add(&mut self, text: &str, template: bool) {
        let pieces = if template {
            pieces(text)
        } else {
            vec![text.to_owned()]
        };
        self.found.push(Message {
            pieces,
            source: self.source.to_owned(),
        });
    }

    /// Every string literal or `format!` template in a message argument,
    /// through `match`, `if` and references.
    fn message_expr(&mut self, expr: &syn::Expr) {
        struct Literals<'c, 'a>(&'c mut Collector<'a>);
        impl<'ast> Visit<'ast> for Literals<'_, '_> {
            fn visit_lit_str(&mut self, lit: &'ast syn::LitStr) {
                self.0.add(&lit.value(), false);
            }
            fn visit_macro(&mut self, mac: &'ast syn::Macro) {
                let parse_args =
                    syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
                if mac.path.is_ident("format")
                    && let Ok(args) = mac.parse_body_with(parse_args)
                    && let Some(syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(template),
                        ..
                    })) = args.first()
                {
                    self.0.add(&template.value(), true);
                }
            }
            // A closure or call inside computes a value, not a message.
            fn visit_expr_call(&mut self, _: &'ast syn::ExprCall) {}
            fn visit_expr_method_call(&mut self, _: &'ast syn::ExprMethodCall) {}
        }
        Literals(self).visit_expr(expr);
    }
}

/// `syn::Error::new`, `Error::new_spanned`, `darling::Error::custom`, `Err`.
fn is_constructor(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match names.as_slice() {
        [.., owner, new] if owner == "Error" && new == "new" => true,
        [.., last] => ["new_spanned", "custom", "Err"].contains(&last.as_str()),
        [] => false,
    }
}

const METHODS: &[&str] = &["push", "error"];

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let syn::Expr::Path(path) = &*call.func
            && is_constructor(&path.path)
        {
            for arg in &call.args {
                self.message_expr(arg);
            }
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if METHODS.iter().any(|m| call.method == m) {
            for arg in &call.args {
                self.message_expr(arg);
            }
        }
        syn::visit::visit_expr_method_call(self, call);
    }

    /// `let message = match … { … => "…" };`, then `Error::custom(message)`.
    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let (syn::Pat::Ident(pat), Some(init)) = (&local.pat, &local.init)
            && pat.ident.to_string().contains("message")
        {
            self.message_expr(&init.expr);
        }
        syn::visit::visit_local(self, local);
    }

    /// A `&str` constant of words (not a generated name) is a message.
    fn visit_item_const(&mut self, item: &'ast syn::ItemConst) {
        if let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        }) = &*item.expr
            && lit.value().contains(' ')
        {
            self.add(&lit.value(), false);
        }
    }

    /// Tests hold messages of their own.
    fn visit_item_mod(&mut self, module: &'ast syn::ItemMod) {
        let is_test = module
            .attrs
            .iter()
            .any(|a| a.path().is_ident("cfg") && quote::quote!(#a).to_string().contains("test"));
        if !is_test {
            syn::visit::visit_item_mod(self, module);
        }
    }
}

/// Every distinct message of the macro crate.
fn messages() -> Vec<Message> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("../mockgen-macros/src");
    let mut sources = Vec::new();
    support::files(&src, "rs", &mut sources);
    let mut messages: Vec<Message> = Vec::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.strip_prefix(&src).unwrap().display().to_string();
        let mut collector = Collector {
            source: &name,
            found: Vec::new(),
        };
        collector.visit_file(&file);
        for message in collector.found {
            if !message.pieces.is_empty() && !messages.iter().any(|m| m.pieces == message.pieces) {
                messages.push(message);
            }
        }
    }
    messages.retain(|m| !NEVER_SHOWN.contains(&m.text().as_str()));
    messages.sort();
    messages
}

/// Messages built but never shown: the error of a parse attempt that is
/// dropped when it fails (`patchable/foreign.rs` tries `safe fn` first).
const NEVER_SHOWN: &[&str] = &["expected `safe`"];

#[test]
fn every_diagnostic_of_the_macro_crate_has_a_ui_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut snapshots = Vec::new();
    support::files(&root.join("tests/ui"), "stderr", &mut snapshots);
    let stderrs: Vec<String> = snapshots
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let messages = messages();
    let missing: Vec<String> = messages
        .iter()
        .filter(|m| !stderrs.iter().any(|s| m.shown_in(s)))
        .map(|m| format!("{}: {}", m.source, m.text()))
        .collect();
    assert!(
        messages.len() >= 40,
        "only {} messages found: is the scan still reading the macro crate?",
        messages.len()
    );
    assert!(
        missing.is_empty(),
        "{} of {} diagnostics have no ui snapshot (add a case under tests/ui/<area>/):\n{}",
        missing.len(),
        messages.len(),
        missing.join("\n")
    );
}

#[test]
fn every_diagnostic_is_listed_in_the_troubleshooting_chapter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chapter = std::fs::read_to_string(root.join("../docs/troubleshooting.md")).unwrap();
    // The chapter escapes `|` in tables and may wrap; compare on words.
    let normalise = |text: &str| -> String {
        text.replace("\\|", "|")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let chapter = normalise(&chapter);
    // Rows may shorten a long message after its headline (`…`): the text
    // up to the first `: `, `; ` or ` (` must be there.
    let headline = |m: &Message| -> String {
        let first = &m.pieces[0];
        let end = [": ", "; ", " ("]
            .iter()
            .filter_map(|cut| first.find(cut))
            .min()
            .unwrap_or(first.len());
        normalise(&first[..end])
    };
    let missing: Vec<String> = messages()
        .iter()
        .filter(|m| !chapter.contains(&headline(m)))
        .map(|m| format!("{}: {}", m.source, m.text()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} diagnostics are not in docs/troubleshooting.md:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
