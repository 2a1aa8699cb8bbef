//! Cookbook: a repository over a database trait. The repository turns rows
//! into `User`s and users into SQL; the database is mocked, so the tests
//! check the SQL and parameters it receives and how its errors are mapped.
#![deny(warnings)]

use mockgen::prelude::*;

// --- The code under test -------------------------------------------------

/// One row: the values of its columns, as text.
pub type Row = Vec<String>;

#[derive(Debug, Clone, PartialEq)]
pub enum DbError {
    Connection(String),
    Constraint(String),
}

/// The database driver, as the repository sees it.
#[automock]
pub trait Database: Send + Sync {
    fn query(&self, sql: &str, params: &[String]) -> Result<Vec<Row>, DbError>;
    fn execute(&self, sql: &str, params: &[String]) -> Result<u64, DbError>;
}

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: u64,
    pub email: String,
}

#[derive(Debug, PartialEq)]
pub enum RepoError {
    Unavailable,
    Duplicate(String),
    Corrupt(String),
}

impl From<DbError> for RepoError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::Connection(_) => RepoError::Unavailable,
            DbError::Constraint(what) => RepoError::Duplicate(what),
        }
    }
}

struct UserRepository {
    db: Box<dyn Database>,
}

impl UserRepository {
    pub fn new(db: impl Database + 'static) -> Self {
        UserRepository { db: Box::new(db) }
    }

    pub fn find(&self, id: u64) -> Result<Option<User>, RepoError> {
        let rows = self.db.query(
            "SELECT id, email FROM users WHERE id = ?",
            &[id.to_string()],
        )?;
        let Some(row) = rows.into_iter().next() else {
            return Ok(None);
        };
        match row.as_slice() {
            [id, email] => Ok(Some(User {
                id: id.parse().map_err(|_| RepoError::Corrupt(id.clone()))?,
                email: email.clone(),
            })),
            _ => Err(RepoError::Corrupt(format!("{row:?}"))),
        }
    }

    pub fn save(&self, user: &User) -> Result<(), RepoError> {
        self.db.execute(
            "INSERT INTO users (id, email) VALUES (?, ?)",
            &[user.id.to_string(), user.email.clone()],
        )?;
        Ok(())
    }

    pub fn rename_domain(&self, from: &str, to: &str) -> Result<u64, RepoError> {
        Ok(self.db.execute(
            "UPDATE users SET email = REPLACE(email, ?, ?)",
            &[format!("@{from}"), format!("@{to}")],
        )?)
    }
}

// --- The tests -----------------------------------------------------------

fn row(values: &[&str]) -> Row {
    values.iter().map(|v| v.to_string()).collect()
}

#[test]
fn find_maps_a_row_to_a_user() {
    let db = MockDatabase::named("db");
    db.query
        .return_value(Ok(vec![row(&["42", "ann@example.com"])]));
    let repo = UserRepository::new(db.clone());

    let user = repo.find(42).unwrap();

    assert_eq!(
        user,
        Some(User {
            id: 42,
            email: "ann@example.com".into()
        })
    );
    db.query
        .assert_called_once_with(call!(contains("WHERE id = ?"), ["42"]));
    db.execute.assert_not_called();
}

#[test]
fn find_without_rows_is_none_and_a_bad_row_is_reported() {
    let db = MockDatabase::new();
    // Unconfigured, `query` returns `Ok(Vec::new())`: no rows.
    let repo = UserRepository::new(db.clone());
    assert_eq!(repo.find(1), Ok(None));

    db.query
        .return_value(Ok(vec![row(&["x", "bo@example.com"])]));
    assert_eq!(repo.find(1), Err(RepoError::Corrupt("x".into())));
}

#[test]
fn save_sends_the_user_as_parameters() {
    let db = MockDatabase::new();
    db.execute.return_value(Ok(1));
    let repo = UserRepository::new(db.clone());

    repo.save(&User {
        id: 7,
        email: "cy@example.com".into(),
    })
    .unwrap();

    let (sql, params) = db.execute.call_args().unwrap();
    assert!(sql.starts_with("INSERT INTO users"));
    assert_eq!(params, ["7", "cy@example.com"]);
}

#[test]
fn database_errors_become_repository_errors() {
    let db = MockDatabase::new();
    db.execute.side_effect_iter([
        Err(DbError::Constraint("users.email".into())),
        Err(DbError::Connection("reset".into())),
    ]);
    let repo = UserRepository::new(db.clone());
    let user = User {
        id: 1,
        email: "ann@example.com".into(),
    };

    assert_eq!(
        repo.save(&user),
        Err(RepoError::Duplicate("users.email".into()))
    );
    assert_eq!(repo.save(&user), Err(RepoError::Unavailable));
}

#[test]
fn update_statements_checked_as_they_happen() {
    let db = MockDatabase::named("db");
    db.execute
        .expect(call!(
            starts_with("UPDATE users"),
            ["@old.example", "@new.example"]
        ))
        .return_value(Ok(3))
        .times(1);
    // Any other statement would be a bug in this test.
    db.execute.expect(call!(ANY, ANY)).never();
    let repo = UserRepository::new(db.clone());

    assert_eq!(repo.rename_domain("old.example", "new.example"), Ok(3));
    db.verify();
}
