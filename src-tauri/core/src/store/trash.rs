//! Delete with undo. A delete marks the record (`deleted_at`) and takes it out of search; undo
//! clears the mark. Only the last delete can be undone: the previous one is purged for good
//! when the next delete happens, and leftovers are purged when the store opens.

use rusqlite::{params, OptionalExtension};

use super::contacts::load_contact;
use super::customers::load_customer;
use super::Store;
use crate::error::Result;
use crate::model::{CustomerProfile, HitKind, Restored, Section};
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

    /// `power_map`: what the delete took off the power maps, for the undo to put back.
    fn remember_delete(
        &self,
        conn: &rusqlite::Connection,
        kind: HitKind,
        id: i64,
        power_map: serde_json::Value,
    ) -> Result<()> {
        let value = serde_json::json!({ "kind": kind, "id": id, "powerMap": power_map }).to_string();
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
        self.remember_delete(&tx, HitKind::Customer, id, serde_json::Value::Null)?;
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
        self.remember_delete(&tx, HitKind::Contact, id, detached)?;
        self.finish_section_save(tx, contact.customer_id, Section::KeyPersons, &now.timestamp)
    }

    /// Brings back the last deleted customer or contact, if it can still be undone.
    pub fn undo_delete(&self) -> Result<Option<Restored>> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [LAST_DELETE], |r| r.get(0))
            .optional()?;
        let Some(last) = raw.and_then(|r| serde_json::from_str::<serde_json::Value>(&r).ok()) else {
            return Ok(None);
        };
        let (Some(kind), Some(id)) = (
            last["kind"].as_str().and_then(HitKind::from_code),
            last["id"].as_i64(),
        ) else {
            return Ok(None);
        };
        if kind == HitKind::Customer {
            // Someone may have created a customer with the same name since the delete.
            let name: String =
                self.conn.query_row("SELECT name FROM customer WHERE id = ?1", [id], |r| r.get(0))?;
            self.check_unique_name(&name, Some(id))?;
        }
        let tx = self.conn.unchecked_transaction()?;
        let table = match kind {
            HitKind::Customer => "customer",
            HitKind::Contact => "contact",
        };
        tx.execute(&format!("UPDATE {table} SET deleted_at = NULL WHERE id = ?1"), [id])?;
        tx.execute("DELETE FROM setting WHERE key = ?1", [LAST_DELETE])?;
        let restored = match kind {
            HitKind::Customer => {
                search::index::customer_and_contacts(&tx, id)?;
                let c = load_customer(&tx, id)?;
                Restored { kind, id, customer_id: id, name: c.fields.name }
            }
            HitKind::Contact => {
                let c = load_contact(&tx, id)?;
                search::index::contact(&tx, &c)?;
                super::power_map::restore_detached(&tx, &c, &last["powerMap"], &super::power_map::Now::of(self))?;
                self.refresh_completeness(&tx, c.customer_id)?;
                Restored { kind, id, customer_id: c.customer_id, name: c.fields.name }
            }
        };
        tx.commit()?;
        Ok(Some(restored))
    }
}
