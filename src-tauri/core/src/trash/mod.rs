//! The trash (回收站): deleted customers (with everything that hangs off them), contacts, visit
//! summaries and opportunities stay for `Settings::trash_days` (default 30), listed newest
//! first and restorable one by one in any order, across restarts. They leave for good only by
//! age ([`Store::purge_expired_trash`], at start-up) or by an explicit purge of one entry or of
//! the whole trash.
//!
//! How a record waits there depends on what hangs off it:
//! - a customer or a contact is *marked* (`deleted_at`) and taken out of search. Every read
//!   already skips marked rows, and a customer's contacts, deals, summaries, actions,
//!   purchases, power map and trend cache stay in place untouched, so restoring is clearing
//!   the mark (copying a customer's thousands of purchase records out and back would be the
//!   slow, risky way to do the same);
//! - a visit summary (with its next actions) or an opportunity (with its stage history) is
//!   *copied out* into the entry's `kept` JSON ([`crate::trash::snapshot`]) and deleted, so none of
//!   the many queries over summaries, actions and deals (risk lights, pipeline, home, exports,
//!   timeline) has to learn to skip them. Restoring puts the rows back, under new ids when
//!   records created meanwhile took the old ones.
//!
//! Each entry is one row of the `trash` table (migration 009) with what went with it
//! ([`TrashContents`], counted at the delete). An entry belongs to its customer: purging the
//! customer for good takes its contacts', summaries' and deals' entries with it.

mod delete;
pub(crate) mod removal;
mod restore;
pub(crate) mod snapshot;

use rusqlite::{params, Connection, OptionalExtension};

use crate::customers::{DeletedKind, Restored, TrashContents, TrashEntry, TrashPage};
use crate::error::{CoreError, Result};
use crate::Store;

pub(crate) use delete::{trash_contact, trash_customer, trash_opportunity, trash_visit};

/// What goes into a new entry.
pub(crate) struct NewEntry {
    pub kind: DeletedKind,
    pub ref_id: i64,
    pub customer_id: i64,
    pub name: String,
    pub contents: TrashContents,
    /// What restoring needs besides the marked record: rows copied out, links the delete cut.
    pub kept: serde_json::Value,
    pub import_id: Option<i64>,
}

fn put(conn: &Connection, e: &NewEntry, deleted_at: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO trash (kind, ref_id, customer_id, name, deleted_at, import_id, contents, kept)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        e.kind.code(),
        e.ref_id,
        e.customer_id,
        e.name,
        deleted_at,
        e.import_id,
        serde_json::to_string(&e.contents).expect("counts serialise"),
        e.kept.to_string(),
    ])?;
    Ok(())
}

/// An entry as stored, for restoring or purging it.
struct Stored {
    id: i64,
    kind: DeletedKind,
    ref_id: i64,
    customer_id: i64,
    name: String,
    kept: serde_json::Value,
}

