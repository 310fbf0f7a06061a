//! Role assessments per (scope, contact), each change kept in the history; and the profile's
//! role table (`save_roles`), which is the account-wide scope's assessments.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::{append_history, check_scope, db_scope, json, load_assessment, load_assessments, Change, Now};
use crate::customers::contacts::load_contact;
use crate::customers::RoleAssessment;
use crate::error::{CoreError, Detail, Reason, Result};
use crate::powermap::state::ASSESSMENT;
use crate::powermap::{validate, Assessment, ContactRef, MapView};
use crate::store::Store;

/// An assessment as stored: texts trimmed, dated today when undated.
pub(super) fn tidy(a: &Assessment, today: &str) -> Assessment {
    let assessed = a.assessed_on.trim();
    Assessment {
        covered_by: a.covered_by.trim().to_string(),
        evidence: a.evidence.trim().to_string(),
        assessed_on: if assessed.is_empty() { today.to_string() } else { assessed.to_string() },
        ..a.clone()
    }
}

/// The contact, when they are a live contact of the customer; else a refusal naming `field`.
pub(super) fn own_contact(conn: &Connection, customer_id: i64, contact_id: i64, field: &str) -> Result<ContactRef> {
    match load_contact(conn, contact_id) {
        Ok(c) if c.customer_id == customer_id => Ok(ContactRef { id: c.id, name: c.fields.name }),
        Ok(_) => Err(CoreError::refusal(field, Reason::InvalidReference, Detail::OtherCustomer)),
        Err(_) => Err(CoreError::refusal(field, Reason::InvalidReference, Detail::NoSuchContact)),
    }
}

/// Writes one assessment (insert or update, keeping its table position) and its history row.
/// Does nothing when it equals the stored one.
pub(super) fn write_assessment(
    conn: &Connection,
    customer_id: i64,
    scope: Option<i64>,
    contact: &ContactRef,
    new: &Assessment,
    position: Option<i64>,
    now: &Now,
) -> Result<bool> {
    let old = load_assessment(conn, scope, contact.id)?;
    let new = Assessment { contact_id: contact.id, ..new.clone() };
    if old.as_ref() == Some(&new) && position.is_none() {
        return Ok(false);
    }
    let position = match position {
        Some(p) => p,
        None => conn
            .prepare_cached(
                "SELECT coalesce((SELECT position FROM role_assessment WHERE scope_id = ?2 AND contact_id = ?3),
                                 (SELECT coalesce(max(position), -1) + 1 FROM role_assessment
                                  WHERE customer_id = ?1 AND scope_id = ?2))",
            )?
            .query_row(params![customer_id, db_scope(scope), contact.id], |r| r.get(0))?,
    };
    conn.prepare_cached(
        "INSERT INTO role_assessment (customer_id, scope_id, contact_id, position, buying_role, support,
             influence, coverage, covered_by, evidence, assessed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (scope_id, contact_id) DO UPDATE SET position = excluded.position,
             buying_role = excluded.buying_role, support = excluded.support,
             influence = excluded.influence, coverage = excluded.coverage,
             covered_by = excluded.covered_by, evidence = excluded.evidence,
             assessed_on = excluded.assessed_on",
    )?
    .execute(params![
        customer_id,
        db_scope(scope),
        contact.id,
        position,
        new.buying_role.map(|b| b.code()),
        new.support,
        new.influence,
        new.coverage.map(|c| c.code()),
        new.covered_by,
        new.evidence,
        new.assessed_on,
    ])?;
    if old.as_ref() != Some(&new) {
        append_history(
            conn,
            &Change {
                customer_id,
                scope,
                kind: ASSESSMENT,
                contact,
                edge_id: None,
                wanted_on: &new.assessed_on,
                old: json(&old),
                new: json(&Some(new.clone())),
            },
            now,
        )?;
    }
    Ok(true)
}

/// Removes one assessment and records it.
pub(super) fn delete_assessment(
    conn: &Connection,
    customer_id: i64,
    scope: Option<i64>,
    contact: &ContactRef,
    now: &Now,
) -> Result<bool> {
    let Some(old) = load_assessment(conn, scope, contact.id)? else { return Ok(false) };
    conn.execute(
        "DELETE FROM role_assessment WHERE scope_id = ?1 AND contact_id = ?2",
        params![db_scope(scope), contact.id],
    )?;
    append_history(
        conn,
        &Change {
            customer_id,
            scope,
            kind: ASSESSMENT,
            contact,
            edge_id: None,
            wanted_on: "",
            old: json(&Some(old)),
            new: None,
        },
        now,
    )?;
    Ok(true)
}

impl Store {
    /// Saves one contact's assessment in a scope (the side panel). An unchanged assessment
    /// writes nothing; a changed one appends a history row dated with its `assessedOn`.
    pub fn save_assessment(&self, customer_id: i64, scope: Option<i64>, a: &Assessment) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let contact = own_contact(&self.conn, customer_id, a.contact_id, "contactId")?;
        validate::assessment(a)?;
        let now = Now::of(self);
        let a = tidy(a, &now.today);
        let tx = self.conn.unchecked_transaction()?;
        if !write_assessment(&tx, customer_id, scope, &contact, &a, None, &now)? {
            return self.power_map(customer_id, scope);
        }
        self.finish_map_write(tx, customer_id, scope, &now)
    }

    /// Takes a contact out of a scope's assessments ("not assessed"); recorded in history.
    pub fn remove_assessment(&self, customer_id: i64, scope: Option<i64>, contact_id: i64) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        let contact = own_contact(&self.conn, customer_id, contact_id, "contactId")?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        if !delete_assessment(&tx, customer_id, scope, &contact, &now)? {
            return self.power_map(customer_id, scope);
        }
        self.finish_map_write(tx, customer_id, scope, &now)
    }
}

/// The profile's role table saved whole (`Store::save_roles`, already validated): the
/// account-wide assessments of the live contacts become `roles`, in order. Who covers each
/// contact (not in the table) is kept; every change is recorded in the history.
pub(crate) fn replace_account_roles(
    conn: &Connection,
    customer_id: i64,
    roles: &[RoleAssessment],
    now: &Now,
) -> Result<()> {
    let old = load_assessments(conn, customer_id, None)?;
    let names: HashMap<i64, String> =
        super::load_contacts(conn, customer_id, false)?.into_iter().map(|c| (c.id, c.name)).collect();
    for (i, r) in roles.iter().enumerate() {
        let contact = ContactRef { id: r.contact_id, name: names.get(&r.contact_id).cloned().unwrap_or_default() };
        let covered_by = old.get(&r.contact_id).map(|a| a.covered_by.clone()).unwrap_or_default();
        let a = tidy(
            &Assessment {
                contact_id: r.contact_id,
                buying_role: r.buying_role,
                support: r.support,
                influence: r.influence,
                coverage: r.coverage,
                covered_by,
                evidence: r.evidence.clone(),
                assessed_on: r.assessed_on.clone(),
            },
            &now.today,
        );
        write_assessment(conn, customer_id, None, &contact, &a, Some(i as i64), now)?;
    }
    // Live contacts no longer in the table lose their assessment (those in the trash keep
    // theirs, so restoring them brings it back).
    for id in old.keys().filter(|id| names.contains_key(id) && !roles.iter().any(|r| r.contact_id == **id)) {
        let contact = ContactRef { id: *id, name: names[id].clone() };
        delete_assessment(conn, customer_id, None, &contact, now)?;
    }
    Ok(())
}
