//! Opening the database file safely, and its migrations.
//!
//! Migrating an older file records the data back-fills it still needs ([`backfill`]); the
//! caller runs them (`backfill.rs` at the crate root) before using the connection.
//!
//! A file that is not SQLite, is damaged, belongs to another application or was written by a
//! newer Dossier is refused with a typed error *before* anything writes to it: the checks run
//! on a read-only connection, and only then is the file opened for writing and migrated. The
//! search index's tables are derived data, rebuilt from the records when damaged: they are
//! checked after the open, off the path the first screen waits on ([`search_tables`]).

pub mod backfill;
pub mod search_tables;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::error::{CoreError, Result};
use crate::private_file;
use crate::writer_lock::WriterLock;

/// The schema, one SQL script per version (version n = `user_version` n). Append only.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/001_initial.sql"),
    include_str!("../../migrations/002_import_history.sql"),
    include_str!("../../migrations/003_purchases.sql"),
    include_str!("../../migrations/004_mapping_templates.sql"),
    include_str!("../../migrations/005_search_unigrams.sql"),
    include_str!("../../migrations/006_power_map.sql"),
    include_str!("../../migrations/007_purchase_trends.sql"),
    include_str!("../../migrations/008_visits_opportunities.sql"),
    include_str!("../../migrations/009_trash.sql"),
    include_str!("../../migrations/010_name_keys.sql"),
    include_str!("../../migrations/011_search_readings.sql"),
    include_str!("../../migrations/012_full_follow_up.sql"),
    include_str!("../../migrations/013_search_records.sql"),
    include_str!("../../migrations/014_weekly_indexes.sql"),
    include_str!("../../migrations/015_payments.sql"),
    include_str!("../../migrations/016_lifecycle_history.sql"),
    include_str!("../../migrations/017_targets.sql"),
    include_str!("../../migrations/018_customer_notes.sql"),
    include_str!("../../migrations/019_trend_series.sql"),
    include_str!("../../migrations/020_search_backlog.sql"),
    include_str!("../../migrations/021_facet_indexes.sql"),
    include_str!("../../migrations/022_trend_signal_keys.sql"),
    include_str!("../../migrations/023_import_change_runs.sql"),
];

/// The page cache of a connection, in KiB: the indexes a search or a whole-portfolio read walks
/// stay in memory at 100k+ customers. An import writes with a smaller one
/// ([`IMPORT_PAGE_CACHE_KIB`]).
pub(crate) const PAGE_CACHE_KIB: i64 = 65_536;

/// The page cache while an import writes: its dirty pages beyond it go to the WAL early instead
/// of being held to the commit. Measured on 100k rows: as fast as 64 MiB, and the import's peak
/// memory 143 MB instead of 204.
pub(crate) const IMPORT_PAGE_CACHE_KIB: i64 = 16_384;

/// SQLite's own default: a commit that leaves the WAL longer than this copies it into the
/// database file. An import puts that off to the next commit (`import/store.rs`).
pub(crate) const WAL_AUTOCHECKPOINT_PAGES: i64 = 1_000;

/// The migrations: plain SQL, run in one transaction. The data some of them need filled in is
/// back-filled afterwards (`db/backfill.rs`).
fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Opens (creating if missing) and migrates the database at `path`, for writing (the data
/// back-fills the migration needs are left recorded for the caller to run): the returned
/// lock keeps other processes from writing it too ([`crate::writer_lock`]; `None` on a file
/// system without locks). A new file and the folders created for it are private to the user
/// (`private_file.rs`). The lock is taken after the read-only checks, so a refused file gets
/// no lock file beside it.
pub fn open(path: &Path) -> Result<(Connection, Option<WriterLock>)> {
    let shown = path.display().to_string();
    if path.exists() {
        check_existing(path, &shown)?;
    } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_file::create_dir_all(dir).map_err(|e| CoreError::io(shown.clone(), &e))?;
    }
    let lock = WriterLock::acquire(path, &shown)?;
    private_file::prepare_database(path).map_err(|e| CoreError::io(shown.clone(), &e))?;
    let mut conn = Connection::open(path).map_err(|e| CoreError::Io { path: shown.clone(), detail: e.to_string() })?;
    configure(&conn).map_err(|e| corrupt_or_io(&shown, e))?;
    let from: i64 =
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| corrupt_or_io(&shown, e))?;
    if from > 0 && from < latest_version() {
        backfill::record(&conn, from).map_err(|e| corrupt_or_io(&shown, e))?;
    }
    migrations().to_latest(&mut conn).map_err(|e| {
        let detail = e.to_string();
        match CoreError::from(e) {
            e @ (CoreError::DiskFull { .. } | CoreError::Busy) => e,
            _ => CoreError::Corrupt { path: shown.clone(), detail },
        }
    })?;
    Ok((conn, lock))
}

