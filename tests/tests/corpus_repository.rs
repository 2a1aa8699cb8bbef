//! Corpus of repository traits: user repositories (find_by_id, save, paging), transactions with `Box<Self>` commit/rollback, closures over `&mut dyn Transaction`, generic `Repository<T, Id>`, connection pools, raw queries, migrations and soft-delete flags.
#![deny(warnings)]

use mockgen::prelude::*;
use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub u64);

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DbError {
    NotFound,
    Conflict(String),
    Connection,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Text(String),
    Null,
}

fn user(id: u64, email: &str) -> User {
    User {
        id: UserId(id),
        email: email.into(),
        active: true,
    }
}

// --- 1. a user repository ----------------------------------------------------

#[automock]
pub trait UserRepository: Send + Sync {
    fn find_by_id(&self, id: UserId) -> Option<User>;
    fn find_by_email(&self, email: &str) -> Result<Option<User>, DbError>;
    fn save(&mut self, user: &User) -> Result<(), DbError>;
    fn delete(&mut self, id: UserId) -> Result<bool, DbError>;
    fn list(&self, limit: usize, offset: usize) -> Result<Vec<User>, DbError>;
}

struct Accounts {
    repo: Box<dyn UserRepository>,
    next_id: u64,
}

impl Accounts {
    fn register(&mut self, email: &str) -> Result<UserId, DbError> {
        if self.repo.find_by_email(email)?.is_some() {
            return Err(DbError::Conflict(email.into()));
        }
        let new = user(self.next_id, email);
        self.repo.save(&new)?;
        self.next_id += 1;
        Ok(new.id)
    }

    fn all_emails(&self, page: usize) -> Result<Vec<String>, DbError> {
        let mut out = vec![];
        let mut offset = 0;
        loop {
            let batch = self.repo.list(page, offset)?;
            out.extend(batch.iter().map(|u| u.email.clone()));
            if batch.len() < page {
                return Ok(out);
            }
            offset += page;
        }
    }
}

#[test]
fn repository_register_saves_a_new_user_once() {
    let repo = MockUserRepository::new();
    repo.find_by_email.return_value(Ok(None));
    repo.save.return_value(Ok(()));
    let mut accounts = Accounts {
        repo: Box::new(repo.clone()),
        next_id: 7,
    };

    assert_eq!(accounts.register("a@x.io"), Ok(UserId(7)));

    repo.find_by_email.assert_called_once_with(call!("a@x.io"));
    repo.save.assert_called_once_with(call!(user(7, "a@x.io")));
    assert_eq!(accounts.next_id, 8);
}

#[test]
fn repository_register_rejects_a_taken_email_without_saving() {
    let repo = MockUserRepository::new();
    repo.find_by_email
        .side_effect(|email| Ok(Some(user(1, email))));
    let mut accounts = Accounts {
        repo: Box::new(repo.clone()),
        next_id: 2,
    };
    assert_eq!(
        accounts.register("b@x.io"),
        Err(DbError::Conflict("b@x.io".into()))
    );
    repo.save.assert_not_called();
}

#[test]
fn repository_paging_walks_limit_and_offset_until_a_short_page() {
    let repo = MockUserRepository::new();
    repo.list.side_effect(|limit, offset| {
        Ok((offset..(offset + limit).min(5))
            .map(|i| user(i as u64, &format!("u{i}")))
            .collect())
    });
    let accounts = Accounts {
        repo: Box::new(repo.clone()),
        next_id: 0,
    };

    assert_eq!(
        accounts.all_emails(2).unwrap(),
        ["u0", "u1", "u2", "u3", "u4"]
    );
    repo.list
        .assert_has_calls([call!(2, 0), call!(2, 2), call!(2, 4)]);
    assert_eq!(repo.find_by_id(UserId(1)), None);
    repo.find_by_id.assert_called_once_with(call!(UserId(1)));
}

