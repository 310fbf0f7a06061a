//! Opening a database file as a [`Store`]: a snapshot of an older file before it is migrated
//! (`backup/store.rs`), the checks and the migration (`db/mod.rs`), then the data back-fills
//! the migration left to do (`backfill.rs`). The search index's tables are checked after the
//! open, and rebuilt from the records when damaged (`db/search_tables.rs`).

use std::path::Path;
use std::sync::Arc;

use crate::clock::Clock;
use crate::error::{CoreError, Result};
use crate::Store;

impl Store {
    /// Opens (or creates) the database file; see [`crate::db::open`] for what is refused (a
    /// file another Dossier has open for writing among it). A file of an older schema is backed
    /// up before it is migrated (a failed backup is kept for [`Store::take_backup_warning`]).
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        let warning = crate::backup::store::before_migration(path, &*clock);
        let (conn, writer) = crate::db::open(path)?;
        crate::backfill::run_pending(&conn)?;
        let backup_warning = warning.map(|w| Box::new(w) as Box<dyn std::any::Any + Send>).into();
        Ok(Store { conn, clock, risk_cache: Default::default(), _writer: writer, backup_warning })
    }

    /// The check of the search index's tables deferred from the open ([`Store::open`] checks
    /// only the tables holding what users made): run on a read-only connection of its own to
    /// the open file at `path`, so the store stays free meanwhile. `None` when they are sound,
    /// else what SQLite found wrong, for [`Store::rebuild_search_index`].
    pub fn check_search_index(path: &Path) -> Result<Option<String>> {
        crate::db::search_tables::check(path)
    }

    /// Rebuilds the search index from the records: its tables emptied (the damaged ones left
    /// out of the file), the deals', records' and suppliers' entries written, every customer
    /// and its contacts queued for the catch-up ([`Store::catch_up_search`]); returns how many
    /// wait. A failure other than a full disk or a busy file means the file is damaged beyond
    /// the index: `corrupt`, as a damaged file at the open is.
    pub fn rebuild_search_index(&self) -> Result<i64> {
        crate::backfill::rebuild_search(&self.conn).and_then(|()| self.pending_search_index()).map_err(|e| match e {
            e @ (CoreError::DiskFull { .. } | CoreError::Busy) => e,
            e => CoreError::Corrupt { path: self.conn.path().unwrap_or_default().into(), detail: e.to_string() },
        })
    }
}
