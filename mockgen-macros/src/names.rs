//! Every generated identifier and every runtime path, built in one place.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;
use syn::ext::IdentExt as _;

/// Paths into the runtime, through the facade's hidden `__private` module.
#[derive(Clone)]
pub(crate) struct Runtime {
    root: TokenStream,
}

impl Runtime {
    pub(crate) fn new(krate: Option<&syn::Path>) -> Self {
        let root = match krate {
            Some(path) => quote!(#path::__private),
            None => quote!(::mockgen::__private),
        };
        Runtime { root }
    }

    /// `::mockgen::__private::<item>`.
    pub(crate) fn item(&self, item: &str) -> TokenStream {
        let root = &self.root;
        let item = Ident::new(item, Span::call_site());
        quote!(#root::#item)
    }
}

/// `MockWeather` for trait `Weather`.
pub(crate) fn mock_ident(trait_ident: &Ident) -> Ident {
    format_ident!("Mock{}", trait_ident)
}

/// The marker type of one method's signature: `__Mockgen11MockWeathertemperature`.
/// The length of the mock's name makes the name injective (`MockA` with
/// `b_c` and `MockA_b` with `c` differ), and the names are kept as written
/// (`get` and `Get`, `get_user` and `get__user` differ).
pub(crate) fn signature_ident(mock: &Ident, method: &Ident) -> Ident {
    let mock = mock.unraw().to_string();
    format_ident!("__Mockgen{}{}{}", mock.len(), mock, method.unraw())
}

/// The probes type of a mock's methods typed by their structure
/// (`codegen::shape`): a prefix no signature marker has.
pub(crate) fn probes_ident(mock: &Ident) -> Ident {
    let mock = mock.unraw().to_string();
    format_ident!("__MockgenProbes{}{}", mock.len(), mock)
}

/// The family marker of a generic method: a prefix no signature marker
/// has (theirs continue with a digit).
pub(crate) fn family_ident(mock: &Ident, method: &Ident) -> Ident {
    let mock = mock.unraw().to_string();
    format_ident!("__MockgenOf{}{}{}", mock.len(), mock, method.unraw())
}

/// The link of `impl` block `block` in the chain of handles of a struct's
/// joined mock (see `codegen::joined`).
pub(crate) fn block_ident(mock: &Ident, block: &Ident) -> Ident {
    let mock = mock.unraw().to_string();
    format_ident!("__MockgenBlock{}{}{}", mock.len(), mock, block.unraw())
}

/// The link of `impl` block `block` in the chain of static handles.
pub(crate) fn block_statics_ident(mock: &Ident, block: &Ident) -> Ident {
    let mock = mock.unraw().to_string();
    format_ident!(
        "__MockgenBlockStatics{}{}{}",
        mock.len(),
        mock,
        block.unraw()
    )
}

/// `base`, or `base_`, `base__`, … whichever none of `taken` (the
/// mock's methods, whose handles are fields) is named.
pub(crate) fn unused_field<'a>(
    base: &str,
    taken: impl Iterator<Item = &'a Ident> + Clone,
) -> Ident {
    let mut name = base.to_owned();
    while taken.clone().any(|t| t.unraw() == name) {
        name.push('_');
    }
    Ident::new(&name, Span::call_site())
}

/// The type parameter of the side effect in the generated `boxed` and
/// `boxed_async`, and that of the future it returns: names no user writes,
/// as they sit next to the trait's own type parameters.
pub(crate) fn closure_params() -> (Ident, Ident) {
    (
        Ident::new("__MockgenClosure", Span::call_site()),
        Ident::new("__MockgenFuture", Span::call_site()),
    )
}

/// The `i`-th argument of a generated method, when the user's pattern is not
/// a plain identifier.
pub(crate) fn arg_ident(index: usize) -> Ident {
    // Hygienic, so that it cannot clash with a parameter the user named `arg0`.
    Ident::new(&format!("arg{index}"), Span::mixed_site())
}

/// The lifetime given to the elided lifetimes of argument `index`.
pub(crate) fn arg_lifetime(index: usize) -> syn::Lifetime {
    syn::Lifetime::new(&format!("'__mockgen_a{index}"), Span::call_site())
}

/// The lifetime given to the lifetimes inside argument `index` when it is
/// `&mut T<'_>` (see `lifetimes::split_mut`).
pub(crate) fn inner_lifetime(index: usize) -> syn::Lifetime {
    syn::Lifetime::new(&format!("'__mockgen_b{index}"), Span::call_site())
}

/// The `SigN`/`ArityN` pair of a method taking `arity` arguments.
/// The most arguments a mocked method or patched function takes: the
/// runtime implements its handles once per number of arguments, up to
/// this one (`for_each_arity!`).
pub(crate) const MAX_ARGS: usize = 16;

pub(crate) fn arity_items(arity: usize) -> (String, String) {
    (format!("Sig{arity}"), format!("Arity{arity}"))
}

/// A local of generated code that cannot collide with the user's names.
pub(crate) fn hygienic(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// Type tokens as people write them: `Result<f64, Error>`, not
/// `Result < f64 , Error >`.
/// The name of the type parameter that stands for `Self` in a patch
/// marker nested in a function (`patchable::single`).
pub(crate) const SELF_PARAM: &str = "__mockgen_Self";

pub(crate) fn type_text(ty: &syn::Type) -> String {
    let mut words = Vec::new();
    flatten(quote!(#ty), &mut words);
    let mut out = String::new();
    let mut previous = "";
    for word in &words {
        let glued = previous.is_empty()
            || matches!(previous, "<" | "&" | "(" | "[" | "::" | "'" | "*")
            || matches!(
                word.as_str(),
                "<" | ">" | ">>" | "," | ")" | "]" | "::" | "(" | "[" | ";"
            );
        let spaced =
            matches!(word.as_str(), "->" | "+" | "=") || matches!(previous, "->" | "+" | "=" | ",");
        if spaced || !glued {
            out.push(' ');
        }
        out.push_str(word);
        previous = word;
    }
    // The stand-in for `Self` in a nested patch marker reads as `Self`.
    out.replace(SELF_PARAM, "Self")
}

/// Splits tokens into words, joining multi-character operators (`::`, `->`).
fn flatten(tokens: TokenStream, words: &mut Vec<String>) {
    let mut joint = false;
    for tree in tokens {
        match tree {
            proc_macro2::TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::None => ("", ""),
                };
                if !open.is_empty() {
                    words.push(open.to_owned());
                }
                flatten(group.stream(), words);
                if !close.is_empty() {
                    words.push(close.to_owned());
                }
                joint = false;
            }
            proc_macro2::TokenTree::Punct(punct) => {
                match words.last_mut() {
                    Some(last) if joint => last.push(punct.as_char()),
                    _ => words.push(punct.as_char().to_string()),
                }
                joint = punct.spacing() == proc_macro2::Spacing::Joint && punct.as_char() != '\'';
            }
            other => {
                words.push(other.to_string());
                joint = false;
            }
        }
    }
}

/// A path as people write it: `std::io::Read`.
pub(crate) fn path_text(path: &syn::Path) -> String {
    type_text(&syn::Type::Path(syn::TypePath {
        qself: None,
        path: path.clone(),
    }))
}

/// The number that stands for a method's name in types
/// (`HasMethod<ID>`): `call!(.name(…))` and the mock's impl compute it from
/// the same name (FNV-1a, 64 bits).
pub(crate) fn method_id(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
