//! Files the person chooses: what a file dialog is for, and writing a chosen file safely.
//!
//! The app's page never names a path that Rust reads or writes: the shell opens the native
//! dialog for a [`FilePurpose`] and hands the page a token for the chosen file
//! ([`ChosenFile`]); commands take that token back (src-tauri/src/files.rs). An export is
//! written by [`write_atomically`]: to a temporary file in the target folder, flushed, then
//! renamed over the target, so a crash or a full disk leaves the old file as it was — and
//! never over the open database or its `-wal`/`-shm` ([`ensure_not_database`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// Why a file dialog is opened: which kind of dialog, which file types it offers, and which
/// commands may use the file chosen.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum FilePurpose {
    /// A spreadsheet or CSV to import (an open dialog).
    Import,
    /// An Excel export: team report, customer profile, import template, error report.
    Xlsx,
    /// A chart or a recap as an image or a document.
    Png,
    Svg,
    Pdf,
    /// Another Dossier database to open, or a new one to create.
    OpenDatabase,
    NewDatabase,
    /// The folder backups go to (设置 → 备份与恢复): a folder dialog.
    BackupFolder,
}

impl FilePurpose {
    /// An open dialog (the file exists and is read); otherwise a save dialog.
    pub fn opens(self) -> bool {
        matches!(self, FilePurpose::Import | FilePurpose::OpenDatabase | FilePurpose::BackupFolder)
    }

    /// The file name extensions the dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FilePurpose::Import => &["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "txt"],
            FilePurpose::Xlsx => &["xlsx"],
            FilePurpose::Png => &["png"],
            FilePurpose::Svg => &["svg"],
            FilePurpose::Pdf => &["pdf"],
            FilePurpose::OpenDatabase | FilePurpose::NewDatabase => &["sqlite", "db", "dossier"],
            FilePurpose::BackupFolder => &[],
        }
    }

    /// `name` with this purpose's extension when it has none of them (a save dialog's
    /// suggestion "团队报告-2026-12-06" becomes "团队报告-2026-12-06.xlsx").
    pub fn file_name(self, name: &str) -> String {
        let name = name.trim();
        let has = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions().iter().any(|x| x.eq_ignore_ascii_case(e)));
        if has || self.opens() {
            name.to_string()
        } else {
            format!("{name}.{}", self.extensions()[0])
        }
    }
}

/// A file chosen in a dialog, as the page sees it: the token the commands take, the file name
/// to show and the whole path (shown in messages and handed to the file manager's "show in
/// folder", never read or written on the page's word).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ChosenFile {
    pub token: String,
    pub name: String,
    pub path: String,
}

/// Refuses `target` when it is the database file `database` or one of SQLite's files beside it
/// (`-wal`, `-shm`, `-journal`): an export written there would destroy the open database.
pub fn ensure_not_database(target: &Path, database: &Path) -> Result<()> {
    let target = resolved(target);
    let database = resolved(database);
    let db_name = database.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let same_folder = target.parent() == database.parent();
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let clashes =
        same_folder && ["", "-wal", "-shm", "-journal"].iter().any(|s| same_name(&name, &format!("{db_name}{s}")));
    if clashes {
        return Err(CoreError::WouldOverwriteDatabase { path: target.display().to_string() });
    }
    Ok(())
}

/// File names compare without case where the file system usually ignores it.
fn same_name(a: &str, b: &str) -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        a.to_lowercase() == b.to_lowercase()
    } else {
        a == b
    }
}

/// `path` with its folder resolved (symbolic links, `..`), the file itself possibly not yet
/// existing.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
            dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()).join(name)
        }
        _ => path.to_path_buf(),
    }
}

/// Writes `bytes` to `target` all or nothing: into a temporary file in the same folder, flushed
/// to disk, then renamed over `target` (a rename within a folder replaces the old file in one
/// step). On any failure the temporary file is removed and an existing `target` is untouched.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let shown = target.display().to_string();
    let io = |e: std::io::Error| CoreError::io(shown.clone(), &e);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().ok_or_else(|| io(std::io::Error::other("not a file name")))?;
    if target.is_dir() {
        return Err(io(std::io::Error::other("a folder has this name")));
    }
    let temp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, target)?;
        sync_folder(&dir);
        Ok(())
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        io(e)
    })
}

/// Makes the rename itself durable (Unix: the folder's entry is flushed). Best effort: some
/// file systems refuse to sync a folder, and the file's bytes are already on disk.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_name_gets_the_purpose_extension_once() {
        assert_eq!(FilePurpose::Xlsx.file_name("团队报告-2026-12-06"), "团队报告-2026-12-06.xlsx");
        assert_eq!(FilePurpose::Xlsx.file_name("报告.XLSX"), "报告.XLSX");
        assert_eq!(FilePurpose::Png.file_name("华东精密.v2"), "华东精密.v2.png");
        assert_eq!(FilePurpose::NewDatabase.file_name("dossier"), "dossier.sqlite");
    }

    #[test]
    fn an_export_never_lands_on_the_database_or_its_wal() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dossier.sqlite");
        std::fs::write(&db, b"db").unwrap();
        for name in ["dossier.sqlite", "dossier.sqlite-wal", "dossier.sqlite-shm", "dossier.sqlite-journal"] {
            let err = ensure_not_database(&dir.path().join(name), &db).unwrap_err();
            assert!(matches!(err, CoreError::WouldOverwriteDatabase { .. }), "{name}");
        }
        // The same file reached through `..` is still the database.
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        assert!(ensure_not_database(&sub.join("../dossier.sqlite"), &db).is_err());
        assert!(ensure_not_database(&dir.path().join("report.xlsx"), &db).is_ok());
        assert!(ensure_not_database(&sub.join("dossier.sqlite"), &db).is_ok(), "another folder");
    }

    #[test]
    fn an_atomic_write_replaces_the_file_or_leaves_it_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("报告.xlsx");
        write_atomically(&target, b"first").unwrap();
        write_atomically(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        // A folder in the way: refused, nothing left behind.
        let folder = dir.path().join("folder.xlsx");
        std::fs::create_dir(&folder).unwrap();
        assert!(matches!(write_atomically(&folder, b"x"), Err(CoreError::Io { .. })));
        // A folder that does not exist: refused, the old file elsewhere untouched.
        assert!(write_atomically(&dir.path().join("missing/报告.xlsx"), b"x").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
    }
}
