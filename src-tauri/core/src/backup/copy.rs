//! Consistent copies of an open database, and what a copy holds.
//!
//! A copy is made with SQLite's online backup API in one step (all pages under one read
//! lock, so writers elsewhere cannot make it restart or mix two states) into a new private
//! file, switched from WAL to a rollback journal so the copy is one self-contained file (no
//! `-wal` beside it in a synced folder). A snapshot is written as a hidden `.….partial` file in
//! the backup folder, verified, flushed to disk and only then renamed to its name: a crash, a
//! full disk or a failed check never leaves a file that looks like a snapshot.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;

use super::folder::{self, error, failure, sqlite_failure};
use super::name::{self, SnapshotName};
use super::settings::BackupSettings;
use super::{rotation, Snapshot, SnapshotCounts, SnapshotReason};
use crate::error::BackupFailure;
use crate::error::{CoreError, Result};

/// When a snapshot is taken, on the laptop's calendar (for the rotation's days).
pub struct When {
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

/// Takes a verified snapshot of `conn` (the database at `db`) into its backup folder, then
/// rotates the folder (see [`rotation`]).
pub fn take(
    conn: &Connection,
    db: &Path,
    settings: &BackupSettings,
    reason: SnapshotReason,
    when: When,
) -> Result<Snapshot> {
    copy(conn, db, settings.clone(), reason, when)?.finish()
}

/// The first half of [`take`], the only one that reads the database: its pages copied into a
/// partial file of the backup folder. The rest ([`Copied::finish`]) needs no connection, so a
/// caller holding the store behind a lock can let go of it while the copy is verified (most
/// of a snapshot's time: seconds at 100k customers).
pub fn copy(
    conn: &Connection,
    db: &Path,
    settings: BackupSettings,
    reason: SnapshotReason,
    when: When,
) -> Result<Copied> {
    let dir = folder::ready(db, &settings)?;
    let stem = folder::stem(db);
    let name = name::next(&stem, when.now, reason, &file_names(&dir)?);
    let partial = Removed(dir.join(name.partial_file(&stem)));
    write(conn, &partial.0, &dir)?;
    Ok(Copied { partial, dir, stem, name, settings, when })
}

/// A snapshot copied but not yet verified nor named ([`copy`]); dropped unfinished, its
/// partial file is deleted.
pub struct Copied {
    partial: Removed,
    dir: PathBuf,
    stem: String,
    name: SnapshotName,
    settings: BackupSettings,
    when: When,
}

impl Copied {
    /// Verifies the copy, flushes it to disk, gives it its name and rotates the folder.
    pub fn finish(self) -> Result<Snapshot> {
        let Copied { partial, dir, stem, name, settings, when } = self;
        verify(&partial.0).map_err(|e| error(BackupFailure::Unverified, &dir, e.to_string()))?;
        folder::sync(&partial.0).map_err(|e| failure(&dir, &e))?;
        let file = name.file(&stem);
        std::fs::rename(&partial.0, dir.join(&file)).map_err(|e| failure(&dir, &e))?;
        folder::sync_dir(&dir);
        rotate(&dir, &stem, &settings, &when, &file);
        Ok(describe(&dir, file, name))
    }
}

/// A consistent copy of `conn` at `to` (a new private file); `dir` names the folder in errors.
pub fn write(conn: &Connection, to: &Path, dir: &Path) -> Result<()> {
    folder::private_file(to).map_err(|e| failure(dir, &e))?;
    let fail = |e: rusqlite::Error| sqlite_failure(dir, &e);
    let mut copy = Connection::open(to).map_err(fail)?;
    let step = Backup::new(conn, &mut copy).and_then(|b| b.step(-1)).map_err(fail)?;
    if step != StepResult::Done {
        return Err(error(BackupFailure::Failed, dir, format!("the database stayed busy ({step:?})")));
    }
    copy.pragma_update(None, "journal_mode", "DELETE").map_err(fail)?;
    copy.close().map_err(|(_, e)| fail(e))
}

/// Refuses a file that is not a Dossier database this version can open (not SQLite, another
/// application's, newer, without a schema) or that fails `PRAGMA integrity_check` (every
/// table, index and full-text index). Read-only.
pub fn verify(path: &Path) -> Result<()> {
    let shown = path.display().to_string();
    let conn = match crate::db::identify(path)? {
        Some((conn, version)) if version > 0 => conn,
        Some(_) => return Err(CoreError::NotDossier { path: shown }),
        None => return Err(CoreError::NotSqlite { path: shown }),
    };
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check(10)")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| crate::db::corrupt_or_io(&shown, e))?;
    if problems != ["ok"] {
        return Err(CoreError::Corrupt { path: shown, detail: problems.join("; ") });
    }
    Ok(())
}

/// The database's snapshots in `dir`, newest first (an empty list when the folder does not
/// exist yet).
pub fn list(dir: &Path, stem: &str) -> Result<Vec<Snapshot>> {
    Ok(names(dir, stem)?.into_iter().map(|(file, name)| describe(dir, file, name)).collect())
}

/// The names of the database's snapshots in `dir`, newest first, without opening them.
pub fn names(dir: &Path, stem: &str) -> Result<Vec<(String, SnapshotName)>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut named = recognised(dir, stem, &file_names(dir)?);
    named.sort_by_key(|(_, n)| std::cmp::Reverse(n.order_key()));
    Ok(named)
}

