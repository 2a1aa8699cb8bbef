//! What lowering one method needs to know about its trait and the options
//! the macro was given.

use std::collections::BTreeMap;

use syn::Type;

use super::bounds::Bounds;
use crate::model::AssocType;

/// What lowering a method needs to know about the trait.
pub(crate) struct Context<'a> {
    pub(crate) mock_ty: &'a Type,
    pub(crate) assoc: &'a BTreeMap<String, AssocType>,
    pub(crate) bounds: &'a Bounds,
    /// `Some(send)` when the trait is under `#[async_trait]`.
    pub(crate) async_trait: Option<bool>,
    pub(crate) overrides: &'a ArgOverrides,
    /// The trait is one of std's formatting traits (`Display`, `Debug`, …),
    /// so that its `fmt(&self, f: &mut Formatter) -> Result` is theirs
    /// even when written with bare names.
    pub(crate) formatting_trait: bool,
}

/// Parameters the attribute asks to record by `Debug` text or as a
/// placeholder, by name (`#[automock(debug(event))]`): unlike an attribute
/// on the parameter, this works under `#[cfg_attr(test, automock(…))]`.
#[derive(Default)]
pub(crate) struct ArgOverrides {
    pub(crate) debug: Vec<String>,
    pub(crate) opaque: Vec<String>,
}

impl ArgOverrides {
    pub(crate) const NONE: ArgOverrides = ArgOverrides {
        debug: Vec::new(),
        opaque: Vec::new(),
    };
}
