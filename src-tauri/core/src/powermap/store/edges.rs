//! Edges: reports-to (the contact's formal boss, account-wide) and the influence and conflict
//! edges of a scope; the refusals (cycle, self, another customer's contact, duplicate).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::assessments::own_contact;
use super::{append_history, check_scope, db_scope, json, load_contacts, Change, Now};
use crate::customers::EdgeKind;
use crate::error::{CoreError, Detail, Reason, Result};
use crate::powermap::state::{StoredEdge, EDGE, REPORTS_TO};
use crate::powermap::{validate, ContactRef, EdgeSnapshot, MapView, NewEdge};
use crate::store::Store;

/// Refuses a reports-to link that would close a loop, naming it: setting 王总's boss to 李经理
/// who reports to 王总 gives the path [王总, 李经理, 王总].
pub(crate) fn check_no_cycle(conn: &Connection, customer_id: i64, me: &ContactRef, boss: i64) -> Result<()> {
    if boss == me.id {
        return Err(cycle(vec![me.clone(), me.clone()]));
    }
    let contacts: HashMap<i64, (String, Option<i64>)> =
        load_contacts(conn, customer_id, false)?.into_iter().map(|c| (c.id, (c.name, c.reports_to))).collect();
    let mut chain = vec![me.clone()];
    let mut cursor = Some(boss);
    while let Some(id) = cursor {
        let Some((name, up)) = contacts.get(&id) else { break };
        chain.push(ContactRef { id, name: name.clone() });
        if id == me.id {
            return Err(cycle(chain));
        }
        if chain.len() > contacts.len() + 1 {
            break; // an old loop above us that does not pass through me
        }
        cursor = *up;
    }
    Ok(())
}

fn cycle(path: Vec<ContactRef>) -> CoreError {
    CoreError::refusal("reportsTo", Reason::Cycle, Detail::Cycle { path })
}

fn contact_ref(conn: &Connection, id: i64) -> Result<Option<ContactRef>> {
    Ok(conn
        .prepare_cached("SELECT name FROM contact WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .map(|name| ContactRef { id, name }))
}

/// Records a change of `contact`'s formal boss (from the map or the contact form).
pub(crate) fn record_reports_to(
    conn: &Connection,
    customer_id: i64,
    contact: &ContactRef,
    old: Option<i64>,
    new: Option<i64>,
    now: &Now,
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    let (old, new) = (
        old.map(|id| contact_ref(conn, id)).transpose()?.flatten(),
        new.map(|id| contact_ref(conn, id)).transpose()?.flatten(),
    );
    append_history(
        conn,
        &Change {
            customer_id,
            scope: None,
            kind: REPORTS_TO,
            contact,
            edge_id: None,
            wanted_on: "",
            old: json(&old),
            new: json(&new),
        },
        now,
    )
}

/// Sets the boss of a contact in one statement and records it.
pub(super) fn write_reports_to(
    conn: &Connection,
    customer_id: i64,
    contact: &ContactRef,
    old: Option<i64>,
    boss: Option<i64>,
    now: &Now,
) -> Result<()> {
    conn.execute(
        "UPDATE contact SET reports_to = ?2, updated_at = ?3 WHERE id = ?1",
        params![contact.id, boss, now.timestamp],
    )?;
    record_reports_to(conn, customer_id, contact, old, boss, now)
}

pub(super) fn snapshot(conn: &Connection, e: &StoredEdge) -> Result<EdgeSnapshot> {
    let name =
        |id| -> Result<ContactRef> { Ok(contact_ref(conn, id)?.unwrap_or(ContactRef { id, name: String::new() })) };
    Ok(EdgeSnapshot {
        id: Some(e.id),
        kind: e.kind,
        from: name(e.from)?,
        to: name(e.to)?,
        label: e.label.clone(),
        scope_id: e.scope_id,
    })
}

/// Records an edge added (`old` None), relabelled or removed (`new` None).
pub(super) fn record_edge(
    conn: &Connection,
    customer_id: i64,
    edge: &StoredEdge,
    old: Option<&StoredEdge>,
    new: Option<&StoredEdge>,
    now: &Now,
) -> Result<()> {
    let from = contact_ref(conn, edge.from)?.unwrap_or(ContactRef { id: edge.from, name: String::new() });
    let (old, new) = (old.map(|e| snapshot(conn, e)).transpose()?, new.map(|e| snapshot(conn, e)).transpose()?);
    append_history(
        conn,
        &Change {
            customer_id,
            scope: edge.scope_id,
            kind: EDGE,
            contact: &from,
            edge_id: Some(edge.id),
            wanted_on: "",
            old: json(&old),
            new: json(&new),
        },
        now,
    )
}

fn load_edge(conn: &Connection, customer_id: i64, id: i64) -> Result<Option<StoredEdge>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, scope_id, kind, from_id, to_id, label FROM power_edge WHERE id = ?1 AND customer_id = ?2",
        )?
        .query_row(params![id, customer_id], super::edge_from_row)
        .optional()?
        .flatten())
}

/// An edge the scope shows: its own or an account-wide one; else not found.
fn shown_edge(conn: &Connection, customer_id: i64, scope: Option<i64>, id: i64) -> Result<StoredEdge> {
    load_edge(conn, customer_id, id)?
        .filter(|e| e.scope_id.is_none() || e.scope_id == scope)
        .ok_or_else(|| CoreError::not_found("power_edge", id))
}

