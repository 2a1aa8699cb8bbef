//! A spy's native `async fn` methods (no `#[async_trait]`: the trait is not
//! dyn-compatible) await the real value's method (SEMANTICS WRAPS-7), with
//! the call recorded when the method is called and the await when its
//! future is first polled (ASYNC-2), configured answers first (WRAPS-3), a
//! side effect that steps aside handing the call on in the sync order
//! (SE-3, WRAPS-4), and the real value lent as to a sync call, with no lock
//! held while the real future runs. The same holds for `mock!` and for an
//! `#[autospec]` type's `async fn`, and for an async `#[patchable]`
//! function after `call_original()`. Every concurrency test runs under a
//! watchdog.
#![deny(warnings)]

mod common;

use std::sync::Mutex;
use std::sync::atomic::Ordering;

use common::{catch, within};
use futures::channel::oneshot;
use futures::executor::block_on;
use mockgen::prelude::*;

const WATCHDOG: u64 = 10;

#[automock]
trait Forecasts: Send + Sync {
    async fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    /// Waits until `open` is called.
    async fn wait_open(&self) -> &'static str;
    async fn open(&self);
    async fn record(&mut self, reading: f64) -> usize;
    async fn hold(&mut self, #[mockgen(opaque)] release: oneshot::Receiver<()>) -> usize;
    async fn count(&self) -> usize;
    async fn label(&self, city: &str) -> String {
        format!("{city}: {:?}", self.forecast(city, 1).await)
    }
}

#[derive(Debug)]
pub struct Station {
    readings: Vec<f64>,
    opened: Mutex<Option<oneshot::Receiver<()>>>,
    opener: Mutex<Option<oneshot::Sender<()>>>,
}

impl Station {
    fn new() -> Self {
        let (tx, rx) = oneshot::channel();
        Station {
            readings: Vec::new(),
            opened: Mutex::new(Some(rx)),
            opener: Mutex::new(Some(tx)),
        }
    }
}

impl Forecasts for Station {
    async fn forecast(&self, city: &str, days: u8) -> Vec<f64> {
        vec![city.len() as f64; usize::from(days)]
    }
    async fn wait_open(&self) -> &'static str {
        let opened = self.opened.lock().unwrap().take().expect("one waiter");
        opened.await.expect("opened");
        "opened"
    }
    async fn open(&self) {
        if let Some(tx) = self.opener.lock().unwrap().take() {
            let _ = tx.send(());
        }
    }
    async fn record(&mut self, reading: f64) -> usize {
        self.readings.push(reading);
        self.readings.len()
    }
    async fn hold(&mut self, release: oneshot::Receiver<()>) -> usize {
        self.readings.push(0.0);
        release.await.expect("released");
        self.readings.len()
    }
    async fn count(&self) -> usize {
        self.readings.len()
    }
    async fn label(&self, city: &str) -> String {
        format!("real label of {city}")
    }
}

fn multi_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .build()
        .unwrap()
}

fn assert_send<T: Send>(_: &T) {}

#[test]
fn wraps_7_a_native_async_fn_of_a_spy_awaits_the_real_method() {
    let spy = MockForecasts::wrapping(Station::new());
    let pending = spy.forecast("Oslo", 2);
    // ASYNC-2: the call counts at once, the await when polled.
    spy.forecast.assert_called_once_with(call!("Oslo", 2));
    spy.forecast.assert_not_awaited();
    // The spy's future stays `Send`.
    assert_send(&pending);
    assert_eq!(block_on(pending), [4.0, 4.0]);
    spy.forecast.assert_awaited_once_with(call!("Oslo", 2));
    // A method with a default body calls the real value's version.
    assert_eq!(block_on(spy.label("Rome")), "real label of Rome");
}

#[test]
fn wraps_3_configured_answers_come_before_the_real_method() {
    let spy = MockForecasts::wrapping(Station::new());
    spy.forecast.return_value(vec![1.0]);
    assert_eq!(block_on(spy.forecast("Oslo", 3)), [1.0]);
    spy.forecast.reset_return_value();
    spy.forecast
        .side_effect_async(|_, days| async move { vec![0.5; usize::from(days)] });
    assert_eq!(block_on(spy.forecast("Oslo", 2)), [0.5, 0.5]);
    spy.forecast.reset_side_effect();
    assert_eq!(block_on(spy.forecast("Rome", 1)), [4.0]);
    assert_eq!(spy.forecast.await_count(), 3);
}

