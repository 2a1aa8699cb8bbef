//! Unit tests of `#[patchable]`'s expansion: the zero-cost fallback, the
//! gate, and the errors.

use proc_macro2::TokenStream;
use quote::{ToTokens as _, quote};
use syn::{Item, parse_quote};

use super::expand;

/// The items of an expansion that carry exactly `cfg`.
fn items_with_cfg(out: &TokenStream, cfg: &syn::Attribute) -> Vec<Item> {
    let file: syn::File = syn::parse2(out.clone()).expect("the expansion parses");
    file.items
        .into_iter()
        .filter(|item| {
            let attrs = match item {
                Item::Fn(f) => &f.attrs,
                Item::Impl(i) => &i.attrs,
                Item::Struct(s) => &s.attrs,
                Item::Const(c) => &c.attrs,
                _ => return false,
            };
            attrs.iter().any(|a| a == cfg)
        })
        .collect()
}

fn without_attr(item: &Item, attr: &syn::Attribute) -> TokenStream {
    let mut item = item.clone();
    if let Item::Fn(f) = &mut item {
        f.attrs.retain(|a| a != attr);
    }
    if let Item::Impl(i) = &mut item {
        i.attrs.retain(|a| a != attr);
    }
    item.into_token_stream()
}

#[test]
fn without_test_or_feature_the_function_is_untouched() {
    let function = quote! {
        /// Docs stay.
        #[inline]
        pub fn fetch_temperature(city: &str) -> Result<f64, String> {
            Ok(city.len() as f64)
        }
    };
    let out = expand(TokenStream::new(), function.clone(), false);
    let not_test: syn::Attribute = parse_quote!(#[cfg(not(test))]);
    let originals = items_with_cfg(&out, &not_test);
    assert_eq!(originals.len(), 1, "{out}");
    assert_eq!(
        without_attr(&originals[0], &not_test).to_string(),
        function.to_string()
    );
    let test: syn::Attribute = parse_quote!(#[cfg(test)]);
    let file: syn::File = syn::parse2(out.clone()).unwrap();
    let gated = items_with_cfg(&out, &test);
    assert_eq!(
        gated.len() + 1,
        file.items.len(),
        "every other item is test-only: {out}"
    );
}

#[test]
fn an_impl_block_keeps_its_original_outside_tests() {
    let block = quote! {
        impl Database {
            pub fn connect(url: &str) -> Self { Database }
            pub fn query(&self, #[mockgen(debug)] sql: &str) -> Vec<u8> { Vec::new() }
        }
    };
    let out = expand(TokenStream::new(), block, false);
    let not_test: syn::Attribute = parse_quote!(#[cfg(not(test))]);
    let originals = items_with_cfg(&out, &not_test);
    let expected = quote! {
        impl Database {
            pub fn connect(url: &str) -> Self { Database }
            pub fn query(&self, sql: &str) -> Vec<u8> { Vec::new() }
        }
    };
    assert_eq!(
        without_attr(&originals[0], &not_test).to_string(),
        expected.to_string()
    );
}

#[test]
fn the_feature_removes_the_gate() {
    let out = expand(
        TokenStream::new(),
        quote!(
            fn f(x: u32) -> u32 {
                x
            }
        ),
        true,
    );
    let text = out.to_string();
    assert!(!text.contains("cfg"), "{text}");
    assert!(text.contains("__mockgen_patchable_f"), "{text}");
    assert!(text.contains("__mockgen_original"), "{text}");
}

#[test]
fn the_expansion_is_deterministic() {
    let item = quote!(impl A { fn b(&self, c: &[u8]) -> usize { c.len() } });
    let first = expand(TokenStream::new(), item.clone(), false).to_string();
    assert_eq!(first, expand(TokenStream::new(), item, false).to_string());
}

fn error_of(args: TokenStream, item: TokenStream) -> String {
    let out = expand(args, item, false).to_string();
    let start = out.find("compile_error").expect("an error") + "compile_error".len();
    out[start..]
        .split('"')
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn unsupported_items_and_options_are_errors() {
    assert_eq!(
        error_of(
            TokenStream::new(),
            quote!(
                struct S;
            )
        ),
        "`#[patchable]` goes on a function, an inherent `impl` block or an `extern` block"
    );
    assert_eq!(
        error_of(
            quote!(krate = x),
            quote!(
                fn f() {}
            )
        ),
        "unknown `patchable` option, expected `crate`"
    );
    assert_eq!(
        error_of(
            TokenStream::new(),
            quote!(
                fn f<T>(t: T) {}
            )
        ),
        "each type given to `T` is patched on its own (`patch!(f::<u32>)`), which needs `T: 'static`: add the bound"
    );
    assert_eq!(
        error_of(
            TokenStream::new(),
            quote!(
                const fn f() {}
            )
        ),
        "a `const fn` cannot be patched"
    );
    assert!(
        error_of(TokenStream::new(), quote!(impl T for S {}))
            .starts_with("`#[patchable]` goes on inherent")
    );
}

#[test]
fn errors_keep_the_item() {
    let out = expand(
        TokenStream::new(),
        quote!(
            fn f(x: impl Copy) {}
        ),
        false,
    )
    .to_string();
    assert!(out.contains("fn f (x : impl Copy)"), "{out}");
}

#[test]
fn unsafe_functions_call_their_original_in_an_unsafe_block() {
    let out = expand(
        TokenStream::new(),
        quote!(
            unsafe fn f(x: u32) -> u32 {
                x
            }
        ),
        true,
    );
    let text = out.to_string();
    assert!(text.contains("unsafe fn f (x : u32)"), "{text}");
    assert!(text.contains("unsafe { __mockgen_original (x) }"), "{text}");
}

#[test]
fn async_functions_await_their_original() {
    let out = expand(
        TokenStream::new(),
        quote!(
            async fn f(x: u32) -> u32 {
                x
            }
        ),
        true,
    );
    let text = out.to_string();
    assert!(text.contains("async fn __mockgen_original"), "{text}");
    assert!(text.contains("__mockgen_original (x) . await"), "{text}");
    assert!(text.contains("__call_patched_async"), "{text}");
}

/// The `type Args = (…);` and `type Output = …;` of the expansion's
/// signature markers.
fn marker_types(out: &TokenStream, name: &str) -> Vec<String> {
    let file: syn::File = syn::parse2(out.clone()).expect("the expansion parses");
    file.items
        .iter()
        .filter_map(|item| match item {
            Item::Impl(i) => Some(i),
            _ => None,
        })
        .flat_map(|i| &i.items)
        .filter_map(|item| match item {
            syn::ImplItem::Type(t) if t.ident == name => Some(t.ty.to_token_stream().to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn self_is_the_type_and_the_receiver_is_not_recorded() {
    let out = expand(
        TokenStream::new(),
        quote!(impl A { fn b(&self, other: &Self) -> Self { A } }),
        true,
    );
    let args = marker_types(&out, "Args");
    assert_eq!(args.len(), 1, "{out}");
    assert!(args[0].ends_with("Val < A > ,)"), "{}", args[0]);
    assert_eq!(marker_types(&out, "Output"), ["A"]);
}

#[test]
fn a_returned_future_or_fmt_result_is_the_output_as_written() {
    let out = expand(
        TokenStream::new(),
        quote!(
            impl A {
                fn f(&self) -> Pin<Box<dyn Future<Output = u8> + Send>> {
                    todo!()
                }
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    todo!()
                }
            }
        ),
        true,
    );
    assert_eq!(
        marker_types(&out, "Output"),
        [
            "Pin < Box < dyn Future < Output = u8 > + Send > >",
            "fmt :: Result"
        ]
    );
    assert!(!out.to_string().contains("AsyncSignature"), "{out}");
}

/// Parses `out` as the items of an inherent `impl` block.
fn impl_items(out: &TokenStream) -> syn::Result<Vec<syn::ImplItem>> {
    let block: syn::ItemImpl = syn::parse2(quote!(impl S { #out }))?;
    Ok(block.items)
}

#[test]
fn a_method_marked_on_its_own_expands_to_impl_items_only() {
    for always in [false, true] {
        for method in [
            quote!(
                pub fn get(&self, key: &str) -> u32 {
                    key.len() as u32
                }
            ),
            quote!(
                fn new(url: &str) -> Self {
                    Self::connect(url)
                }
            ),
            quote!(
                fn clear(&mut self) {
                    self.items.clear()
                }
            ),
            quote!(
                async fn fetch(&self, id: u8) -> Vec<u8> {
                    vec![id]
                }
            ),
        ] {
            let out = expand(TokenStream::new(), method.clone(), always);
            let items = impl_items(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
            assert!(
                items.iter().all(|i| matches!(i, syn::ImplItem::Fn(_))),
                "{out}"
            );
        }
    }
}

#[test]
fn a_function_without_a_receiver_or_self_type_is_read_as_free() {
    let out = expand(
        TokenStream::new(),
        quote!(
            fn port() -> u16 {
                80
            }
        ),
        true,
    );
    let file: syn::File = syn::parse2(out.clone()).expect("the expansion parses");
    assert!(
        file.items.iter().any(|i| matches!(i, Item::Struct(_))),
        "{out}"
    );
}

#[test]
fn an_extern_block_keeps_its_symbols_behind_renamed_declarations() {
    let out = expand(
        TokenStream::new(),
        quote! {
            unsafe extern "C" {
                pub fn abs(x: i32) -> i32;
                #[link_name = "labs"]
                pub safe fn long_abs(x: i64) -> i64;
                static errno: i32;
            }
        },
        true,
    );
    let text = out.to_string();
    assert!(text.contains("link_name = \"abs\""), "{text}");
    assert!(text.contains("link_name = \"labs\""), "{text}");
    assert!(text.contains("fn __mockgen_extern_abs"), "{text}");
    assert!(text.contains("safe fn __mockgen_extern_long_abs"), "{text}");
    assert!(text.contains("static errno"), "{text}");
    assert!(text.contains("pub unsafe fn abs"), "{text}");
    assert!(text.contains("pub fn long_abs"), "{text}");
}
