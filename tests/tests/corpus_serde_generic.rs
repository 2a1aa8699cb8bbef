//! Corpus of serde-style and generic traits: typed config getters `get<T: FromStr>`, `put<T: Debug>`, codecs over generic traits, generic methods with several type parameters and where clauses, generic traits with associated types, typed event emitters and format registries.
#![deny(warnings)]

use mockgen::prelude::*;
use std::collections::HashMap;
use std::fmt::Debug;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq)]
pub enum CodecError {
    Eof,
    Invalid(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

// --- 1. a typed config source ------------------------------------------------

#[automock]
pub trait ConfigSource {
    fn get<T: FromStr + 'static>(&self, key: &str) -> Option<T>;
    fn get_or<T>(&self, key: &str, default: T) -> T
    where
        T: FromStr + Clone + Debug + PartialEq + Send + Sync + 'static;
    fn keys(&self) -> Vec<String>;
}

#[derive(Debug, PartialEq)]
struct ServerConfig {
    host: String,
    port: u16,
    workers: usize,
}

fn load_server(cfg: &impl ConfigSource) -> Option<ServerConfig> {
    Some(ServerConfig {
        host: cfg.get::<String>("server.host")?,
        port: cfg.get_or::<u16>("server.port", 8080),
        workers: cfg.get::<usize>("server.workers").unwrap_or(4),
    })
}

#[test]
fn config_source_answers_per_type_instantiation() {
    let cfg = MockConfigSource::new();
    cfg.get
        .of::<String>()
        .return_value(Some("example.org".into()));
    cfg.get_or.of::<u16>().side_effect(|_, default| default + 1);

    let server = load_server(&cfg).unwrap();

    assert_eq!(
        server,
        ServerConfig {
            host: "example.org".into(),
            port: 8081,
            workers: 4,
        }
    );
    cfg.get
        .of::<String>()
        .assert_called_once_with(call!("server.host"));
    cfg.get
        .of::<usize>()
        .assert_called_once_with(call!("server.workers"));
    cfg.get_or
        .of::<u16>()
        .assert_called_once_with(call!("server.port", 8080));
    assert_eq!(cfg.get.call_count(), 2);
}

#[test]
fn config_source_missing_host_short_circuits() {
    let cfg = MockConfigSource::new();
    assert_eq!(load_server(&cfg), None);
    assert_eq!(cfg.get.call_count(), 1);
    cfg.get_or.assert_not_called();
    cfg.get.of::<usize>().assert_not_called();
}

// --- 2. a typed key-value writer with put<T: Debug> ------------------------------

#[automock]
pub trait TypedStore {
    fn put<T: Debug + Send + Sync + 'static>(&self, key: &str, value: &T) -> bool;
    fn put_many<T>(&self, items: Vec<(String, T)>) -> usize
    where
        T: Clone + Debug + PartialEq + Send + Sync + 'static;
}

fn save_point(store: &impl TypedStore, name: &str, p: &Point) -> bool {
    store.put(&format!("{name}.x"), &p.x)
        && store.put(&format!("{name}.y"), &p.y)
        && store.put(name, p)
}

#[test]
fn typed_store_records_each_instantiation_separately() {
    let store = MockTypedStore::new();
    store.put.of::<i32>().return_value(true);
    store.put.of::<Point>().return_value(true);

    assert!(save_point(&store, "origin", &Point { x: 1, y: 2 }));

    store
        .put
        .of::<i32>()
        .assert_has_calls([call!("origin.x", 1), call!("origin.y", 2)]);
    store
        .put
        .of::<Point>()
        .assert_called_once_with(call!("origin", Point { x: 1, y: 2 }));
    assert_eq!(store.put.call_count(), 3);
}

#[test]
fn typed_store_put_many_with_a_where_clause() {
    let store = MockTypedStore::new();
    store.put_many.of::<u8>().side_effect(|items| items.len());
    let items = vec![("a".to_string(), 1u8), ("b".to_string(), 2)];
    assert_eq!(store.put_many(items.clone()), 2);
    store
        .put_many
        .of::<u8>()
        .assert_called_once_with(call!(items));
}

// --- 3. a generic codec trait ---------------------------------------------------------

#[automock]
pub trait Codec<T: Clone + Debug + PartialEq> {
    fn encode(&self, value: &T) -> Vec<u8>;
    fn decode(&self, bytes: &[u8]) -> Result<T, CodecError>;
}

fn round_trip<T, C>(codec: &C, value: &T) -> Result<bool, CodecError>
where
    T: Clone + Debug + PartialEq,
    C: Codec<T>,
{
    let bytes = codec.encode(value);
    Ok(codec.decode(&bytes)? == *value)
}

#[test]
fn codec_round_trip_decodes_what_was_encoded() {
    let codec: MockCodec<Point> = MockCodec::new();
    codec.encode.side_effect(|p| vec![p.x as u8, p.y as u8]);
    codec.decode.side_effect(|b| match b {
        [x, y] => Ok(Point {
            x: i32::from(*x),
            y: i32::from(*y),
        }),
        _ => Err(CodecError::Eof),
    });

    assert_eq!(round_trip(&codec, &Point { x: 3, y: 4 }), Ok(true));

    codec
        .encode
        .assert_called_once_with(call!(Point { x: 3, y: 4 }));
    codec.decode.assert_called_once_with(call!(vec![3u8, 4]));
}

#[test]
fn codec_round_trip_reports_decode_errors() {
    let codec: MockCodec<String> = MockCodec::new();
    codec
        .decode
        .return_value(Err(CodecError::Invalid("utf8".into())));
    assert_eq!(
        round_trip(&codec, &"é".to_string()),
        Err(CodecError::Invalid("utf8".into()))
    );
    codec.encode.assert_called_once_with(call!("é".to_string()));
    codec
        .decode
        .assert_called_once_with(call!(Vec::<u8>::new()));
}

// --- 4. a converter with several type parameters -----------------------------------------

#[automock]
pub trait Converter {
    fn convert<A, B>(&self, input: A) -> Result<B, CodecError>
    where
        A: Clone + Debug + PartialEq + Send + Sync + 'static,
        B: 'static;
}

fn to_strings(conv: &impl Converter, values: &[i64]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| conv.convert::<i64, String>(*v).ok())
        .collect()
}

#[test]
fn converter_instantiation_is_named_by_a_tuple_of_type_arguments() {
    let conv = MockConverter::new();
    conv.convert.of::<(i64, String)>().side_effect(|n| {
        if n < 0 {
            Err(CodecError::Invalid(n.to_string()))
        } else {
            Ok(format!("#{n}"))
        }
    });

    assert_eq!(to_strings(&conv, &[1, -2, 3]), ["#1", "#3"]);
    conv.convert
        .of::<(i64, String)>()
        .assert_has_calls([call!(1), call!(-2), call!(3)]);
    conv.convert.of::<(i64, u8)>().assert_not_called();
}

// --- 5. a generic transformer with an associated output type --------------------------------

#[automock(type Output = Vec<String>;)]
pub trait Transformer<In>
where
    In: Clone + Debug + PartialEq + Send + Sync + 'static,
{
    type Output;
    fn transform(&self, input: In) -> Self::Output;
    fn name(&self) -> String {
        "transformer".into()
    }
}

fn pipeline<T>(t: &T, lines: &str) -> Vec<String>
where
    T: Transformer<String, Output = Vec<String>>,
{
    lines
        .lines()
        .flat_map(|l| t.transform(l.to_string()))
        .collect()
}

#[test]
fn transformer_associated_output_flows_through_the_pipeline() {
    let t: MockTransformer<String> = MockTransformer::new();
    t.transform
        .side_effect(|line| line.split(',').map(str::trim).map(String::from).collect());

    assert_eq!(pipeline(&t, "a, b\nc"), ["a", "b", "c"]);
    t.transform
        .assert_has_calls([call!("a, b".to_string()), call!("c".to_string())]);
    assert_eq!(t.name(), "transformer");
}

// --- 6. a typed event emitter ---------------------------------------------------------------

pub trait DomainEvent: Clone + Debug + PartialEq + Send + Sync + 'static {
    const KIND: &'static str;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderPlaced {
    pub id: u32,
}

