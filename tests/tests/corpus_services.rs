//! Corpus of service traits: a tower-like `Service<Req>` with associated types, layers, middleware, event buses with callbacks, publishers, schedulers, loggers and metrics with `&'static str` labels.
#![deny(warnings)]

use mockgen::prelude::*;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ServiceError {
    Overloaded,
    Timeout(Duration),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub topic: String,
    pub payload: Vec<u8>,
}

fn req(path: &str) -> Request {
    Request {
        path: path.into(),
        headers: vec![],
    }
}

// --- 1. tower-like Service<Req> with associated types -----------------------

#[automock(type Response = Response; type Error = ServiceError;)]
pub trait Service<Req> {
    type Response;
    type Error;
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>>;
    fn call(&mut self, req: Req) -> Result<Self::Response, Self::Error>;
}

/// Calls the service once it reports ready; `None` while it is pending.
fn call_when_ready<S>(svc: &mut S, request: Request) -> Option<Result<Response, ServiceError>>
where
    S: Service<Request, Response = Response, Error = ServiceError>,
{
    let mut cx = Context::from_waker(Waker::noop());
    match svc.poll_ready(&mut cx) {
        Poll::Pending => None,
        Poll::Ready(Err(e)) => Some(Err(e)),
        Poll::Ready(Ok(())) => Some(svc.call(request)),
    }
}

#[test]
fn service_poll_ready_gates_the_call() {
    let mut svc: MockService<Request> = MockService::new();
    svc.poll_ready.side_effect_iter([
        Poll::Pending,
        Poll::Ready(Err(ServiceError::Overloaded)),
        Poll::Ready(Ok(())),
    ]);
    svc.call.return_value(Ok(Response {
        status: 204,
        body: String::new(),
    }));

    assert_eq!(call_when_ready(&mut svc, req("/r")), None);
    assert_eq!(
        call_when_ready(&mut svc, req("/r")),
        Some(Err(ServiceError::Overloaded))
    );
    assert_eq!(
        call_when_ready(&mut svc, req("/r"))
            .unwrap()
            .unwrap()
            .status,
        204
    );
    assert_eq!(svc.poll_ready.call_count(), 3);
    svc.poll_ready.assert_called_with(call!(ANY));
    svc.call.assert_called_once();
}

/// Retries `Overloaded` up to `attempts` times; other errors are final.
fn call_with_retry<S>(
    svc: &mut S,
    request: Request,
    attempts: u32,
) -> Result<Response, ServiceError>
where
    S: Service<Request, Response = Response, Error = ServiceError>,
{
    let mut last = ServiceError::Overloaded;
    for _ in 0..attempts {
        match svc.call(request.clone()) {
            Err(ServiceError::Overloaded) => last = ServiceError::Overloaded,
            other => return other,
        }
    }
    Err(last)
}

#[test]
fn service_retry_calls_again_while_overloaded() {
    let mut svc: MockService<Request> = MockService::new();
    svc.call.side_effect_iter([
        Err(ServiceError::Overloaded),
        Err(ServiceError::Overloaded),
        Ok(Response {
            status: 200,
            body: "ok".into(),
        }),
    ]);

    let resp = call_with_retry(&mut svc, req("/a"), 5).unwrap();

    assert_eq!(resp.status, 200);
    assert_eq!(svc.call.call_count(), 3);
    // `Req` is not bounded `Clone` in the trait, so requests are recorded
    // opaque: they match `ANY` only.
    svc.call.assert_called_with(call!(ANY));
}

