//! Opening a database file as a [`Store`]: a snapshot of an older file before it is migrated
//! (`backup/store.rs`), the checks and the migration (`db/mod.rs`), then the data back-fills
//! the migration left to do (`backfill.rs`).

use std::path::Path;
use std::sync::Arc;

use crate::clock::Clock;
use crate::error::Result;
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
}
