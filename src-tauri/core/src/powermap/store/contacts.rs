//! Contacts and the map: adding one from the map, what deleting one removes, and taking
//! their edges off (and back on, for undo) in the delete's transaction.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::assessments::{own_contact, tidy, write_assessment};
use super::edges::{check_no_cycle, record_edge, record_reports_to, snapshot};
use super::{api_scope, check_scope, db_scope, scope_name, Now};
use crate::customers::contacts::{insert_contact, load_contact, tidy as tidy_contact};
use crate::customers::store::load_customer;
use crate::customers::validate as forms;
use crate::customers::{Contact, ContactFields, EdgeKind, Section};
use crate::error::Result;
use crate::powermap::state::StoredEdge;
use crate::powermap::{validate, Assessment, ContactRef, ContactRemoval, EdgeSnapshot, MapView, ScopeRef};
use crate::search;
use crate::store::Store;

/// What a contact's deletion took off the maps, kept with the undo record.
#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Detached {
    /// Influence/conflict edges (id, scope, kind, from, to, label, created_at).
    edges: Vec<(i64, i64, String, i64, i64, String, String)>,
    /// Contacts who reported to them.
    reports: Vec<i64>,
}

fn edges_of(conn: &Connection, contact_id: i64) -> Result<Vec<(StoredEdge, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT id, scope_id, kind, from_id, to_id, label, created_at FROM power_edge
         WHERE from_id = ?1 OR to_id = ?1 ORDER BY id",
    )?;
    let rows = st
        .query_map([contact_id], |r| Ok((super::edge_from_row(r)?, r.get::<_, String>(6)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter_map(|(e, at)| e.map(|e| (e, at))).collect())
}

fn reports_of(conn: &Connection, contact_id: i64) -> Result<Vec<ContactRef>> {
    let mut st =
        conn.prepare_cached("SELECT id, name FROM contact WHERE reports_to = ?1 AND deleted_at IS NULL ORDER BY id")?;
    let rows = st
        .query_map([contact_id], |r| Ok(ContactRef { id: r.get(0)?, name: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Takes a contact being deleted off every map, in the delete's transaction: their
/// influence and conflict edges are removed and the contacts who reported to them lose
/// that link, each recorded in the history. Returns what the undo needs to put back.
pub(crate) fn detach_contact(conn: &Connection, contact: &Contact, now: &Now) -> Result<serde_json::Value> {
    let mut detached = Detached::default();
    for (e, created_at) in edges_of(conn, contact.id)? {
        record_edge(conn, contact.customer_id, &e, Some(&e), None, now)?;
        conn.execute("DELETE FROM power_edge WHERE id = ?1", [e.id])?;
        detached.edges.push((e.id, db_scope(e.scope_id), e.kind.code().into(), e.from, e.to, e.label, created_at));
    }
    for report in reports_of(conn, contact.id)? {
        conn.execute("UPDATE contact SET reports_to = NULL WHERE id = ?1", [report.id])?;
        record_reports_to(conn, contact.customer_id, &report, Some(contact.id), None, now)?;
        detached.reports.push(report.id);
    }
    Ok(serde_json::to_value(&detached).expect("detached edges serialise"))
}

/// Undo of a contact's deletion: puts back the edges and reports-to links
/// [`detach_contact`] took, where that is still possible (both ends live, no duplicate, no
/// cycle, the report has no other boss since), each recorded in the history.
pub(crate) fn restore_detached(
    conn: &Connection,
    contact: &Contact,
    saved: &serde_json::Value,
    now: &Now,
) -> Result<()> {
    let Ok(detached) = serde_json::from_value::<Detached>(saved.clone()) else { return Ok(()) };
    let live = |id: i64| load_contact(conn, id).is_ok_and(|c| c.customer_id == contact.customer_id);
    for (id, scope, kind, from, to, label, created_at) in detached.edges {
        let Some(kind) = EdgeKind::from_code(&kind) else { continue };
        let taken: bool = conn
            .prepare_cached(
                "SELECT 1 FROM power_edge WHERE id = ?1
                 OR (kind = ?2 AND scope_id = ?3 AND ((from_id = ?4 AND to_id = ?5) OR (from_id = ?5 AND to_id = ?4)))",
            )?
            .exists(params![id, kind.code(), scope, from, to])?;
        if taken || !live(from) || !live(to) {
            continue;
        }
        conn.execute(
            "INSERT INTO power_edge (id, customer_id, scope_id, kind, from_id, to_id, label, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, contact.customer_id, scope, kind.code(), from, to, label, created_at],
        )?;
        let e = StoredEdge { id, scope_id: api_scope(scope), kind, from, to, label };
        record_edge(conn, contact.customer_id, &e, None, Some(&e), now)?;
    }
    let me = ContactRef { id: contact.id, name: contact.fields.name.clone() };
    for report in detached.reports {
        let Ok(r) = load_contact(conn, report) else { continue };
        let them = ContactRef { id: r.id, name: r.fields.name.clone() };
        if r.customer_id != contact.customer_id || r.fields.reports_to.is_some() {
            continue;
        }
        if check_no_cycle(conn, contact.customer_id, &them, me.id).is_err() {
            continue;
        }
        conn.execute("UPDATE contact SET reports_to = ?2 WHERE id = ?1", params![r.id, me.id])?;
        record_reports_to(conn, contact.customer_id, &them, None, Some(me.id), now)?;
    }
    Ok(())
}

impl Store {
    /// What deleting a contact would take off the power maps — their edges (influence,
    /// conflict, reports-to both ways) and the scopes they are assessed in — so the UI can
    /// ask first. [`Store::delete_contact`] removes the edges in its transaction.
    pub fn contact_removal(&self, contact_id: i64) -> Result<ContactRemoval> {
        let c = load_contact(&self.conn, contact_id)?;
        let me = ContactRef { id: c.id, name: c.fields.name.clone() };
        let mut edges: Vec<EdgeSnapshot> = Vec::new();
        let reports_to = |from: ContactRef, to: ContactRef| EdgeSnapshot {
            id: None,
            kind: EdgeKind::ReportsTo,
            from,
            to,
            label: String::new(),
            scope_id: None,
        };
        if let Some(boss) = c.fields.reports_to.and_then(|b| load_contact(&self.conn, b).ok()) {
            edges.push(reports_to(me.clone(), ContactRef { id: boss.id, name: boss.fields.name }));
        }
        for r in reports_of(&self.conn, contact_id)? {
            edges.push(reports_to(r, me.clone()));
        }
        for (e, _) in edges_of(&self.conn, contact_id)? {
            edges.push(snapshot(&self.conn, &e)?);
        }
        let scopes: Vec<i64> = self
            .conn
            .prepare("SELECT scope_id FROM role_assessment WHERE contact_id = ?1 ORDER BY scope_id")?
            .query_map([contact_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let assessments = scopes
            .into_iter()
            .map(|s| Ok(ScopeRef { id: api_scope(s), name: scope_name(&self.conn, c.customer_id, api_scope(s))? }))
            .collect::<Result<_>>()?;
        Ok(ContactRemoval { contact: me, edges, assessments })
    }

    /// Adds a new contact from the map, with their assessment in `scope` when given, in one
    /// transaction; returns the scope's map. The contact is validated like the contact form.
    pub fn add_map_contact(
        &self,
        customer_id: i64,
        scope: Option<i64>,
        fields: &ContactFields,
        assessment: Option<&Assessment>,
    ) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let customer = load_customer(&self.conn, customer_id)?;
        let f = tidy_contact(fields);
        forms::contact(&f)?;
        if let Some(boss) = f.reports_to {
            own_contact(&self.conn, customer_id, boss, "reportsTo")?;
        }
        if let Some(a) = assessment {
            validate::assessment(a)?;
        }
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        let contact = insert_contact(&tx, customer_id, &f, &now.timestamp)?;
        search::index::insert(&tx, &crate::customers::search::contact_entry(&contact, &customer.fields.name))?;
        let me = ContactRef { id: contact.id, name: contact.fields.name.clone() };
        record_reports_to(&tx, customer_id, &me, None, f.reports_to, &now)?;
        if let Some(a) = assessment {
            write_assessment(&tx, customer_id, scope, &me, &tidy(a, &now.today), None, &now)?;
        }
        crate::customers::store::touch_section(&tx, customer_id, Section::KeyPersons, &now.timestamp)?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }

    /// Marks (or unmarks) a contact as a key person (★) from the map's side panel. A key
    /// person counts as a key player for the status light, so the light may change with it.
    pub fn set_key_person(&self, customer_id: i64, scope: Option<i64>, contact_id: i64, key: bool) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        own_contact(&self.conn, customer_id, contact_id, "contactId")?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        let changed = tx.execute(
            "UPDATE contact SET is_key_person = ?2, updated_at = ?3 WHERE id = ?1 AND is_key_person <> ?2",
            params![contact_id, key, now.timestamp],
        )?;
        if changed == 0 {
            return self.power_map(customer_id, scope);
        }
        crate::customers::store::touch_section(&tx, customer_id, Section::KeyPersons, &now.timestamp)?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }
}