fn load(conn: &Connection, id: i64) -> Result<Stored> {
    let row: Option<(String, i64, i64, String, String)> = conn
        .query_row("SELECT kind, ref_id, customer_id, name, kept FROM trash WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let (kind, ref_id, customer_id, name, kept) = row.ok_or_else(|| CoreError::not_found("trash", id))?;
    // An entry of a kind a newer version wrote cannot be restored by this one.
    let kind = DeletedKind::from_code(&kind).ok_or_else(|| CoreError::not_found("trash", id))?;
    Ok(Stored { id, kind, ref_id, customer_id, name, kept: serde_json::from_str(&kept).unwrap_or_default() })
}

/// Removes an entry for good: a marked customer or contact leaves its table (a customer with
/// everything that hangs off it, its other entries included); copied-out rows go with the entry.
fn purge(conn: &Connection, e: &Stored) -> Result<()> {
    match e.kind {
        DeletedKind::Customer => {
            conn.execute("DELETE FROM customer WHERE id = ?1 AND deleted_at IS NOT NULL", [e.ref_id])?;
        }
        DeletedKind::Contact => {
            conn.execute("DELETE FROM contact WHERE id = ?1 AND deleted_at IS NOT NULL", [e.ref_id])?;
        }
        DeletedKind::Visit | DeletedKind::Opportunity => {}
    }
    conn.execute("DELETE FROM trash WHERE id = ?1", [e.id])?;
    Ok(())
}

/// `deleted_at` moved by `days` (timestamps are UTC `YYYY-MM-DDTHH:MM:SSZ`).
fn shifted(timestamp: &str, days: i64) -> String {
    chrono::DateTime::parse_from_rfc3339(timestamp)
        .map(|t| (t + chrono::Duration::days(days)).format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|_| timestamp.to_string())
}

impl Store {
    /// A page of the trash, newest first.
    pub fn trash(&self, limit: i64, offset: i64) -> Result<TrashPage> {
        let days = self.settings()?.trash_days;
        let total = self.conn.query_row("SELECT count(*) FROM trash", [], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(
            "SELECT t.id, t.kind, t.ref_id, t.customer_id, c.name, t.name, t.deleted_at, t.import_id, t.contents
             FROM trash t JOIN customer c ON c.id = t.customer_id
             ORDER BY t.deleted_at DESC, t.id DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = st.query_map(params![limit.clamp(0, 500), offset.max(0)], |r| {
            let kind: String = r.get(1)?;
            let deleted_at: String = r.get(6)?;
            let contents: String = r.get(8)?;
            Ok((
                kind,
                TrashEntry {
                    id: r.get(0)?,
                    kind: DeletedKind::Customer,
                    record_id: r.get(2)?,
                    customer_id: r.get(3)?,
                    customer_name: r.get(4)?,
                    name: r.get(5)?,
                    expires_at: shifted(&deleted_at, days),
                    deleted_at,
                    import_id: r.get(7)?,
                    contents: serde_json::from_str(&contents).unwrap_or_default(),
                },
            ))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (kind, mut entry) = row?;
            // Kinds a newer version wrote are left out rather than shown as something else.
            let Some(kind) = DeletedKind::from_code(&kind) else { continue };
            entry.kind = kind;
            entries.push(entry);
        }
        Ok(TrashPage { entries, total })
    }

    /// Ctrl+Z / 撤销: restores the newest entry a delete put in the trash (not those of an
    /// undone import); `None` when there is none.
    pub fn undo_delete(&self) -> Result<Option<Restored>> {
        let newest: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM trash WHERE import_id IS NULL ORDER BY deleted_at DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        newest.map(|id| self.restore_trash(id)).transpose()
    }

    /// 永久删除 of one entry. Purging a customer also purges the entries of its contacts,
    /// summaries and deals.
    pub fn purge_trash(&self, id: i64) -> Result<()> {
        let e = load(&self.conn, id)?;
        let tx = self.conn.unchecked_transaction()?;
        purge(&tx, &e)?;
        tx.commit()?;
        Ok(())
    }

    /// 清空回收站: purges every entry; returns how many there were.
    pub fn empty_trash(&self) -> Result<i64> {
        self.purge_where("1 = 1", &[])
    }

    /// Purges the entries older than `Settings::trash_days` (the app calls it at start-up);
    /// returns how many left.
    pub fn purge_expired_trash(&self) -> Result<i64> {
        let cutoff = shifted(&self.clock.timestamp(), -self.settings()?.trash_days);
        self.purge_where("deleted_at <= ?1", &[&cutoff])
    }

    fn purge_where(&self, condition: &str, args: &[&dyn rusqlite::ToSql]) -> Result<i64> {
        let tx = self.conn.unchecked_transaction()?;
        let ids: Vec<i64> = tx
            .prepare(&format!("SELECT id FROM trash WHERE {condition} ORDER BY id"))?
            .query_map(args, |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut purged = 0;
        for id in ids {
            // An earlier customer's purge may have taken this entry with it.
            match load(&tx, id) {
                Ok(e) => purge(&tx, &e)?,
                Err(CoreError::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
            purged += 1;
        }
        tx.commit()?;
        Ok(purged)
    }
}

/// Migration 009's hook: what the one-entry undo bin of earlier versions held (marked
/// customers and contacts, the `last_delete` setting with a summary's rows or a contact's cut
/// links) becomes trash entries instead of lingering unseen. Marked records keep their
/// `deleted_at`; a summary, which has none, counts from the migration (SQLite's clock: a
/// migration has no [`crate::Clock`]).
pub(crate) fn adopt_undo_bin(conn: &Connection) -> Result<()> {
    let last: serde_json::Value = conn
        .query_row("SELECT value FROM setting WHERE key = 'last_delete'", [], |r| r.get::<_, String>(0))
        .optional()?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default();
    let last_is =
        |kind: DeletedKind, id: i64| last["kind"].as_str() == Some(kind.code()) && last["id"].as_i64() == Some(id);
    let marked = |sql: &str| -> Result<Vec<(i64, String)>> {
        Ok(conn.prepare(sql)?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?)
    };
    for (id, deleted_at) in marked("SELECT id, deleted_at FROM customer WHERE deleted_at IS NOT NULL")? {
        delete::trash_customer(conn, id, &deleted_at, None)?;
    }
    let contacts = marked(
        "SELECT ct.id, ct.deleted_at FROM contact ct JOIN customer c ON c.id = ct.customer_id
         WHERE ct.deleted_at IS NOT NULL AND c.deleted_at IS NULL",
    )?;
    for (id, deleted_at) in contacts {
        let (customer_id, name): (i64, String) =
            conn.query_row("SELECT customer_id, name FROM contact WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let kept = if last_is(DeletedKind::Contact, id) { last["kept"].clone() } else { serde_json::Value::Null };
        let entry = NewEntry {
            kind: DeletedKind::Contact,
            ref_id: id,
            customer_id,
            name,
            contents: TrashContents::default(),
            kept,
            import_id: None,
        };
        put(conn, &entry, &deleted_at)?;
    }
    let kept = &last["kept"];
    if let (true, Some(id), Some(customer_id)) = (
        last["kind"].as_str() == Some(DeletedKind::Visit.code()),
        last["id"].as_i64(),
        kept["visit"][0]["customer_id"].as_i64(),
    ) {
        let exists: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM customer WHERE id = ?1)", [customer_id], |r| r.get(0))?;
        if exists {
            let now: String = conn.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| r.get(0))?;
            let actions = kept["actions"].as_array().map_or(0, |a| a.len() as i64);
            let entry = NewEntry {
                kind: DeletedKind::Visit,
                ref_id: id,
                customer_id,
                name: kept["name"].as_str().unwrap_or_default().to_string(),
                contents: TrashContents { actions, ..Default::default() },
                kept: serde_json::json!({ "visit": kept["visit"], "actions": kept["actions"] }),
                import_id: None,
            };
            put(conn, &entry, &now)?;
        }
    }
    conn.execute("DELETE FROM setting WHERE key = 'last_delete'", [])?;
    Ok(())
}
