//! Routes are mockgen handles: answers (`return_value`, `side_effect`,
//! `side_effect_iter`, `return_once`), recording, expectations, resets,
//! path templates, query and conditions, and which route takes a request.
#![deny(warnings)]

use mockgen_http::prelude::*;
use serde_json::{Value, json};

fn get_json(url: &str) -> (u16, Value) {
    let answer = reqwest::blocking::get(url).unwrap();
    let status = answer.status().as_u16();
    let text = answer.text().unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn status_of(request: reqwest::blocking::RequestBuilder) -> u16 {
    request.send().unwrap().status().as_u16()
}

#[test]
fn an_unconfigured_route_answers_200_with_an_empty_body() {
    let server = MockServer::start();
    let ping = server.route(GET, "/ping");
    let answer = reqwest::blocking::get(server.url("/ping")).unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.text().unwrap(), "");
    ping.assert_called_once();
}

#[test]
fn return_value_answers_every_request() {
    let server = MockServer::start();
    let users = server.route(GET, "/users/{id}");
    users.return_value(Response::json(200, json!({"name": "Ada"})));
    assert_eq!(
        get_json(&server.url("/users/1")),
        (200, json!({"name": "Ada"}))
    );
    assert_eq!(
        get_json(&server.url("/users/2")),
        (200, json!({"name": "Ada"}))
    );
    assert_eq!(users.call_count(), 2);
    let ids: Vec<String> = users
        .call_args_list()
        .iter()
        .map(|r| r.path_param("id").unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["1", "2"]);
}