#[test]
fn wraps_7_a_mut_self_method_changes_the_real_value() {
    let mut spy = MockForecasts::wrapping(Station::new());
    assert_eq!(block_on(spy.record(1.5)), 1);
    assert_eq!(block_on(spy.record(2.5)), 2);
    assert_eq!(block_on(spy.count()), 2);
    spy.record.assert_has_awaits([call!(1.5), call!(2.5)]);
    let real: Station = spy.into_inner().expect("the real value");
    assert_eq!(real.readings, [1.5, 2.5]);
}

#[test]
fn se_3_a_side_effect_that_steps_aside_leaves_the_call_to_the_real_method() {
    let spy = MockForecasts::wrapping(Station::new());
    spy.forecast
        .side_effect_or_default(|city, _| (city == "gold").then(|| vec![1000.0]));
    assert_eq!(block_on(spy.forecast("gold", 1)), [1000.0]);
    // WRAPS-4: stepped aside, the real value answers, with the arguments.
    assert_eq!(block_on(spy.forecast("tin", 2)), [3.0, 3.0]);
    spy.forecast
        .assert_has_awaits([call!("gold", 1), call!("tin", 2)]);
    // `return_once` and `return_value` answer before the real value.
    spy.forecast.return_once(vec![7.0]);
    spy.forecast.return_value(vec![8.0]);
    assert_eq!(block_on(spy.forecast("tin", 1)), [7.0]);
    assert_eq!(block_on(spy.forecast("tin", 1)), [8.0]);
}

#[test]
fn se_3_a_stepped_aside_call_of_a_mock_runs_the_default_body() {
    let mock = MockForecasts::new();
    mock.forecast.return_value(vec![5.0]);
    mock.label
        .side_effect_or_default(|city| (city == "x").then(|| "effect".to_owned()));
    assert_eq!(block_on(mock.label("x")), "effect");
    assert_eq!(block_on(mock.label("Rome")), "Rome: [5.0]");
}

#[test]
fn an_argument_that_cannot_be_lent_twice_keeps_an_async_call_away_from_the_real_value() {
    let mut spy = MockForecasts::wrapping(Station::new());
    spy.hold.side_effect_or_default(|_release| None);
    // The side effect got the receiver, which is not `Clone`: the real
    // method cannot, and the default answers.
    let (_release, rx) = oneshot::channel();
    assert_eq!(block_on(spy.hold(rx)), 0);
    spy.hold.return_value(9);
    let (_release, rx) = oneshot::channel();
    assert_eq!(block_on(spy.hold(rx)), 9);
    let real: Station = spy.into_inner().expect("the real value");
    assert!(real.readings.is_empty(), "the real `hold` ran");
}

#[test]
fn shared_calls_run_side_by_side_with_no_lock_held_on_a_multi_thread_runtime() {
    within(WATCHDOG, || {
        multi_thread().block_on(async {
            let spy = MockForecasts::wrapping(Station::new());
            // The waiter's real future is pending while it has the real
            // value: `open` must still reach it.
            let (opened, ()) = tokio::join!(spy.wait_open(), async {
                while spy.wait_open.await_count() == 0 {
                    tokio::task::yield_now().await;
                }
                spy.open().await;
            });
            assert_eq!(opened, "opened");
            spy.open.assert_awaited_once();
            // Real futures that finish without waiting may run in any task.
            let tasks: Vec<_> = (0..16_u8)
                .map(|days| {
                    let spy = spy.clone();
                    tokio::spawn(async move { spy.forecast("Oslo", days).await })
                })
                .collect();
            for (days, task) in tasks.into_iter().enumerate() {
                assert_eq!(task.await.unwrap(), vec![4.0; days]);
            }
            assert_eq!(spy.forecast.await_count(), 16);
        });
    });
}