impl Store {
    /// Sets (or with `None` clears) a contact's formal boss — dragging a node onto another.
    /// Refuses a cycle (naming it), themselves, and a contact of another customer. Returns
    /// the map of `scope` (reports-to shows in every scope).
    pub fn set_reports_to(
        &self,
        customer_id: i64,
        scope: Option<i64>,
        contact_id: i64,
        boss: Option<i64>,
    ) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let me = own_contact(&self.conn, customer_id, contact_id, "contactId")?;
        let old: Option<i64> =
            self.conn.query_row("SELECT reports_to FROM contact WHERE id = ?1", [contact_id], |r| r.get(0))?;
        if let Some(b) = boss {
            own_contact(&self.conn, customer_id, b, "reportsTo")?;
            check_no_cycle(&self.conn, customer_id, &me, b)?;
        }
        if old == boss {
            return self.power_map(customer_id, scope);
        }
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        write_reports_to(&tx, customer_id, &me, old, boss, &now)?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }

    /// Draws an edge in a scope (`None`: account-wide, shown in every scope). Influences run
    /// from `from` to `to`; conflicts are undirected; a reports-to edge makes `to` the boss
    /// of `from`. Refused: an endpoint that is not a live contact of this customer, an edge
    /// to oneself, the same edge twice, a reports-to cycle, a second boss ([`Detail::HasBoss`]).
    pub fn add_edge(&self, customer_id: i64, scope: Option<i64>, edge: &NewEdge) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let from = own_contact(&self.conn, customer_id, edge.from, "from")?;
        own_contact(&self.conn, customer_id, edge.to, "to")?;
        validate::label("label", &edge.label)?;
        if edge.kind == EdgeKind::ReportsTo {
            let old: Option<i64> =
                self.conn.query_row("SELECT reports_to FROM contact WHERE id = ?1", [edge.from], |r| r.get(0))?;
            if old == Some(edge.to) {
                return Err(CoreError::refusal(
                    "to",
                    Reason::Duplicate,
                    Detail::Edge { edge: EdgeKind::ReportsTo.code().into() },
                ));
            }
            // A contact has one boss: adding a second is refused rather than silently replacing
            // the first (changing the boss is `set_reports_to`, a drop on the map).
            if let Some(boss) = old {
                let boss = contact_ref(&self.conn, boss)?.unwrap_or(ContactRef { id: boss, name: String::new() });
                return Err(CoreError::refusal("to", Reason::Duplicate, Detail::HasBoss { boss }));
            }
            return self.set_reports_to(customer_id, scope, edge.from, Some(edge.to));
        }
        if edge.from == edge.to {
            return Err(CoreError::refusal("to", Reason::InvalidReference, Detail::ToSelf));
        }
        // The same kind between the same two (either way round for a conflict), where both
        // would show: in this scope or account-wide; an account-wide edge shows everywhere.
        let duplicate: Option<i64> = self
            .conn
            .query_row(
                "SELECT scope_id FROM power_edge
                 WHERE customer_id = ?1 AND kind = ?2
                   AND ((from_id = ?3 AND to_id = ?4) OR (?5 AND from_id = ?4 AND to_id = ?3))
                   AND (?6 = 0 OR scope_id IN (0, ?6))
                 LIMIT 1",
                params![
                    customer_id,
                    edge.kind.code(),
                    edge.from,
                    edge.to,
                    edge.kind == EdgeKind::Conflicts,
                    db_scope(scope)
                ],
                |r| r.get(0),
            )
            .optional()?;
        if duplicate.is_some() {
            return Err(CoreError::refusal("to", Reason::Duplicate, Detail::Edge { edge: edge.kind.code().into() }));
        }
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO power_edge (customer_id, scope_id, kind, from_id, to_id, label, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                customer_id,
                db_scope(scope),
                edge.kind.code(),
                edge.from,
                edge.to,
                edge.label.trim(),
                now.timestamp
            ],
        )?;
        let stored = StoredEdge {
            id: tx.last_insert_rowid(),
            scope_id: scope,
            kind: edge.kind,
            from: from.id,
            to: edge.to,
            label: edge.label.trim().to_string(),
        };
        record_edge(&tx, customer_id, &stored, None, Some(&stored), &now)?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }

    /// Changes an edge's label.
    pub fn relabel_edge(&self, customer_id: i64, scope: Option<i64>, edge_id: i64, label: &str) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        validate::label("label", label)?;
        let old = shown_edge(&self.conn, customer_id, scope, edge_id)?;
        let new = StoredEdge { label: label.trim().to_string(), ..old.clone() };
        if new == old {
            return self.power_map(customer_id, scope);
        }
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("UPDATE power_edge SET label = ?2 WHERE id = ?1", params![edge_id, new.label])?;
        record_edge(&tx, customer_id, &new, Some(&old), Some(&new), &now)?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }

    /// Removes an influence or conflict edge the scope shows (an account-wide one goes from
    /// every scope). Reports-to is removed with [`Store::set_reports_to`] and `None`.
    pub fn remove_edge(&self, customer_id: i64, scope: Option<i64>, edge_id: i64) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let old = shown_edge(&self.conn, customer_id, scope, edge_id)?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        record_edge(&tx, customer_id, &old, Some(&old), None, &now)?;
        tx.execute("DELETE FROM power_edge WHERE id = ?1", [edge_id])?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }
}
