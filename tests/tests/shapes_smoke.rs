//! Smoke test of the trait shapes of issue 3.
#![deny(warnings)]
use mockgen::prelude::*;
use std::collections::HashMap;
use std::fmt::Debug;
use std::hash::Hash;

#[automock]
pub trait Store<K, V>
where
    K: Hash + Eq + Clone + Debug,
    V: Clone + Debug,
{
    fn get(&self, key: &K) -> Option<V>;
    fn put(&mut self, key: K, value: V);
    fn size(&self) -> usize;
}

#[automock(type Item = u32; const MAX: usize = 8;)]
pub trait Source {
    type Item;
    const MAX: usize;
    const MIN: usize = 1;
    fn next_item(&mut self) -> Option<Self::Item>;
    fn peek(&self) -> Option<&Self::Item>;
}

#[automock]
pub trait Named: Send + Sync + Debug {
    fn name(&self) -> &str;
    fn tags(&self) -> &[String];
    fn lookup(&self, key: &str) -> Option<&String>;
    fn bytes<'a>(&'a self) -> Box<dyn Iterator<Item = &'a u8> + 'a>;
    fn greeting(&self) -> String {
        format!("hello {}", self.name())
    }
}

#[automock]
pub trait Codec {
    fn decode<T: std::str::FromStr + Clone + Debug + 'static>(&self, raw: &str) -> Option<T>;
    fn encode<T: Debug + 'static>(&self, value: &T) -> String;
}

#[automock]
pub trait Service {
    fn new(config: HashMap<String, String>) -> Self;
    fn default_port() -> u16;
    fn with_name(&self, name: impl Into<String>) -> Self;
    fn filter(&self, keep: impl Fn(u32) -> bool) -> Vec<u32>;
    fn visit(&self, each: impl FnMut(u32));
    fn path(&self, p: impl AsRef<std::path::Path>) -> bool;
    fn numbers(&self) -> impl Iterator<Item = u32>;
    fn r#type(&self) -> u8;
    fn call_count(&self) -> usize;
    fn merge(&self, other: &Self) -> bool;
}

#[automock]
pub trait Consumer {
    fn consume(self: Box<Self>) -> u8;
    fn share(self: std::sync::Arc<Self>) -> u8;
    fn sum(&self, (a, b): (u8, u8)) -> u8 {
        a + b
    }
}

#[test]
fn receivers_and_patterns() {
    let consumer = MockConsumer::new();
    consumer.consume.return_value(4);
    assert_eq!(Box::new(consumer.clone()).consume(), 4);
    assert_eq!(std::sync::Arc::new(consumer.clone()).share(), 0);
    assert_eq!(consumer.sum((1, 2)), 3);
    consumer.sum.assert_called_once_with(call!((1, 2)));
}

#[automock]
pub trait Buffer<const N: usize> {
    fn fill(&mut self, byte: u8) -> [u8; N];
}

#[test]
fn generic_trait() {
    let mut store: MockStore<String, u32> = MockStore::new();
    store.get.return_value(Some(3));
    store.put("a".into(), 1);
    assert_eq!(store.get(&"a".to_string()), Some(3));
    store.put.assert_called_once_with(call!("a", 1));
    store.get.assert_called_with(call!("a"));
}

#[test]
fn assoc_items() {
    let mut source = MockSource::new();
    source.next_item.side_effect_iter([Some(1), None]);
    assert_eq!(source.next_item(), Some(1));
    assert_eq!(MockSource::MAX, 8);
    assert_eq!(MockSource::MIN, 1);
    source.peek.return_value(Some(4));
    assert_eq!(source.peek(), Some(&4));
}

#[test]
fn references_and_defaults() {
    let named = MockNamed::new();
    named.name.return_value("bob".to_string());
    assert_eq!(named.name(), "bob");
    named.tags.return_value(vec!["a".into()]);
    assert_eq!(named.tags(), ["a"]);
    named.lookup.side_effect(|k| Some(k.to_uppercase()));
    assert_eq!(named.lookup("x").map(String::as_str), Some("X"));
    named.bytes.return_value(vec![1, 2]);
    assert_eq!(named.bytes().copied().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(named.greeting(), "hello bob");
    named.greeting.return_value("hi".into());
    assert_eq!(named.greeting(), "hi");
}

#[test]
fn generic_methods() {
    let codec = MockCodec::new();
    codec.decode.of::<u32>().return_value(Some(7));
    assert_eq!(codec.decode::<u32>("7"), Some(7));
    assert_eq!(codec.decode::<String>("x"), None);
    assert_eq!(codec.decode.call_count(), 2);
    codec.encode.of::<u8>().return_value("b".into());
    assert_eq!(codec.encode(&3u8), "b");
    codec.encode.of::<u8>().assert_called_once_with(call!(3));
}

#[test]
fn statics_and_impl_trait() {
    {
        let statics = MockService::statics();
        statics.default_port.return_value(80);
        assert_eq!(<MockService as Service>::default_port(), 80);
        let made = <MockService as Service>::new(HashMap::new());
        made.r#type.return_value(3);
        assert_eq!(made.r#type(), 3);
        statics.new.assert_called_once();
    }
    assert_eq!(<MockService as Service>::default_port(), 0);
    let service = MockService::new();
    service
        .filter
        .side_effect(|keep| (0..5).filter(|n| keep(*n)).collect());
    assert_eq!(service.filter(|n| n % 2 == 0), [0, 2, 4]);
    service.visit.side_effect(|each| each(1));
    let mut seen = vec![];
    service.visit(|n| seen.push(n));
    assert_eq!(seen, [1]);
    service.with_name("x");
    service.with_name.assert_called_with(call!("x"));
    service.path.side_effect(|p| p.ends_with("b"));
    assert!(service.path("a/b"));
    service
        .path
        .assert_called_with(call!(std::path::PathBuf::from("a/b")));
    service.numbers.side_effect(|| Box::new(0..3));
    assert_eq!(service.numbers().sum::<u32>(), 3);
    assert_eq!(Service::call_count(&service), 0);
    assert!(!service.merge(&service.clone()));
    service.merge.assert_called_with(call!(service.clone()));
}

#[test]
fn const_generic() {
    let mut buffer: MockBuffer<4> = MockBuffer::new();
    buffer.fill.side_effect(|b| [b; 4]);
    assert_eq!(buffer.fill(2), [2; 4]);
}

#[test]
fn object_safety() {
    let named = MockNamed::new();
    named.name.return_value("n".into());
    let boxed: Box<dyn Named> = Box::new(named.clone());
    assert_eq!(boxed.name(), "n");
    let shared: std::sync::Arc<dyn Named + Send + Sync> = std::sync::Arc::new(named.clone());
    assert_eq!(shared.name(), "n");
}
