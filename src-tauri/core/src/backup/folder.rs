//! Where snapshots go, and what a file-system failure there means to the user.
//!
//! The default folder, `<db stem>-backups/` beside the database, is created when first needed
//! (private: 0700 on Unix). A folder the user chose is never created: when it is missing (an
//! unplugged drive, a cloud folder that was moved) snapshots written into a new empty folder
//! at that path would land on the laptop's own disk without anyone knowing, so the user is
//! told instead (`folder_missing`). Snapshot files are created private (0600).

use std::fs::File;
use std::path::{Path, PathBuf};

use super::settings::BackupSettings;
use crate::error::BackupFailure;
use crate::error::CoreError;

/// The database's file stem, which starts its snapshots' names.
pub fn stem(db: &Path) -> String {
    db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "dossier".into())
}

fn db_dir(db: &Path) -> &Path {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// `<db folder>/<db stem>-backups`.
pub fn default_for(db: &Path) -> PathBuf {
    db_dir(db).join(format!("{}-backups", stem(db)))
}

/// The folder the settings name for the database at `db` (nothing is checked).
pub fn resolve(db: &Path, settings: &BackupSettings) -> PathBuf {
    match settings.folder.as_deref() {
        Some(f) => db_dir(db).join(f),
        None => default_for(db),
    }
}

/// The folder, ready to write to: the default one created if needed, a chosen one checked.
pub fn ready(db: &Path, settings: &BackupSettings) -> Result<PathBuf, CoreError> {
    let dir = resolve(db, settings);
    if settings.folder.is_none() && !dir.exists() {
        create_private_dir(&dir).map_err(|e| failure(&dir, &e))?;
    }
    if !dir.is_dir() {
        return Err(error(BackupFailure::FolderMissing, &dir, ""));
    }
    Ok(dir)
}

/// Checks that files can be created in `dir` (a folder the user is choosing).
pub fn check_writable(dir: &Path) -> Result<(), CoreError> {
    if !dir.is_dir() {
        return Err(error(BackupFailure::FolderMissing, dir, ""));
    }
    let probe = dir.join(format!(".dossier-write-test-{}", std::process::id()));
    let result = private_file(&probe).map(drop);
    let _ = std::fs::remove_file(&probe);
    result.map_err(|e| failure(dir, &e))
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Creates `path`, which must not exist, readable and writable by the user only. SQLite opens
/// the empty file as a new database and keeps its mode (its journal files take the same).
pub fn private_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Flushes a file's contents to the disk.
pub fn sync(path: &Path) -> std::io::Result<()> {
    File::open(path)?.sync_all()
}

/// Flushes a folder's entries (a rename into it); a no-op where folders cannot be opened.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

pub fn error(reason: BackupFailure, path: &Path, detail: impl Into<String>) -> CoreError {
    CoreError::Backup { reason, path: path.display().to_string(), detail: detail.into() }
}

/// An I/O failure at `path`, classified for the user.
pub fn failure(path: &Path, e: &std::io::Error) -> CoreError {
    use std::io::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => BackupFailure::FolderMissing,
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => BackupFailure::NotWritable,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => BackupFailure::DiskFull,
        _ => BackupFailure::Failed,
    };
    error(reason, path, e.to_string())
}

/// An SQLite failure while writing a copy at `path`, classified for the user.
pub fn sqlite_failure(path: &Path, e: &rusqlite::Error) -> CoreError {
    use rusqlite::ErrorCode;
    let reason = match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => BackupFailure::DiskFull,
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) | Some(ErrorCode::CannotOpen) => {
            BackupFailure::NotWritable
        }
        _ => BackupFailure::Failed,
    };
    error(reason, path, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_classified_for_the_user() {
        let p = Path::new("/backups");
        let reason = |e: CoreError| match e {
            CoreError::Backup { reason, .. } => reason,
            other => panic!("{other:?}"),
        };
        let io = |raw| failure(p, &std::io::Error::from_raw_os_error(raw));
        #[cfg(target_os = "linux")]
        {
            assert_eq!(reason(io(28)), BackupFailure::DiskFull); // ENOSPC
            assert_eq!(reason(io(122)), BackupFailure::DiskFull); // EDQUOT
            assert_eq!(reason(io(13)), BackupFailure::NotWritable); // EACCES
            assert_eq!(reason(io(30)), BackupFailure::NotWritable); // EROFS
            assert_eq!(reason(io(2)), BackupFailure::FolderMissing); // ENOENT
        }
        let full = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL), None);
        assert_eq!(reason(sqlite_failure(p, &full)), BackupFailure::DiskFull);
        let _ = io;
    }
}
