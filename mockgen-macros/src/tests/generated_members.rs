//! Every member the generated code adds to a mock (its fields, its inherent
//! functions, the functions of the traits it implements besides the user's,
//! and the same on its statics handle) must be usable as a method name of
//! the user's trait. `tests/tests/hygiene.rs` mocks a trait with one method
//! per such name; this test keeps that list complete by reading it and
//! comparing it with what the expansion really adds.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::{expand, mock_macro};

/// The file whose `generated_member_names!` list must name every member.
const HYGIENE_TEST: &str = include_str!("../../../tests/tests/hygiene.rs");

fn listed_in_hygiene_test() -> BTreeSet<String> {
    let file = syn::parse_file(HYGIENE_TEST).expect("tests/tests/hygiene.rs parses");
    let mut names = BTreeSet::new();
    let mut visitor = ListedNames(&mut names);
    syn::visit::Visit::visit_file(&mut visitor, &file);
    assert!(
        !names.is_empty(),
        "tests/tests/hygiene.rs has no `generated_member_names!` list"
    );
    names
}

struct ListedNames<'a>(&'a mut BTreeSet<String>);

impl<'ast> syn::visit::Visit<'ast> for ListedNames<'_> {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if mac.path.is_ident("generated_member_names") {
            collect_idents(mac.tokens.clone(), self.0);
        }
    }
}

/// Every identifier of the list but its `fn:` and `type:` labels.
fn collect_idents(tokens: TokenStream, names: &mut BTreeSet<String>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Ident(ident) if ident != "fn" && ident != "type" => {
                names.insert(ident.to_string());
            }
            proc_macro2::TokenTree::Group(group) => collect_idents(group.stream(), names),
            _ => {}
        }
    }
}

/// Members the expansion adds to the types whose names are in `mock_types`.
struct AddedMembers<'a> {
    mock_types: &'a [&'a str],
    /// The user's own method names: the mock's handle fields carry them, and
    /// an inherent mock's own methods.
    user_methods: &'a [&'a str],
    user_traits: &'a [&'a str],
    found: BTreeSet<String>,
}

fn last_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

impl<'ast> syn::visit::Visit<'ast> for AddedMembers<'_> {
    fn visit_item_struct(&mut self, item: &'ast syn::ItemStruct) {
        if self.mock_types.contains(&item.ident.to_string().as_str()) {
            for field in &item.fields {
                if let Some(ident) = &field.ident {
                    if !self.user_methods.contains(&ident.to_string().as_str()) {
                        self.found.insert(ident.to_string());
                    }
                }
            }
        }
        syn::visit::visit_item_struct(self, item);
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        let on_mock =
            last_ident(&item.self_ty).is_some_and(|name| self.mock_types.contains(&name.as_str()));
        let users_trait = item.trait_.as_ref().is_some_and(|(_, path, _)| {
            path.segments
                .last()
                .is_some_and(|s| self.user_traits.contains(&s.ident.to_string().as_str()))
        });
        if on_mock && !users_trait {
            for member in &item.items {
                let name = match member {
                    syn::ImplItem::Fn(f) => &f.sig.ident,
                    syn::ImplItem::Const(c) => &c.ident,
                    syn::ImplItem::Type(t) => &t.ident,
                    _ => continue,
                };
                if !self.user_methods.contains(&name.to_string().as_str()) {
                    self.found.insert(name.to_string());
                }
            }
        }
        syn::visit::visit_item_impl(self, item);
    }
}

fn added_members(
    expansion: TokenStream,
    mock_types: &[&str],
    user_traits: &[&str],
    user_methods: &[&str],
) -> BTreeSet<String> {
    let file: syn::File = syn::parse2(expansion.clone())
        .unwrap_or_else(|e| panic!("the expansion parses as a file: {e}\n{expansion}"));
    let mut visitor = AddedMembers {
        mock_types,
        user_methods,
        user_traits,
        found: BTreeSet::new(),
    };
    syn::visit::Visit::visit_file(&mut visitor, &file);
    assert!(
        !visitor.found.is_empty(),
        "found none of {mock_types:?} in the expansion:\n{expansion}"
    );
    visitor.found
}

#[test]
fn the_hygiene_test_names_every_member_the_expansion_adds() {
    let traits = expand::automock(
        TokenStream::new(),
        quote! {
            pub trait Sample<T: Clone + Send + Sync + 'static> {
                fn get(&self, key: &str) -> Option<T>;
                fn set(&mut self, value: T);
                fn name(&self) -> &str;
                fn each<F: FnMut(&str)>(&self, f: F);
                async fn load(&self, id: u64) -> Result<T, String>;
                fn make() -> Self;
                fn count() -> usize;
            }
        },
    );
    let inherent = expand::autospec(
        TokenStream::new(),
        quote! {
            impl Client {
                pub fn new(url: &str) -> Self { todo!() }
                pub fn get(&self, path: &str) -> String { todo!() }
            }
        },
    );
    let foreign = mock_macro::expand(quote! {
        pub Conn;
        impl Conn {
            fn open(url: &str) -> Self;
            fn send(&self, bytes: &[u8]) -> usize;
        }
        impl Clone for Conn {
            fn clone(&self) -> Self;
        }
    });
    let mut added = added_members(
        traits,
        &["MockSample", "MockSampleStatics"],
        &["Sample"],
        &["get", "set", "name", "each", "load", "make", "count"],
    );
    added.extend(added_members(
        inherent,
        &["MockClient", "MockClientStatics"],
        &[],
        &["new", "get"],
    ));
    added.extend(added_members(
        foreign,
        &["MockConn", "MockConnStatics"],
        &["Clone"],
        &["open", "send", "clone"],
    ));
    let listed = listed_in_hygiene_test();
    let missing: Vec<_> = added.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "tests/tests/hygiene.rs's generated_member_names! misses {missing:?} (all added: {added:?})"
    );
}
