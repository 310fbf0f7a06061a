//! User settings (thresholds), stored as JSON in the `setting` table.

use rusqlite::{params, OptionalExtension};

use crate::error::Result;
use crate::settings::{validate, Settings};
use crate::Store;

const KEY: &str = "settings";

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let raw: Option<String> =
            self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| r.get(0)).optional()?;
        // A value from another version that does not parse falls back to the defaults.
        Ok(raw.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<Settings> {
        let settings = &tidy(settings);
        validate::settings(settings)?;
        let json = serde_json::to_string(settings).expect("settings serialise");
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![KEY, json],
        )?;
        self.settings()
    }
}

/// 「我的负责人姓名」 names are compared exactly with the owners written on actions (which are saved
/// trimmed): "李明 " would match nothing and leave 今日 empty without a word. So names are
/// trimmed and repeats dropped before they are checked and kept.
fn tidy(settings: &Settings) -> Settings {
    let mut tidy = settings.clone();
    let mut seen = std::collections::HashSet::new();
    tidy.notify.owners =
        settings.notify.owners.iter().map(|o| o.trim().to_string()).filter(|o| seen.insert(o.clone())).collect();
    tidy.notify.time = settings.notify.time.trim().to_string();
    tidy
}
