//! The runtime code of the most common argument lists, compiled once, in
//! this crate: no argument, or one argument of a common type.
//!
//! A method's state and call path are generic over its argument kinds
//! alone (see [`signature`](crate::signature)). In a debug build, a crate
//! that mocks a method reuses the copy this crate compiled for its
//! argument kinds, when there is one, instead of compiling its own: rustc
//! shares generic code with dependents in unoptimized builds.

use crate::answer::Slot;
use crate::args::{ArgKinds, Val};
use crate::dispatch::Original;
use crate::meta::Meta;
use crate::method::MethodInner;
use crate::mock::MockCore;

/// Makes and calls a method of argument kinds `A`, so that the code it
/// runs is compiled here.
fn compile<A: ArgKinds>(core: &MockCore, meta: &'static Meta<A>, record: A::Record) {
    let method = MethodInner::new(core, "", meta);
    let mut out = None::<()>;
    let _ = method.call(record, Original::Missing, &mut Slot::new(&mut out));
}

macro_rules! precompiled {
    ($($kinds:ty),* $(,)?) => {
        /// Never called: it makes the compiler build each list's code here.
        #[doc(hidden)]
        pub fn __precompiled() -> Vec<&'static (dyn std::any::Any + Sync)> {
            vec![$(&(compile::<$kinds> as fn(&MockCore, &'static Meta<$kinds>, <$kinds as ArgKinds>::Record))),*]
        }
    };
}

precompiled!(
    (),
    (Val<str>,),
    (Val<[u8]>,),
    (Val<u8>,),
    (Val<u16>,),
    (Val<u32>,),
    (Val<u64>,),
    (Val<usize>,),
    (Val<i32>,),
    (Val<i64>,),
    (Val<f64>,),
    (Val<bool>,),
);