impl DomainEvent for OrderPlaced {
    const KIND: &'static str = "order.placed";
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderShipped {
    pub id: u32,
    pub carrier: String,
}

impl DomainEvent for OrderShipped {
    const KIND: &'static str = "order.shipped";
}

#[automock]
pub trait Emitter {
    fn emit<E: DomainEvent + 'static>(
        &self,
        kind: &'static str,
        event: E,
    ) -> Result<(), CodecError>;
}

fn ship(emitter: &impl Emitter, id: u32) -> Result<(), CodecError> {
    emitter.emit(OrderPlaced::KIND, OrderPlaced { id })?;
    emitter.emit(
        OrderShipped::KIND,
        OrderShipped {
            id,
            carrier: "ups".into(),
        },
    )
}

#[test]
fn emitter_bounded_by_a_user_trait_answers_per_event_type() {
    let emitter = MockEmitter::new();
    let placed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&placed);
    emitter.emit.of::<OrderPlaced>().side_effect(move |_, e| {
        seen.lock().unwrap().push(e.id);
        Ok(())
    });
    emitter
        .emit
        .of::<OrderShipped>()
        .return_value(Err(CodecError::Eof));

    assert_eq!(ship(&emitter, 5), Err(CodecError::Eof));

    assert_eq!(*placed.lock().unwrap(), [5]);
    // `E` is bounded by `DomainEvent` only (its `Clone`/`Debug` come from
    // supertraits the macro cannot see), so the event is recorded opaque.
    emitter
        .emit
        .of::<OrderPlaced>()
        .assert_called_once_with(call!("order.placed", ANY));
    emitter
        .emit
        .of::<OrderShipped>()
        .assert_called_once_with(call!("order.shipped", ANY));
    assert_eq!(emitter.emit.call_count(), 2);
}

