//! The search index's tables (`search_*`: the entries, their FTS5 indexes, the items, the
//! backlog): derived data, written from the records (`search/`), so damage to them costs a
//! rebuild, never anything a user made. Opening a file therefore checks only the other tables
//! ([`super::open`]); these are checked right after ([`check`], on a read-only connection of
//! its own, off the path the first screen waits on: about 0.4 s of B-trees at 100k customers)
//! and, when damaged, emptied ([`recreate`]) for the caller to fill again.

use std::path::Path;

use rusqlite::Connection;

use super::{corrupt_or_io, identify, quick_check};
use crate::error::{CoreError, Result};

/// Which of a file's tables, indexes and virtual tables belong to the search index.
const SEARCH_OBJECTS: &str = "(name LIKE 'search\\_%' ESCAPE '\\' OR tbl_name LIKE 'search\\_%' ESCAPE '\\')";

/// The read-only check of the search index's B-trees of the (open) database at `path`: `None`
/// when they are sound, else what SQLite found wrong. An error when the file cannot be read at
/// all.
pub fn check(path: &Path) -> Result<Option<String>> {
    let shown = path.display().to_string();
    let Some((conn, _)) = identify(path)? else {
        return Ok(None);
    };
    match quick_check(&conn, true) {
        Ok(found) => Ok(found),
        // A page too damaged for the check to walk is reported as an error rather than a row.
        Err(e) => match corrupt_or_io(&shown, e) {
            CoreError::Corrupt { detail, .. } => Ok(Some(detail)),
            e => Err(e),
        },
    }
}

/// Replaces the search index's tables with empty ones of the same schema (what `sqlite_master`
/// says they are), outside any transaction of the caller's, and runs `fill` in the transaction
/// that creates them. Dropping a table walks its B-tree, which fails on a damaged page; then the
/// tables are taken out of the schema instead and the file is vacuumed, which leaves out the
/// damaged pages (otherwise still allocated, they would fail the backups' `integrity_check`).
pub(crate) fn recreate(conn: &Connection, fill: impl Fn(&Connection) -> Result<()>) -> Result<()> {
    // The virtual tables create their shadow tables (`search_fts_data`…) themselves.
    let shadow = "name IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')";
    let schema: Vec<String> = conn
        .prepare(&format!(
            "SELECT sql FROM sqlite_master WHERE {SEARCH_OBJECTS} AND sql IS NOT NULL AND NOT {shadow}
             ORDER BY type = 'index', rowid"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let tables: Vec<String> = conn
        .prepare(&format!("SELECT name FROM sqlite_master WHERE type = 'table' AND {SEARCH_OBJECTS} AND NOT {shadow}"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let create = |tx: &Connection| -> Result<()> {
        for sql in &schema {
            tx.execute_batch(sql)?;
        }
        fill(tx)
    };
    let tx = conn.unchecked_transaction()?;
    let dropped = tables.iter().try_for_each(|t| tx.execute_batch(&format!("DROP TABLE IF EXISTS \"{t}\"")));
    match dropped {
        Ok(()) => {
            create(&tx)?;
            tx.commit()?;
            Ok(())
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            tx.rollback()?;
            forget(conn)?;
            let tx = conn.unchecked_transaction()?;
            create(&tx)?;
            tx.commit()?;
            conn.execute_batch("VACUUM")?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Takes the search index's tables out of the schema without reading their pages.
fn forget(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "writable_schema", true)?;
    let removed = conn.execute_batch(&format!("DELETE FROM sqlite_master WHERE {SEARCH_OBJECTS}"));
    // RESET also reloads the schema the connection holds.
    conn.pragma_update(None, "writable_schema", "RESET")?;
    Ok(removed?)
}