#[test]
fn a_mut_self_call_has_the_real_value_to_itself_until_its_future_ends() {
    within(WATCHDOG, || {
        multi_thread().block_on(async {
            let spy = MockForecasts::wrapping(Station::new());
            let (release, rx) = oneshot::channel();
            let mut holder = spy.clone();
            let mut holding = std::pin::pin!(holder.hold(rx));
            assert!(
                futures::future::poll_immediate(holding.as_mut())
                    .await
                    .is_none()
            );
            let reading = spy.count();
            let mut reading = std::pin::pin!(reading);
            for _ in 0..100 {
                assert!(
                    futures::future::poll_immediate(reading.as_mut())
                        .await
                        .is_none()
                );
                tokio::task::yield_now().await;
            }
            release.send(()).unwrap();
            assert_eq!(holding.await, 1);
            assert_eq!(reading.await, 1);
        });
    });
}

#[test]
fn a_real_future_moved_to_another_thread_panics_and_gives_the_value_back() {
    within(WATCHDOG, || {
        let spy = MockForecasts::wrapping(Station::new());
        let mut waiting = Box::pin(spy.wait_open());
        // Started here: the real future waits for `open`.
        assert!(block_on(futures::future::poll_immediate(&mut waiting)).is_none());
        let message = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    catch(|| {
                        block_on(futures::future::poll_immediate(&mut waiting));
                    })
                    .0
                })
                .join()
        });
        let message = message.expect("the panic is caught");
        drop(waiting);
        assert!(
            message.contains("native `async fn`") && message.contains("on one thread only"),
            "{message}"
        );
        // The future was forgotten there; the value was given back.
        assert_eq!(block_on(spy.count()), 0);
        let _: Station = spy.into_inner().expect("given back");
    });
}

#[test]
fn a_future_dropped_on_another_thread_gives_the_real_value_back() {
    within(WATCHDOG, || {
        let mut spy = MockForecasts::wrapping(Station::new());
        let (_release, rx) = oneshot::channel();
        let mut holding = Box::pin(hold_owned(spy.clone(), rx));
        assert!(block_on(futures::future::poll_immediate(&mut holding)).is_none());
        std::thread::spawn(move || drop(holding)).join().unwrap();
        assert_eq!(block_on(spy.record(2.0)), 2);
    });
}

/// A call that owns its spy, so that its future can move to another thread.
async fn hold_owned(mut spy: MockForecasts, release: oneshot::Receiver<()>) -> usize {
    spy.hold(release).await
}

mock! {
    pub Cache;
    impl Lookup for Cache {
        async fn get(&self, key: &str) -> Option<String>;
        async fn put(&mut self, key: &str, value: String) -> bool;
    }
}

trait Lookup {
    async fn get(&self, key: &str) -> Option<String>;
    async fn put(&mut self, key: &str, value: String) -> bool;
}

#[derive(Debug, Default)]
pub struct MapCache {
    entries: std::collections::HashMap<String, String>,
}

impl Lookup for MapCache {
    async fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }
    async fn put(&mut self, key: &str, value: String) -> bool {
        self.entries.insert(key.to_owned(), value).is_none()
    }
}

#[test]
fn wraps_7_a_mock_macro_spy_awaits_the_real_method() {
    let mut spy = MockCache::wrapping(MapCache::default());
    assert!(block_on(spy.put("k", "v".to_owned())));
    assert_eq!(block_on(spy.get("k")), Some("v".to_owned()));
    spy.get.return_value(None);
    assert_eq!(block_on(spy.get("k")), None);
    spy.put.assert_awaited_once_with(call!("k", "v"));
    let real: MapCache = spy.into_inner().expect("the real value");
    assert_eq!(real.entries["k"], "v");
}

pub mod db {
    use std::sync::atomic::{AtomicU32, Ordering};

    #[derive(Debug, Default)]
    pub struct Database {
        pub queries: AtomicU32,
    }

    #[mockgen::autospec]
    impl Database {
        pub async fn query(&self, sql: &str) -> Vec<String> {
            self.queries.fetch_add(1, Ordering::SeqCst);
            vec![format!("row of {sql}")]
        }
        pub async fn migrate(&mut self, version: u32) -> u32 {
            *self.queries.get_mut() += 10;
            version + 1
        }
    }
}

