//! Corpus of builder and object-shape traits: consuming builders returning `Self`, constructors and static functions through `statics()`, `Self` arguments, supertraits (`Send + Sync + Debug`, and a user supertrait through `mock!`), default methods, associated consts, iterator and reference getters, `clone_box`, raw identifiers and methods named like the mock's own API.
#![deny(warnings)]

use mockgen::prelude::*;
use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub host: String,
    pub port: Option<u16>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    pub addr: String,
}

// --- 1. a consuming server builder with constructor and static default -------

#[automock]
pub trait ServerBuilder: Sized {
    fn new(cfg: Config) -> Self;
    fn default_port() -> u16;
    fn with_port(self, port: u16) -> Self;
    fn build(self) -> Result<Server, String>;
}

fn start<B: ServerBuilder>(cfg: Config) -> Result<Server, String> {
    let port = cfg.port.unwrap_or_else(B::default_port);
    B::new(cfg).with_port(port).build()
}

#[test]
fn server_builder_uses_the_static_default_port_when_none_is_given() {
    let statics = MockServerBuilder::statics();
    statics.default_port.return_value(8443);
    let built = MockServerBuilder::named("built");
    built.build.return_value(Ok(Server {
        addr: "h:8443".into(),
    }));
    let chained = built.clone();
    built.with_port.side_effect(move |_| chained.clone());
    let made = built.clone();
    statics.new.side_effect(move |_| made.clone());

    let cfg = Config {
        host: "h".into(),
        port: None,
    };
    assert_eq!(
        start::<MockServerBuilder>(cfg.clone()).unwrap().addr,
        "h:8443"
    );

    statics.default_port.assert_called_once();
    statics.new.assert_called_once_with(call!(cfg));
    built.with_port.assert_called_once_with(call!(8443));
    built.build.assert_called_once();
}

#[test]
fn server_builder_explicit_port_skips_the_static_default() {
    let statics = MockServerBuilder::statics();
    statics.new.side_effect(|cfg| {
        let b = MockServerBuilder::named("fresh");
        b.with_port.side_effect(move |port| {
            let done = MockServerBuilder::named("done");
            done.build.return_value(Ok(Server {
                addr: format!("{}:{port}", cfg.host),
            }));
            done
        });
        b
    });
    let cfg = Config {
        host: "db".into(),
        port: Some(5432),
    };

    assert_eq!(
        start::<MockServerBuilder>(cfg.clone()).unwrap().addr,
        "db:5432"
    );
    statics.default_port.assert_not_called();
    statics.new.assert_called_once_with(call!(cfg));
}

// --- 2. fallible constructors: connect(url) -> Result<Self, _>, from_env() -> Option<Self> ---

#[automock]
pub trait Connection {
    fn connect(url: &str) -> Result<Self, String>
    where
        Self: Sized;
    fn from_env() -> Option<Self>
    where
        Self: Sized;
    fn url(&self) -> &str;
    fn ping(&self) -> bool;
}

fn first_reachable<C: Connection>(urls: &[&str]) -> Option<String> {
    if let Some(c) = C::from_env() {
        return Some(c.url().to_string());
    }
    urls.iter()
        .filter_map(|u| C::connect(u).ok())
        .find(|c| c.ping())
        .map(|c| c.url().to_string())
}

#[test]
fn connection_constructors_are_configured_through_statics() {
    let statics = MockConnection::statics();
    statics.connect.side_effect(|url| {
        if url.starts_with("bad") {
            return Err(format!("refused: {url}"));
        }
        let c = MockConnection::new();
        c.url.return_value(url.to_string());
        c.ping.return_value(url.ends_with("2"));
        Ok(c)
    });

    assert_eq!(
        first_reachable::<MockConnection>(&["bad://0", "pg://1", "pg://2", "pg://3"]).as_deref(),
        Some("pg://2")
    );
    statics.from_env.assert_called_once_with(call!());
    statics
        .connect
        .assert_has_calls([call!("bad://0"), call!("pg://1"), call!("pg://2")]);
}

#[test]
fn connection_from_env_wins_over_the_url_list() {
    let statics = MockConnection::statics();
    statics.from_env.side_effect(|| {
        let c = MockConnection::named("env");
        c.url.return_value("env://db".into());
        Some(c)
    });
    assert_eq!(
        first_reachable::<MockConnection>(&["pg://1"]).as_deref(),
        Some("env://db")
    );
    statics.connect.assert_not_called();
}

// --- 3. a `Send + Sync + Debug` supertrait with associated consts and defaults ---------

#[automock(const TABLE: &'static str = "users";)]
pub trait Repo: Send + Sync + Debug {
    const TABLE: &'static str;
    const PAGE: usize = 50;
    fn count(&self) -> usize;
    fn pages(&self) -> usize {
        self.count().div_ceil(Self::PAGE)
    }
}

