//! Stage 2's output: the mock described as plain data, ready for codegen.

use syn::{Attribute, Block, Expr, Generics, Ident, Type, Visibility};

/// One mock to generate.
pub(crate) struct MockSpec {
    pub(crate) vis: Visibility,
    pub(crate) mock_ident: Ident,
    /// The mock's generics: the trait's, with `Send + Sync + 'static` added
    /// to every type parameter.
    pub(crate) generics: Generics,
    /// The traits the mock implements: one for `#[automock]`, any number
    /// for `mock!`.
    pub(crate) impls: Vec<TraitImpl>,
    /// Every method of every trait, in order.
    pub(crate) methods: Vec<MockMethod>,
    /// Which macro asked, for docs: `#[automock]` or `mock!`.
    pub(crate) origin: &'static str,
    /// `#[autospec]` on a trait: the mock is sealed from the start.
    pub(crate) strict: bool,
    /// For `#[autospec]` on `impl Database`: the real type, which the spy
    /// constructor `wrapping` takes.
    pub(crate) inherent_self: Option<Type>,
    /// `#[autospec(block = Admin)]`: the block's name; its methods join the
    /// struct's mock (see [`JoinedSpec`]) instead of making one.
    pub(crate) block: Option<Ident>,
}

/// The mock of a struct whose `impl` blocks join into it
/// (`#[autospec(blocks(Queries, admin::Admin))]` on the struct).
pub(crate) struct JoinedSpec {
    pub(crate) vis: Visibility,
    pub(crate) mock_ident: Ident,
    /// The struct's type parameters, `'static`; not its lifetimes.
    pub(crate) generics: Generics,
    /// The struct as a type, `Database<T>`: what a spy wraps.
    pub(crate) real_ty: Type,
    /// Whether the mock has `wrapping`: not for a struct with lifetimes.
    pub(crate) spyable: bool,
    /// The blocks, as listed: their names, with the path of their module.
    pub(crate) blocks: Vec<syn::Path>,
}

impl MockSpec {
    /// The field that holds the mock-level state: `__mockgen_core`, or a
    /// longer name when a method has that one.
    pub(crate) fn core_field(&self) -> Ident {
        crate::names::unused_field("__mockgen_core", self.methods.iter().map(|m| &m.ident))
    }

    /// The field that keeps the mock's type parameters used (some may
    /// appear only in static methods, whose handles live elsewhere).
    pub(crate) fn phantom_field(&self) -> Ident {
        crate::names::unused_field("__mockgen_phantom", self.methods.iter().map(|m| &m.ident))
    }

    /// The visibility of the items generated for `method` alone (its
    /// signature marker): the mock's, or an inherent method's own when it is
    /// narrower (its signature may name types no more visible than it is).
    pub(crate) fn method_item_vis<'a>(&'a self, method: &'a MockMethod) -> &'a Visibility {
        let inherent = self
            .impls
            .get(method.impl_index)
            .is_some_and(|i| i.inherent);
        if inherent && !matches!(method.vis, Visibility::Public(_)) {
            &method.vis
        } else {
            &self.vis
        }
    }

    /// Whether the user mocks std trait `name` (`Debug`, `Clone`, …), in
    /// which case the mock does not get its own impl of it.
    pub(crate) fn mocks_std(&self, name: &str) -> bool {
        self.impls
            .iter()
            .any(|i| !i.inherent && i.path.segments.last().is_some_and(|s| s.ident == name))
    }
}

