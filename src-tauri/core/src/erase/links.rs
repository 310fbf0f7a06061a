//! The places that hold a person by id, cut exactly: the power map's history, visit
//! participants, opportunities' key persons, and the same inside the trash's copies.

use rusqlite::{params, Connection};
use serde_json::Value as Json;

use crate::error::Result;
use crate::powermap::state::{EDGE, REPORTS_TO};
use crate::visits::Participant;

/// A visit's customer participants (JSON) without the person; `None` when they were not there.
pub(super) fn without_participant(participants: &str, id: i64) -> Option<String> {
    let list: Vec<Participant> = serde_json::from_str(participants).ok()?;
    let kept: Vec<&Participant> = list.iter().filter(|p| p.contact_id != id).collect();
    (kept.len() < list.len()).then(|| serde_json::to_string(&kept).expect("participants serialise"))
}

/// An opportunity's key persons (JSON ids) without the person; `None` when they were not one.
pub(super) fn without_key_person(key_persons: &str, id: i64) -> Option<String> {
    let list: Vec<i64> = serde_json::from_str(key_persons).ok()?;
    let kept: Vec<i64> = list.iter().copied().filter(|k| *k != id).collect();
    (kept.len() < list.len()).then(|| serde_json::to_string(&kept).expect("ids serialise"))
}

/// Rewrites column `column` of the rows of `table` of the customer with `rewrite`; returns how
/// many rows changed.
fn rewrite_column(
    conn: &Connection,
    table: &str,
    column: &str,
    customer_id: i64,
    rewrite: &dyn Fn(&str) -> Option<String>,
) -> Result<i64> {
    let rows: Vec<(i64, String)> = conn
        .prepare(&format!("SELECT id, {column} FROM {table} WHERE customer_id = ?1"))?
        .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut changed = 0;
    for (row, value) in rows {
        if let Some(new) = rewrite(&value) {
            conn.execute(&format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"), params![row, new])?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Removes the person from the customer's visit summaries' participants; returns how many.
pub(super) fn visits(conn: &Connection, customer_id: i64, id: i64) -> Result<i64> {
    rewrite_column(conn, "visit", "customer_participants", customer_id, &|v| without_participant(v, id))
}

/// Removes the person from the customer's opportunities' key persons; returns how many.
pub(super) fn opportunities(conn: &Connection, customer_id: i64, id: i64) -> Result<i64> {
    rewrite_column(conn, "opportunity", "key_persons", customer_id, &|v| without_key_person(v, id))
}

fn names(v: &Json, id: i64) -> bool {
    v["id"].as_i64() == Some(id)
}

/// The customer's power-map history without the person: rows about them and edges to or from
/// them are removed; another contact's reports-to change keeps its other side. Returns
/// (removed, rewritten).
pub(super) fn history(conn: &Connection, customer_id: i64, id: i64) -> Result<(i64, i64)> {
    /// A history row: id, kind, the contact it is about, the values before and after (JSON).
    type Row = (i64, String, i64, Option<String>, Option<String>);
    let rows: Vec<Row> = conn
        .prepare("SELECT id, kind, contact_id, old, new FROM power_history WHERE customer_id = ?1")?
        .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let parse =
        |v: &Option<String>| v.as_deref().and_then(|s| serde_json::from_str::<Json>(s).ok()).unwrap_or_default();
    let (mut removed, mut rewritten) = (0, 0);
    for (row, kind, about, old, new) in rows {
        let (before, after) = (parse(&old), parse(&new));
        let edge_of_theirs =
            kind == EDGE && [&before, &after].iter().any(|e| names(&e["from"], id) || names(&e["to"], id));
        if about == id || edge_of_theirs {
            conn.execute("DELETE FROM power_history WHERE id = ?1", [row])?;
            removed += 1;
        } else if kind == REPORTS_TO && (names(&before, id) || names(&after, id)) {
            let old = if names(&before, id) { None } else { old };
            let new = if names(&after, id) { None } else { new };
            if old.is_none() && new.is_none() {
                conn.execute("DELETE FROM power_history WHERE id = ?1", [row])?;
                removed += 1;
            } else {
                conn.execute("UPDATE power_history SET old = ?2, new = ?3 WHERE id = ?1", params![row, old, new])?;
                rewritten += 1;
            }
        }
    }
    Ok((removed, rewritten))
}

/// What [`trash_copies`] changed.
#[derive(Default)]
pub(super) struct TrashCopies {
    pub entries: i64,
    pub visits: i64,
    pub opportunities: i64,
}

/// Rewrites `column` of each row copied under `key` in a trash entry's `kept`; returns how many
/// rows changed.
fn rewrite_copies(kept: &mut Json, key: &str, column: &str, rewrite: &dyn Fn(&str) -> Option<String>) -> i64 {
    let Some(rows) = kept.get_mut(key).and_then(Json::as_array_mut) else { return 0 };
    let mut changed = 0;
    for cell in rows.iter_mut().filter_map(|row| row.get_mut(column)) {
        if let Some(new) = cell.as_str().and_then(rewrite) {
            *cell = new.into();
            changed += 1;
        }
    }
    changed
}

/// The person out of the customer's trash entries' copies: a trashed summary's participants, a
/// trashed deal's key persons, a trashed contact's cut edges and reports-to links (restoring
/// them would reach for someone who is gone).
pub(super) fn trash_copies(conn: &Connection, customer_id: i64, id: i64) -> Result<TrashCopies> {
    let entries: Vec<(i64, String)> = conn
        .prepare("SELECT id, kept FROM trash WHERE customer_id = ?1 AND kind IN ('visit', 'opportunity', 'contact')")?
        .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut done = TrashCopies::default();
    for (entry, kept) in entries {
        let Ok(mut kept) = serde_json::from_str::<Json>(&kept) else { continue };
        let visits = rewrite_copies(&mut kept, "visit", "customer_participants", &|p| without_participant(p, id));
        let deals = rewrite_copies(&mut kept, "opportunity", "key_persons", &|k| without_key_person(k, id));
        done.visits += visits;
        done.opportunities += deals;
        let mut changed = visits + deals > 0;
        // A trashed contact's detached edges are [id, scope, kind, from, to, label, created_at].
        if let Some(edges) = kept.get_mut("edges").and_then(Json::as_array_mut) {
            let before = edges.len();
            edges.retain(|e| e[3].as_i64() != Some(id) && e[4].as_i64() != Some(id));
            changed |= edges.len() < before;
        }
        if let Some(reports) = kept.get_mut("reports").and_then(Json::as_array_mut) {
            let before = reports.len();
            reports.retain(|r| r.as_i64() != Some(id));
            changed |= reports.len() < before;
        }
        if changed {
            conn.execute("UPDATE trash SET kept = ?2 WHERE id = ?1", params![entry, kept.to_string()])?;
            done.entries += 1;
        }
    }
    Ok(done)
}