/// A private in-memory database (tests and benchmarks' scratch work).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: every commit is flushed to disk before the save returns. With NORMAL a WAL
    // database stays consistent, but SQLite's documentation warns that the last committed
    // transactions "might roll back following a power loss or system crash" (a laptop whose
    // battery runs out, a forced power-off): a profile the user saw saved would be gone. A
    // killed process loses nothing under either (`dossier-cli bench kill`), so what FULL buys
    // is power-loss durability, for one fsync per commit: about 3 ms per transaction on the
    // development machine (see the README's Reliability section), unnoticed on a click. Bulk
    // writes (imports, sample data) are one transaction each, so they pay it once.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Bulk writes (imports, sample data) cycle through ~30 cached statements; the default
    // cache of 16 would re-prepare them on every row.
    conn.set_prepared_statement_cache_capacity(64);
    conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
    conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
    Ok(())
}

/// Read-only checks of a file that already exists: the B-trees of the tables holding what users
/// made (the search index's are checked after the open, [`search_tables::check`]).
fn check_existing(path: &Path, shown: &str) -> Result<()> {
    let Some((conn, _)) = identify(path)? else {
        return Ok(()); // an empty file is an empty database: SQLite initialises it
    };
    match quick_check(&conn, false).map_err(|e| corrupt_or_io(shown, e))? {
        Some(detail) => Err(CoreError::Corrupt { path: shown.into(), detail }),
        None => Ok(()),
    }
}

/// `PRAGMA quick_check` of the B-trees of every ordinary table and its indexes (FTS5's shadow
/// tables included), one table at a time: a bare `quick_check` would also compare each
/// full-text index with its content, which takes seconds at every start-up once the file holds
/// 100k customers. `search`: the search index's tables (`search_*`), else all the others.
/// `None` when every B-tree is sound, else what the first damaged one reported.
fn quick_check(conn: &Connection, search: bool) -> rusqlite::Result<Option<String>> {
    let tables: Vec<String> = conn
        .prepare(&format!(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
             AND (name LIKE 'search\\_%' ESCAPE '\\') = {search}"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let check: String =
            conn.query_row(&format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\"")), [], |r| r.get(0))?;
        if check != "ok" {
            return Ok(Some(check));
        }
    }
    Ok(None)
}

/// What an existing file is, read-only: refused when it is not SQLite, belongs to another
/// application or was written by a newer Dossier; `None` for an empty file (SQLite makes it a
/// new database); else a read-only connection to it and its schema version (0: an SQLite
/// file without tables). Nothing is checked for damage beyond what opening reads.
pub(crate) fn identify(path: &Path) -> Result<Option<(Connection, i64)>> {
    let shown = &path.display().to_string();
    let head = read_head(path).map_err(|e| CoreError::Io { path: shown.into(), detail: e })?;
    if head.is_empty() {
        return Ok(None);
    }
    if head.len() < SQLITE_MAGIC.len() || &head[..16] != SQLITE_MAGIC {
        return Err(CoreError::NotSqlite { path: shown.into() });
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| corrupt_or_io(shown, e))?;
    let version: i64 =
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| corrupt_or_io(shown, e))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| corrupt_or_io(shown, e))?;
    if version > latest_version() {
        return Err(CoreError::TooNew { path: shown.into(), found: version, supported: latest_version() });
    }
    if version == 0 && !tables.is_empty() {
        return Err(CoreError::NotDossier { path: shown.into() });
    }
    if version > 0 && !tables.iter().any(|t| t == "customer") {
        return Err(CoreError::NotDossier { path: shown.into() });
    }
    Ok(Some((conn, version)))
}

fn read_head(path: &Path) -> std::result::Result<Vec<u8>, String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut buf = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf)
}

/// A failure while opening: damaged, a full disk, busy (another program holds the file), or
/// otherwise unreadable.
pub(crate) fn corrupt_or_io(shown: &str, e: rusqlite::Error) -> CoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase) => {
            CoreError::Corrupt { path: shown.into(), detail: e.to_string() }
        }
        _ => match CoreError::from(e) {
            e @ (CoreError::DiskFull { .. } | CoreError::Busy) => e,
            e => CoreError::Io { path: shown.into(), detail: e.to_string() },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_file_is_written_in_wal_mode_with_every_commit_synced() {
        let dir = tempfile::tempdir().unwrap();
        let (conn, _lock) = open(&dir.path().join("d.sqlite")).unwrap();
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        assert_eq!((mode.as_str(), synchronous), ("wal", 2), "2 is FULL");
    }

    #[test]
    fn migrations_are_valid_and_latest_version_matches() {
        migrations().validate().unwrap();
        let conn = open_in_memory().unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, latest_version());
    }
}
