//! Which data back-fills a file still needs after migrating. The migrations are plain SQL
//! (schema only); some versions also need their data filled in by code — the unigram search
//! index, the power-map status lights, the old undo bin turned into trash entries, the
//! re-keyed customer names, the search index under every reading of the names, the index of the
//! follow-up records, deals and suppliers. That code lives with its feature and runs after the migration, at
//! the latest schema (`backfill.rs` at the crate root runs it), so it never meets an old one.
//!
//! Before an older file is migrated, the back-fills of the versions it is about to pass are
//! recorded in its `setting` table; running them and clearing the record happen in one
//! transaction. A crash between migrating and back-filling leaves them recorded, and the next
//! open runs them.

use rusqlite::{Connection, OptionalExtension};

/// A data back-fill, named for what it fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backfill {
    /// Version 5: the unigram index of the existing search entries.
    SearchUnigrams,
    /// Version 6: the power-map status light of the existing customers.
    PowerMapStatus,
    /// Version 9: what the old one-entry undo bin held, as trash entries.
    UndoBinToTrash,
    /// Version 10: the stored customer names re-keyed (invisible characters, NFKC).
    NameKeys,
    /// Version 11: every customer and contact re-indexed, their names under every reading.
    SearchReadings,
    /// Migration 013: the live follow-up records, deals and profile suppliers indexed.
    SearchRecords,
}

impl Backfill {
    /// Every back-fill, in the order of the versions that need them (the order they run in).
    pub const ALL: [Backfill; 6] = [
        Backfill::SearchUnigrams,
        Backfill::PowerMapStatus,
        Backfill::UndoBinToTrash,
        Backfill::NameKeys,
        Backfill::SearchReadings,
        Backfill::SearchRecords,
    ];

    /// The schema version whose migration needs it.
    pub fn version(self) -> i64 {
        match self {
            Backfill::SearchUnigrams => 5,
            Backfill::PowerMapStatus => 6,
            Backfill::UndoBinToTrash => 9,
            Backfill::NameKeys => 10,
            Backfill::SearchReadings => 11,
            Backfill::SearchRecords => 13,
        }
    }

    /// The back-fills a file migrated from version `from` needs (none for a new file).
    pub fn after(from: i64) -> Vec<Backfill> {
        Backfill::ALL.into_iter().filter(|b| from > 0 && b.version() > from).collect()
    }
}

/// The `setting` row that holds the versions of the back-fills still to run.
const KEY: &str = "pending_backfills";

/// Records the back-fills a file at version `from` needs, before it is migrated (added to any
/// still recorded).
pub(crate) fn record(conn: &Connection, from: i64) -> rusqlite::Result<()> {
    let needed = Backfill::after(from);
    if needed.is_empty() {
        return Ok(());
    }
    let mut versions = pending_versions(conn)?;
    versions.extend(needed.into_iter().map(Backfill::version));
    versions.sort_unstable();
    versions.dedup();
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        rusqlite::params![KEY, serde_json::to_string(&versions).expect("versions serialise")],
    )?;
    Ok(())
}

fn pending_versions(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let raw: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| r.get(0)).optional()?;
    Ok(raw.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default())
}

/// The back-fills recorded and not yet run, in the order they run in.
pub fn pending(conn: &Connection) -> rusqlite::Result<Vec<Backfill>> {
    let versions = pending_versions(conn)?;
    Ok(Backfill::ALL.into_iter().filter(|b| versions.contains(&b.version())).collect())
}

/// Clears the record, in the transaction that ran the back-fills.
pub fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM setting WHERE key = ?1", [KEY])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_needs_the_back_fills_of_the_versions_it_passes() {
        assert_eq!(Backfill::after(0), []);
        assert_eq!(Backfill::after(4), Backfill::ALL);
        assert_eq!(
            Backfill::after(6),
            [Backfill::UndoBinToTrash, Backfill::NameKeys, Backfill::SearchReadings, Backfill::SearchRecords]
        );
        assert_eq!(Backfill::after(10), [Backfill::SearchReadings, Backfill::SearchRecords]);
        assert_eq!(Backfill::after(11), [Backfill::SearchRecords]);
        assert_eq!(Backfill::after(12), [Backfill::SearchRecords]);
        assert_eq!(Backfill::after(13), []);
        assert!(Backfill::ALL.iter().all(|b| b.version() <= crate::db::latest_version()));
    }

    #[test]
    fn recorded_back_fills_add_up_until_cleared() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)").unwrap();
        record(&conn, 9).unwrap();
        assert_eq!(pending(&conn).unwrap(), [Backfill::NameKeys, Backfill::SearchReadings, Backfill::SearchRecords]);
        record(&conn, 5).unwrap();
        assert_eq!(
            pending(&conn).unwrap(),
            [
                Backfill::PowerMapStatus,
                Backfill::UndoBinToTrash,
                Backfill::NameKeys,
                Backfill::SearchReadings,
                Backfill::SearchRecords
            ]
        );
        clear(&conn).unwrap();
        assert_eq!(pending(&conn).unwrap(), []);
    }
}