// --- 2. transactions consumed by commit/rollback (Box<Self>) ----------------

#[automock]
pub trait Transaction: Send {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError>;
    fn commit(self: Box<Self>) -> Result<(), DbError>;
    fn rollback(self: Box<Self>);
}

#[automock]
pub trait Database: Send + Sync {
    fn begin(&self) -> Result<Box<dyn Transaction>, DbError>;
}

fn transfer(db: &dyn Database, from: i64, to: i64, amount: i64) -> Result<(), DbError> {
    let mut tx = db.begin()?;
    let debit = tx.execute(
        "UPDATE acct SET bal = bal - ?1 WHERE id = ?2 AND bal >= ?1",
        &[Value::Int(amount), Value::Int(from)],
    );
    if debit != Ok(1) {
        tx.rollback();
        return Err(DbError::Conflict("insufficient funds".into()));
    }
    tx.execute(
        "UPDATE acct SET bal = bal + ?1 WHERE id = ?2",
        &[Value::Int(amount), Value::Int(to)],
    )?;
    tx.commit()
}

#[test]
fn transaction_transfer_commits_after_two_updates() {
    let tx = MockTransaction::named("tx");
    tx.execute.return_value(Ok(1));
    tx.commit.return_value(Ok(()));
    let db = MockDatabase::new();
    let handle = tx.clone();
    db.begin
        .side_effect(move || Ok(Box::new(handle.clone()) as Box<dyn Transaction>));

    assert_eq!(transfer(&db, 1, 2, 50), Ok(()));

    assert_eq!(tx.execute.call_count(), 2);
    tx.execute.assert_called_with(call!(
        "UPDATE acct SET bal = bal + ?1 WHERE id = ?2",
        vec![Value::Int(50), Value::Int(2)]
    ));
    tx.commit.assert_called_once();
    tx.rollback.assert_not_called();
}

#[test]
fn transaction_transfer_rolls_back_when_the_debit_matches_no_row() {
    let tx = MockTransaction::new();
    tx.execute.return_value(Ok(0));
    let db = MockDatabase::new();
    let handle = tx.clone();
    db.begin
        .side_effect(move || Ok(Box::new(handle.clone()) as Box<dyn Transaction>));

    assert!(matches!(
        transfer(&db, 1, 2, 500),
        Err(DbError::Conflict(_))
    ));
    tx.rollback.assert_called_once();
    tx.commit.assert_not_called();
    assert_eq!(tx.mock_calls().len(), 2);
}

#[test]
fn database_begin_failure_never_touches_a_transaction() {
    let db = MockDatabase::new();
    db.begin.side_effect(|| Err(DbError::Connection));
    assert_eq!(transfer(&db, 1, 2, 5), Err(DbError::Connection));
    db.begin.assert_called_once_with(call!());
}

// --- 3. a unit of work taking a closure over &mut dyn Transaction ------------

#[automock]
pub trait UnitOfWork {
    fn run(
        &self,
        work: &mut dyn FnMut(&mut dyn Transaction) -> Result<(), DbError>,
    ) -> Result<(), DbError>;
}

fn rename_user(uow: &dyn UnitOfWork, id: i64, name: &str) -> Result<(), DbError> {
    uow.run(&mut |tx| {
        tx.execute(
            "UPDATE users SET name = ?1 WHERE id = ?2",
            &[Value::Text(name.into()), Value::Int(id)],
        )
        .map(|_| ())
    })
}

#[test]
fn unit_of_work_side_effect_hands_a_mock_transaction_to_the_closure() {
    let tx = MockTransaction::new();
    tx.execute.return_value(Ok(1));
    let uow = MockUnitOfWork::new();
    let handle = tx.clone();
    uow.run.side_effect(move |work| work(&mut handle.clone()));

    assert_eq!(rename_user(&uow, 3, "ann"), Ok(()));

    tx.execute.assert_called_once_with(call!(
        "UPDATE users SET name = ?1 WHERE id = ?2",
        vec![Value::Text("ann".into()), Value::Int(3)]
    ));
    uow.run.assert_called_once_with(call!(ANY));
}

