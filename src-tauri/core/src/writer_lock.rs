//! One writer per database file. Two processes writing one file (a second app on the same
//! `--db`, the CLI importing while the app is open) would each purge the other's undo bin at
//! start-up and interleave their saves, so the second one is refused with
//! [`CoreError::InUse`] instead.
//!
//! The guard is an exclusive advisory lock (`flock` on Unix, `LockFileEx` on Windows) on a
//! file beside the database, `<database>.lock`, held for as long as a [`crate::Store`] of the
//! file is open. Not on the database itself: SQLite locks byte ranges of that file for its own
//! transactions, and on Windows a whole-file lock would block its reads. The operating system
//! releases the lock when the process ends, even by a crash, so the lock file left behind
//! never blocks anyone. It is never deleted: removing it while another process has it open
//! would let two processes lock two different files.
//!
//! Within one process the stores of a file share its lock (the app opens the file it switches
//! to before closing the old one, which may be the same; tests reopen a file with the clock
//! moved): only other processes are kept out. Every opening for writing takes it, the CLI's
//! reading commands included: reading the signal feed or exporting refreshes caches in the
//! file.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::error::{CoreError, Result};

/// How long a lock held elsewhere is waited for before the file is refused as in use. A
/// process this one starts (a link opened in the browser, a test's child) holds a copy of the
/// lock file's descriptor from its fork until its exec closes it; a store closed and reopened
/// in that moment would find its own lock still held.
const FORK_WINDOW: Duration = Duration::from_millis(300);
const RETRY: Duration = Duration::from_millis(10);

/// The lock files this process holds, each with the number of open stores using it.
static HELD: Mutex<BTreeMap<PathBuf, (File, usize)>> = Mutex::new(BTreeMap::new());

/// Held while a database file is open for writing; when the last one of a file is dropped, the
/// lock is released and another process may open the file.
#[derive(Debug)]
pub struct WriterLock {
    path: PathBuf,
}

impl WriterLock {
    /// Locks `db` for this process, or refuses with [`CoreError::InUse`] when another process
    /// holds it (`shown`: the path as errors name it). The folder must exist. A file system that
    /// cannot lock files at all opens without the guard (`None`).
    pub fn acquire(db: &Path, shown: &str) -> Result<Option<WriterLock>> {
        let path = lock_path(db);
        let io = |e: std::io::Error| CoreError::io(path.display().to_string(), &e);
        let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, users)) = held.get_mut(&path) {
            *users += 1;
            return Ok(Some(WriterLock { path }));
        }
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).map_err(io)?;
        let mut waited = Duration::ZERO;
        loop {
            match file.try_lock() {
                Ok(()) => {
                    held.insert(path.clone(), (file, 1));
                    return Ok(Some(WriterLock { path }));
                }
                Err(TryLockError::WouldBlock) if waited < FORK_WINDOW => {
                    std::thread::sleep(RETRY);
                    waited += RETRY;
                }
                Err(TryLockError::WouldBlock) => return Err(CoreError::InUse { path: shown.into() }),
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => return Ok(None),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, users)) = held.get_mut(&self.path) {
            *users -= 1;
            if *users == 0 {
                held.remove(&self.path); // closing the file releases the lock
            }
        }
    }
}

/// `<database>.lock` beside the database (`dossier.sqlite` → `dossier.sqlite.lock`), with the
/// database's real path (symbolic links resolved), so every spelling of one file names one
/// lock.
pub fn lock_path(db: &Path) -> PathBuf {
    let real = db.canonicalize().unwrap_or_else(|_| {
        let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        match (dir.canonicalize(), db.file_name()) {
            (Ok(dir), Some(name)) => dir.join(name),
            _ => db.to_path_buf(),
        }
    });
    let mut name = real.into_os_string();
    name.push(".lock");
    PathBuf::from(name)
}
