//! Cookbook: a tokio service over `#[async_trait]` traits. A profile service
//! reads through a cache in front of a user API; the tests check calls and
//! awaits, answer asynchronously with `side_effect_async`, and share the
//! mocks across tasks of a multi-thread runtime.
#![deny(warnings)]

use std::sync::Arc;

use async_trait::async_trait;
use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: u64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    NotFound(u64),
    Unavailable,
}

// `#[automock]` goes above `#[async_trait]`.
#[automock]
#[async_trait]
pub trait UserApi: Send + Sync {
    async fn fetch_user(&self, id: u64) -> Result<User, ApiError>;
}

#[automock]
#[async_trait]
pub trait Cache: Send + Sync {
    async fn get(&self, key: &str) -> Option<String>;
    async fn set(&self, key: &str, value: String);
}

#[derive(Clone)]
struct ProfileService {
    pub api: Arc<dyn UserApi>,
    pub cache: Arc<dyn Cache>,
}

impl ProfileService {
    pub async fn display_name(&self, id: u64) -> Result<String, ApiError> {
        let key = format!("user:{id}");
        if let Some(name) = self.cache.get(&key).await {
            return Ok(name);
        }
        let user = self.api.fetch_user(id).await?;
        self.cache.set(&key, user.name.clone()).await;
        Ok(user.name)
    }

    /// Looks the users up concurrently, one task each.
    pub async fn display_names(&self, ids: &[u64]) -> Vec<Result<String, ApiError>> {
        let tasks: Vec<_> = ids
            .iter()
            .map(|&id| {
                let service = self.clone();
                tokio::spawn(async move { service.display_name(id).await })
            })
            .collect();
        let mut names = Vec::new();
        for task in tasks {
            names.push(task.await.expect("the task panicked"));
        }
        names
    }
}

// --- The tests -----------------------------------------------------------

fn service(api: &MockUserApi, cache: &MockCache) -> ProfileService {
    ProfileService {
        api: Arc::new(api.clone()),
        cache: Arc::new(cache.clone()),
    }
}

#[tokio::test]
async fn a_cache_hit_does_not_reach_the_api() {
    let (api, cache) = (MockUserApi::new(), MockCache::new());
    cache.get.return_value(Some("Ann".into()));

    let name = service(&api, &cache).display_name(1).await;

    assert_eq!(name, Ok("Ann".into()));
    cache.get.assert_awaited_once_with(call!("user:1"));
    api.fetch_user.assert_not_called();
}

#[tokio::test]
async fn a_cache_miss_fetches_and_fills_the_cache() {
    let (api, cache) = (MockUserApi::new(), MockCache::new());
    // Unconfigured, `get` answers `None`: a miss.
    api.fetch_user.side_effect_async(|id| async move {
        tokio::task::yield_now().await; // an answer that is not ready at once
        Ok(User {
            id,
            name: format!("user {id}"),
        })
    });

    let name = service(&api, &cache).display_name(7).await;

    assert_eq!(name, Ok("user 7".into()));
    api.fetch_user.assert_awaited_once_with(call!(7));
    cache
        .set
        .assert_awaited_once_with(call!("user:7", "user 7"));
}

#[tokio::test]
async fn api_errors_are_returned_and_not_cached() {
    let (api, cache) = (MockUserApi::new(), MockCache::new());
    api.fetch_user
        .side_effect_iter([Err(ApiError::Unavailable), Err(ApiError::NotFound(2))]);
    let service = service(&api, &cache);

    assert_eq!(service.display_name(2).await, Err(ApiError::Unavailable));
    assert_eq!(service.display_name(2).await, Err(ApiError::NotFound(2)));
    cache.set.assert_not_called();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tasks_on_several_workers_share_the_mocks() {
    let (api, cache) = (MockUserApi::new(), MockCache::new());
    cache
        .get
        .side_effect(|key| (key == "user:3").then(|| "cached".to_string()));
    api.fetch_user.side_effect(|id| {
        Ok(User {
            id,
            name: format!("user {id}"),
        })
    });
    let ids: Vec<u64> = (1..=10).collect();

    let names = service(&api, &cache).display_names(&ids).await;

    assert_eq!(names.len(), 10);
    assert_eq!(names[2], Ok("cached".into()));
    assert_eq!(names[9], Ok("user 10".into()));
    assert_eq!(cache.get.await_count(), 10);
    assert_eq!(api.fetch_user.await_count(), 9);
    cache.set.assert_any_await(call!("user:10", "user 10"));
    // The tasks ran in any order: compare without order.
    api.fetch_user
        .assert_has_awaits_any_order([1, 2, 4, 5, 6, 7, 8, 9, 10].map(|id| call!(id)));
}
