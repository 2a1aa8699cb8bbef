//! Corpus of messaging traits: append-only event stores, queues with ack/nack and visibility timeouts, consumers taking `&dyn Fn(&Message)`, outbox relays with `Option<&str>` keys, generic dedup filters and senders returning the message back in their error, and an `#[async_trait]` job queue.
#![deny(warnings)]

use futures::executor::block_on;
use mockgen::prelude::*;
use std::fmt::Debug;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum QueueError {
    Conflict(String),
    Throttled,
    NoSuchQueue(String),
}

// --- 1. an append-only event store with optimistic concurrency ----------------------

#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub kind: String,
    pub data: Vec<u8>,
}

#[automock]
pub trait EventStore {
    fn append(
        &mut self,
        stream: &str,
        expected_version: Option<u64>,
        events: Vec<StoredEvent>,
    ) -> Result<u64, QueueError>;
    fn read(&self, stream: &str, from: u64) -> Vec<StoredEvent>;
}

fn append_with_reload(
    store: &mut dyn EventStore,
    stream: &str,
    ev: StoredEvent,
) -> Result<u64, QueueError> {
    let seen = store.read(stream, 0).len() as u64;
    match store.append(stream, Some(seen), vec![ev.clone()]) {
        Err(QueueError::Conflict(_)) => {
            let now = seen + store.read(stream, seen).len() as u64;
            store.append(stream, Some(now), vec![ev])
        }
        other => other,
    }
}

#[test]
fn event_store_retries_append_once_after_a_version_conflict() {
    let mut store = MockEventStore::new();
    let ev = StoredEvent {
        kind: "Opened".into(),
        data: vec![1],
    };
    store
        .read
        .side_effect(|_, from| vec![ev_of(from); if from == 0 { 2 } else { 1 }]);
    store
        .append
        .side_effect_iter([Err(QueueError::Conflict("v2".into())), Ok(4)]);

    assert_eq!(append_with_reload(&mut store, "acct-1", ev.clone()), Ok(4));

    store.append.assert_has_calls([
        call!("acct-1", Some(2), vec![ev.clone()]),
        call!("acct-1", Some(3), vec![ev]),
    ]);
    store
        .read
        .assert_has_calls([call!("acct-1", 0), call!("acct-1", 2)]);
}

fn ev_of(n: u64) -> StoredEvent {
    StoredEvent {
        kind: format!("e{n}"),
        data: vec![],
    }
}

// --- 2. a queue with ack/nack and visibility timeouts ------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub receipt: String,
    pub body: Vec<u8>,
    pub attempts: u32,
}

fn msg(receipt: &str, body: &str, attempts: u32) -> Message {
    Message {
        receipt: receipt.into(),
        body: body.as_bytes().to_vec(),
        attempts,
    }
}

#[automock]
pub trait Queue: Send + Sync {
    fn send(&self, queue: &str, body: Vec<u8>, delay: Option<Duration>) -> Result<u64, QueueError>;
    fn receive(
        &self,
        queue: &str,
        max: usize,
        visibility: Duration,
    ) -> Result<Vec<Message>, QueueError>;
    fn ack(&self, queue: &str, receipt: &str) -> Result<(), QueueError>;
    fn nack(&self, queue: &str, receipt: &str, requeue: bool);
}

/// Handles one batch: acks successes, requeues failures, dead-letters after 3 attempts.
fn drain_once(q: &Arc<dyn Queue>, handle: impl Fn(&[u8]) -> bool) -> Result<usize, QueueError> {
    let batch = q.receive("jobs", 10, Duration::from_secs(30))?;
    let mut done = 0;
    for m in batch {
        if handle(&m.body) {
            q.ack("jobs", &m.receipt)?;
            done += 1;
        } else if m.attempts >= 3 {
            q.nack("jobs", &m.receipt, false);
            q.send("jobs-dlq", m.body, None)?;
        } else {
            q.nack("jobs", &m.receipt, true);
        }
    }
    Ok(done)
}

