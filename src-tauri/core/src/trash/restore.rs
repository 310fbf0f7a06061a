//! Restoring one entry of the trash, whichever it is.

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value as Json};

use super::{load, Stored};
use crate::customers::contacts::load_contact;
use crate::customers::store::load_customer;
use crate::customers::{DeletedKind, Restored};
use crate::error::{CoreError, Result};
use crate::powermap::store::{restore_detached, Now};
use crate::trash::snapshot;
use crate::Store;

/// Refuses to bring a record back into a customer that is itself in the trash: the user
/// restores the customer first (its entry is named), rather than getting it back unasked.
fn check_customer_live(conn: &Connection, customer_id: i64) -> Result<()> {
    let marked: Option<String> = conn
        .query_row("SELECT name FROM customer WHERE id = ?1 AND deleted_at IS NOT NULL", [customer_id], |r| r.get(0))
        .optional()?;
    let Some(name) = marked else { return Ok(()) };
    let trash_id = conn
        .query_row("SELECT id FROM trash WHERE kind = 'customer' AND ref_id = ?1", [customer_id], |r| r.get(0))
        .optional()?;
    Err(CoreError::CustomerInTrash { customer_id, name, trash_id })
}

/// A reference `column` of a row put back that no longer points at a record of `table` of the
/// same customer (deleted since, or its id taken by another customer's record) is cleared, as
/// it would have been had the row stayed.
fn unlink_gone(
    conn: &Connection,
    row: &mut Map<String, Json>,
    column: &str,
    table: &str,
    customer_id: i64,
) -> Result<()> {
    if let Some(id) = row.get(column).and_then(Json::as_i64) {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND customer_id = ?2)");
        if !conn.query_row(&sql, [id, customer_id], |r| r.get::<_, bool>(0))? {
            row.insert(column.into(), Json::Null);
        }
    }
    Ok(())
}

impl Store {
    /// Restores one entry of the trash, whatever its age and whatever was deleted after it.
    /// Refused: a customer whose name another customer took meanwhile (`duplicate` on
    /// `name`), and anything whose customer is in the trash ([`CoreError::CustomerInTrash`]).
    pub fn restore_trash(&self, id: i64) -> Result<Restored> {
        let e = load(&self.conn, id)?;
        if e.kind == DeletedKind::Customer {
            let name: String =
                self.conn.query_row("SELECT name FROM customer WHERE id = ?1", [e.ref_id], |r| r.get(0))?;
            self.check_unique_name(&name, Some(e.ref_id))?;
        } else {
            check_customer_live(&self.conn, e.customer_id)?;
        }
        let tx = self.conn.unchecked_transaction()?;
        let restored = match e.kind {
            DeletedKind::Customer => self.restore_customer(&tx, &e)?,
            DeletedKind::Contact => self.restore_contact(&tx, &e)?,
            DeletedKind::Visit => restore_visit(&tx, &e)?,
            DeletedKind::Opportunity => restore_opportunity(&tx, &e)?,
        };
        tx.execute("DELETE FROM trash WHERE id = ?1", [e.id])?;
        tx.commit()?;
        Ok(restored)
    }

    fn restore_customer(&self, tx: &Connection, e: &Stored) -> Result<Restored> {
        tx.execute("UPDATE customer SET deleted_at = NULL WHERE id = ?1", [e.ref_id])?;
        crate::customers::store::reindex(tx, e.ref_id)?;
        crate::customers::search::index_customer_suppliers(tx, e.ref_id)?;
        crate::visits::search::reindex_customer(tx, e.ref_id)?;
        crate::opportunities::search::reindex_customer(tx, e.ref_id)?;
        let c = load_customer(tx, e.ref_id)?;
        Ok(Restored { kind: e.kind, id: c.id, customer_id: c.id, name: c.fields.name })
    }

    fn restore_contact(&self, tx: &Connection, e: &Stored) -> Result<Restored> {
        tx.execute("UPDATE contact SET deleted_at = NULL WHERE id = ?1", [e.ref_id])?;
        let c = load_contact(tx, e.ref_id)?;
        crate::customers::store::reindex_contact(tx, &c)?;
        restore_detached(tx, &c, &e.kept, &Now::of(self))?;
        crate::powermap::store::refresh_cached(tx, c.customer_id)?;
        Ok(Restored { kind: e.kind, id: c.id, customer_id: c.customer_id, name: c.fields.name })
    }
}

/// Puts a summary and its next actions back (under new ids if taken meanwhile); a deal
/// deleted since loses their link.
fn restore_visit(tx: &Connection, e: &Stored) -> Result<Restored> {
    let customer_id = e.customer_id;
    let unlink = |row: &mut Map<String, Json>| unlink_gone(tx, row, "opportunity_id", "opportunity", customer_id);
    let visit = snapshot::put_back(tx, "visit", &e.kept["visit"], &unlink)?;
    let &(_, visit_id) = visit.first().ok_or_else(|| CoreError::not_found("visit", e.ref_id))?;
    snapshot::put_back(tx, "next_action", &e.kept["actions"], &|row| {
        unlink(row)?;
        row.insert("visit_id".into(), visit_id.into());
        Ok(())
    })?;
    crate::visits::search::reindex_visit(tx, visit_id)?;
    Ok(Restored { kind: e.kind, id: visit_id, customer_id, name: e.name.clone() })
}

/// Puts a deal and its stage history, payment plan, payments and milestones back (under a new id if taken meanwhile) and ties again
/// the summaries and actions that were tied to it and are still untied; a power-map scope
/// deleted since leaves it account-wide.
fn restore_opportunity(tx: &Connection, e: &Stored) -> Result<Restored> {
    let customer_id = e.customer_id;
    let deal = snapshot::put_back(tx, "opportunity", &e.kept["opportunity"], &|row| {
        unlink_gone(tx, row, "scope_id", "power_scope", customer_id)
    })?;
    let &(_, deal_id) = deal.first().ok_or_else(|| CoreError::not_found("opportunity", e.ref_id))?;
    // Entries from before payment plans hold none of the last three: nothing to put back.
    for (table, key) in [
        ("stage_change", "stages"),
        ("installment", "installments"),
        ("payment", "payments"),
        ("milestone", "milestones"),
    ] {
        snapshot::put_back(tx, table, &e.kept[key], &|row| {
            row.insert("opportunity_id".into(), deal_id.into());
            Ok(())
        })?;
    }
    for (table, key) in [("visit", "visits"), ("next_action", "actions")] {
        let sql = format!(
            "UPDATE {table} SET opportunity_id = ?1 WHERE id = ?2 AND customer_id = ?3 AND opportunity_id IS NULL"
        );
        let mut st = tx.prepare(&sql)?;
        for id in e.kept[key].as_array().into_iter().flatten().filter_map(Json::as_i64) {
            st.execute([deal_id, id, customer_id])?;
        }
    }
    crate::opportunities::search::reindex_deal(tx, deal_id)?;
    Ok(Restored { kind: e.kind, id: deal_id, customer_id, name: e.name.clone() })
}