/// One trait implemented by the mock.
pub(crate) struct TraitImpl {
    /// The trait with its generic arguments: `Weather`, `std::io::Read`,
    /// `Store<K, V>`.
    pub(crate) path: syn::Path,
    /// Whether rustdoc can link to the trait (`#[automock]`: it is in scope).
    pub(crate) linkable: bool,
    /// Methods of an inherent `impl` block (`#[autospec]`, or `impl Name`
    /// in `mock!`), emitted as the mock's own methods instead of a trait
    /// impl.
    pub(crate) inherent: bool,
    pub(crate) unsafety: Option<syn::token::Unsafe>,
    /// The trait's lifetime parameters (`trait Parser<'a>`): the mock
    /// implements the trait for every lifetime (`impl<'a> Parser<'a>`).
    pub(crate) lifetimes: Vec<syn::LifetimeParam>,
    pub(crate) assoc_types: Vec<AssocType>,
    pub(crate) assoc_consts: Vec<AssocConst>,
    /// `#[cfg]` attributes of a `mock!` `impl` block: copied to the impl
    /// (its methods carry them too).
    pub(crate) cfgs: Vec<Attribute>,
    /// Type parameters of a `mock!` `impl` block beyond the mock's
    /// (`impl<T> From<T> for Name`): the impl is generic over them, and its
    /// methods' handles are keyed by them as by a method's own.
    pub(crate) own_params: Vec<syn::TypeParam>,
    /// The trait is dyn-compatible (decided from its declaration, so never
    /// for `mock!`): a spy's methods call the real value as `dyn Trait`
    /// themselves instead of through one closure each.
    pub(crate) dyn_compatible: bool,
    /// The trait has `Sync` as a supertrait, so a spy's real value is
    /// `Sync`: its `&self` methods may run on several threads at once.
    pub(crate) requires_sync: bool,
}

/// `type Item = u32;` in the mock's impl; a generic associated type has
/// parameters, which `ty` names (`type Item<'a> = &'a str where Self: 'a;`).
#[derive(Clone)]
pub(crate) struct AssocType {
    pub(crate) ident: Ident,
    pub(crate) generics: Generics,
    pub(crate) ty: Type,
}

/// `const MAX: usize = 8;` in the mock's impl; no value keeps the trait's.
pub(crate) struct AssocConst {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) value: Option<Expr>,
}

/// One method of the trait.
pub(crate) struct MockMethod {
    pub(crate) ident: Ident,
    /// The method's visibility (inherent methods of `#[autospec]`).
    pub(crate) vis: Visibility,
    /// Index of the trait in [`MockSpec::impls`].
    pub(crate) impl_index: usize,
    /// `#[cfg]` attributes: copied to every item generated for the method.
    pub(crate) cfgs: Vec<Attribute>,
    /// `#[doc]` attributes: copied to the handle field.
    pub(crate) docs: Vec<Attribute>,
    /// The signature as written in the trait, for the impl.
    pub(crate) sig: syn::Signature,
    pub(crate) receiver: Receiver,
    /// The method's own `'static` type parameters: the handle is generic
    /// over them (the others reach side effects as trait objects).
    pub(crate) type_params: Vec<Ident>,
    /// The method's type parameters without `'static`: no handle per
    /// type, their arguments are lent to side effects as trait objects.
    pub(crate) lent_params: Vec<Ident>,
    /// The type parameters of its `mock!` `impl` block beyond the mock's,
    /// which its marker is generic over too.
    pub(crate) impl_params: Vec<syn::TypeParam>,
    /// An earlier method of the mock with the same signature types, whose
    /// marker this method's handle uses instead of one of its own.
    pub(crate) same_signature_as: Option<Ident>,
    pub(crate) args: Vec<MockArg>,
    pub(crate) output: MockOutput,
    /// The trait's default body: what an unconfigured call runs.
    pub(crate) default_body: Option<Block>,
    pub(crate) asyncness: Asyncness,
    /// Set when the side effect is typed as the method is written (its
    /// return value borrows from the arguments, or an argument cannot be
    /// named per argument): its type, with the method's lifetimes.
    pub(crate) lending: Option<Lending>,
}