#[test]
fn queue_batch_acks_requeues_and_dead_letters() {
    let q = MockQueue::new();
    q.receive.return_value(Ok(vec![
        msg("r1", "ok", 1),
        msg("r2", "bad", 1),
        msg("r3", "bad", 3),
    ]));
    q.ack.return_value(Ok(()));
    q.send.return_value(Ok(99));
    let shared: Arc<dyn Queue> = Arc::new(q.clone());

    assert_eq!(drain_once(&shared, |b| b == b"ok"), Ok(1));

    q.receive
        .assert_called_once_with(call!("jobs", 10, Duration::from_secs(30)));
    q.ack.assert_called_once_with(call!("jobs", "r1"));
    q.nack
        .assert_has_calls([call!("jobs", "r2", true), call!("jobs", "r3", false)]);
    q.send
        .assert_called_once_with(call!("jobs-dlq", b"bad".to_vec(), None));
}

#[test]
fn queue_receive_error_is_returned_without_acking() {
    let q = MockQueue::new();
    q.receive
        .return_value(Err(QueueError::NoSuchQueue("jobs".into())));
    let shared: Arc<dyn Queue> = Arc::new(q.clone());
    assert_eq!(
        drain_once(&shared, |_| true),
        Err(QueueError::NoSuchQueue("jobs".into()))
    );
    q.ack.assert_not_called();
    assert_eq!(q.mock_calls().len(), 1);
}

// --- 3. a push consumer taking &dyn Fn(&Message) ---------------------------------

#[automock]
pub trait Consumer {
    fn consume(&self, queue: &str, handler: &dyn Fn(&Message) -> Result<(), String>) -> usize;
}

fn sizes_seen(c: &dyn Consumer) -> (usize, Vec<usize>) {
    let sizes = Mutex::new(Vec::new());
    let n = c.consume("events", &|m| {
        sizes.lock().unwrap().push(m.body.len());
        if m.body.is_empty() {
            Err("empty".into())
        } else {
            Ok(())
        }
    });
    (n, sizes.into_inner().unwrap())
}

#[test]
fn consumer_side_effect_feeds_messages_to_the_handler() {
    let c = MockConsumer::new();
    c.consume.side_effect(|_, handler| {
        [msg("a", "xyz", 1), msg("b", "", 1), msg("c", "q", 1)]
            .iter()
            .filter(|m| handler(m).is_ok())
            .count()
    });

    assert_eq!(sizes_seen(&c), (2, vec![3, 0, 1]));
    c.consume.assert_called_once_with(call!("events", ANY));
}

// --- 4. an outbox relay: pending records to a broker with Option<&str> keys -------

#[derive(Debug, Clone, PartialEq)]
pub struct OutboxRecord {
    pub id: u64,
    pub topic: String,
    pub key: Option<String>,
    pub payload: Vec<u8>,
}

#[automock]
pub trait Outbox {
    fn pending(&self, limit: usize) -> Vec<OutboxRecord>;
    fn mark_sent(&mut self, ids: &[u64]) -> usize;
}

#[automock]
pub trait Broker {
    fn publish(&self, topic: &str, key: Option<&str>, payload: &[u8]) -> Result<(), QueueError>;
}

fn relay(outbox: &mut dyn Outbox, broker: &dyn Broker) -> usize {
    let sent: Vec<u64> = outbox
        .pending(100)
        .into_iter()
        .take_while(|r| {
            broker
                .publish(&r.topic, r.key.as_deref(), &r.payload)
                .is_ok()
        })
        .map(|r| r.id)
        .collect();
    if sent.is_empty() {
        0
    } else {
        outbox.mark_sent(&sent)
    }
}

#[test]
fn outbox_relay_marks_only_the_records_published_before_a_failure() {
    let mut outbox = MockOutbox::new();
    let rec = |id, key: Option<&str>| OutboxRecord {
        id,
        topic: "orders".into(),
        key: key.map(String::from),
        payload: vec![id as u8],
    };
    outbox
        .pending
        .return_value(vec![rec(1, Some("k1")), rec(2, None), rec(3, Some("k3"))]);
    outbox.mark_sent.side_effect(|ids| ids.len());
    let broker = MockBroker::new();
    broker
        .publish
        .side_effect_iter([Ok(()), Ok(()), Err(QueueError::Throttled)]);

    assert_eq!(relay(&mut outbox, &broker), 2);

    broker.publish.assert_has_calls([
        call!("orders", Some("k1".to_string()), b"\x01"),
        call!("orders", None, b"\x02"),
        call!("orders", Some("k3".to_string()), b"\x03"),
    ]);
    outbox
        .mark_sent
        .assert_called_once_with(call!(vec![1u64, 2]));
    outbox.pending.assert_called_once_with(call!(100));
}

