//! sentinel!: unique named values that compare by name, print as sentinel.name, and pass through code under test.
#![deny(warnings)]

mod common;

use std::collections::HashSet;

use common::panic_message;
use mockgen::Sentinel;
use mockgen::prelude::*;

#[automock]
pub trait Repository {
    fn load(&self, id: Sentinel) -> Sentinel;
    fn link(&self, from: Sentinel, to: &Sentinel);
}

/// Code under test: it only passes the ids along.
fn copy_record(repo: &dyn Repository, id: Sentinel, target: Sentinel) -> Sentinel {
    let record = repo.load(id);
    repo.link(record, &target);
    record
}

fn made_elsewhere() -> Sentinel {
    sentinel!(shared)
}

#[test]
fn sent_1_same_name_gives_equal_values() {
    assert_eq!(sentinel!(user), sentinel!(user));
    assert_eq!(made_elsewhere(), sentinel!(shared));
    assert_eq!(Sentinel::named("user"), sentinel!(user));
}

#[test]
fn sent_1_different_names_are_unequal() {
    assert_ne!(sentinel!(user), sentinel!(other_user));
    assert_ne!(sentinel!(a), sentinel!(b));
    let distinct: HashSet<Sentinel> = [sentinel!(a), sentinel!(b), sentinel!(a)]
        .into_iter()
        .collect();
    assert_eq!(distinct.len(), 2);
}

#[test]
fn sent_1_debug_and_display_print_sentinel_dot_name() {
    assert_eq!(format!("{:?}", sentinel!(token)), "sentinel.token");
    assert_eq!(sentinel!(token).to_string(), "sentinel.token");
    assert_eq!(sentinel!(token).name(), "token");
    assert_eq!(format!("{:?}", Some(sentinel!(x))), "Some(sentinel.x)");
}

#[test]
fn sent_2_copies_and_clones_stay_equal() {
    let original = sentinel!(session);
    let copy = original;
    #[allow(clippy::clone_on_copy)]
    let clone = original.clone();
    let moved_into_thread = std::thread::spawn(move || copy).join().unwrap();
    // Each is the sentinel of its name, as one made elsewhere is, and
    // tells itself apart from another name.
    let made_elsewhere = std::thread::spawn(|| sentinel!(session)).join().unwrap();
    for value in [copy, clone, moved_into_thread] {
        assert_eq!(value, made_elsewhere);
        assert_ne!(value, sentinel!(other_session));
        assert_eq!(format!("{value:?}"), "sentinel.session");
    }
}

#[test]
fn sentinels_pass_through_code_under_test_and_match_in_call() {
    let repo = MockRepository::new();
    repo.load.return_value(sentinel!(record));

    let result = copy_record(&repo, sentinel!(user_id), sentinel!(archive));

    assert_eq!(result, sentinel!(record));
    repo.load.assert_called_once_with(call!(sentinel!(user_id)));
    repo.link
        .assert_called_once_with(call!(sentinel!(record), sentinel!(archive)));
    assert_eq!(
        repo.link.call_args(),
        Some((sentinel!(record), sentinel!(archive)))
    );
    repo.assert_has_calls([
        call!(.load(sentinel!(user_id))),
        call!(.link(sentinel!(record), sentinel!(archive))),
    ]);
    assert_eq!(
        format!("{:?}", repo.mock_calls()),
        "[\n    load(sentinel.user_id),\n    link(sentinel.record, sentinel.archive),\n]"
    );
}

#[test]
fn sentinels_print_by_name_in_failure_messages() {
    let repo = MockRepository::named("repo");
    repo.load.return_value(sentinel!(record));
    repo.load(sentinel!(alice));
    assert_eq!(
        panic_message(|| repo.load.assert_called_with(call!(sentinel!(bob)))),
        "repo.load: expected call not found.\nExpected: load(sentinel.bob)\n  Actual: load(sentinel.alice)"
    );
    assert!(!repo.mock_calls().contains(&call!(.load(sentinel!(bob)))));
}

#[test]
fn a_sentinel_as_return_value_is_returned_by_every_call() {
    let repo = MockRepository::new();
    repo.load.side_effect(|id| {
        if id == sentinel!(admin) {
            sentinel!(root)
        } else {
            id
        }
    });
    assert_eq!(repo.load(sentinel!(admin)), sentinel!(root));
    assert_eq!(repo.load(sentinel!(guest)), sentinel!(guest));
}
