//! The store's backups (see [`crate::backup`]): settings, 立即备份, the automatic snapshots
//! (daily, before a migration, an import or the undo of an import), the list, and restore.
//! A store without a file (in memory) has nothing to back up: automatic snapshots are
//! skipped, the others refused with `Closed`.

use std::path::{Path, PathBuf};

use crate::backup::copy::{self, Copied, Removed, When};
use crate::backup::{folder, settings, BackupSettings, BackupWarning, Snapshot, SnapshotReason};
use crate::clock::Clock;
use crate::error::BackupFailure;
use crate::error::{CoreError, Result};
use crate::Store;

fn when(clock: &dyn Clock) -> When {
    When { now: clock.now(), offset: clock.offset() }
}

/// Before [`crate::db::open`] migrates an existing file of an older schema: a snapshot of it
/// as it is, into the folder its own settings name (the default one when it has none). A
/// failure is returned as the warning (the migration goes ahead); a file that cannot be opened
/// is left to `db::open` to refuse.
pub(crate) fn before_migration(path: &Path, clock: &dyn Clock) -> Option<BackupWarning> {
    let Ok(Some((conn, version))) = crate::db::identify(path) else { return None };
    if version == 0 || version >= crate::db::latest_version() {
        return None;
    }
    let reason = SnapshotReason::BeforeMigration;
    copy::take(&conn, path, &settings::load(&conn), reason, when(clock))
        .err()
        .map(|error| BackupWarning { reason, error })
}

impl Store {
    /// The database file (`None` in memory).
    pub(crate) fn file(&self) -> Option<PathBuf> {
        self.conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
    }

    pub fn backup_settings(&self) -> Result<BackupSettings> {
        Ok(settings::load(&self.conn))
    }

    /// Saves the folder and the rotation. A chosen folder must exist and be writable
    /// (`Backup` `folder_missing` / `not_writable`); snapshots already taken stay where they
    /// are.
    pub fn save_backup_settings(&self, new: &BackupSettings) -> Result<BackupSettings> {
        let new = new.validated()?;
        if let (Some(db), Some(_)) = (self.file(), &new.folder) {
            folder::check_writable(&folder::resolve(&db, &new))?;
        }
        settings::save(&self.conn, &new)?;
        self.backup_settings()
    }

    /// Saves the rotation (设置 → 备份与恢复); the folder stays as it is: it changes only through
    /// [`Store::set_backup_folder`], with a folder the person chose in the dialog.
    pub fn save_backup_rotation(&self, new: &BackupSettings) -> Result<BackupSettings> {
        self.save_backup_settings(&BackupSettings { folder: self.backup_settings()?.folder, ..new.clone() })
    }

    /// Sends snapshots to `folder`, or back to the default beside the database (`None`); the
    /// rotation stays as it is.
    pub fn set_backup_folder(&self, folder: Option<&Path>) -> Result<BackupSettings> {
        let folder = folder.map(|f| f.display().to_string());
        self.save_backup_settings(&BackupSettings { folder, ..self.backup_settings()? })
    }

    /// The folder snapshots go to (the default one beside the database unless one was chosen).
    pub fn backup_folder(&self) -> Result<PathBuf> {
        let db = self.file().ok_or(CoreError::Closed)?;
        Ok(folder::resolve(&db, &self.backup_settings()?))
    }

    /// The database's snapshots, newest first, with what each holds.
    pub fn snapshots(&self) -> Result<Vec<Snapshot>> {
        let db = self.file().ok_or(CoreError::Closed)?;
        copy::list(&self.backup_folder()?, &folder::stem(&db))
    }

    /// 立即备份: a verified snapshot now, or the typed error of what went wrong.
    pub fn snapshot_now(&self) -> Result<Snapshot> {
        self.take_snapshot(SnapshotReason::Manual)
    }

    /// The first start of a day: a snapshot when none was taken today (the laptop's calendar
    /// day, any reason). The shell calls it right after opening the database; a failure is
    /// the caller's to show, the database stays open and usable.
    pub fn daily_backup_if_due(&self) -> Result<Option<Snapshot>> {
        self.daily_copy_if_due()?.map(Copied::finish).transpose()
    }

    /// [`Store::daily_backup_if_due`] up to the copy of the pages: the caller finishes it
    /// ([`Copied::finish`]: verify, name, rotate) without the store, which a shell holding it
    /// behind a lock can meanwhile lend to the page.
    pub fn daily_copy_if_due(&self) -> Result<Option<Copied>> {
        let db = self.file().ok_or(CoreError::Closed)?;
        let (today, offset) = (self.clock.today(), self.clock.offset());
        // By the names alone: opening every snapshot for its counts would cost each start-up.
        let taken = copy::names(&self.backup_folder()?, &folder::stem(&db))?;
        if taken.iter().any(|(_, n)| crate::clock::local_day(n.taken, &offset) == today) {
            return Ok(None);
        }
        copy::copy(&self.conn, &db, self.backup_settings()?, SnapshotReason::Daily, when(&*self.clock)).map(Some)
    }

    /// The last automatic snapshot that failed since the last call (before a migration when
    /// the store opened, before an import or an undo of an import); what it preceded went
    /// ahead. The caller shows it once.
    pub fn take_backup_warning(&self) -> Option<BackupWarning> {
        self.backup_warning.borrow_mut().take().and_then(|w| w.downcast::<BackupWarning>().ok()).map(|w| *w)
    }

    pub(crate) fn take_snapshot(&self, reason: SnapshotReason) -> Result<Snapshot> {
        let db = self.file().ok_or(CoreError::Closed)?;
        copy::take(&self.conn, &db, &self.backup_settings()?, reason, when(&*self.clock))
    }

