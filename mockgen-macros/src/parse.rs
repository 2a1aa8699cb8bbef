//! Stage 1: the attribute's options (darling) and the annotated item (syn).

use darling::FromMeta;
use darling::ast::NestedMeta;
use proc_macro2::TokenStream;
use syn::spanned::Spanned as _;

/// `#[automock(…)]` options.
#[derive(Debug, Default, FromMeta)]
#[darling(default)]
pub(crate) struct Options {
    /// Path of the `mockgen` crate, for crates that re-export it.
    #[darling(rename = "crate")]
    pub(crate) krate: Option<syn::Path>,
    /// Name of the generated mock type, instead of `Mock<Trait>`.
    pub(crate) mock: Option<syn::Ident>,
    /// Parameters recorded by their `Debug` text: `debug(event, request)`.
    pub(crate) debug: darling::util::PathList,
    /// Parameters recorded as a placeholder: `opaque(handle)`.
    pub(crate) opaque: darling::util::PathList,
    /// On a struct: the `impl` blocks that join into its mock,
    /// `blocks(Queries, admin::Admin)`.
    pub(crate) blocks: Option<darling::util::PathList>,
    /// On an `impl` block: its name in the struct's `blocks(…)`.
    pub(crate) block: Option<syn::Ident>,
}

impl Options {
    /// How the options ask to record parameters, by name.
    pub(crate) fn overrides(&self) -> crate::lower::context::ArgOverrides {
        let names = |list: &darling::util::PathList| {
            list.iter()
                .filter_map(|p| p.get_ident().map(ToString::to_string))
                .collect()
        };
        crate::lower::context::ArgOverrides {
            debug: names(&self.debug),
            opaque: names(&self.opaque),
        }
    }
}

/// What `#[automock]` or `#[autospec]` was given.
pub(crate) struct Input {
    pub(crate) options: Options,
    /// `type Item = u32;` items of the attribute.
    pub(crate) assoc_types: Vec<syn::TraitItemType>,
    /// `const MAX: usize = 8;` items of the attribute.
    pub(crate) assoc_consts: Vec<syn::TraitItemConst>,
    pub(crate) item: Annotated,
    /// Which attribute was given it.
    pub(crate) which: Macro,
}

/// The annotated item.
pub(crate) enum Annotated {
    Trait(syn::ItemTrait),
    /// An `impl Trait for Type` block (mocked as `MockType`), an inherent
    /// `impl` block (`#[autospec]` only), or with `block = Name` any `impl`
    /// block of a struct.
    Impl(syn::ItemImpl),
    /// A struct whose `impl` blocks join into one mock (`#[autospec]`
    /// only).
    Struct(syn::ItemStruct),
}

/// Which attribute macro is parsing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Macro {
    Automock,
    Autospec,
}

/// The attribute's arguments: associated items, then `key = value` options.
struct Args {
    assoc_types: Vec<syn::TraitItemType>,
    assoc_consts: Vec<syn::TraitItemConst>,
    metas: Vec<NestedMeta>,
}

impl syn::parse::Parse for Args {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args {
            assoc_types: Vec::new(),
            assoc_consts: Vec::new(),
            metas: Vec::new(),
        };
        while !input.is_empty() {
            if input.peek(syn::Token![type]) {
                args.assoc_types.push(input.parse()?);
            } else if input.peek(syn::Token![const]) {
                args.assoc_consts.push(input.parse()?);
            } else {
                args.metas.push(input.parse()?);
                if !input.is_empty() {
                    input.parse::<syn::Token![,]>()?;
                }
            }
        }
        Ok(args)
    }
}