// --- 5. a generic dedup filter -----------------------------------------------------

#[automock]
pub trait Dedup<K>
where
    K: Hash + Eq + Clone + Debug + Send + Sync + 'static,
{
    fn first_seen(&mut self, key: K, ttl: Duration) -> bool;
}

fn unique_ids<D: Dedup<(String, u64)>>(d: &mut D, batch: &[(&str, u64)]) -> Vec<u64> {
    batch
        .iter()
        .filter(|(src, id)| d.first_seen((src.to_string(), *id), Duration::from_secs(600)))
        .map(|(_, id)| *id)
        .collect()
}

#[test]
fn dedup_generic_key_is_recorded_by_value() {
    let mut d: MockDedup<(String, u64)> = MockDedup::new();
    d.first_seen.side_effect(|(_, id), _| id % 2 == 1);

    assert_eq!(unique_ids(&mut d, &[("a", 1), ("a", 2), ("b", 3)]), [1, 3]);
    d.first_seen.assert_has_calls([
        call!(("a".to_string(), 1u64), Duration::from_secs(600)),
        call!(("a".to_string(), 2u64), ANY),
        call!(("b".to_string(), 3u64), ANY),
    ]);
}

// --- 6. a bounded sender returning the message inside its error ----------------------

#[derive(Debug, Clone, PartialEq)]
pub enum TrySendError<T> {
    Full(T),
    Closed(T),
}

#[automock]
pub trait Sender<T: Clone + Debug + PartialEq + Send + Sync + 'static> {
    fn try_send(&self, msg: T) -> Result<(), TrySendError<T>>;
    fn is_closed(&self) -> bool;
}

/// Sends what fits; returns the messages that must be retried.
fn send_or_keep<S: Sender<String>>(tx: &S, msgs: Vec<String>) -> Vec<String> {
    let mut keep = vec![];
    for m in msgs {
        match tx.try_send(m) {
            Ok(()) => {}
            Err(TrySendError::Full(m)) => keep.push(m),
            Err(TrySendError::Closed(_)) => break,
        }
    }
    keep
}

#[test]
fn sender_hands_back_full_messages_and_stops_when_closed() {
    let tx: MockSender<String> = MockSender::new();
    tx.try_send.side_effect(|m| match m.as_str() {
        "big" => Err(TrySendError::Full(m)),
        "bye" => Err(TrySendError::Closed(m)),
        _ => Ok(()),
    });
    let msgs = ["a", "big", "bye", "never"].map(String::from).to_vec();

    assert_eq!(send_or_keep(&tx, msgs), ["big"]);
    tx.try_send
        .assert_has_calls([call!("a"), call!("big"), call!("bye")]);
    assert_eq!(tx.try_send.call_count(), 3);
    tx.is_closed.assert_not_called();
}

// --- 7. an #[async_trait] job queue --------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: u64,
    pub kind: String,
}

#[automock]
#[async_trait::async_trait]
pub trait JobQueue: Send + Sync {
    async fn dequeue(&self, worker: &str) -> Option<Job>;
    async fn complete(&self, id: u64, outcome: Result<(), String>);
}

async fn work(q: &dyn JobQueue, worker: &str, run: impl Fn(&Job) -> Result<(), String>) -> usize {
    let mut n = 0;
    while let Some(job) = q.dequeue(worker).await {
        q.complete(job.id, run(&job)).await;
        n += 1;
    }
    n
}

#[test]
fn job_queue_worker_completes_every_dequeued_job() {
    let q = MockJobQueue::new();
    q.dequeue.side_effect_iter([
        Some(Job {
            id: 1,
            kind: "email".into(),
        }),
        Some(Job {
            id: 2,
            kind: "sms".into(),
        }),
        None,
    ]);

    let n = block_on(work(&q, "w1", |j| {
        if j.kind == "sms" {
            Err("no credit".into())
        } else {
            Ok(())
        }
    }));

    assert_eq!(n, 2);
    assert_eq!(q.dequeue.await_count(), 3);
    q.dequeue.assert_awaited_with(call!("w1"));
    q.complete
        .assert_has_awaits([call!(1, Ok(())), call!(2, Err("no credit".to_string()))]);
}