#[test]
fn wraps_7_an_autospec_spy_awaits_the_real_async_method() {
    within(WATCHDOG, || {
        multi_thread().block_on(async {
            let mut spy = db::MockDatabase::wrapping(db::Database::default());
            assert_eq!(spy.query("select").await, ["row of select"]);
            assert_eq!(spy.migrate(1).await, 2);
            spy.query
                .side_effect_or_default(|sql| (sql == "fake").then(Vec::new));
            assert!(spy.query("fake").await.is_empty());
            // Stepped aside: the real method answers.
            let task = tokio::spawn({
                let spy = spy.clone();
                async move { spy.query("real").await }
            });
            assert_eq!(task.await.unwrap(), ["row of real"]);
            spy.query
                .assert_has_awaits([call!("select"), call!("fake"), call!("real")]);
            let real: db::Database = spy.into_inner().expect("the real value");
            assert_eq!(real.queries.load(Ordering::SeqCst), 12);
        });
    });
}

#[test]
fn se_3_an_async_call_original_patch_answers_with_the_original_when_the_side_effect_steps_aside() {
    let forecast = patch!(mockgen_tests::weather::fetch_forecast);
    forecast.call_original();
    forecast.side_effect_or_default(|city, _| (city == "gold").then(|| vec![1000.0]));
    assert_eq!(
        block_on(mockgen_tests::weather::fetch_forecast("gold", 1)),
        [1000.0]
    );
    assert_eq!(
        block_on(mockgen_tests::weather::fetch_forecast("abc", 2)),
        [3.0, 3.0]
    );
    forecast.assert_awaited_with(call!("abc", 2));
}

/// A buffer that borrows its storage: `&mut Buffer<'_>` arguments.
#[derive(Debug)]
pub struct Buffer<'a> {
    bytes: &'a mut Vec<u8>,
}

#[automock]
trait Encoder {
    async fn encode(&self, value: u8, out: &mut Buffer<'_>) -> usize;
}

struct Plain;

impl Encoder for Plain {
    async fn encode(&self, value: u8, out: &mut Buffer<'_>) -> usize {
        out.bytes.push(value);
        out.bytes.len()
    }
}

#[test]
fn wraps_7_the_real_method_writes_through_a_mut_argument_with_a_lifetime() {
    let spy = MockEncoder::wrapping(Plain);
    let mut bytes = Vec::new();
    let mut out = Buffer { bytes: &mut bytes };
    assert_eq!(block_on(spy.encode(7, &mut out)), 1);
    // Stepped aside, the real method gets the argument reborrowed.
    spy.encode
        .side_effect_or_default(|value, _| (value == 0).then_some(0));
    assert_eq!(block_on(spy.encode(0, &mut out)), 0);
    assert_eq!(block_on(spy.encode(9, &mut out)), 2);
    assert_eq!(bytes, [7, 9]);
    assert_eq!(spy.encode.await_count(), 3);
}

#[automock]
trait Thermometer {
    /// The trait promises a `Send` future.
    fn current(&self, city: &str) -> impl std::future::Future<Output = f64> + Send;
    /// It does not.
    fn average(&self, days: u8) -> impl std::future::Future<Output = f64>;
}

struct Outside;

impl Thermometer for Outside {
    fn current(&self, city: &str) -> impl std::future::Future<Output = f64> + Send {
        let reading = city.len() as f64;
        async move {
            // Pending a few times: the task may move between threads.
            for _ in 0..10 {
                tokio::task::yield_now().await;
            }
            reading
        }
    }
    fn average(&self, days: u8) -> impl std::future::Future<Output = f64> {
        std::future::ready(f64::from(days) / 2.0)
    }
}

#[test]
fn wraps_7_an_impl_future_method_of_a_spy_awaits_the_real_future() {
    within(WATCHDOG, || {
        multi_thread().block_on(async {
            let spy = MockThermometer::wrapping(Outside);
            assert_eq!(spy.average(3).await, 1.5);
            // A future the trait promises to be `Send` may move between
            // the runtime's threads while the real future is pending.
            let tasks: Vec<_> = ["Oslo", "Rome", "Lima"]
                .into_iter()
                .map(|city| {
                    let spy = spy.clone();
                    tokio::spawn(async move { spy.current(city).await })
                })
                .collect();
            for task in tasks {
                assert_eq!(task.await.unwrap(), 4.0);
            }
            spy.current
                .assert_has_awaits_any_order([call!("Oslo"), call!("Rome"), call!("Lima")]);
            spy.average.return_value(0.0);
            assert_eq!(spy.average(3).await, 0.0);
        });
    });
}
