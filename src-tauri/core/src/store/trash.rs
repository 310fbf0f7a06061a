//! Delete with undo. A customer or contact delete marks the record (`deleted_at`) and takes it
//! out of search; undo clears the mark. A visit summary is deleted for real and its rows (with
//! its next actions) kept in the bin, to be put back as they were. Only the last delete can be
//! undone: the previous one is purged for good when the next delete happens, and leftovers are
//! purged when the app opens the database.

use rusqlite::{params, OptionalExtension};

use super::contacts::load_contact;
use super::customers::load_customer;
use super::{snapshot, Store};
use crate::error::Result;
use crate::model::{CustomerProfile, DeletedKind, HitKind, Restored, Section};
use crate::search;

const LAST_DELETE: &str = "last_delete";

impl Store {
    /// Removes for good whatever is waiting in the undo bin.
    pub fn purge_deleted(&self) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM contact WHERE deleted_at IS NOT NULL", [])?;
        tx.execute("DELETE FROM customer WHERE deleted_at IS NOT NULL", [])?;
        tx.execute("DELETE FROM setting WHERE key = ?1", [LAST_DELETE])?;
        tx.commit()?;
        Ok(())
    }

    /// `kept`: what the undo needs besides the id — what a contact's delete took off the power
    /// maps, a visit's rows.
    fn remember_delete(&self, conn: &rusqlite::Connection, kind: DeletedKind, id: i64, kept: serde_json::Value) -> Result<()> {
        let value = serde_json::json!({ "kind": kind, "id": id, "kept": kept }).to_string();
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![LAST_DELETE, value],
        )?;
        Ok(())
    }

    /// Deletes a customer with its contacts and profile; undoable until the next delete.
    pub fn delete_customer(&self, id: i64) -> Result<()> {
        load_customer(&self.conn, id)?;
        self.purge_deleted()?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("UPDATE customer SET deleted_at = ?2 WHERE id = ?1", params![id, now])?;
        search::index::remove_customer_and_contacts(&tx, id)?;
        self.remember_delete(&tx, DeletedKind::Customer, id, serde_json::Value::Null)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a contact. In the same transaction their influence and conflict edges are
    /// removed and the contacts who reported to them lose that link (recorded in the power
    /// map's history; [`Store::contact_removal`] tells beforehand what goes); their role
    /// assessments go with them. Undo brings all of it back.
    pub fn delete_contact(&self, id: i64) -> Result<CustomerProfile> {
        let contact = load_contact(&self.conn, id)?;
        self.purge_deleted()?;
        let now = super::power_map::Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("UPDATE contact SET deleted_at = ?2 WHERE id = ?1", params![id, now.timestamp])?;
        search::index::remove(&tx, HitKind::Contact, id)?;
        let detached = super::power_map::detach_contact(&tx, &contact, &now)?;
        self.remember_delete(&tx, DeletedKind::Contact, id, detached)?;
        self.finish_section_save(tx, contact.customer_id, Section::KeyPersons, &now.timestamp)
    }

    /// Deletes a visit summary with its next actions (the UI asks first); undoable until the
    /// next delete.
    pub fn delete_visit(&self, id: i64) -> Result<()> {
        let visit = self.visit(id)?;
        self.purge_deleted()?;
        let tx = self.conn.unchecked_transaction()?;
        let kept = serde_json::json!({
            "visit": snapshot::rows(&tx, "visit", "id", id)?,
            "actions": snapshot::rows(&tx, "next_action", "visit_id", id)?,
            "name": visit_name(&visit),
        });
        tx.execute("DELETE FROM visit WHERE id = ?1", [id])?;
        self.remember_delete(&tx, DeletedKind::Visit, id, kept)?;
        tx.commit()?;
        Ok(())
    }

    /// Brings back the last deleted customer, contact or visit summary, if it can still be undone.
    pub fn undo_delete(&self) -> Result<Option<Restored>> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [LAST_DELETE], |r| r.get(0))
            .optional()?;
        let Some(last) = raw.and_then(|r| serde_json::from_str::<serde_json::Value>(&r).ok()) else {
            return Ok(None);
        };
        let (Some(kind), Some(id)) = (last["kind"].as_str().and_then(DeletedKind::from_code), last["id"].as_i64()) else {
            return Ok(None);
        };
        if kind == DeletedKind::Customer {
            // Someone may have created a customer with the same name since the delete.
            let name: String =
                self.conn.query_row("SELECT name FROM customer WHERE id = ?1", [id], |r| r.get(0))?;
            self.check_unique_name(&name, Some(id))?;
        }
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM setting WHERE key = ?1", [LAST_DELETE])?;
        let restored = match kind {
            DeletedKind::Customer => {
                tx.execute("UPDATE customer SET deleted_at = NULL WHERE id = ?1", [id])?;
                search::index::customer_and_contacts(&tx, id)?;
                let c = load_customer(&tx, id)?;
                Restored { kind, id, customer_id: id, name: c.fields.name }
            }
            DeletedKind::Contact => {
                tx.execute("UPDATE contact SET deleted_at = NULL WHERE id = ?1", [id])?;
                let c = load_contact(&tx, id)?;
                search::index::contact(&tx, &c)?;
                super::power_map::restore_detached(&tx, &c, &last["kept"], &super::power_map::Now::of(self))?;
                self.refresh_completeness(&tx, c.customer_id)?;
                Restored { kind, id, customer_id: c.customer_id, name: c.fields.name }
            }
            DeletedKind::Visit => {
                let kept = &last["kept"];
                let customer_id = kept["visit"][0]["customer_id"].as_i64().unwrap_or_default();
                // The customer may have gone for good since (an import undone).
                load_customer(&tx, customer_id)?;
                // A deal deleted since loses its summaries' link, as it would have had they stayed
                // (a new deal may have taken its id: it must still be this customer's).
                let unlink_gone_deal = |row: &mut serde_json::Map<String, serde_json::Value>| -> Result<()> {
                    if let Some(o) = row.get("opportunity_id").and_then(|v| v.as_i64()) {
                        let sql = "SELECT EXISTS (SELECT 1 FROM opportunity WHERE id = ?1 AND customer_id = ?2)";
                        if !tx.query_row(sql, [o, customer_id], |r| r.get::<_, bool>(0))? {
                            row.insert("opportunity_id".into(), serde_json::Value::Null);
                        }
                    }
                    Ok(())
                };
                let visit = snapshot::put_back(&tx, "visit", &kept["visit"], &unlink_gone_deal)?;
                let &(_, visit_id) = visit.first().ok_or_else(|| crate::error::CoreError::not_found("visit", id))?;
                snapshot::put_back(&tx, "next_action", &kept["actions"], &|row| {
                    unlink_gone_deal(row)?;
                    row.insert("visit_id".into(), visit_id.into());
                    Ok(())
                })?;
                Restored { kind, id: visit_id, customer_id, name: kept["name"].as_str().unwrap_or_default().to_string() }
            }
        };
        tx.commit()?;
        Ok(Some(restored))
    }
}

/// How the undo banner names a summary: its date and goal, else the start of its summary, else
/// the date alone (the UI names it the same way when it is deleted, VisitsTab.vue).
fn visit_name(v: &crate::visits::Visit) -> String {
    let goal = v.fields.goal.trim();
    let summary: String = v.fields.summary.trim().chars().take(24).collect();
    let date = &v.fields.date;
    if !goal.is_empty() {
        format!("{date} {goal}")
    } else if !summary.is_empty() {
        format!("{date} {summary}")
    } else {
        date.clone()
    }
}
