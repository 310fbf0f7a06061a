//! The power map in SQLite (see [`crate::powermap`] for the model and the decisions): loading
//! a scope's map, the history log, the cached status light, and the writes in the files
//! below. Every write validates first, runs in one transaction (a refusal leaves the map as
//! it was), appends its history rows, refreshes the status and returns the fresh
//! [`MapView`].

mod assessments;
mod contacts;
mod edges;
pub(crate) mod scopes;
mod seed;
mod views;

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection, OptionalExtension};

use crate::customers::store::{load_customer, touch_section};
use crate::customers::{BuyingRole, Coverage, EdgeKind, MapStatus, Section};
use crate::error::{CoreError, Result};
use crate::powermap::state::{HistoryRow, MapState, StateContact, StoredEdge};
use crate::powermap::status::Slot;
use crate::powermap::{view, Assessment, ContactRef, Point};
use crate::store::code;
use crate::Store;

pub(crate) use assessments::replace_account_roles;
pub(crate) use contacts::{detach_contact, restore_detached};
pub(crate) use edges::{check_no_cycle, record_reports_to};
pub(crate) use seed::seed_profile;

/// The stored scope id: 0 for the account-wide map.
pub(crate) fn db_scope(scope: Option<i64>) -> i64 {
    scope.unwrap_or(0)
}

/// The API's scope id: `None` for the account-wide map.
pub(crate) fn api_scope(scope: i64) -> Option<i64> {
    (scope != 0).then_some(scope)
}

/// The name of a named scope of `customer_id`; "" for the account-wide map.
pub(crate) fn scope_name(conn: &Connection, customer_id: i64, scope: Option<i64>) -> Result<String> {
    let Some(id) = scope else { return Ok(String::new()) };
    conn.prepare_cached("SELECT name FROM power_scope WHERE id = ?1 AND customer_id = ?2")?
        .query_row(params![id, customer_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::not_found("power_scope", id))
}

/// Checks that the customer is live and the scope is theirs; returns the scope's name.
pub(crate) fn check_scope(conn: &Connection, customer_id: i64, scope: Option<i64>) -> Result<String> {
    load_customer(conn, customer_id)?;
    scope_name(conn, customer_id, scope)
}

fn day(ts: &str) -> String {
    ts.get(..10).unwrap_or(ts).to_string()
}

/// The customer's contacts as the map needs them, in the profile's order (key persons
/// first). With `with_deleted`, also those in the trash (for past views).
pub(crate) fn load_contacts(conn: &Connection, customer_id: i64, with_deleted: bool) -> Result<Vec<StateContact>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, title, department, is_key_person, reports_to, created_at, deleted_at
         FROM contact WHERE customer_id = ?1 AND (deleted_at IS NULL OR ?2)
         ORDER BY is_key_person DESC, id",
    )?;
    let rows = st
        .query_map(params![customer_id, with_deleted], |r| {
            Ok(StateContact {
                id: r.get(0)?,
                name: r.get(1)?,
                title: r.get(2)?,
                department: r.get(3)?,
                is_key_person: r.get(4)?,
                reports_to: r.get(5)?,
                since: day(&r.get::<_, String>(6)?),
                deleted_on: r.get::<_, Option<String>>(7)?.map(|d| day(&d)),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

const ASSESSMENT_COLUMNS: &str =
    "contact_id, buying_role, support, influence, coverage, covered_by, evidence, assessed_on";

fn assessment_from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        contact_id: r.get(at)?,
        buying_role: code(r.get(at + 1)?, BuyingRole::from_code),
        support: r.get(at + 2)?,
        influence: r.get(at + 3)?,
        coverage: code(r.get(at + 4)?, Coverage::from_code),
        covered_by: r.get(at + 5)?,
        evidence: r.get(at + 6)?,
        assessed_on: r.get(at + 7)?,
    })
}

/// The assessments of one scope, by contact.
pub(crate) fn load_assessments(
    conn: &Connection,
    customer_id: i64,
    scope: Option<i64>,
) -> Result<BTreeMap<i64, Assessment>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ASSESSMENT_COLUMNS} FROM role_assessment WHERE customer_id = ?1 AND scope_id = ?2"
    ))?;
    let rows = st
        .query_map(params![customer_id, db_scope(scope)], |r| assessment_from_row(r, 0))?
        .map(|a| a.map(|a| (a.contact_id, a)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One contact's assessment in one scope.
pub(crate) fn load_assessment(conn: &Connection, scope: Option<i64>, contact_id: i64) -> Result<Option<Assessment>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ASSESSMENT_COLUMNS} FROM role_assessment WHERE scope_id = ?1 AND contact_id = ?2"
        ))?
        .query_row(params![db_scope(scope), contact_id], |r| assessment_from_row(r, 0))
        .optional()?)
}

