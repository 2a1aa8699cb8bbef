//! The expansion never panics: several hundred trait shapes, valid and
//! invalid, go through `#[automock]`, `#[autospec]` and `mock!` (the
//! crate's own expansion functions, no compiler), and each comes back as
//! tokens that parse as items.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::TokenStream;

/// How a method takes `self`.
const RECEIVERS: &[&str] = &[
    "&self",
    "&mut self",
    "self",
    "mut self",
    "self: Box<Self>",
    "self: std::pin::Pin<&mut Self>",
    "&'a self",
    "",
];

/// Argument lists: plain, patterned, borrowed, `impl Trait`, `dyn`,
/// generic and lifetime forms, and some the generator rejects.
const ARGUMENTS: &[&str] = &[
    "",
    "x: u32",
    "x: &str",
    "mut x: String",
    "_: u8",
    "(a, b): (u8, u16)",
    "x: &mut Vec<u8>",
    "x: &mut std::task::Context<'_>",
    "cx: &mut Context<'_>, buf: &mut ReadBuf<'_>",
    "x: &mut Buffer<'a>",
    "x: &'a mut Buffer<'a>",
    "x: &'a mut Buffer<'_>",
    "x: &mut Vec<&str>",
    "x: &mut &mut [u8]",
    "x: &mut Pair<'_, '_>",
    "x: &mut Option<&mut Buffer<'_>>",
    "x: Option<&mut Buffer<'_>>",
    "x: &mut (dyn FnMut(&str) + '_)",
    "x: Option<&str>",
    "x: &[&str]",
    "x: Self",
    "x: &Self",
    "x: Box<Self>",
    "x: Self::Item",
    "x: impl Send",
    "x: impl Send + Sync",
    "x: impl Iterator",
    "x: impl IntoIterator + Send",
    "x: impl IntoIterator<Item = u8> + Send",
    "x: impl Iterator<Item = impl std::fmt::Debug>",
    "x: impl Into<String>",
    "x: impl Into",
    "x: impl AsRef<str>",
    "x: impl AsRef<[u8]> + Send",
    "x: impl Fn(u8) -> u8",
    "x: impl FnMut()",
    "x: impl FnOnce() -> String",
    "x: impl for<'b> Fn(&'b str)",
    "x: impl std::fmt::Debug + Send",
    "x: impl 'static + Send",
    "x: impl ?Sized",
    "x: Vec<impl Send>",
    "x: &dyn Fn()",
    "x: &mut dyn FnMut(u8)",
    "x: Box<dyn std::any::Any + Send>",
    "x: &dyn std::fmt::Debug",
    "x: T",
    "x: &T",
    "x: Vec<T>",
    "x: U",
    "x: &'a str",
    "x: &'static str",
    "x: fn(u8) -> u8",
    "x: [u8; 4]",
    "x: (u8, &str)",
    "x: *const u8",
    "#[mockgen(debug)] x: u32",
    "#[mockgen(opaque)] x: &str",
    "#[mockgen(bogus)] x: u32",
    "a: u8, b: &str, c: impl Send, d: impl Into<u64>",
    "a0: u8, arg0: u8, closure: u8, handle: u8, value: u8, record: u8, each: u8",
    "f: &mut std::fmt::Formatter<'_>",
    "a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8, i: u8, j: u8, k: u8, l: u8, m: u8",
];

/// Return types, with those the generator rejects.
const RETURNS: &[&str] = &[
    "",
    "-> u32",
    "-> ()",
    "-> String",
    "-> &str",
    "-> &[u8]",
    "-> &u8",
    "-> &mut u8",
    "-> Option<&u8>",
    "-> Option<&str>",
    "-> Result<&str, String>",
    "-> Result<u8, std::io::Error>",
    "-> Self",
    "-> Box<Self>",
    "-> Option<Self>",
    "-> Self::Item",
    "-> T",
    "-> impl Iterator<Item = &u8>",
    "-> impl Iterator<Item = u8>",
    "-> impl Iterator",
    "-> impl Send",
    "-> impl Fn()",
    "-> Option<impl Fn()>",
    "-> Box<dyn Iterator<Item = &u8> + '_>",
    "-> !",
    "-> &std::ffi::CStr",
    "-> &std::ffi::OsStr",
    "-> &std::path::Path",
    "-> &'static str",
    "-> &'a str",
    "-> (u8, &str)",
    "-> impl std::future::Future<Output = u8>",
    "-> impl std::future::Future<Output = &str>",
    "-> std::pin::Pin<Box<dyn std::future::Future<Output = u8> + Send + '_>>",
    "-> std::fmt::Result",
    "-> [u8; 4]",
    "-> fn()",
];