// --- 4. a generic repository with where clauses ---------------------------------

#[automock]
pub trait Repository<T, Id>
where
    T: Clone + Debug + PartialEq + Send + Sync + 'static,
    Id: Copy + Clone + Debug + PartialEq + Send + Sync + 'static,
{
    fn get(&self, id: Id) -> Option<T>;
    fn insert(&mut self, item: T) -> Id;
    fn all(&self) -> Vec<T>;
}

fn upsert_all<R: Repository<User, UserId>>(repo: &mut R, users: Vec<User>) -> Vec<UserId> {
    users
        .into_iter()
        .filter_map(|u| match repo.get(u.id) {
            Some(existing) if existing == u => None,
            _ => Some(repo.insert(u)),
        })
        .collect()
}

#[test]
fn generic_repository_inserts_only_changed_items() {
    let mut repo: MockRepository<User, UserId> = MockRepository::new();
    repo.get
        .side_effect(|id| (id == UserId(1)).then(|| user(1, "same@x")));
    repo.insert.side_effect(|u| u.id);

    let changed = upsert_all(&mut repo, vec![user(1, "same@x"), user(2, "new@x")]);

    assert_eq!(changed, [UserId(2)]);
    repo.get
        .assert_has_calls([call!(UserId(1)), call!(UserId(2))]);
    repo.insert.assert_called_once_with(call!(user(2, "new@x")));
    repo.all.assert_not_called();
}

// --- 5. a connection pool handing out non-Clone connections ---------------------