    /// An automatic snapshot before a change (an import, its undo): the pages are copied now,
    /// and the copy is verified, flushed and named on a thread of its own while the change goes
    /// ahead (that is most of a snapshot's time: seconds on a large file). The change then hands
    /// the result to [`Store::snapshot_verified`]; a failure is kept for
    /// [`Store::take_backup_warning`] and the change goes ahead.
    pub(crate) fn snapshot_beside(&self, reason: SnapshotReason) -> Verifying {
        let Some(db) = self.file() else { return Verifying::Skipped };
        let copied = self
            .backup_settings()
            .and_then(|settings| copy::copy(&self.conn, &db, settings, reason, when(&*self.clock)));
        match copied {
            Ok(copied) => Verifying::Running(reason, std::thread::spawn(move || copied.finish())),
            Err(error) => Verifying::Failed(reason, error),
        }
    }

    /// Waits for a snapshot [`Store::snapshot_beside`] started; a failure is kept for
    /// [`Store::take_backup_warning`].
    pub(crate) fn snapshot_verified(&self, verifying: Verifying) {
        let (reason, error) = match verifying {
            Verifying::Skipped => return,
            Verifying::Failed(reason, error) => (reason, error),
            Verifying::Running(reason, thread) => {
                match thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
                    Ok(_) => return,
                    Err(error) => (reason, error),
                }
            }
        };
        *self.backup_warning.borrow_mut() = Some(Box::new(BackupWarning { reason, error }));
    }

    /// Deletes listed snapshots by their file names (after an erase, those that still hold the
    /// person); a name that is not listed is refused before anything is deleted.
    pub fn delete_snapshots(&self, files: &[String]) -> Result<usize> {
        let listed = self.snapshots()?;
        let paths = files
            .iter()
            .map(|f| {
                let s = listed.iter().find(|s| &s.file == f);
                s.map(|s| s.path.clone()).ok_or_else(|| folder::error(BackupFailure::UnknownSnapshot, Path::new(f), ""))
            })
            .collect::<Result<Vec<_>>>()?;
        for path in &paths {
            std::fs::remove_file(path).map_err(|e| CoreError::io(path.clone(), &e))?;
        }
        Ok(paths.len())
    }

    /// Restores a snapshot listed by [`Store::snapshots`], by its file name (so a caller can
    /// only name one of the listed files, never another path).
    pub fn restore_listed_snapshot(&mut self, file: &str) -> Result<Snapshot> {
        let listed = self.snapshots()?.into_iter().find(|s| s.file == file);
        let path = listed.ok_or_else(|| folder::error(BackupFailure::UnknownSnapshot, Path::new(file), ""))?.path;
        self.restore_snapshot(Path::new(&path))
    }

    /// Replaces the database's contents with the snapshot at `snapshot` and returns the
    /// snapshot of the state before (the restore does not happen without it).
    ///
    /// Refused, with the database untouched: a file that is not SQLite (`notSqlite`), another
    /// application's (`notDossier`), damaged (`corrupt`: `PRAGMA integrity_check`), written by
    /// a newer Dossier (`tooNew`). The snapshot is staged first — copied beside the database,
    /// migrated when older, given the current backup settings (folder and rotation are the
    /// laptop's, not the snapshot's) — then the current state is snapshotted, then the staged
    /// copy goes into the open connection with the online backup API in one step, so the change is one transaction and the store keeps
    /// working; it then behaves as freshly opened (the search index lives in the same file;
    /// the risk lights kept in memory are dropped).
    pub fn restore_snapshot(&mut self, snapshot: &Path) -> Result<Snapshot> {
        let db = self.file().ok_or(CoreError::Closed)?;
        copy::verify(snapshot)?;
        // Staged before the snapshot of the current state is taken: that snapshot's rotation
        // may delete the (old) snapshot being restored.
        let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let staged = Removed(dir.join(format!(".{}.restoring", folder::stem(&db))));
        let _ = std::fs::remove_file(&staged.0); // a leftover of an interrupted restore
        {
            let (source, _) = crate::db::identify(snapshot)?
                .ok_or_else(|| CoreError::NotSqlite { path: snapshot.display().to_string() })?;
            copy::write(&source, &staged.0, dir)?;
        }
        {
            // Opening migrates it (and the back-fills complete it); journal back to a rollback
            // file so closing leaves one file.
            let (conn, lock) = crate::db::open(&staged.0)?;
            crate::backfill::run_pending(&conn)?;
            settings::save(&conn, &self.backup_settings()?)?;
            conn.pragma_update(None, "journal_mode", "DELETE")?;
            drop(conn);
            // Nobody else ever opens the staged file: its lock file need not stay.
            if lock.is_some() {
                let _ = std::fs::remove_file(crate::writer_lock::lock_path(&staged.0));
            }
        }
        let before = self.take_snapshot(SnapshotReason::BeforeRestore)?;
        let source = rusqlite::Connection::open_with_flags(&staged.0, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let step = rusqlite::backup::Backup::new(&source, &mut self.conn).and_then(|b| b.step(-1))?;
        if step != rusqlite::backup::StepResult::Done {
            return Err(CoreError::Database { detail: format!("restore: the database stayed busy ({step:?})") });
        }
        *self.risk_cache.borrow_mut() = None;
        Ok(before)
    }
}

/// A snapshot being finished beside a change ([`Store::snapshot_beside`]).
pub(crate) enum Verifying {
    /// A store in memory has no snapshots.
    Skipped,
    Failed(SnapshotReason, CoreError),
    Running(SnapshotReason, std::thread::JoinHandle<Result<Snapshot>>),
}
