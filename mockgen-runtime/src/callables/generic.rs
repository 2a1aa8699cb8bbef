//! Handles of generic methods: one [`Method`] per type the method is
//! called with.

use std::any::{Any, TypeId};
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

use crate::state::message::{calls_block, times};
use crate::state::method::{Method, MethodInner};
use crate::state::mock::MockCore;
use crate::state::signature::{Lends, Signature};
use crate::state::sync::lock;

/// Maps the type arguments `T` of a generic method (a tuple when there are
/// several) to the signature of that instantiation. Implemented by
/// generated code.
pub trait Instantiate<T: ?Sized> {
    /// The signature of the method called with `T`.
    type Sig: Signature;
}

/// Which [`Method`] handle [`GenericMethod::of`] gives for signature `S`:
/// [`Plain`] (the default) the usual `Method<S>`, [`Lends`] a
/// `Method<S, Lends>` for a generic method whose return value borrows
/// from its arguments (`fn pick<'a, T>(&self, items: &'a [T]) -> Option<&'a T>`).
#[doc(hidden)]
pub trait HandleKind<S: Signature>: 'static {
    /// The arity marker of the handle.
    type Arity: 'static;
}

/// The handles of a generic method are plain [`Method`]s (see
/// [`HandleKind`]).
#[doc(hidden)]
#[derive(Debug)]
pub enum Plain {}

impl<S: Signature> HandleKind<S> for Plain {
    type Arity = S::Arity;
}

impl<S: Signature> HandleKind<S> for Lends {
    type Arity = Lends;
}

/// The handle [`GenericMethod::of`] gives for signature `S`.
type HandleOf<S, K> = Method<S, <K as HandleKind<S>>::Arity>;

type Instance = (TypeId, Box<dyn Any + Send + Sync>, Arc<MethodInner>);

/// The handle of a generic method (`fn get<T>(&self, key: &str) -> T`):
/// [`of::<T>()`](Self::of) gives the [`Method`] handle of one type, so a
/// `return_value` for `u32` never answers a call for `String`.
///
/// ```
/// use mockgen::prelude::*;
///
/// #[automock]
/// trait Config {
///     fn get<T: std::str::FromStr + 'static>(&self, key: &str) -> Option<T>;
/// }
///
/// let config = MockConfig::new();
/// config.get.of::<u16>().return_value(Some(8080));
/// assert_eq!(config.get::<u16>("port"), Some(8080));
/// assert_eq!(config.get::<String>("host"), None);
/// config.get.of::<u16>().assert_called_once_with(call!("port"));
/// assert_eq!(config.get.call_count(), 2);
/// ```
pub struct GenericMethod<F, K = Plain> {
    core: MockCore,
    name: &'static str,
    /// Append-only, so that `of` can lend a handle for as long as the
    /// generic handle is borrowed.
    instances: Arc<boxcar::Vec<Instance>>,
    /// Serialises adding an instance, so each type gets exactly one.
    adding: Arc<Mutex<()>>,
    family: PhantomData<fn() -> (F, K)>,
}

impl MockCore {
    #[doc(hidden)]
    pub fn __generic_method<F, K>(&self, name: &'static str) -> GenericMethod<F, K> {
        self.shared.declare(name);
        GenericMethod::new(self.clone(), name)
    }
}

impl<F, K> Clone for GenericMethod<F, K> {
    fn clone(&self) -> Self {
        GenericMethod {
            core: self.core.clone(),
            name: self.name,
            instances: Arc::clone(&self.instances),
            adding: Arc::clone(&self.adding),
            family: PhantomData,
        }
    }
}

impl<F, K> fmt::Debug for GenericMethod<F, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GenericMethod")
            .field("name", &format!("{}.{}", self.core.name(), self.name))
            .field("call_count", &self.call_count())
            .finish()
    }
}

impl<F, K> GenericMethod<F, K> {
    pub(crate) fn new(core: MockCore, name: &'static str) -> Self {
        GenericMethod {
            core,
            name,
            instances: Arc::default(),
            adding: Arc::default(),
            family: PhantomData,
        }
    }

    /// The handle of the method called with type arguments `T` (a tuple
    /// `(A, B)` for several).
    pub fn of<T: ?Sized>(&self) -> &HandleOf<F::Sig, K>
    where
        F: Instantiate<T>,
        K: HandleKind<F::Sig>,
    {
        if let Some(handle) = self.find() {
            return handle;
        }
        let _adding = lock(&self.adding);
        if let Some(handle) = self.find() {
            return handle;
        }
        let handle: HandleOf<F::Sig, K> = self.core.method_as(<F::Sig as Signature>::NAME);
        let method = Arc::clone(&handle.inner);
        self.instances
            .push((TypeId::of::<F::Sig>(), Box::new(handle), method));
        self.find().expect("invariant: the instance was just added")
    }

    fn find<S: Signature, A: 'static>(&self) -> Option<&Method<S, A>> {
        let id = TypeId::of::<S>();
        self.instances
            .iter()
            .find(|(_, (t, _, _))| *t == id)
            .and_then(|(_, (_, handle, _))| handle.downcast_ref())
    }

    /// How many times the method was called, with any type arguments.
    #[must_use]
    pub fn call_count(&self) -> usize {
        self.logs().iter().map(|log| log.entries().len()).sum()
    }

    /// Whether the method was called, with any type arguments.
    #[must_use]
    pub fn called(&self) -> bool {
        self.call_count() > 0
    }

    /// Forgets the calls of every instantiation.
    pub fn reset_mock(&self) {
        for log in self.logs() {
            log.reset_calls();
        }
    }

    /// Panics unless the method was called, with any type arguments.
    #[track_caller]
    pub fn assert_called(&self) {
        if !self.called() {
            panic!(
                "{}.{}: expected to have been called. Called 0 times.",
                self.core.name(),
                self.name
            );
        }
    }

    /// Panics if the method was called, with any type arguments.
    #[track_caller]
    pub fn assert_not_called(&self) {
        let calls: Vec<String> = self
            .logs()
            .iter()
            .flat_map(|log| log.entries())
            .map(|entry| {
                format!(
                    "{:?}",
                    crate::assertions::history::MockCall::new(Vec::new(), entry)
                )
            })
            .collect();
        if !calls.is_empty() {
            panic!(
                "{}.{}: expected to not have been called. Called {}.{}",
                self.core.name(),
                self.name,
                times(calls.len()),
                calls_block(&calls)
            );
        }
    }

    fn logs(&self) -> Vec<Arc<MethodInner>> {
        self.instances
            .iter()
            .map(|(_, (_, _, log))| Arc::clone(log))
            .collect()
    }
}