#[test]
fn side_effect_sees_the_request_and_wins_over_return_value() {
    let server = MockServer::start();
    let users = server.route(POST, "/users/{id}/rename");
    users.return_value(Response::new(500));
    users.side_effect(|request| {
        let new_name: Value = request.json();
        Response::json(
            200,
            json!({"id": request.path_param("id"), "name": new_name["name"]}),
        )
    });
    let client = reqwest::blocking::Client::new();
    let answer: Value = client
        .post(server.url("/users/7/rename"))
        .json(&json!({"name": "Grace"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(answer, json!({"id": "7", "name": "Grace"}));
    users.reset_side_effect();
    assert_eq!(status_of(client.post(server.url("/users/7/rename"))), 500);
}

#[test]
fn side_effect_iter_answers_in_turn_then_fails_with_500_and_a_report() {
    let server = MockServer::start();
    let charge = server.route(POST, "/charge");
    charge.side_effect_iter([Response::new(503), Response::json(200, json!({"ok": true}))]);
    let client = reqwest::blocking::Client::new();
    assert_eq!(status_of(client.post(server.url("/charge"))), 503);
    assert_eq!(status_of(client.post(server.url("/charge"))), 200);
    assert_eq!(status_of(client.post(server.url("/charge"))), 500);
    assert_eq!(charge.call_count(), 3);
    let report = std::panic::catch_unwind(|| server.verify()).unwrap_err();
    let report = common_text(report);
    assert!(
        report.contains("1 answer panicked (the client got 500)"),
        "{report}"
    );
    assert!(report.contains("POST /charge"), "{report}");
    server.reset_mock();
    server.verify();
}

fn common_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast::<String>()
        .map(|s| *s)
        .unwrap_or_else(|p| {
            p.downcast::<&str>()
                .map(|s| (*s).to_owned())
                .unwrap_or_default()
        })
}

#[test]
fn side_effect_iter_takes_bare_statuses() {
    let server = MockServer::start();
    let flaky = server.route(GET, "/flaky");
    flaky.side_effect_iter([502, 200]);
    let client = reqwest::blocking::Client::new();
    assert_eq!(status_of(client.get(server.url("/flaky"))), 502);
    assert_eq!(status_of(client.get(server.url("/flaky"))), 200);
}

#[test]
fn return_once_answers_once_then_the_rest_of_the_configuration() {
    let server = MockServer::start();
    let token = server.route(POST, "/token");
    token.return_value(Response::new(200).text("cached"));
    token.return_once(Response::new(201).text("fresh"));
    let client = reqwest::blocking::Client::new();
    assert_eq!(
        client
            .post(server.url("/token"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
        "fresh"
    );
    assert_eq!(
        client
            .post(server.url("/token"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
        "cached"
    );
}

#[test]
fn reset_mock_forgets_requests_and_keeps_answers() {
    let server = MockServer::start();
    let ping = server.route(GET, "/ping");
    ping.return_value(Response::new(204));
    reqwest::blocking::get(server.url("/ping")).unwrap();
    ping.reset_mock();
    ping.assert_not_called();
    assert_eq!(
        reqwest::blocking::get(server.url("/ping"))
            .unwrap()
            .status(),
        204
    );
    ping.assert_called_once();
}

#[test]
fn expectations_answer_matching_requests_and_verify_counts_them() {
    let server = MockServer::start();
    let login = server.route(POST, "/login");
    login.return_value(Response::new(401));
    login
        .expect(call!(json_includes(json!({"user": "ada"}))))
        .return_value(Response::json(200, json!({"token": "t"})))
        .times(1);
    let client = reqwest::blocking::Client::new();
    let post = |body: Value| status_of(client.post(server.url("/login")).json(&body));
    assert_eq!(post(json!({"user": "bob", "password": "x"})), 401);
    assert_eq!(post(json!({"user": "ada", "password": "x"})), 200);
    server.verify();
}

#[test]
fn an_unmet_expectation_fails_verify() {
    let server = MockServer::start();
    let login = server.route(POST, "/login");
    login.expect(call!(header("x-otp", "123456"))).times(1);
    reqwest::blocking::Client::new()
        .post(server.url("/login"))
        .send()
        .unwrap();
    let report = common_text(std::panic::catch_unwind(|| server.verify()).unwrap_err());
    assert!(report.contains("1 unmet expectation"), "{report}");
    assert!(report.contains(r#"header("x-otp", "123456")"#), "{report}");
    login.reset_all();
}

#[test]
fn the_first_route_that_takes_a_request_answers_it() {
    let server = MockServer::start();
    let me = server.route(GET, "/users/me");
    let by_id = server.route(GET, "/users/{id}");
    reqwest::blocking::get(server.url("/users/me")).unwrap();
    reqwest::blocking::get(server.url("/users/42")).unwrap();
    me.assert_called_once_with(call!("GET /users/me"));
    by_id.assert_called_once_with(call!("GET /users/42"));
}

#[test]
fn conditions_and_template_queries_choose_between_routes() {
    let server = MockServer::start();
    let admin = server
        .route(GET, "/reports")
        .when(header("authorization", "Bearer admin"));
    let page_two = server.route(GET, "/reports?page=2");
    let others = server.route(GET, "/reports");
    let client = reqwest::blocking::Client::new();
    client
        .get(server.url("/reports"))
        .header("Authorization", "Bearer admin")
        .send()
        .unwrap();
    client
        .get(server.url("/reports?page=2&size=10"))
        .send()
        .unwrap();
    client.get(server.url("/reports?page=3")).send().unwrap();
    admin.assert_called_once();
    page_two.assert_called_once_with(call!(query("size", "10")));
    others.assert_called_once_with(call!("GET /reports?page=3"));
}

#[test]
fn any_method_and_the_rest_of_the_path() {
    let server = MockServer::start();
    let files = server.route(ANY, "/files/{*path}");
    let client = reqwest::blocking::Client::new();
    client
        .delete(server.url("/files/a/b%20c.txt"))
        .send()
        .unwrap();
    let request = files.call_args().unwrap();
    assert_eq!(request.method(), DELETE);
    assert_eq!(request.path_param("path"), Some("a/b c.txt"));
}

#[test]
fn matching_takes_any_closure() {
    let server = MockServer::start();
    let upload = server.route(PUT, "/upload");
    reqwest::blocking::Client::new()
        .put(server.url("/upload"))
        .body(vec![0u8; 2048])
        .send()
        .unwrap();
    upload.assert_called_with(call!(matching(|r: &Request| r.body().len() > 1024)));
}

#[test]
fn a_route_handle_is_debug_and_clone() {
    let server = MockServer::start();
    let users = server.route(GET, "/users");
    let clone = users.clone();
    reqwest::blocking::get(server.url("/users")).unwrap();
    assert_eq!(
        format!("{clone:?}"),
        r#"Route { route: "GET /users", call_count: 1 }"#
    );
}