fn describe<R: Repo>(repo: &R) -> String {
    format!(
        "{}: {} rows in {} pages",
        R::TABLE,
        repo.count(),
        repo.pages()
    )
}

#[test]
fn repo_associated_consts_feed_the_default_pages_method() {
    let repo = MockRepo::new();
    repo.count.return_value(101);

    assert_eq!(describe(&repo), "users: 101 rows in 3 pages");
    assert_eq!(MockRepo::PAGE, 50);
    assert_eq!(repo.count.call_count(), 2);
    repo.pages.assert_called_once_with(call!());
    assert!(format!("{repo:?}").contains("MockRepo"));
}

// --- 4. shapes with clone_box() -> Box<dyn Shape> -----------------------------------------

#[automock]
pub trait Shape: Send + Sync {
    fn name(&self) -> &str;
    fn area(&self) -> f64;
    fn clone_box(&self) -> Box<dyn Shape>;
}

fn duplicate_large(shapes: &[Box<dyn Shape>], min: f64) -> Vec<Box<dyn Shape>> {
    shapes
        .iter()
        .filter(|s| s.area() >= min)
        .map(|s| s.clone_box())
        .collect()
}

#[test]
fn shape_clone_box_returns_configured_boxes() {
    let small = MockShape::named("small");
    small.area.return_value(1.0);
    let big = MockShape::named("big");
    big.area.return_value(9.0);
    big.name.return_value("square".into());
    let copy = big.clone();
    big.clone_box.side_effect(move || Box::new(copy.clone()));

    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(small.clone()), Box::new(big.clone())];
    let copies = duplicate_large(&shapes, 4.0);

    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].name(), "square");
    small.clone_box.assert_not_called();
    big.clone_box.assert_called_once();
    big.name.assert_called_once();
}

// --- 5. a catalog of reference getters and iterators ------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub sku: String,
    pub price: u32,
    pub category: String,
}

fn product(sku: &str, price: u32, category: &str) -> Product {
    Product {
        sku: sku.into(),
        price,
        category: category.into(),
    }
}

#[automock]
pub trait Catalog {
    fn title(&self) -> &str;
    fn tags(&self) -> &[String];
    fn find(&self, sku: &str) -> Option<&Product>;
    fn products(&self) -> impl Iterator<Item = &Product>;
    fn in_category<'a>(&'a self, category: &str) -> Box<dyn Iterator<Item = &'a Product> + 'a>;
    fn price_overrides(&self) -> &HashMap<String, u32>;
}

fn total_price(c: &impl Catalog, category: &str) -> u32 {
    c.in_category(category)
        .map(|p| c.price_overrides().get(&p.sku).copied().unwrap_or(p.price))
        .sum()
}

fn headline(c: &impl Catalog) -> String {
    let cheapest = c.products().map(|p| p.price).min().unwrap_or(0);
    format!("{} [{}] from {cheapest}", c.title(), c.tags().join(","))
}

#[test]
fn catalog_reference_getters_serve_owned_configuration() {
    let c = MockCatalog::new();
    c.title.return_value("Shop".into());
    c.tags.return_value(vec!["new".into(), "sale".into()]);
    c.products
        .return_value(vec![product("a", 30, "x"), product("b", 20, "y")]);
    c.in_category
        .side_effect(|cat| vec![product("a", 30, cat), product("c", 5, cat)]);
    c.price_overrides
        .return_value(HashMap::from([("c".to_string(), 7)]));
    c.find
        .side_effect(|sku| (sku == "a").then(|| product("a", 30, "x")));

    assert_eq!(headline(&c), "Shop [new,sale] from 20");
    assert_eq!(total_price(&c, "x"), 37);
    assert_eq!(c.find("a").map(|p| p.price), Some(30));
    assert_eq!(c.find("z"), None);

    c.in_category.assert_called_once_with(call!("x"));
    assert_eq!(c.price_overrides.call_count(), 2);
    c.find.assert_has_calls([call!("a"), call!("z")]);
}

// --- 6. raw identifiers ------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum TokenKind {
    #[default]
    Ident,
    Keyword,
}

#[automock]
pub trait Token {
    fn r#type(&self) -> TokenKind;
    fn r#match(&self, r#in: &str) -> bool;
    fn r#ref(&self) -> Option<String>;
}

