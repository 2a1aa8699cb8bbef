//! Cookbook: configuration read from environment variables. `patch_env!`
//! sets and removes variables for the guard's lifetime and restores the
//! environment exactly afterwards; its process-wide lock keeps tests that
//! patch the environment from running into each other.
#![deny(warnings)]

use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

#[derive(Debug, PartialEq)]
pub struct Config {
    pub database_url: String,
    pub port: u16,
    pub debug: bool,
}

#[derive(Debug, PartialEq)]
pub enum ConfigError {
    Missing(&'static str),
    Invalid(&'static str, String),
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let var = |key| std::env::var(key).ok();
        let database_url =
            var("COOKBOOK_DATABASE_URL").ok_or(ConfigError::Missing("COOKBOOK_DATABASE_URL"))?;
        let port = match var("COOKBOOK_PORT") {
            None => 8080,
            Some(text) => text
                .parse()
                .map_err(|_| ConfigError::Invalid("COOKBOOK_PORT", text))?,
        };
        let debug = var("COOKBOOK_DEBUG").is_some_and(|v| v == "1" || v == "true");
        Ok(Config {
            database_url,
            port,
            debug,
        })
    }
}

// --- The tests -----------------------------------------------------------

#[test]
fn reads_every_variable() {
    let _env = patch_env!(
        "COOKBOOK_DATABASE_URL" => "postgres://test",
        "COOKBOOK_PORT" => "5000",
        "COOKBOOK_DEBUG" => "true",
    );

    assert_eq!(
        Config::from_env(),
        Ok(Config {
            database_url: "postgres://test".into(),
            port: 5000,
            debug: true,
        })
    );
}

#[test]
fn optional_variables_have_defaults() {
    // `None` removes a variable for the guard's lifetime.
    let _env = patch_env!(
        "COOKBOOK_DATABASE_URL" => "sqlite://memory",
        "COOKBOOK_PORT" => None,
        "COOKBOOK_DEBUG" => None,
    );

    let config = Config::from_env().unwrap();
    assert_eq!((config.port, config.debug), (8080, false));
}

#[test]
fn missing_and_invalid_variables_are_errors() {
    let _env = patch_env!("COOKBOOK_DATABASE_URL" => None);
    assert_eq!(
        Config::from_env(),
        Err(ConfigError::Missing("COOKBOOK_DATABASE_URL"))
    );

    // Guards nest on one thread; the inner one is undone first.
    {
        let _inner = patch_env!(
            "COOKBOOK_DATABASE_URL" => "postgres://test",
            "COOKBOOK_PORT" => "eighty",
        );
        assert_eq!(
            Config::from_env(),
            Err(ConfigError::Invalid("COOKBOOK_PORT", "eighty".into()))
        );
    }
    assert!(std::env::var_os("COOKBOOK_DATABASE_URL").is_none());
}

#[test]
fn the_environment_is_restored_when_the_guard_drops() {
    // An empty `patch_env!()` only takes the lock: nothing else changes the
    // environment while this test compares it.
    let _lock = patch_env!();
    let before = std::env::var_os("COOKBOOK_DATABASE_URL");
    {
        let _env = patch_env!("COOKBOOK_DATABASE_URL" => "postgres://during");
        assert_eq!(
            std::env::var("COOKBOOK_DATABASE_URL").as_deref(),
            Ok("postgres://during")
        );
    }
    assert_eq!(std::env::var_os("COOKBOOK_DATABASE_URL"), before);
}
