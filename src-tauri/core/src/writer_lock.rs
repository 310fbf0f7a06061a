//! One writer per database file. Two Dossiers writing one file (a second app window on the
//! same `--db`, the CLI importing while the app is open) would each purge the other's undo bin
//! at start-up and interleave their saves, so the second one is refused with
//! [`CoreError::InUse`] instead.
//!
//! The guard is an exclusive advisory lock (`flock` on Unix, `LockFileEx` on Windows) on a
//! file beside the database, `<database>.lock`, held for as long as the [`crate::Store`] is
//! open. Not on the database itself: SQLite locks byte ranges of that file for its own
//! transactions, and on Windows a whole-file lock would block its reads. The lock belongs to
//! the open file description, so a second `Store::open` of the same file is refused within one
//! process too; the operating system releases it when the process ends, even by a crash, so a
//! stale lock file left behind never blocks anyone. It is never deleted: removing it while
//! another process has it open would let two processes lock two different files.
//!
//! Every opening for writing takes the lock, the CLI's read-only commands included: reading a
//! signal feed or exporting a report refreshes caches in the file.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};

/// Held while a database file is open for writing; dropping it lets the next writer in.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Locks `db` for this process, or refuses with [`CoreError::InUse`] (`shown`: the path as
    /// errors name it). A file system that cannot lock files at all opens without the guard.
    pub fn acquire(db: &Path, shown: &str) -> Result<Option<WriterLock>> {
        let path = lock_path(db);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).map_err(|e| CoreError::io(path.display().to_string(), &e))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WriterLock { _file: file })),
            Err(TryLockError::WouldBlock) => Err(CoreError::InUse { path: shown.into() }),
            Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => Ok(None),
            Err(TryLockError::Error(e)) => Err(CoreError::io(path.display().to_string(), &e)),
        }
    }
}

/// `<database>.lock`, beside the database (`dossier.sqlite` → `dossier.sqlite.lock`).
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}
