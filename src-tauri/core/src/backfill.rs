//! Running the data back-fills a migrated file still needs (`db/backfill.rs` records which):
//! one function per back-fill, each in the folder of the feature whose data it fills, run at
//! the latest schema and in one transaction with clearing the record.

use rusqlite::Connection;

use crate::db::backfill::{self, Backfill};
use crate::error::Result;

/// Runs the recorded back-fills, if any. A failure rolls them all back and leaves them
/// recorded for the next open.
pub(crate) fn run_pending(conn: &Connection) -> Result<()> {
    let pending = backfill::pending(conn)?;
    if pending.is_empty() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    for b in pending {
        match b {
            Backfill::SearchUnigrams => crate::search::index::fill_unigrams(&tx)?,
            Backfill::PowerMapStatus => crate::powermap::store::refresh_all_statuses(&tx)?,
            Backfill::UndoBinToTrash => crate::trash::adopt_undo_bin(&tx)?,
            Backfill::NameKeys => crate::customers::store::rekey_names(&tx)?,
            Backfill::SearchReadings => crate::customers::store::reindex_all(&tx)?,
            Backfill::SearchRecords => {
                crate::customers::search::index_all_suppliers(&tx)?;
                crate::visits::search::reindex_all(&tx)?;
                crate::opportunities::search::reindex_all(&tx)?;
            }
        }
    }
    backfill::clear(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Rebuilds the search index from the records, its tables found damaged after the open
/// (`db/search_tables.rs`): emptied, then the deals', records' and suppliers' entries written at
/// once and every customer with its contacts queued for the catch-up, as after a large import
/// (`customers/catch_up.rs`: the search finds them by name meanwhile).
pub(crate) fn rebuild_search(conn: &Connection) -> Result<()> {
    crate::db::search_tables::recreate(conn, |tx| {
        crate::customers::catch_up::queue_all(tx)?;
        crate::customers::search::index_all_suppliers(tx)?;
        crate::visits::search::reindex_all(tx)?;
        crate::opportunities::search::reindex_all(tx)
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::FixedClock;
    use crate::Store;

    /// A file at schema version 4 with one customer and its search entry (no unigram index yet).
    fn version_4_file(path: &std::path::Path) {
        let conn = Connection::open(path).unwrap();
        for sql in &crate::db::MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute_batch(
            "INSERT INTO customer (id, name, name_key, created_at, updated_at)
             VALUES (7, '华东钢铁集团', '华东钢铁集团', 'x', 'x');
             INSERT INTO search_entry (kind, ref_id, customer_id, title, subtitle, names, initials, body)
             VALUES ('customer', 7, 7, '华东钢铁集团', '', '华东钢铁集团 华钢', 'hdgtjt', '华东钢铁集团 华钢');",
        )
        .unwrap();
    }

    fn unigram_rows(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM search_uni", [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn back_fills_interrupted_after_the_migration_run_at_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.sqlite");
        version_4_file(&path);
        {
            // Migrated, then "crashed" before the back-fills ran.
            let (conn, _lock) = crate::db::open(&path).unwrap();
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            assert_eq!(version, crate::db::latest_version());
            assert_eq!(backfill::pending(&conn).unwrap(), Backfill::ALL);
            assert_eq!(unigram_rows(&conn), 0);
        }
        let store = Store::open(&path, Arc::new(FixedClock::on(2026, 11, 23))).unwrap();
        assert_eq!(backfill::pending(store.connection()).unwrap(), []);
        assert_eq!(unigram_rows(store.connection()), 1, "the unigram index of the old entry");
        assert_eq!(store.search("钢", 8).unwrap().customers.len(), 1);
    }

    #[test]
    fn a_new_or_current_file_has_nothing_to_back_fill() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        let (conn, _lock) = crate::db::open(&path).unwrap();
        assert_eq!(backfill::pending(&conn).unwrap(), []);
        drop((conn, _lock));
        let (conn, _lock) = crate::db::open(&path).unwrap();
        assert_eq!(backfill::pending(&conn).unwrap(), []);
    }
}
