//! Methods and patched functions with more than 12 arguments: configured,
//! called and asserted on like any other (up to 16 arguments).
#![deny(warnings)]
#![allow(clippy::too_many_arguments, async_fn_in_trait)]

use mockgen::prelude::*;

#[automock]
pub trait Service {
    fn create(
        &self,
        name: &str,
        display: &str,
        access: u32,
        kind: u32,
        start: u32,
        errors: u32,
        path: &str,
        group: Option<&str>,
        tag: Option<u32>,
        deps: &[String],
        account: &str,
        password: Option<&str>,
        delayed: bool,
    ) -> Result<u64, String>;
    fn wide(
        &mut self,
        a: u8,
        b: u8,
        c: u8,
        d: u8,
        e: u8,
        f: u8,
        g: u8,
        h: u8,
        i: u8,
        j: u8,
        k: u8,
        l: u8,
        m: u8,
        n: u8,
        o: u8,
        p: u8,
    ) -> u32;
    async fn fetch(
        &self,
        a: u8,
        b: u8,
        c: u8,
        d: u8,
        e: u8,
        f: u8,
        g: u8,
        h: u8,
        i: u8,
        j: u8,
        k: u8,
        l: u8,
        m: String,
    ) -> String;
}

fn create(service: &impl Service, name: &str) -> Result<u64, String> {
    service.create(
        name,
        "Display",
        1,
        2,
        3,
        4,
        "/bin/svc",
        None,
        Some(7),
        &["net".to_string()],
        "system",
        None,
        true,
    )
}

#[test]
fn a_thirteen_argument_method_gets_every_argument_in_its_side_effect() {
    let service = MockService::new();
    service.create.side_effect(
        |name,
         _display,
         access,
         kind,
         start,
         errors,
         path,
         group,
         tag,
         deps,
         account,
         password,
         delayed| {
            assert_eq!(
                (path, group, account, password),
                ("/bin/svc", None, "system", None)
            );
            Ok((access + kind + start + errors) as u64
                + name.len() as u64
                + tag.unwrap() as u64
                + deps.len() as u64
                + delayed as u64)
        },
    );
    assert_eq!(create(&service, "svc"), Ok(10 + 3 + 7 + 1 + 1));
    service.create.assert_called_once_with(call!(
        "svc",
        "Display",
        1,
        2,
        3,
        4,
        "/bin/svc",
        None,
        Some(7),
        vec!["net".to_string()],
        "system",
        None,
        true
    ));
    let last = service.create.call_args().unwrap();
    assert_eq!(last.0, "svc");
    assert!(last.12);
}

#[test]
fn sixteen_arguments_with_expectations_and_matchers() {
    let mut service = MockService::new();
    service
        .wide
        .expect(call!(
            1, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, 16
        ))
        .return_value(99)
        .times(1);
    service.wide.return_value(5);
    assert_eq!(
        service.wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
        99
    );
    assert_eq!(
        service.wide(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        5
    );
    service.verify();
    assert_eq!(
        format!("{:?}", service.mock_calls()),
        "[\n    wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),\n    wide(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),\n]"
    );
}

#[test]
fn async_methods_with_many_arguments() {
    let service = MockService::new();
    service
        .fetch
        .side_effect(|a, _, _, _, _, _, _, _, _, _, _, l, m| format!("{a}-{l}-{m}"));
    let got = futures::executor::block_on(service.fetch(
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
        "x".into(),
    ));
    assert_eq!(got, "1-12-x");
    service.fetch.assert_awaited_once();
}

mockgen::mock! {
    pub Launcher;
    impl Launcher {
        fn spawn(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8, i: u8, j: u8, k: u8, l: u8, m: u8, n: u8) -> u32;
    }
}

#[test]
fn static_methods_with_many_arguments() {
    let statics = MockLauncher::statics();
    statics
        .spawn
        .side_effect(|a, _, _, _, _, _, _, _, _, _, _, _, _, n| u32::from(a) + u32::from(n));
    assert_eq!(
        MockLauncher::spawn(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14),
        15
    );
    statics
        .spawn
        .assert_called_once_with(call!(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14));
}

#[patchable]
fn checksum(
    a: u8,
    b: u8,
    c: u8,
    d: u8,
    e: u8,
    f: u8,
    g: u8,
    h: u8,
    i: u8,
    j: u8,
    k: u8,
    l: u8,
    m: u8,
) -> u32 {
    [a, b, c, d, e, f, g, h, i, j, k, l, m]
        .iter()
        .map(|&x| u32::from(x))
        .sum()
}

#[test]
fn functions_with_many_arguments_are_patched_too() {
    assert_eq!(checksum(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 13);
    let patched = patch!(checksum);
    patched.side_effect(|a, _, _, _, _, _, _, _, _, _, _, _, m| u32::from(a) * u32::from(m));
    assert_eq!(checksum(3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5), 15);
    patched.assert_called_once_with(call!(3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5));
}
