//! The SQLite store: one file, one connection. Every write that touches several rows runs in
//! one transaction, and every write is validated first ([`crate::customers::validate`]), so a refused save
//! changes nothing.

use std::path::Path;
use std::sync::Arc;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::customers::Stats;
use crate::error::Result;
use crate::writer_lock::WriterLock;

pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) clock: Arc<dyn Clock>,
    /// The whole portfolio's risk lights while nothing has changed (see `risk.rs`).
    pub(crate) risk_cache: std::cell::RefCell<Option<crate::risk::store::Cached>>,
    /// Keeps other Dossiers from writing the file while this store is open. Declared after
    /// `conn`, so the connection is closed (and the WAL checkpointed) before the next writer
    /// may come in.
    _writer: Option<WriterLock>,
    /// The last automatic snapshot that failed, until the caller takes it (`backup.rs`).
    pub(crate) backup_warning: std::cell::RefCell<Option<crate::backup::BackupWarning>>,
}

impl Store {
    /// Opens (or creates) the database file; see [`crate::db::open`] for what is refused (a
    /// file another Dossier has open for writing among it). A file of an older schema is backed
    /// up before it is migrated (a failed backup is kept for [`Store::take_backup_warning`]).
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        let warning = crate::backup::store::before_migration(path, &*clock);
        let (conn, writer) = crate::db::open(path)?;
        Ok(Store { conn, clock, risk_cache: Default::default(), _writer: writer, backup_warning: warning.into() })
    }

    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        Ok(Store {
            conn: crate::db::open_in_memory()?,
            clock,
            risk_cache: Default::default(),
            _writer: None,
            backup_warning: Default::default(),
        })
    }

    pub fn clock(&self) -> &dyn Clock {
        &*self.clock
    }

    /// The raw connection, for benchmarks' reference queries and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Counts per entity, not counting records in the trash.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            customers: count("SELECT count(*) FROM customer WHERE deleted_at IS NULL")?,
            contacts: count(
                "SELECT count(*) FROM contact ct JOIN customer c ON c.id = ct.customer_id
                 WHERE ct.deleted_at IS NULL AND c.deleted_at IS NULL",
            )?,
            financial_periods: count(
                "SELECT count(*) FROM financial_period f JOIN customer c ON c.id = f.customer_id
                 WHERE c.deleted_at IS NULL",
            )?,
            suppliers: count(
                "SELECT count(*) FROM supplier s JOIN customer c ON c.id = s.customer_id
                 WHERE c.deleted_at IS NULL",
            )?,
            role_assessments: count(
                "SELECT count(*) FROM role_assessment r JOIN customer c ON c.id = r.customer_id
                 JOIN contact ct ON ct.id = r.contact_id
                 WHERE c.deleted_at IS NULL AND ct.deleted_at IS NULL",
            )?,
            purchases: count(
                "SELECT count(*) FROM purchase p JOIN customer c ON c.id = p.customer_id
                 WHERE c.deleted_at IS NULL",
            )?,
        })
    }

    /// True when there is no customer yet (the app shows its welcome screen).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.stats()?.customers == 0)
    }
}

/// Reads a stored enum code back; unknown codes read as `None`.
pub(crate) fn code<T>(value: Option<String>, parse: fn(&str) -> Option<T>) -> Option<T> {
    value.as_deref().and_then(parse)
}
