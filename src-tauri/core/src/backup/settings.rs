//! The backup folder and rotation, stored in the database's `setting` table under their own
//! key (not in [`crate::settings::Settings`]): a restore puts back the snapshot's settings but
//! keeps these, and the snapshot before a migration reads them from a file of any version.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Reason, Result};

const KEY: &str = "backup";

/// Where snapshots go and how many the rotation keeps (see [`super::rotation`]). Fields
/// missing from a stored value read with the defaults.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct BackupSettings {
    /// The folder the user chose (e.g. a synced cloud folder); `None`: `<stem>-backups/`
    /// beside the database. A relative path is relative to the database's folder.
    pub folder: Option<String>,
    /// The newest snapshot of each of this many most recent days is kept (1–365).
    pub keep_daily: i64,
    /// … of this many most recent ISO weeks (0–520).
    pub keep_weekly: i64,
    /// … of this many most recent months (0–1200).
    pub keep_monthly: i64,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings { folder: None, keep_daily: 7, keep_weekly: 4, keep_monthly: 12 }
    }
}

impl BackupSettings {
    /// Trims the folder (blank = the default) and checks the counts' ranges.
    pub fn validated(&self) -> Result<BackupSettings> {
        let folder = self.folder.as_deref().map(str::trim).filter(|f| !f.is_empty()).map(str::to_string);
        for (field, value, min, max) in [
            ("keepDaily", self.keep_daily, 1, 365),
            ("keepWeekly", self.keep_weekly, 0, 520),
            ("keepMonthly", self.keep_monthly, 0, 1200),
        ] {
            if !(min..=max).contains(&value) {
                return Err(CoreError::validation_detail(field, Reason::OutOfRange, format!("{min}–{max}")));
            }
        }
        Ok(BackupSettings { folder, ..self.clone() })
    }
}

/// The stored settings, or the defaults (none stored, a value that does not parse, or a file
/// without the `setting` table).
pub fn load(conn: &Connection) -> BackupSettings {
    conn.query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| r.get::<_, String>(0))
        .optional()
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

pub fn save(conn: &Connection, settings: &BackupSettings) -> Result<()> {
    let json = serde_json::to_string(settings).expect("backup settings serialise");
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [KEY, &json],
    )?;
    Ok(())
}