#[test]
fn service_retry_gives_up_after_attempts_and_keeps_final_errors() {
    let mut svc: MockService<Request> = MockService::new();
    svc.call.return_value(Err(ServiceError::Overloaded));
    assert_eq!(
        call_with_retry(&mut svc, req("/b"), 2),
        Err(ServiceError::Overloaded)
    );
    assert_eq!(svc.call.call_count(), 2);

    let mut slow: MockService<Request> = MockService::new();
    let paths = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&paths);
    slow.call.side_effect(move |r| {
        seen.lock().unwrap().push(r.path);
        Err(ServiceError::Timeout(Duration::from_secs(1)))
    });
    assert_eq!(
        call_with_retry(&mut slow, req("/c"), 3),
        Err(ServiceError::Timeout(Duration::from_secs(1)))
    );
    assert_eq!(*paths.lock().unwrap(), ["/c"]);
}

// --- 2. a layer wrapping a service ------------------------------------------

#[automock(type Service = MockService<Request>;)]
pub trait Layer<S> {
    type Service;
    fn layer(&self, inner: S) -> Self::Service;
}

#[test]
fn layer_wraps_the_inner_service_it_is_given() {
    let inner: MockService<Request> = MockService::named("inner");
    inner.call.return_value(Ok(Response::default()));
    let layer: MockLayer<MockService<Request>> = MockLayer::new();
    layer.layer.side_effect(|inner| inner);

    let mut wrapped = layer.layer(inner.clone());
    assert_eq!(wrapped.call(req("/x")), Ok(Response::default()));

    layer.layer.assert_called_once();
    inner.call.assert_called_once();
}

// --- 3. middleware editing requests and responses through &mut ---------------

#[automock]
pub trait Middleware: Send + Sync {
    fn before(&self, req: &mut Request);
    fn after(&self, req: &Request, resp: &mut Response);
}

fn run_chain(chain: &[Box<dyn Middleware>], mut request: Request) -> Response {
    for m in chain {
        m.before(&mut request);
    }
    let mut response = Response {
        status: 200,
        body: request.path.clone(),
    };
    for m in chain.iter().rev() {
        m.after(&request, &mut response);
    }
    response
}

#[test]
fn middleware_chain_sees_edits_of_earlier_links() {
    let auth = MockMiddleware::named("auth");
    let gzip = MockMiddleware::named("gzip");
    auth.before
        .side_effect(|r| r.headers.push(("auth".into(), "t0k".into())));
    gzip.after
        .side_effect(|_, resp| resp.body = format!("gz({})", resp.body));

    let chain: Vec<Box<dyn Middleware>> = vec![Box::new(auth.clone()), Box::new(gzip.clone())];
    let resp = run_chain(&chain, req("/p"));

    assert_eq!(resp.body, "gz(/p)");
    let with_auth = Request {
        path: "/p".into(),
        headers: vec![("auth".into(), "t0k".into())],
    };
    // `&mut` arguments are recorded as they were when the call was made.
    auth.before.assert_called_once_with(call!(req("/p")));
    gzip.before
        .assert_called_once_with(call!(with_auth.clone()));
    auth.after.assert_called_once_with(call!(
        with_auth,
        Response {
            status: 200,
            body: "gz(/p)".into()
        }
    ));
}

// --- 4. an event bus with `impl Fn(&Event)` subscribers -----------------------

