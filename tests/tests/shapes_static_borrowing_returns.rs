//! Static methods whose return value borrows from their arguments
//! (`fn lookup(key: &str) -> &str`): configured with the `'static` form,
//! which the method returns as the shorter-lived type.
#![deny(warnings)]

use mockgen::prelude::*;
use std::borrow::Cow;

#[automock]
pub trait Config {
    fn lookup(key: &str) -> &str;
    fn first(items: &[String]) -> Option<&String>;
    fn label(id: &str) -> Cow<'_, str>;
}

static DEFAULT: String = String::new();

#[test]
fn a_static_method_returning_a_borrow_answers_with_static_data() {
    let statics = MockConfig::statics();
    statics
        .lookup
        .side_effect(|key| if key == "host" { "localhost" } else { "" });
    assert_eq!(MockConfig::lookup("host"), "localhost");
    assert_eq!(MockConfig::lookup("port"), "");
    statics.lookup.assert_called_with(call!("port"));

    statics.first.return_value(Some(&DEFAULT));
    assert_eq!(MockConfig::first(&["a".to_string()]), Some(&DEFAULT));
    statics
        .label
        .side_effect(|id| Cow::Owned(id.to_uppercase()));
    assert_eq!(MockConfig::label("x"), "X");
}
