//! Async methods (SEMANTICS ASYNC-*): native `async fn`, `-> impl Future`,
//! `#[async_trait]`, await tracking separate from call tracking, async side
//! effects, and tokio's multi-thread runtime.
#![deny(warnings)]

mod common;

use std::sync::Arc;

use common::panic_message;
use futures::executor::block_on;
use mockgen::prelude::*;

#[automock]
trait Weather {
    async fn forecast(&self, city: &str, days: u8) -> Vec<f64>;
    fn current(&self, city: &str) -> impl std::future::Future<Output = f64> + Send;
    async fn refresh(&mut self);
    async fn label(&self, city: &str) -> String {
        format!("{city}: {:?}", self.forecast(city, 1).await)
    }
}

#[automock]
#[async_trait::async_trait]
pub trait Store: Send + Sync {
    async fn get(&self, key: &str) -> Option<String>;
    async fn put(&self, key: &str, value: String) -> Result<(), String>;
    async fn keys(&self) -> Vec<String> {
        vec!["default".into()]
    }
}

#[test]
fn async_2_call_is_recorded_at_call_time_await_at_first_poll() {
    let weather = MockWeather::new();
    weather.forecast.return_value(vec![1.0]);
    let pending = weather.forecast("Oslo", 3);
    weather.forecast.assert_called_once_with(call!("Oslo", 3));
    weather.forecast.assert_not_awaited();
    assert_eq!(block_on(pending), [1.0]);
    weather.forecast.assert_awaited_once_with(call!("Oslo", 3));
    assert_eq!(weather.forecast.await_args(), Some(("Oslo".to_string(), 3)));
}

#[test]
fn a_future_dropped_unpolled_counts_as_called_not_awaited() {
    let weather = MockWeather::new();
    drop(weather.forecast("Oslo", 1));
    assert_eq!(weather.forecast.call_count(), 1);
    assert_eq!(weather.forecast.await_count(), 0);
}

#[test]
fn async_1_side_effects_run_when_polled() {
    let weather = MockWeather::new();
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    weather.forecast.side_effect(move |city, days| {
        log.lock().unwrap().push(city.to_string());
        vec![f64::from(days)]
    });
    let pending = weather.forecast("Paris", 2);
    assert!(seen.lock().unwrap().is_empty());
    assert_eq!(block_on(pending), [2.0]);
    assert_eq!(*seen.lock().unwrap(), ["Paris"]);
}

#[test]
fn async_3_async_side_effects_and_impl_future() {
    let weather = MockWeather::new();
    weather.current.side_effect_async(|city| {
        let hot = city.starts_with('C');
        async move { if hot { 30.0 } else { 10.0 } }
    });
    assert_eq!(block_on(weather.current("Cairo")), 30.0);
    assert_eq!(block_on(weather.current("Oslo")), 10.0);
    weather
        .current
        .assert_has_awaits([call!("Cairo"), call!("Oslo")]);
}

#[test]
fn async_5_await_args_list_is_in_await_order() {
    let weather = MockWeather::new();
    let first = weather.forecast("A", 1);
    let second = weather.forecast("B", 2);
    block_on(async {
        second.await;
        first.await;
    });
    assert_eq!(
        weather.forecast.await_args_list(),
        [("B".to_string(), 2), ("A".to_string(), 1)]
    );
    assert_eq!(
        weather.forecast.call_args_list(),
        [("A".to_string(), 1), ("B".to_string(), 2)]
    );
}

#[test]
fn default_async_bodies_run_unless_configured() {
    let weather = MockWeather::new();
    weather.forecast.return_value(vec![5.0]);
    assert_eq!(block_on(weather.label("Rome")), "Rome: [5.0]");
    weather.label.return_value("fixed".into());
    assert_eq!(block_on(weather.label("Rome")), "fixed");
    let mut weather = weather;
    block_on(weather.refresh());
    weather.refresh.assert_awaited_once();
}

#[test]
fn async_7_await_assertion_messages() {
    let weather = MockWeather::new();
    drop(weather.forecast("Oslo", 1));
    assert_eq!(
        panic_message(|| weather.forecast.assert_awaited()),
        "MockWeather.forecast: expected to have been awaited. Awaited 0 times."
    );
    block_on(weather.forecast("Rome", 2));
    assert_eq!(
        panic_message(|| weather.forecast.assert_awaited_with(call!("Oslo", 1))),
        "MockWeather.forecast: expected await not found.\nExpected: forecast(\"Oslo\", 1)\n  Actual: forecast(\"Rome\", 2)"
    );
    assert_eq!(
        panic_message(|| weather.forecast.assert_not_awaited()),
        "MockWeather.forecast: expected to not have been awaited. Awaited 1 time.\nAwaits:\n  forecast(\"Rome\", 2)"
    );
}

#[test]
fn async_trait_methods_record_calls_and_awaits() {
    let store = MockStore::new();
    store.get.side_effect(|key| Some(key.to_uppercase()));
    let pending = store.get("k");
    store.get.assert_called_once_with(call!("k"));
    store.get.assert_not_awaited();
    assert_eq!(block_on(pending), Some("K".into()));
    store.get.assert_awaited_once();
    assert_eq!(block_on(store.keys()), ["default"]);
    store.put.return_value(Err("full".into()));
    assert_eq!(block_on(store.put("k", "v".into())), Err("full".into()));
}

async fn copy(store: &dyn Store, from: &str, to: &str) -> Result<(), String> {
    let value = store.get(from).await.ok_or("missing")?;
    store.put(to, value).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tokio_tasks_on_several_workers_share_one_mock() {
    let store = Arc::new(MockStore::new());
    store.get.side_effect(|key| Some(format!("value of {key}")));
    store.put.return_value(Ok(()));
    let tasks: Vec<_> = (0..32)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { copy(&*store, &format!("k{i}"), &format!("c{i}")).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(store.get.await_count(), 32);
    assert_eq!(store.put.call_count(), 32);
    store.put.assert_any_await(call!("c7", "value of k7"));
}

#[test]
fn futures_are_send() {
    fn is_send<T: Send>(_: &T) {}
    let weather = MockWeather::new();
    is_send(&weather.forecast("Oslo", 1));
    is_send(&weather.current("Oslo"));
}
