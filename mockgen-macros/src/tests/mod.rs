//! Unit tests of the `#[automock]` stages, fed with `parse_quote!`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand;
use crate::lower;
use crate::parse::{self, Macro};

fn spec_of(args: TokenStream, item: TokenStream) -> Result<crate::model::MockSpec, syn::Error> {
    let input = parse::input(args, item, Macro::Automock)?;
    match lower::lower(&input)? {
        lower::Lowered::Mock(spec) => Ok(spec),
        lower::Lowered::Joined(_) => panic!("a trait lowers to a mock of its own"),
    }
}

#[test]
fn the_expansion_is_deterministic() {
    let item = quote! {
        pub trait Store<K: Clone + Send + Sync> {
            fn get(&self, key: &K) -> Option<String>;
            async fn put(&mut self, key: K, value: &[u8]) -> Result<(), String>;
            fn name(&self) -> &str;
            fn make() -> Self;
        }
    };
    let first = expand::automock(TokenStream::new(), item.clone()).to_string();
    let second = expand::automock(TokenStream::new(), item).to_string();
    assert_eq!(first, second);
    assert!(first.contains("struct MockStore"));
}

#[test]
fn arguments_are_classified_by_their_written_type() {
    use crate::model::Recording;
    let spec = spec_of(
        quote!(),
        quote! {
            trait Shapes {
                fn f(&self, a: &str, b: Vec<u8>, c: Option<&str>, d: &dyn Fn(), e: &[&str], f: &Self);
            }
        },
    )
    .unwrap();
    let kinds: Vec<&str> = spec.methods[0]
        .args
        .iter()
        .map(|a| match &a.recording {
            Recording::Owned { .. } => "owned",
            Recording::OptionOwned { .. } => "option",
            Recording::Debug => "debug",
            Recording::Described => "described",
            Recording::Opaque => "opaque",
            Recording::SameMock { .. } => "mock",
        })
        .collect();
    assert_eq!(
        kinds,
        ["owned", "owned", "option", "opaque", "described", "mock"]
    );
}

#[test]
fn every_unsupported_shape_is_reported_at_once() {
    let error = spec_of(
        quote!(),
        quote! {
            trait Bad {
                fn a<const N: usize>(&self) -> [u8; N];
                fn b(&self) -> &mut u8;
                type Item;
            }
        },
    )
    .err()
    .expect("errors");
    let messages: Vec<String> = error.into_iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
}

#[test]
fn unknown_options_are_errors_with_a_suggestion() {
    let error = spec_of(
        quote!(mok = Other),
        quote!(
            trait T {}
        ),
    )
    .err()
    .expect("error");
    assert!(
        error.to_string().contains("Did you mean `mock`?"),
        "{error}"
    );
}

#[test]
fn associated_items_come_from_the_attribute() {
    let spec = spec_of(
        quote!(
            type Item = u32;
            const MAX: usize = 8;
        ),
        quote! {
            trait Source {
                type Item;
                const MAX: usize;
                fn next(&mut self) -> Option<Self::Item>;
            }
        },
    )
    .unwrap();
    let owned = &spec.methods[0].output.owned;
    assert_eq!(quote!(#owned).to_string(), quote!(Option<u32>).to_string());
}

#[test]
fn methods_with_the_same_signature_share_a_marker() {
    let spec = spec_of(
        quote!(),
        quote! {
            trait Counters {
                fn hits(&self, key: &str) -> u64;
                fn misses(&self, name: &str) -> u64;
                fn size(&self, key: &str) -> u32;
                #[cfg(test)]
                fn gated(&self, key: &str) -> u64;
                fn typed<T: 'static>(&self, key: &str) -> u64;
                async fn later(&self, key: &str) -> u64;
            }
        },
    )
    .unwrap();
    let shared: Vec<Option<String>> = spec
        .methods
        .iter()
        .map(|m| m.same_signature_as.as_ref().map(ToString::to_string))
        .collect();
    // Argument names do not matter; the return type, a `#[cfg]`, method
    // generics and `async` do.
    assert_eq!(
        shared,
        [None, Some("hits".to_owned()), None, None, None, None]
    );
}

#[test]
fn a_spys_real_value_is_shared_across_threads_only_when_the_trait_requires_sync() {
    let requires_sync = |item: TokenStream| spec_of(quote!(), item).unwrap().impls[0].requires_sync;
    assert!(requires_sync(quote!(
        trait Gate: Send + Sync {
            fn open(&self);
        }
    )));
    assert!(requires_sync(quote!(
        trait Gate: std::marker::Sync {
            fn open(&self);
        }
    )));
    assert!(!requires_sync(quote!(
        trait Gate: Send {
            fn open(&self);
        }
    )));
}

#[test]
fn spies_call_the_real_value_as_dyn_trait_only_when_the_trait_allows_it() {
    let dyn_compatible =
        |item: TokenStream| spec_of(quote!(), item).unwrap().impls[0].dyn_compatible;
    assert!(dyn_compatible(quote! {
        trait Plain: Send + Sync {
            fn get(&self, key: &str) -> Option<String>;
            fn put(&mut self, key: String);
            fn describe(&self) -> String { String::new() }
            fn borrowed<'a>(&'a self, key: &'a str) -> &'a str;
        }
    }));
    assert!(dyn_compatible(quote! {
        trait Generic<T: Clone> {
            fn get(&self) -> T;
        }
    }));
    let not = [
        quote!(
            trait Generic {
                fn f<T: Clone + 'static>(&self, t: T);
            }
        ),
        quote!(
            trait Impl {
                fn f(&self, t: impl Into<String>);
            }
        ),
        quote!(
            trait Returned {
                fn f(&self) -> impl Iterator<Item = u8>;
            }
        ),
        quote!(
            trait Constructor {
                fn new() -> Self;
            }
        ),
        quote!(
            trait TakesSelf {
                fn same(&self, other: &Self) -> bool;
            }
        ),
        quote!(
            trait Sized2: Sized {
                fn f(&self);
            }
        ),
        quote!(
            trait Super: std::fmt::Debug {
                fn f(&self);
            }
        ),
        quote!(
            trait Bounded {
                fn f(&self)
                where
                    Self: Sized;
            }
        ),
        quote!(
            trait Async {
                async fn f(&self);
            }
        ),
    ];
    for item in not {
        let text = item.to_string();
        assert!(!dyn_compatible(item), "{text}");
    }
    let with_const = spec_of(
        quote!(
            const N: usize = 1;
        ),
        quote!(
            trait Const {
                const N: usize;
                fn f(&self);
            }
        ),
    );
    assert!(!with_const.unwrap().impls[0].dyn_compatible);
}

mod generated_members;
mod no_panic;
