//! Backups of the database file: verified snapshots in a folder the user may change, kept by a
//! rotation, and restore.
//!
//! - [`name`]: a snapshot's file name says when (UTC, sortable) and why it was taken;
//! - [`folder`]: where snapshots go (beside the database unless the user chose a folder) and
//!   what a file-system failure means to the user (missing folder, not writable, disk full);
//! - [`copy`]: a consistent copy of an open database (SQLite's online backup API), verified
//!   before it counts;
//! - [`rotation`]: which snapshots are kept;
//! - [`settings`]: the folder and the rotation, stored in the database;
//! - the store's side (`backup/store.rs`): taking, listing, the automatic triggers, restore.
//!
//! Automatic snapshots (the daily one, before a migration, an import or the undo of an
//! import) never stop what they precede: a failure is kept in the store as a
//! [`BackupWarning`] for the caller to show (`Store::take_backup_warning`). A snapshot the
//! user asks for (立即备份) and the one a restore takes first fail with the typed error.

pub mod copy;
pub mod folder;
pub mod name;
pub mod rotation;
pub mod settings;
pub(crate) mod store;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use settings::BackupSettings;

use crate::error::CoreError;

/// Why a snapshot was taken (the last part of its file name).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum SnapshotReason {
    /// The first start of a day.
    Daily,
    /// 立即备份.
    Manual,
    BeforeMigration,
    BeforeImport,
    BeforeUndoImport,
    BeforeRestore,
}

impl SnapshotReason {
    pub const ALL: [SnapshotReason; 6] = [
        SnapshotReason::Daily,
        SnapshotReason::Manual,
        SnapshotReason::BeforeMigration,
        SnapshotReason::BeforeImport,
        SnapshotReason::BeforeUndoImport,
        SnapshotReason::BeforeRestore,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SnapshotReason::Daily => "daily",
            SnapshotReason::Manual => "manual",
            SnapshotReason::BeforeMigration => "before-migration",
            SnapshotReason::BeforeImport => "before-import",
            SnapshotReason::BeforeUndoImport => "before-undo-import",
            SnapshotReason::BeforeRestore => "before-restore",
        }
    }

    pub fn from_code(code: &str) -> Option<SnapshotReason> {
        SnapshotReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What a snapshot holds, read from the snapshot file itself (not counting the undo bin).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotCounts {
    pub customers: i64,
    pub contacts: i64,
    /// Visit summaries (0 in a file written before they existed).
    pub visits: i64,
}

/// One snapshot in the backup folder.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// The file name (what a restore from the list names).
    pub file: String,
    /// The full path, to show.
    pub path: String,
    /// When it was taken, UTC (`2026-11-23T12:00:00Z`, like every stored timestamp).
    pub taken_at: String,
    pub reason: SnapshotReason,
    pub bytes: i64,
    /// `None` when the file cannot be read (damaged since it was taken).
    pub counts: Option<SnapshotCounts>,
}

/// An automatic snapshot that failed; what it preceded went ahead.
#[derive(Serialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupWarning {
    pub reason: SnapshotReason,
    pub error: CoreError,
}
