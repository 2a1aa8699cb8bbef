//! Stage 1 of `mock!`: the mock's name and generics, then one `impl Trait
//! for Name { … }` block per trait and any number of inherent `impl Name {
//! … }` blocks (the methods of a foreign struct), with the methods to mock.
//!
//! ```text
//! mock! {
//!     pub Reader;
//!     impl Reader {
//!         fn open(path: &str) -> Self;
//!     }
//!     impl std::io::Read for Reader {
//!         fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
//!     }
//! }
//! ```

use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Generics, Ident, Path, Token, TraitItem, Type, Visibility};

pub(crate) struct MockInput {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    pub(crate) ident: Ident,
    pub(crate) generics: Generics,
    pub(crate) impls: Vec<MockImpl>,
}

pub(crate) struct MockImpl {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) unsafety: Option<Token![unsafe]>,
    /// `None` for an inherent block: `impl Name { … }`.
    pub(crate) trait_path: Option<Path>,
    /// `impl<T> From<T> for Name … where …`: the block's generics and
    /// `where` clause (the mock's own parameters may be repeated).
    pub(crate) generics: Generics,
    pub(crate) self_ty: Type,
    pub(crate) items: Vec<TraitItem>,
    /// The visibility written before each item of an inherent block
    /// (`pub fn now(&self) -> u64;`), in the order of `items`.
    pub(crate) item_vis: Vec<Visibility>,
}

impl Parse for MockInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let ident = input.parse()?;
        let mut generics: Generics = input.parse()?;
        generics.where_clause = input.parse()?;
        input.parse::<Token![;]>()?;
        let mut impls = Vec::new();
        while !input.is_empty() {
            impls.push(input.parse()?);
        }
        if impls.is_empty() {
            return Err(input.error(
                "expected `impl Trait for Name { … }` or `impl Name { … }` after the mock's name",
            ));
        }
        Ok(MockInput {
            attrs,
            vis,
            ident,
            generics,
            impls,
        })
    }
}

impl Parse for MockImpl {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let unsafety = input.parse()?;
        input.parse::<Token![impl]>()?;
        // The mock's own generics apply; `impl<…>` may repeat them.
        let mut generics: Generics = input.parse()?;
        // `impl Trait for Name` or, for the mock's own methods, `impl Name`.
        let names_trait = {
            let fork = input.fork();
            fork.parse::<Path>().is_ok() && fork.peek(Token![for])
        };
        let (trait_path, self_ty) = if names_trait {
            let trait_path = input.parse()?;
            input.parse::<Token![for]>()?;
            (Some(trait_path), input.parse()?)
        } else {
            (None, input.parse()?)
        };
        generics.where_clause = input.parse()?;
        let content;
        syn::braced!(content in input);
        let (mut items, mut item_vis) = (Vec::new(), Vec::new());
        while !content.is_empty() {
            let item_attrs = content.call(Attribute::parse_outer)?;
            let vis: Visibility = content.parse()?;
            let mut item: TraitItem = content.parse()?;
            if let TraitItem::Fn(method) = &mut item {
                method.attrs.splice(0..0, item_attrs);
            } else if !item_attrs.is_empty() {
                return Err(syn::Error::new_spanned(
                    &item_attrs[0],
                    "attributes go on methods only",
                ));
            }
            items.push(item);
            item_vis.push(vis);
        }
        Ok(MockImpl {
            attrs,
            unsafety,
            trait_path,
            generics,
            self_ty,
            items,
            item_vis,
        })
    }
}