/// The side effect of a method typed as written:
/// `for<'a> Fn(&'a str, &str) -> &'a str`.
pub(crate) struct Lending {
    /// The lifetimes its arguments name (its binder).
    pub(crate) lifetimes: Vec<syn::Lifetime>,
    /// What it receives, per argument.
    pub(crate) args: Vec<LentArg>,
    /// The return type as written (`Self` replaced), or the configured
    /// form when it borrows from no argument.
    pub(crate) output: Type,
}

/// What a side effect typed as written receives for one argument.
pub(crate) enum LentArg {
    /// A placeholder (`OpaqueArg`).
    Placeholder,
    /// The argument, of this type.
    AsIs(Type),
    /// The argument, of this type, which one lifetime per argument cannot
    /// name (`&mut Pair<'_, '_>`): a placeholder where side effects are
    /// typed through `ArgOf`.
    Unnamed(Type),
}

impl LentArg {
    pub(crate) fn ty(&self) -> Option<&Type> {
        match self {
            LentArg::Placeholder => None,
            LentArg::AsIs(ty) | LentArg::Unnamed(ty) => Some(ty),
        }
    }
}

/// Whether and how the method is async.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asyncness {
    Sync,
    /// `async fn` in the trait.
    AsyncFn,
    /// `fn … -> impl Future<Output = T>`.
    ImplFuture,
    /// `fn … -> Pin<Box<dyn Future<Output = T> + Send + 'a>>`.
    BoxedFuture,
    /// `async fn` in an `#[async_trait]` trait: its signature is desugared
    /// as `async_trait` does; `send` is false under `#[async_trait(?Send)]`.
    AsyncTrait {
        send: bool,
    },
}

impl MockMethod {
    /// The marker type of the method's signature.
    pub(crate) fn marker(&self, mock: &Ident) -> Ident {
        crate::names::signature_ident(mock, self.same_signature_as.as_ref().unwrap_or(&self.ident))
    }

    pub(crate) fn is_async(&self) -> bool {
        self.asyncness != Asyncness::Sync
    }
}

impl MockMethod {
    pub(crate) fn is_static(&self) -> bool {
        matches!(self.receiver, Receiver::Static)
    }
}

/// How the method takes `self`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Receiver {
    Ref,
    Mut,
    /// No receiver: a static method or constructor.
    Static,
}

/// One argument.
pub(crate) struct MockArg {
    /// The name used in the generated method.
    pub(crate) ident: Ident,
    /// What the side effect receives, with `Self` replaced and elided
    /// lifetimes named: the signature's `AN` type.
    pub(crate) effect_ty: Type,
    /// How the parameter becomes what the side effect receives.
    pub(crate) pass: Pass,
    pub(crate) recording: Recording,
    /// The type as written, for placeholders in messages.
    pub(crate) written: Type,
    /// The trait's pattern when it is not a plain identifier (`(a, b)`),
    /// for default bodies that use its names.
    pub(crate) pattern: Option<syn::Pat>,
}

/// How a parameter is handed to the side effect.
pub(crate) enum Pass {
    /// As it is.
    Direct,
    /// `impl Into<T>`: converted first.
    Into(Type),
    /// `impl AsRef<T>`: borrowed as `&T`.
    AsRef(Type),
    /// `impl IntoIterator<Item = T>`: collected into a `Vec<T>`.
    Collect(Type),
    /// Any other `impl Trait`: lent as the given `&(dyn Trait + '_)`.
    DynRef(Type),
    /// `impl FnMut(…)`: lent as the given `&mut (dyn FnMut(…) + '_)`.
    DynMut(Type),
    /// `impl FnOnce(…)`: boxed as the given `Box<dyn FnOnce(…) + '_>`.
    BoxOnce(Type),
    /// `&mut T` with lifetimes inside `T` (`&mut Context<'_>`), or an
    /// `impl Trait` that names no type to hand over (`impl Send`): the side
    /// effect receives the recorded placeholder instead.
    Placeholder,
    /// An argument of a method type parameter without `'static`
    /// (`path: P` where `P: AsRef<Path>`): lent as the given trait object
    /// of its bounds, recorded before it is.
    Erased { lent: Type, how: Lend },
}