#[automock]
pub trait EventBus {
    fn subscribe(&self, topic: &str, handler: impl Fn(&Event) + Send + 'static) -> u64;
    fn publish(&self, event: &Event) -> usize;
    fn unsubscribe(&self, id: u64) -> bool;
}

fn count_topic(bus: &impl EventBus, topic: &str) -> (u64, Arc<Mutex<usize>>) {
    let counter = Arc::new(Mutex::new(0));
    let c = Arc::clone(&counter);
    let id = bus.subscribe(topic, move |e| *c.lock().unwrap() += e.payload.len());
    (id, counter)
}

#[test]
fn event_bus_subscriber_callback_is_driven_by_the_side_effect() {
    let bus = MockEventBus::new();
    bus.subscribe.side_effect(|topic, handler| {
        handler(&Event {
            topic: topic.into(),
            payload: vec![1, 2, 3],
        });
        handler(&Event::default());
        41
    });

    let (id, counter) = count_topic(&bus, "orders");

    assert_eq!(id, 41);
    assert_eq!(*counter.lock().unwrap(), 3);
    bus.subscribe.assert_called_once_with(call!("orders", ANY));
    bus.publish.assert_not_called();
}

#[test]
fn event_bus_publish_records_events_by_value() {
    let bus = MockEventBus::new();
    bus.publish.side_effect(|e| e.payload.len());
    let ev = Event {
        topic: "t".into(),
        payload: b"xy".to_vec(),
    };
    assert_eq!(bus.publish(&ev), 2);
    assert!(!bus.unsubscribe(3));
    bus.publish.assert_called_once_with(call!(ev));
    bus.unsubscribe.assert_called_once_with(call!(3));
}

// --- 5. a publisher with boxed acknowledgement callbacks ----------------------

#[derive(Debug, Clone, PartialEq)]
pub enum PublishError {
    Closed,
}

#[automock]
pub trait Publisher: Send + Sync {
    fn publish(&self, topic: &str, payload: Vec<u8>) -> Result<u64, PublishError>;
    fn on_ack(&self, callback: Box<dyn Fn(u64) + Send + Sync>);
}

fn publish_all(p: Arc<dyn Publisher + Send + Sync>, msgs: &[&str]) -> Vec<u64> {
    msgs.iter()
        .filter_map(|m| p.publish("events", m.as_bytes().to_vec()).ok())
        .collect()
}

#[test]
fn publisher_collects_ids_and_skips_closed_errors() {
    let p = MockPublisher::new();
    p.publish
        .side_effect_iter([Ok(1), Err(PublishError::Closed), Ok(3)]);
    assert_eq!(publish_all(Arc::new(p.clone()), &["a", "b", "c"]), [1, 3]);
    p.publish.assert_has_calls([
        call!("events", b"a".to_vec()),
        call!("events", b"b".to_vec()),
        call!("events", b"c".to_vec()),
    ]);
}

#[test]
fn publisher_ack_callback_is_invoked_by_the_side_effect() {
    let p = MockPublisher::new();
    p.on_ack.side_effect(|cb| {
        cb(7);
        cb(8);
    });
    let acks = Arc::new(Mutex::new(Vec::new()));
    let a = Arc::clone(&acks);
    let shared: Arc<dyn Publisher + Send + Sync> = Arc::new(p.clone());
    shared.on_ack(Box::new(move |id| a.lock().unwrap().push(id)));
    assert_eq!(*acks.lock().unwrap(), [7, 8]);
    p.on_ack.assert_called_once_with(call!(ANY));
}

// --- 6. a scheduler taking boxed FnOnce tasks ------------------------------------

#[automock]
pub trait Scheduler {
    fn schedule(&self, delay: Duration, task: Box<dyn FnOnce() -> u32 + Send>) -> u64;
    fn cancel(&self, id: u64) -> bool;
}

fn schedule_backoff(s: &dyn Scheduler, tries: u32) -> Vec<u64> {
    (0..tries)
        .map(|i| s.schedule(Duration::from_millis(100 << i), Box::new(move || i)))
        .collect()
}

#[test]
fn scheduler_backoff_doubles_the_delay_and_tasks_run_in_side_effect() {
    let s = MockScheduler::new();
    let ran = Arc::new(Mutex::new(Vec::new()));
    let r = Arc::clone(&ran);
    s.schedule.side_effect(move |delay, task| {
        r.lock().unwrap().push(task());
        delay.as_millis() as u64
    });

    assert_eq!(schedule_backoff(&s, 3), [100, 200, 400]);
    assert_eq!(*ran.lock().unwrap(), [0, 1, 2]);
    s.schedule.assert_has_calls([
        call!(Duration::from_millis(100), ANY),
        call!(Duration::from_millis(200), ANY),
        call!(Duration::from_millis(400), ANY),
    ]);
    s.cancel.assert_not_called();
}

// --- 7. a logger taking fmt::Arguments, with a default flush ----------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug,
    Info,
    Warn,
}