/// Parses the options and the item, reporting problems with both at once.
pub(crate) fn input(
    args: TokenStream,
    item: TokenStream,
    which: Macro,
) -> Result<Input, syn::Error> {
    let mut errors = darling::Error::accumulator();
    let args = errors.handle(syn::parse2::<Args>(args).map_err(darling::Error::from));
    let options = args
        .as_ref()
        .and_then(|args| errors.handle(Options::from_list(&args.metas)));
    let item = match syn::parse2::<syn::Item>(item) {
        Ok(syn::Item::Trait(item)) => Some(Annotated::Trait(item)),
        Ok(syn::Item::Impl(item)) if which == Macro::Autospec || item.trait_.is_some() => {
            Some(Annotated::Impl(item))
        }
        Ok(syn::Item::Struct(item)) if which == Macro::Autospec => Some(Annotated::Struct(item)),
        Ok(other) => {
            let message = match (which, &other) {
                (_, syn::Item::Mod(_)) => {
                    "a module is not mocked: mark its functions `#[patchable]` (or an `impl` block, or an `extern` block) and replace them in a test with `patch!`"
                }
                (_, syn::Item::ForeignMod(_)) => {
                    "an `extern` block is not mocked: mark it `#[patchable]` and replace its functions in a test with `patch!`"
                }
                (Macro::Automock, _) => {
                    "`#[automock]` goes on a trait or an `impl Trait for Type` block; for an inherent `impl` block use `#[autospec]`, for a trait you cannot annotate use `mock!`"
                }
                (Macro::Autospec, _) => "`#[autospec]` goes on a trait or an `impl` block",
            };
            errors.push(darling::Error::custom(message).with_span(&item_head_span(&other)));
            None
        }
        Err(error) => {
            errors.push(error.into());
            None
        }
    };
    if let (Some(options), Some(item)) = (&options, &item) {
        for (span, message) in misplaced(options, item) {
            errors.push(darling::Error::custom(message).with_span(&span));
        }
    }
    errors.finish().map_err(into_syn_error)?;
    match (args, options, item) {
        (Some(args), Some(options), Some(item)) => Ok(Input {
            options,
            assoc_types: args.assoc_types,
            assoc_consts: args.assoc_consts,
            item,
            which,
        }),
        _ => unreachable!("invariant: an accumulator without errors yields every part"),
    }
}

/// Options on the wrong item, and items that need an option: the struct
/// lists its blocks, each block names itself.
fn misplaced(options: &Options, item: &Annotated) -> Vec<(proc_macro2::Span, &'static str)> {
    let mut found = Vec::new();
    let blocks_span = options.blocks.as_ref().map(|list| {
        list.first()
            .map_or_else(proc_macro2::Span::call_site, |p| p.span())
    });
    match item {
        Annotated::Struct(s) => {
            if options.blocks.is_none() {
                found.push((
                    s.struct_token.span.join(s.ident.span()).unwrap_or(s.ident.span()),
                    "`#[autospec]` on a struct joins its `impl` blocks into one mock: list them, `#[autospec(blocks(Name, …))]`, and put `#[autospec(block = Name)]` on each block",
                ));
            }
            if let Some(block) = &options.block {
                found.push((
                    block.span(),
                    "`block = …` goes on an `impl` block; on the struct, list the blocks with `blocks(…)`",
                ));
            }
        }
        Annotated::Impl(_) => {
            if let Some(span) = blocks_span {
                found.push((
                    span,
                    "`blocks(…)` goes on the struct; on an `impl` block, name the block with `block = Name`",
                ));
            }
        }
        Annotated::Trait(_) => {
            if let Some(span) = blocks_span {
                found.push((span, "`blocks(…)` goes on a struct"));
            }
            if let Some(block) = &options.block {
                found.push((
                    block.span(),
                    "`block = …` goes on an `impl` block of a struct",
                ));
            }
        }
    }
    found
}

/// The span of an item's keyword and name, where "not a trait" points.
fn item_head_span(item: &syn::Item) -> proc_macro2::Span {
    match item {
        syn::Item::Struct(s) => s
            .struct_token
            .span
            .join(s.ident.span())
            .unwrap_or(s.ident.span()),
        syn::Item::Enum(e) => e
            .enum_token
            .span
            .join(e.ident.span())
            .unwrap_or(e.ident.span()),
        syn::Item::Fn(f) => f.sig.span(),
        syn::Item::Impl(i) => i.impl_token.span,
        syn::Item::Mod(m) => m
            .mod_token
            .span
            .join(m.ident.span())
            .unwrap_or(m.ident.span()),
        syn::Item::ForeignMod(m) => m.abi.extern_token.span,
        other => other.span(),
    }
}

/// darling errors carry their own spans; turn them into one `syn::Error`.
pub(crate) fn into_syn_error(error: darling::Error) -> syn::Error {
    let mut errors = error.into_iter().map(|e| {
        let span = e.span();
        syn::Error::new(span, e.to_string())
    });
    let mut first = errors
        .next()
        .expect("invariant: a darling error holds at least one error");
    for error in errors {
        first.combine(error);
    }
    first
}