/// Attributes and qualifiers before `fn`, and the method's own generics.
const MODIFIERS: &[(&str, &str, &str)] = &[
    ("", "", ""),
    ("", "async", ""),
    ("", "unsafe", ""),
    ("", "const", ""),
    ("", "extern \"C\"", ""),
    ("", "async unsafe", ""),
    ("#[cfg(test)]", "", ""),
    ("#[cfg(not(test))]", "", ""),
    ("/// Docs.\n#[doc(hidden)]", "", ""),
    ("#[allow(unused)]", "", ""),
    ("", "", "<U: Clone + 'static>"),
    ("", "", "<U>"),
    ("", "", "<'b>"),
    ("", "", "<const N: usize>"),
    ("", "", "<A, B: 'static, C: 'static>"),
    ("", "async", "<U: Send + 'static>"),
];

/// The trait around the method.
const TRAITS: &[&str] = &[
    "pub trait Shape",
    "pub trait Shape<T: Clone + Send + Sync>",
    "pub trait Shape<'a>",
    "pub(crate) trait Shape: Send + Sync",
    "trait Shape<T, C, F> where T: Default",
    "unsafe trait Shape",
    "#[async_trait::async_trait] pub trait Shape",
];

/// Trait-level items that come with the method.
const TRAIT_ITEMS: &[&str] = &[
    "",
    "type Item;",
    "type Item: Clone; const N: usize;",
    "type Item<'i> where Self: 'i;",
    "type Wrapped<T, const K: usize>;",
    "fn __mockgen_core(&self); fn new() -> Self;",
    "fn get_user(&self); fn get__user(&self); fn Get(&self); fn get(&self);",
];

fn expands_to_items(
    name: &str,
    what: &str,
    expand: impl FnOnce() -> TokenStream,
) -> Result<(), String> {
    match catch_unwind(AssertUnwindSafe(expand)) {
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(ToString::to_string))
                .unwrap_or_default();
            Err(format!("{name} panicked ({message}) on:\n{what}"))
        }
        Ok(tokens) => match syn::parse2::<syn::File>(tokens.clone()) {
            Ok(_) => Ok(()),
            Err(error) => Err(format!(
                "{name} emitted tokens that are not items ({error}) for:\n{what}\n=> {tokens}"
            )),
        },
    }
}

/// One method per shape: receivers, arguments, returns and modifiers are
/// combined by walking each list at its own pace, so that every entry meets
/// many others; trait headers and items turn more slowly.
fn shapes() -> Vec<Shape> {
    let count = ARGUMENTS.len() * RETURNS.len() / 3;
    (0..count)
        .map(|i| {
            let receiver = RECEIVERS[i % RECEIVERS.len()];
            let args = ARGUMENTS[i % ARGUMENTS.len()];
            let output = RETURNS[(i / ARGUMENTS.len() + i) % RETURNS.len()];
            let (attrs, qualifiers, generics) = MODIFIERS[(i / 3) % MODIFIERS.len()];
            let header = TRAITS[(i / 7) % TRAITS.len()];
            let items = TRAIT_ITEMS[(i / 11) % TRAIT_ITEMS.len()];
            let inputs = if receiver.is_empty() || args.is_empty() {
                format!("{receiver}{args}")
            } else {
                format!("{receiver}, {args}")
            };
            Shape {
                header,
                items,
                attrs,
                signature: format!("{qualifiers} fn method{generics}({inputs}) {output}"),
            }
        })
        .collect()
}

/// One generated method in its trait.
struct Shape {
    header: &'static str,
    items: &'static str,
    attrs: &'static str,
    signature: String,
}

