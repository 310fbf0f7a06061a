//! The [`Store`]: one SQLite file, one connection, and what every feature's store part shares
//! (the clock, reading stored codes back). The methods live with their features (`impl Store`
//! blocks in `customers/store.rs`, `powermap/store/`, `visits/store.rs`…); opening a file is
//! `open.rs`. Every write that touches several rows runs in one transaction, and every write
//! is validated first, so a refused save changes nothing.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::error::Result;
use crate::writer_lock::WriterLock;

pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) clock: Arc<dyn Clock>,
    /// The whole portfolio's risk lights while nothing has changed (`risk/store.rs`). Typed
    /// by that feature and opaque here: the store's core knows no feature.
    pub(crate) risk_cache: RefCell<Option<Box<dyn Any + Send>>>,
    /// Keeps other Dossiers from writing the file while this store is open. Declared after
    /// `conn`, so the connection is closed (and the WAL checkpointed) before the next writer
    /// may come in.
    pub(crate) _writer: Option<WriterLock>,
    /// The last automatic snapshot that failed, until the caller takes it (`backup/store.rs`;
    /// opaque here likewise).
    pub(crate) backup_warning: RefCell<Option<Box<dyn Any + Send>>>,
}

impl Store {
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
}

/// Reads a stored enum code back; unknown codes read as `None`.
pub(crate) fn code<T>(value: Option<String>, parse: fn(&str) -> Option<T>) -> Option<T> {
    value.as_deref().and_then(parse)
}
