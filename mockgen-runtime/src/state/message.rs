//! Failure text, shaped like `unittest.mock`'s.

/// `name(a, b)`.
pub(crate) fn render_call(name: &str, args: &[String]) -> String {
    format!("{name}({})", args.join(", "))
}

/// `1 time`, `3 times`.
pub(crate) fn times(n: usize) -> String {
    if n == 1 {
        "1 time".to_owned()
    } else {
        format!("{n} times")
    }
}

/// The `Calls:` block: nothing when there were no calls, else one per line.
pub(crate) fn calls_block(calls: &[String]) -> String {
    block("Calls", calls)
}

/// `\n{name}:` and one item per line; nothing when there are no items.
pub(crate) fn block(name: &str, items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{name}:");
    for item in items {
        out.push_str("\n  ");
        out.push_str(item);
    }
    out
}

/// `[a, b]` on one line when short, else one item per line.
pub(crate) fn list(items: &[String]) -> String {
    let one_line = items.join(", ");
    if items.len() <= 1 || one_line.len() <= 60 {
        return format!("[{one_line}]");
    }
    let mut out = String::from("[");
    for item in items {
        out.push_str("\n    ");
        out.push_str(item);
        out.push(',');
    }
    out.push_str("\n]");
    out
}