/// The edges a scope shows: its own and the account-wide ones, by id.
pub(crate) fn load_edges(conn: &Connection, customer_id: i64, scope: Option<i64>) -> Result<Vec<StoredEdge>> {
    let mut st = conn.prepare_cached(
        "SELECT id, scope_id, kind, from_id, to_id, label FROM power_edge
         WHERE customer_id = ?1 AND scope_id IN (0, ?2) ORDER BY id",
    )?;
    let rows =
        st.query_map(params![customer_id, db_scope(scope)], edge_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().flatten().collect())
}

/// An edge from `id, scope_id, kind, from_id, to_id, label`; `None` for a kind this version
/// does not know (written by a newer one).
fn edge_from_row(r: &rusqlite::Row) -> rusqlite::Result<Option<StoredEdge>> {
    let Some(kind) = EdgeKind::from_code(&r.get::<_, String>(2)?) else { return Ok(None) };
    Ok(Some(StoredEdge {
        id: r.get(0)?,
        scope_id: api_scope(r.get(1)?),
        kind,
        from: r.get(3)?,
        to: r.get(4)?,
        label: r.get(5)?,
    }))
}

/// The required slots of one scope, in order.
pub(crate) fn load_slots(conn: &Connection, customer_id: i64, scope: Option<i64>) -> Result<Vec<Slot>> {
    let mut st = conn.prepare_cached(
        "SELECT id, buying_role, label FROM power_slot WHERE customer_id = ?1 AND scope_id = ?2
         ORDER BY position, id",
    )?;
    let rows = st
        .query_map(params![customer_id, db_scope(scope)], |r| {
            let Some(buying_role) = BuyingRole::from_code(&r.get::<_, String>(1)?) else { return Ok(None) };
            Ok(Some(Slot { id: r.get(0)?, buying_role, label: r.get(2)? }))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().flatten().collect())
}

/// Where the user dragged nodes in one scope.
pub(crate) fn load_positions(conn: &Connection, customer_id: i64, scope: Option<i64>) -> Result<HashMap<i64, Point>> {
    let mut st =
        conn.prepare_cached("SELECT contact_id, x, y FROM power_position WHERE customer_id = ?1 AND scope_id = ?2")?;
    let rows = st
        .query_map(params![customer_id, db_scope(scope)], |r| Ok((r.get(0)?, Point { x: r.get(1)?, y: r.get(2)? })))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Today's map of one scope (live contacts only).
pub(crate) fn load_state(conn: &Connection, customer_id: i64, scope: Option<i64>) -> Result<MapState> {
    let mut state = MapState {
        contacts: load_contacts(conn, customer_id, false)?,
        assessments: load_assessments(conn, customer_id, scope)?,
        edges: load_edges(conn, customer_id, scope)?,
    };
    state.keep_present();
    Ok(state)
}

/// The account-wide map's status light and reasons.
pub(crate) fn account_status(conn: &Connection, customer_id: i64) -> Result<MapStatus> {
    let state = MapState {
        contacts: load_contacts(conn, customer_id, false)?,
        assessments: load_assessments(conn, customer_id, None)?,
        edges: Vec::new(),
    };
    Ok(view::status_of(&state, &load_slots(conn, customer_id, None)?))
}

/// Recomputes the cached light of the account-wide map (`customer.power_status`).
pub(crate) fn refresh_status(conn: &Connection, customer_id: i64) -> Result<()> {
    let light = account_status(conn, customer_id)?.light;
    conn.prepare_cached("UPDATE customer SET power_status = ?2 WHERE id = ?1")?
        .execute(params![customer_id, light.code()])?;
    Ok(())
}

/// Recomputes what the customer row caches of its profile: the completeness and the
/// account-wide light (every write that can change either ends with this).
pub(crate) fn refresh_cached(conn: &Connection, customer_id: i64) -> Result<()> {
    crate::customers::store::refresh_completeness(conn, customer_id)?;
    refresh_status(conn, customer_id)
}

/// Recomputes the cached light of every customer with a power map (the migration's hook).
pub(crate) fn refresh_all_statuses(conn: &Connection) -> Result<()> {
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT customer_id FROM role_assessment WHERE scope_id = 0
             UNION SELECT customer_id FROM power_slot WHERE scope_id = 0",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        refresh_status(conn, id)?;
    }
    Ok(())
}

/// The customer's history rows, oldest first.
pub(crate) fn load_history(conn: &Connection, customer_id: i64) -> Result<Vec<HistoryRow>> {
    let mut st = conn.prepare_cached(
        "SELECT id, scope_id, kind, contact_id, contact_name, edge_id, changed_on, recorded_at, old, new
         FROM power_history WHERE customer_id = ?1 ORDER BY id",
    )?;
    let rows = st
        .query_map([customer_id], |r| {
            Ok(HistoryRow {
                id: r.get(0)?,
                scope_id: api_scope(r.get(1)?),
                kind: r.get(2)?,
                contact_id: r.get(3)?,
                contact_name: r.get(4)?,
                edge_id: r.get(5)?,
                changed_on: r.get(6)?,
                recorded_at: r.get(7)?,
                old: r.get(8)?,
                new: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One history row to append.
pub(crate) struct Change<'a> {
    pub customer_id: i64,
    pub scope: Option<i64>,
    pub kind: &'a str,
    pub contact: &'a ContactRef,
    pub edge_id: Option<i64>,
    /// The day the change should count from (clamped, see [`append_history`]).
    pub wanted_on: &'a str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The time a write happens: the stored timestamp and today's date.
pub(crate) struct Now {
    pub timestamp: String,
    pub today: String,
}

impl Now {
    pub fn of(store: &Store) -> Now {
        Now { timestamp: store.clock.timestamp(), today: store.clock.today().format("%Y-%m-%d").to_string() }
    }
}

/// Appends a history row. It counts from `wanted_on` but never after today nor before the
/// previous change of the same thing, so undoing changes newest-first replays them in order.
pub(crate) fn append_history(conn: &Connection, c: &Change, now: &Now) -> Result<()> {
    let previous: Option<String> = conn
        .prepare_cached(
            "SELECT max(changed_on) FROM power_history
             WHERE customer_id = ?1 AND kind = ?2 AND scope_id = ?3 AND contact_id = ?4
               AND edge_id IS ?5",
        )?
        .query_row(params![c.customer_id, c.kind, db_scope(c.scope), c.contact.id, c.edge_id], |r| r.get(0))?;
    let wanted = if c.wanted_on.is_empty() { now.today.as_str() } else { c.wanted_on.min(now.today.as_str()) };
    let on = match previous.as_deref() {
        Some(p) if p > wanted => p,
        _ => wanted,
    };
    conn.prepare_cached(
        "INSERT INTO power_history (customer_id, scope_id, kind, contact_id, contact_name, edge_id,
             changed_on, recorded_at, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        c.customer_id,
        db_scope(c.scope),
        c.kind,
        c.contact.id,
        c.contact.name,
        c.edge_id,
        on,
        now.timestamp,
        c.old,
        c.new
    ])?;
    Ok(())
}

pub(crate) fn json<T: serde::Serialize>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(|v| serde_json::to_string(v).expect("power-map values serialise"))
}

impl Store {
    /// Ends a power-map write: dates the section, refreshes completeness and the status
    /// light, commits, and returns the scope's fresh map.
    pub(crate) fn finish_map_write(
        &self,
        tx: rusqlite::Transaction<'_>,
        customer_id: i64,
        scope: Option<i64>,
        now: &Now,
    ) -> Result<crate::powermap::MapView> {
        touch_section(&tx, customer_id, Section::PowerMap, &now.timestamp)?;
        tx.execute("UPDATE customer SET updated_at = ?2 WHERE id = ?1", params![customer_id, now.timestamp])?;
        refresh_cached(&tx, customer_id)?;
        tx.commit()?;
        self.power_map(customer_id, scope)
    }
}