/// Deletes what the rotation does not keep, and partial files left by a crash (an hour old:
/// a younger one may be another process's snapshot being written). Best effort: a file that
/// cannot be deleted now is deleted by a later rotation, and never fails the snapshot just
/// taken.
fn rotate(dir: &Path, stem: &str, settings: &BackupSettings, when: &When, just_taken: &str) {
    let Ok(files) = file_names(dir) else { return };
    let named = recognised(dir, stem, &files);
    let abandoned = files.iter().filter(|f| {
        SnapshotName::parse_partial(stem, f).is_some_and(|n| when.now - n.taken > chrono::TimeDelta::hours(1))
    });
    for file in rotation::doomed(&named, settings, when.now, when.offset, just_taken).iter().chain(abandoned) {
        let _ = std::fs::remove_file(dir.join(file));
    }
}

/// The files among `files` (in `dir`) that are snapshots of the database `stem`.
fn recognised(dir: &Path, stem: &str, files: &[String]) -> Vec<(String, SnapshotName)> {
    files
        .iter()
        .filter_map(|f| SnapshotName::parse(stem, f).map(|n| (f.clone(), n)))
        .filter(|(f, _)| dir.join(f).is_file())
        .collect()
}

fn file_names(dir: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| failure(dir, &e))?;
    Ok(entries.filter_map(|e| e.ok()).filter_map(|e| e.file_name().into_string().ok()).collect())
}

fn describe(dir: &Path, file: String, name: SnapshotName) -> Snapshot {
    let path = dir.join(&file);
    Snapshot {
        bytes: std::fs::metadata(&path).map(|m| m.len() as i64).unwrap_or(0),
        counts: counts(&path),
        path: path.display().to_string(),
        file,
        taken_at: name.taken.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        reason: name.reason,
    }
}

/// What a snapshot holds, read from the file (read-only); `None` when it cannot be read.
pub fn counts(path: &Path) -> Option<SnapshotCounts> {
    let (conn, _) = crate::db::identify(path).ok()??;
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).ok();
    let has_visits = count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'visit'")? > 0;
    Some(SnapshotCounts {
        customers: count("SELECT count(*) FROM customer WHERE deleted_at IS NULL")?,
        contacts: count(
            "SELECT count(*) FROM contact ct JOIN customer c ON c.id = ct.customer_id
             WHERE ct.deleted_at IS NULL AND c.deleted_at IS NULL",
        )?,
        visits: if has_visits {
            count("SELECT count(*) FROM visit v JOIN customer c ON c.id = v.customer_id WHERE c.deleted_at IS NULL")?
        } else {
            0
        },
    })
}

/// A file deleted when this goes out of scope unless it was renamed away: the partial
/// snapshot of a failed attempt, the staged copy of a restore (with its journal files).
pub struct Removed(pub PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}