// --- 7. a format registry: generic trait over key and value with a generic method ----------

#[automock]
pub trait Registry<K>
where
    K: std::hash::Hash + Eq + Clone + Debug + Send + Sync + 'static,
{
    fn register(&mut self, key: K, mime: &str) -> Option<String>;
    fn lookup<V: FromStr + 'static>(&self, key: &K) -> Option<V>;
    fn snapshot(&self) -> HashMap<K, String>;
}

fn register_defaults<R: Registry<&'static str>>(r: &mut R) -> usize {
    [("json", "application/json"), ("toml", "application/toml")]
        .into_iter()
        .filter(|(k, m)| r.register(k, m).is_none())
        .count()
}

#[test]
fn registry_counts_fresh_registrations() {
    let mut r: MockRegistry<&'static str> = MockRegistry::new();
    r.register
        .side_effect(|k, _| (k == "toml").then(|| "text/plain".to_string()));

    assert_eq!(register_defaults(&mut r), 1);
    r.register.assert_has_calls([
        call!("json", "application/json"),
        call!("toml", "application/toml"),
    ]);
    r.lookup.of::<u8>().return_value(Some(1));
    assert_eq!(r.lookup::<u8>(&"json"), Some(1));
    r.lookup.of::<u8>().assert_called_once_with(call!("json"));
}

// --- 8. a deserializer-style reader returning owned values ---------------------------------

#[automock]
pub trait Reader {
    fn next_token(&mut self) -> Option<String>;
    fn read<T: FromStr + Default + 'static>(&mut self) -> Result<T, CodecError> {
        let tok = self.next_token().ok_or(CodecError::Eof)?;
        tok.parse().map_err(|_| CodecError::Invalid(tok))
    }
}

fn read_point<R: Reader>(r: &mut R) -> Result<Point, CodecError> {
    Ok(Point {
        x: r.read()?,
        y: r.read()?,
    })
}

#[test]
fn reader_default_generic_body_uses_the_mocked_tokens() {
    let mut r = MockReader::new();
    r.next_token
        .side_effect_iter([Some("3".to_string()), Some("x".to_string())]);

    assert_eq!(read_point(&mut r), Err(CodecError::Invalid("x".into())));
    assert_eq!(r.next_token.call_count(), 2);
    assert_eq!(r.read.of::<i32>().call_count(), 2);
}

#[test]
fn reader_generic_default_method_can_be_configured_per_type() {
    let mut r = MockReader::new();
    r.read.of::<i32>().side_effect_iter([Ok(7), Ok(9)]);
    assert_eq!(read_point(&mut r), Ok(Point { x: 7, y: 9 }));
    r.next_token.assert_not_called();
}