fn keywords_matching(tokens: &[&dyn Token], text: &str) -> usize {
    tokens
        .iter()
        .filter(|t| t.r#type() == TokenKind::Keyword && t.r#match(text))
        .count()
}

#[test]
fn token_raw_identifier_methods_have_raw_identifier_handles() {
    let kw = MockToken::new();
    kw.r#type.return_value(TokenKind::Keyword);
    kw.r#match.side_effect(|s| s == "fn");
    let ident = MockToken::new();

    assert_eq!(keywords_matching(&[&kw, &ident], "fn"), 1);
    kw.r#match.assert_called_once_with(call!("fn"));
    ident.r#match.assert_not_called();
    assert_eq!(ident.r#ref(), None);
    ident.r#ref.assert_called_once();
}

// --- 7. methods named like the mock's own API ----------------------------------------------

#[automock]
pub trait Probe: Send + Sync {
    fn name(&self) -> &str;
    fn call_count(&self) -> usize;
    fn reset_mock(&mut self);
    fn verify(&self) -> bool;
    fn clone_box(&self) -> Box<dyn Probe>;
}

fn summarize(p: &mut dyn Probe) -> String {
    let line = format!("{}={} ok={}", p.name(), p.call_count(), p.verify());
    p.reset_mock();
    line
}

#[test]
fn probe_api_named_methods_are_mocked_like_any_other() {
    let mut p = MockProbe::named("probe");
    p.name.return_value("latency".into());
    p.call_count.return_value(12);
    p.verify.return_value(true);

    assert_eq!(summarize(&mut p), "latency=12 ok=true");

    // The handles of the trait methods...
    p.reset_mock.assert_called_once();
    p.call_count.assert_called_once();
    p.name.assert_called_once();
    // ...and the mock's own API, through the mock-level call list.
    assert_eq!(p.mock_calls().len(), 4);
    assert_eq!(p.mock_calls().iter().last().unwrap().method(), "reset_mock");
}

// --- 8. Self arguments and a static zero ---------------------------------------------------

#[automock]
pub trait Money: Sized {
    fn zero() -> Self;
    fn add(&self, other: &Self) -> Self;
    fn cents(&self) -> i64;
}

fn sum_all<M: Money>(items: &[M]) -> M {
    items.iter().fold(M::zero(), |acc, m| acc.add(m))
}

#[test]
fn money_self_arguments_are_recorded_as_the_mock_passed() {
    let statics = MockMoney::statics();
    let zero = MockMoney::named("zero");
    let z = zero.clone();
    statics.zero.side_effect(move || z.clone());
    let total = MockMoney::named("total");
    total.cents.return_value(300);
    let t = total.clone();
    zero.add.side_effect(move |_| t.clone());
    let t = total.clone();
    total.add.side_effect(move |_| t.clone());
    let (a, b) = (MockMoney::named("a"), MockMoney::named("b"));

    assert_eq!(sum_all(&[a.clone(), b.clone()]).cents(), 300);

    statics.zero.assert_called_once();
    zero.add.assert_called_once_with(call!(a.clone()));
    total.add.assert_called_once_with(call!(b));
    total.add.assert_any_call(call!(ANY));
}

// --- 9. a user supertrait: `#[automock]` cannot implement `Animal`, `mock!` can -------------

pub trait Animal {
    fn name(&self) -> String;
}

pub trait Pet: Animal {
    fn owner(&self) -> Option<String>;
    fn greet(&self) -> String {
        match self.owner() {
            Some(o) => format!("{} (owned by {o})", self.name()),
            None => format!("{} (stray)", self.name()),
        }
    }
}

mock! {
    pub Pet;
    impl Animal for Pet {
        fn name(&self) -> String;
    }
    impl Pet for Pet {
        fn owner(&self) -> Option<String>;
    }
}

fn roll_call(pets: &[Arc<dyn Pet + Send + Sync>]) -> Vec<String> {
    pets.iter().map(|p| p.greet()).collect()
}

#[test]
fn pet_default_greet_uses_both_mocked_traits() {
    let rex = MockPet::named("rex");
    rex.name.return_value("Rex".into());
    rex.owner.return_value(Some("Ann".into()));
    let tom = MockPet::named("tom");
    tom.name.return_value("Tom".into());

    let pets: Vec<Arc<dyn Pet + Send + Sync>> = vec![Arc::new(rex.clone()), Arc::new(tom.clone())];
    assert_eq!(roll_call(&pets), ["Rex (owned by Ann)", "Tom (stray)"]);
    rex.owner.assert_called_once();
    tom.name.assert_called_once_with(call!());
}

// --- 10. chained default methods ------------------------------------------------------------

#[automock]
pub trait Greeter {
    fn name(&self) -> String;
    fn greeting(&self) -> String {
        format!("Hello, {}!", self.name())
    }
    fn shout(&self) -> String {
        self.greeting().to_uppercase()
    }
}

#[test]
fn greeter_defaults_run_until_a_level_is_configured() {
    let g = MockGreeter::new();
    g.name.return_value("ann".into());
    let boxed: Box<dyn Greeter> = Box::new(g.clone());
    assert_eq!(boxed.shout(), "HELLO, ANN!");
    g.greeting.return_value("hey".into());
    assert_eq!(boxed.shout(), "HEY");
    assert_eq!(g.name.call_count(), 1);
    assert_eq!(g.greeting.call_count(), 2);
}
