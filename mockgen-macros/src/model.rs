//! Stage 2's output: the mock described as plain data, ready for codegen.

use syn::{Attribute, Ident, Type, Visibility};

/// One mock to generate.
pub(crate) struct MockSpec {
    pub(crate) vis: Visibility,
    pub(crate) trait_ident: Ident,
    pub(crate) mock_ident: Ident,
    pub(crate) unsafety: Option<syn::token::Unsafe>,
    pub(crate) methods: Vec<MockMethod>,
}

/// One method of the trait.
pub(crate) struct MockMethod {
    pub(crate) ident: Ident,
    /// `#[cfg]` attributes: copied to every item generated for the method.
    pub(crate) cfgs: Vec<Attribute>,
    /// `#[doc]` attributes: copied to the handle field.
    pub(crate) docs: Vec<Attribute>,
    pub(crate) unsafety: Option<syn::token::Unsafe>,
    pub(crate) receiver: Receiver,
    pub(crate) args: Vec<MockArg>,
    /// The return type, `()` when the method has none.
    pub(crate) output: Type,
}

/// How the method takes `self`.
pub(crate) enum Receiver {
    Ref,
    Mut,
}

/// One argument.
pub(crate) struct MockArg {
    /// The name used in the generated method.
    pub(crate) ident: Ident,
    /// The type as written.
    pub(crate) ty: Type,
    /// The type with its elided lifetimes named, for the signature's `AN`.
    pub(crate) named_ty: Type,
    pub(crate) recording: Recording,
}

/// How an argument is recorded.
pub(crate) enum Recording {
    /// An owned copy through `ToOwned` of the type behind the reference
    /// (`&str` → `String`), or of the value itself.
    Owned { target: Type, by_ref: bool },
    /// Its `Debug` text.
    Debug,
    /// A placeholder naming its type.
    Opaque,
}
