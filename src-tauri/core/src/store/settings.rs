//! User settings (thresholds), stored as JSON in the `setting` table.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;
use crate::model::Settings;

const KEY: &str = "settings";

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| r.get(0))
            .optional()?;
        // A value from another version that does not parse falls back to the defaults.
        Ok(raw.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<Settings> {
        crate::validate::settings(settings)?;
        let json = serde_json::to_string(settings).expect("settings serialise");
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![KEY, json],
        )?;
        self.settings()
    }
}
