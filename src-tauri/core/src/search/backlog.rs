//! The search entries a large import leaves to be written after its commit: id ranges of the
//! customers it created (their contacts come with them) and of the contacts it added to
//! customers it did not create (`search_backlog`, `migrations/020_search_backlog.sql`).
//! Writing a hundred thousand entries into the three indexes takes several times as long as
//! the import's own rows, so the import records ranges instead and the entries follow a chunk
//! at a time (`Store::catch_up_search` in `customers/search.rs`, which knows what a customer and
//! a contact give the index). Until a range is done the search says it is catching up and
//! looks at those records' names directly (`customers/search.rs`).

use rusqlite::{params, Connection, OptionalExtension};

use super::HitKind;
use crate::error::Result;

/// The next ids to index: a part of one recorded range.
pub(crate) struct Chunk {
    row: i64,
    pub kind: HitKind,
    pub first: i64,
    /// The last id of this chunk (inclusive).
    pub last: i64,
    /// The last id of the whole range.
    range_last: i64,
}

/// Ids collected in the order they were made, kept as runs of consecutive ids `(first, last)`:
/// the records a large import creates in one transaction get consecutive ids, so a hundred
/// thousand of them are one run (what the backlog and the import's history record).
#[derive(Default, Debug, Clone, PartialEq)]
pub(crate) struct IdRuns(Vec<(i64, i64)>);

impl IdRuns {
    pub fn push(&mut self, id: i64) {
        match self.0.last_mut() {
            Some((_, last)) if id == *last + 1 => *last = id,
            _ => self.0.push((id, id)),
        }
    }

    /// The runs, in the order their first ids were pushed.
    pub fn runs(&self) -> &[(i64, i64)] {
        &self.0
    }
}

/// Records the ids `ids` of `kind` (created in this transaction) as still to be indexed, one
/// range per run.
pub(crate) fn add(conn: &Connection, kind: HitKind, ids: &IdRuns) -> Result<()> {
    let mut insert = conn.prepare_cached("INSERT INTO search_backlog (kind, first_id, last_id) VALUES (?1, ?2, ?3)")?;
    for (first, last) in ids.runs() {
        insert.execute(params![kind.code(), first, last])?;
    }
    Ok(())
}

/// How many customers (each with its contacts) and added contacts are still to be indexed
/// (some may have been deleted since: those are skipped when their turn comes).
pub fn pending(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(sum(last_id - first_id + 1), 0) FROM search_backlog")?
        .query_row([], |r| r.get(0))?)
}

/// At most `max` ids of the oldest range, customers before contacts (a contact's entry shows
/// its customer's name, which is then already findable).
pub(crate) fn next_chunk(conn: &Connection, max: usize) -> Result<Option<Chunk>> {
    let row = conn
        .prepare_cached(
            "SELECT id, kind, first_id, last_id FROM search_backlog
             ORDER BY kind = 'contact', id LIMIT 1",
        )?
        .query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    Ok(row.map(|(row, kind, first, range_last): (i64, String, i64, i64)| Chunk {
        row,
        kind: HitKind::from_code(&kind).unwrap_or(HitKind::Customer),
        first,
        last: range_last.min(first.saturating_add(max.max(1) as i64 - 1)),
        range_last,
    }))
}

/// Marks `chunk` as indexed.
pub(crate) fn done(conn: &Connection, chunk: &Chunk) -> Result<()> {
    if chunk.last >= chunk.range_last {
        conn.prepare_cached("DELETE FROM search_backlog WHERE id = ?1")?.execute([chunk.row])?;
    } else {
        conn.prepare_cached("UPDATE search_backlog SET first_id = ?2 WHERE id = ?1")?
            .execute(params![chunk.row, chunk.last + 1])?;
    }
    Ok(())
}

/// The SQL condition "`column` is an id of `kind` still to be indexed".
pub(crate) fn pending_condition(kind: HitKind, column: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM search_backlog b WHERE b.kind = '{}' AND {column} BETWEEN b.first_id AND b.last_id)",
        kind.code()
    )
}
