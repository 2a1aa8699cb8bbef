//! Stage 1 of `mock!`: the mock's name and generics, then one `impl Trait
//! for Name { … }` block per trait, with the methods to mock.
//!
//! ```text
//! mock! {
//!     pub Reader;
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
    pub(crate) trait_path: Path,
    pub(crate) self_ty: Type,
    pub(crate) items: Vec<TraitItem>,
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
            return Err(input.error("expected `impl Trait for Name { … }` after the mock's name"));
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
        let _: Generics = input.parse()?;
        let trait_path = input.parse()?;
        input.parse::<Token![for]>()?;
        let self_ty = input.parse()?;
        let content;
        syn::braced!(content in input);
        let mut items = Vec::new();
        while !content.is_empty() {
            items.push(content.parse()?);
        }
        Ok(MockImpl {
            attrs,
            unsafety,
            trait_path,
            self_ty,
            items,
        })
    }
}