/// A pooled connection: neither `Clone` nor `Default`.
#[derive(Debug, PartialEq)]
pub struct PooledConn {
    pub id: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PoolStatus {
    pub idle: u32,
    pub in_use: u32,
}

#[automock]
pub trait Pool: Send + Sync {
    fn get(&self) -> Result<PooledConn, DbError>;
    fn status(&self) -> PoolStatus;
}

fn checkout_two(pool: &Arc<dyn Pool>) -> Result<(u32, u32), DbError> {
    if pool.status().idle < 2 {
        return Err(DbError::Connection);
    }
    Ok((pool.get()?.id, pool.get()?.id))
}

#[test]
fn pool_serves_non_clone_connections_with_return_once() {
    let pool = MockPool::new();
    pool.status.return_value(PoolStatus { idle: 2, in_use: 0 });
    pool.get.return_once(Ok(PooledConn { id: 10 }));
    pool.get.return_once(Ok(PooledConn { id: 11 }));
    let shared: Arc<dyn Pool> = Arc::new(pool.clone());

    assert_eq!(checkout_two(&shared), Ok((10, 11)));
    assert_eq!(pool.get.call_count(), 2);

    pool.status.return_value(PoolStatus { idle: 1, in_use: 1 });
    assert_eq!(checkout_two(&shared), Err(DbError::Connection));
    assert_eq!(pool.get.call_count(), 2);
    assert_eq!(pool.status.call_count(), 2);
}

// --- 6. raw queries with positional parameters -------------------------------------

pub type Row = HashMap<String, Value>;

#[automock]
pub trait Querier {
    fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError>;
    fn query_one(&self, sql: &str, params: &[Value]) -> Result<Row, DbError> {
        self.query(sql, params)?
            .into_iter()
            .next()
            .ok_or(DbError::NotFound)
    }
}

fn email_of(q: &impl Querier, id: i64) -> Result<String, DbError> {
    match q
        .query_one("SELECT email FROM users WHERE id = ?1", &[Value::Int(id)])?
        .get("email")
    {
        Some(Value::Text(e)) => Ok(e.clone()),
        _ => Err(DbError::NotFound),
    }
}

#[test]
fn querier_default_query_one_delegates_to_the_mocked_query() {
    let q = MockQuerier::new();
    q.query.side_effect(|_, params| {
        Ok(match params {
            [Value::Int(1)] => vec![Row::from([("email".into(), Value::Text("a@x".into()))])],
            _ => vec![],
        })
    });

    assert_eq!(email_of(&q, 1), Ok("a@x".to_string()));
    assert_eq!(email_of(&q, 2), Err(DbError::NotFound));
    q.query_one.assert_has_calls([
        call!("SELECT email FROM users WHERE id = ?1", vec![Value::Int(1)]),
        call!(ANY, vec![Value::Int(2)]),
    ]);
    assert_eq!(q.query.call_count(), 2);
}

// --- 7. migrations applied through a &mut dyn executor -----------------------------

#[automock]
pub trait Executor {
    fn exec(&mut self, sql: &str) -> Result<(), DbError>;
}

#[automock]
pub trait Migration {
    fn version(&self) -> u32;
    fn name(&self) -> &str;
    fn up(&self, db: &mut dyn Executor) -> Result<(), DbError>;
}

fn migrate(
    db: &mut dyn Executor,
    current: u32,
    all: &[&dyn Migration],
) -> Result<Vec<String>, DbError> {
    let mut applied = vec![];
    for m in all.iter().filter(|m| m.version() > current) {
        m.up(db)?;
        db.exec(&format!(
            "INSERT INTO schema_version VALUES ({})",
            m.version()
        ))?;
        applied.push(m.name().to_string());
    }
    Ok(applied)
}

#[test]
fn migrations_newer_than_current_run_in_order_and_are_recorded() {
    let db = MockExecutor::named("db");
    db.exec.return_value(Ok(()));
    let [m1, m2, m3] = [1, 2, 3].map(|v| {
        let m = MockMigration::new();
        m.version.return_value(v);
        m.name.return_value(format!("m{v}"));
        m.up.side_effect(move |db| db.exec(&format!("-- m{v}")));
        m
    });

    let applied = migrate(&mut db.clone(), 1, &[&m1, &m2, &m3]).unwrap();

    assert_eq!(applied, ["m2", "m3"]);
    m1.up.assert_not_called();
    m2.up.assert_called_once_with(call!(ANY));
    db.exec.assert_has_calls([
        call!("-- m2"),
        call!("INSERT INTO schema_version VALUES (2)"),
        call!("-- m3"),
        call!("INSERT INTO schema_version VALUES (3)"),
    ]);
}

// --- 8. a soft-delete repository with a default method returning Result -------------

#[automock]
pub trait Flags {
    fn set_flag(&mut self, id: UserId, flag: &str, on: bool) -> Result<(), DbError>;
    fn archive(&mut self, id: UserId) -> Result<(), DbError> {
        self.set_flag(id, "archived", true)
    }
}

fn archive_inactive(flags: &mut dyn Flags, users: &[User]) -> usize {
    users
        .iter()
        .filter(|u| !u.active)
        .filter(|u| flags.archive(u.id).is_ok())
        .count()
}

#[test]
fn flags_default_archive_sets_the_archived_flag() {
    let mut flags = MockFlags::new();
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&log);
    flags.set_flag.side_effect(move |id, flag, on| {
        seen.lock().unwrap().push((id, flag.to_string(), on));
        if id == UserId(3) {
            Err(DbError::NotFound)
        } else {
            Ok(())
        }
    });
    let mut users = vec![user(1, "a"), user(2, "b"), user(3, "c")];
    users[1].active = false;
    users[2].active = false;

    assert_eq!(archive_inactive(&mut flags, &users), 1);

    flags
        .archive
        .assert_has_calls([call!(UserId(2)), call!(UserId(3))]);
    flags.set_flag.assert_has_calls([
        call!(UserId(2), "archived", true),
        call!(UserId(3), "archived", true),
    ]);
    assert_eq!(log.lock().unwrap().len(), 2);
}