#[automock]
pub trait Logger: Send + Sync {
    fn enabled(&self, level: Level) -> bool;
    fn log(&self, level: Level, target: &str, #[mockgen(debug)] message: fmt::Arguments<'_>);
    fn flush(&self) {}
}

fn process(logger: &dyn Logger, items: &[u32]) -> u32 {
    let sum = items.iter().sum();
    if logger.enabled(Level::Debug) {
        logger.log(Level::Debug, "app::sum", format_args!("items={items:?}"));
    }
    logger.log(Level::Info, "app::sum", format_args!("sum={sum}"));
    logger.flush();
    sum
}

#[test]
fn logger_formats_messages_only_for_enabled_levels() {
    let logger = MockLogger::new();
    logger.enabled.side_effect(|level| level >= Level::Info);
    let lines = Arc::new(Mutex::new(Vec::new()));
    let l = Arc::clone(&lines);
    logger.log.side_effect(move |level, target, msg| {
        l.lock().unwrap().push(format!("{level:?} {target} {msg}"))
    });

    assert_eq!(process(&logger, &[1, 2, 3]), 6);

    assert_eq!(*lines.lock().unwrap(), ["Info app::sum sum=6"]);
    logger.enabled.assert_called_once_with(call!(Level::Debug));
    logger
        .log
        .assert_called_once_with(call!(Level::Info, "app::sum", ANY));
    logger.flush.assert_called_once();
}

// --- 8. metrics with &'static str names and label slices --------------------------

#[automock]
pub trait Metrics: Send + Sync {
    fn increment(&self, name: &'static str, labels: &[(&'static str, String)]);
    fn histogram(&self, name: &'static str, value: f64);
    fn gauge(&self, name: &'static str, value: f64) {
        self.histogram(name, value);
    }
}

fn timed_request(metrics: &Arc<dyn Metrics>, route: &str, took: Duration, ok: bool) {
    let status = if ok { "ok" } else { "error" };
    metrics.increment(
        "http_requests_total",
        &[("route", route.to_string()), ("status", status.to_string())],
    );
    metrics.histogram("http_request_seconds", took.as_secs_f64());
}

#[test]
fn metrics_record_static_names_and_owned_labels() {
    let metrics = MockMetrics::new();
    let shared: Arc<dyn Metrics> = Arc::new(metrics.clone());

    timed_request(&shared, "/users", Duration::from_millis(250), false);
    shared.gauge("queue_depth", 3.0);

    metrics.increment.assert_called_once_with(call!(
        "http_requests_total",
        vec![
            ("route", "/users".to_string()),
            ("status", "error".to_string())
        ]
    ));
    metrics.histogram.assert_has_calls([
        call!("http_request_seconds", 0.25),
        call!("queue_depth", 3.0),
    ]);
    metrics
        .gauge
        .assert_called_once_with(call!("queue_depth", 3.0));
    assert_eq!(metrics.mock_calls().len(), 4);
}

// --- 9. a visitor taking &mut dyn FnMut ---------------------------------------------

#[automock]
pub trait Registry {
    fn for_each(&self, f: &mut dyn FnMut(&str, u32));
    fn names(&self) -> Vec<String>;
}

fn total(reg: &dyn Registry) -> (u32, Vec<String>) {
    let mut sum = 0;
    let mut names = vec![];
    reg.for_each(&mut |name, n| {
        sum += n;
        names.push(name.to_string());
    });
    (sum, names)
}

#[test]
fn registry_visitor_callback_accumulates() {
    let reg = MockRegistry::new();
    reg.for_each.side_effect(|f| {
        f("a", 2);
        f("b", 5);
    });
    assert_eq!(total(&reg), (7, vec!["a".to_string(), "b".to_string()]));
    reg.for_each.assert_called_once();
    reg.names.assert_not_called();
}