/// The input's tokens, when it is syntactically an item (the compiler
/// rejects the others before any macro sees them).
fn tokens(text: &str) -> Option<TokenStream> {
    let tokens: TokenStream = text.parse().ok()?;
    syn::parse2::<syn::File>(tokens.clone()).ok()?;
    Some(tokens)
}

#[test]
fn no_trait_shape_makes_the_expansion_panic() {
    let shapes = shapes();
    let mut failures = Vec::new();
    let mut expansions = 0;
    for Shape {
        header,
        items,
        attrs,
        signature,
    } in &shapes
    {
        let method = format!("{attrs} {signature}");
        for body in [
            format!("{method};"),
            format!("{method} {{ ::core::todo!() }}"),
        ] {
            let trait_text = format!("{header} {{ {items} {body} }}");
            let Some(item) = tokens(&trait_text) else {
                continue;
            };
            for (name, expand) in [
                ("#[automock]", crate::expand::automock as fn(_, _) -> _),
                ("#[autospec]", crate::expand::autospec),
            ] {
                expansions += 1;
                if let Err(failure) = expands_to_items(name, &trait_text, || {
                    expand(TokenStream::new(), item.clone())
                }) {
                    failures.push(failure);
                }
            }
        }
        // A trait with a lifetime parameter is implemented for every lifetime.
        let block = if header.contains("<'a>") {
            "impl<'a> Shape<'a> for Shape"
        } else {
            "impl Shape for Shape"
        };
        let mock_text = format!("pub Shape; {block} {{ {items} {method}; }}");
        if let Ok(input) = mock_text.parse::<TokenStream>() {
            expansions += 1;
            if let Err(failure) =
                expands_to_items("mock!", &mock_text, || crate::mock_macro::expand(input))
            {
                failures.push(failure);
            }
        }
        let impl_text = format!("impl Shape {{ {attrs} pub {signature} {{ ::core::todo!() }} }}");
        if let Some(item) = tokens(&impl_text) {
            expansions += 1;
            if let Err(failure) = expands_to_items("#[autospec] impl", &impl_text, || {
                crate::expand::autospec(TokenStream::new(), item)
            }) {
                failures.push(failure);
            }
        }
    }
    assert!(shapes.len() >= 500, "{} shapes", shapes.len());
    assert!(
        failures.is_empty(),
        "{} of {expansions} expansions of {} shapes failed:\n\n{}",
        failures.len(),
        shapes.len(),
        failures.join("\n\n")
    );
}

#[test]
fn no_generic_associated_type_makes_the_expansion_panic() {
    let attrs = [
        "",
        "type Item<'x> = &'x str;",
        "type Item = u8;",
        "type Item<T> = Vec<T>;",
        "type Item<'x, 'y> = (&'x str, &'y str);",
        "type Item<'x> = &'x str where Self: 'x;",
        "type Item<'x> = Self::Item<'x>;",
    ];
    let traits = [
        "pub trait Lend { type Item<'a> where Self: 'a; fn get<'a>(&'a self) -> Self::Item<'a>; }",
        "pub trait Lend { type Item<'a>; fn get(&self) -> Option<Self::Item<'_>>; fn put(&self, item: Self::Item<'static>); }",
        "pub trait Lend { type Item<T>; fn get(&self) -> Self::Item<u8>; fn nested(&self) -> Self::Item<Self::Item<u8>>; }",
        "pub trait Lend { type Item; fn get(&self) -> Self::Item<'static>; }",
        "pub trait Lend { type Item<'a>; fn get(&self) -> <Self as Lend>::Item<'_>; }",
    ];
    let mut failures = Vec::new();
    for attr in attrs {
        for trait_text in traits {
            let (Ok(attr_tokens), Some(item)) = (attr.parse::<TokenStream>(), tokens(trait_text))
            else {
                continue;
            };
            let what = format!("#[automock({attr})] {trait_text}");
            if let Err(failure) = expands_to_items("#[automock]", &what, || {
                crate::expand::automock(attr_tokens, item)
            }) {
                failures.push(failure);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