/// How an argument of a non-`'static` type parameter becomes its trait
/// object.
#[derive(Clone, Copy)]
pub(crate) enum Lend {
    /// `&T` or `&mut T`: coerced.
    Coerce,
    /// `T`: borrowed.
    Borrow,
    /// `T` of a trait with `&mut self` methods (`FnMut`, `Write`):
    /// borrowed mutably.
    BorrowMut,
    /// `T: FnOnce(…)`: boxed.
    Boxed,
}

/// How an argument is recorded.
pub(crate) enum Recording {
    /// An owned copy through `ToOwned` of `target`; `by_ref` when the side
    /// effect receives `&target`.
    Owned { target: Type, by_ref: bool },
    /// `Option<&target>` recorded as `Option<target::Owned>`.
    OptionOwned { target: Type },
    /// Its `Debug` text.
    Debug,
    /// Its `Debug` text when its type has `Debug`, else a placeholder
    /// naming the type (decided where the type is known).
    Described,
    /// `Self` or `&Self`: the mock itself, by identity.
    SameMock { by_ref: bool },
    /// A placeholder naming its type.
    Opaque,
}

/// What the method returns.
pub(crate) struct MockOutput {
    /// What the handle is configured with (the owned form).
    pub(crate) owned: Type,
    pub(crate) serve: Serve,
}

/// How the configured value becomes the return value.
#[derive(Clone, Copy)]
pub(crate) enum Serve {
    /// Returned as it is.
    Value,
    /// Kept by the mock and lent out: `-> &T` from a `T`.
    Ref,
    /// `-> &str` from a `String`, `-> &[T]` from a `Vec<T>`.
    Deref,
    /// `-> &dyn Trait` from a `Box<dyn Trait + Send + Sync>`.
    Dyn,
    /// `-> Option<&dyn Trait>` from an `Option<Box<dyn Trait + Send + Sync>>`.
    OptionDyn,
    /// `-> Option<&T>` from an `Option<T>`.
    OptionRef,
    /// `-> Option<&str>` / `Option<&[T]>` from `Option<String>` / `Option<Vec<T>>`.
    OptionDeref,
    /// `-> impl Iterator<Item = &T>` (or boxed) from a `Vec<T>`.
    Iter,
    /// `-> Vec<&T>` from a `Vec<T>`.
    VecRef,
    /// `-> Vec<&str>` / `Vec<&[T]>` from `Vec<String>` / `Vec<Vec<T>>`.
    VecDeref,
    /// `-> Result<&T, E>` from a `Result<T, E>`.
    ResultRef,
    /// `-> Result<&str, E>` / `Result<&[T], E>` from `Result<String, E>` /
    /// `Result<Vec<T>, E>`.
    ResultDeref,
    /// `-> Result<&dyn Trait, E>` from `Result<Box<dyn Trait + Send + Sync>, E>`.
    ResultDyn,
    /// `-> &mut T` from a `T` the handle keeps: the first answer, lent
    /// mutably on every call.
    RefMut,
    /// `-> &mut str` / `&mut [T]` from a kept `String` / `Vec<T>`.
    DerefMut,
    /// `-> &mut dyn Trait` from a kept `Box<dyn Trait + Send + Sync>`.
    DynMut,
    /// `-> Option<&mut T>` from a kept `Option<T>`.
    OptionRefMut,
    /// `-> Option<&mut str>` / `Option<&mut [T]>` from a kept
    /// `Option<String>` / `Option<Vec<T>>`.
    OptionDerefMut,
    /// `-> !`: configured as `Infallible`, which only a side effect that
    /// diverges can produce.
    Never,
    /// `fn fmt(&self, f: &mut Formatter) -> fmt::Result` (`Display`,
    /// `Debug`, …): configured with the text to write.
    Write,
}
