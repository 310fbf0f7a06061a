//! Named scopes ("2026 MES 项目"): create, rename, delete; and the required role slots of
//! any scope.

use rusqlite::{params, Connection, OptionalExtension};

use super::{check_scope, db_scope, Now};
use crate::customers::store::load_customer;
use crate::error::{CoreError, Reason, Result};
use crate::powermap::{validate, MapView, SlotInput};
use crate::store::Store;

impl Store {
    /// Refuses a name another scope of the customer has (compared trimmed, case-insensitive).
    fn check_scope_name(&self, customer_id: i64, name: &str, except: Option<i64>) -> Result<String> {
        validate::scope_name(name)?;
        let name = name.trim().to_string();
        let other: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, name FROM power_scope WHERE customer_id = ?1 AND lower(name) = lower(?2)",
                params![customer_id, name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match other {
            Some((id, other)) if Some(id) != except => {
                Err(CoreError::validation_detail("name", Reason::Duplicate, other))
            }
            _ => Ok(name),
        }
    }

    /// Creates a named scope with no assessments yet; returns its (empty) map.
    pub fn create_power_scope(&self, customer_id: i64, name: &str) -> Result<MapView> {
        load_customer(&self.conn, customer_id)?;
        let name = self.check_scope_name(customer_id, name, None)?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO power_scope (customer_id, name, created_at) VALUES (?1, ?2, ?3)",
            params![customer_id, name, now.timestamp],
        )?;
        let id = tx.last_insert_rowid();
        self.finish_map_write(tx, customer_id, Some(id), &now)
    }

    fn scope_customer(&self, scope_id: i64) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT s.customer_id FROM power_scope s JOIN customer c ON c.id = s.customer_id
                 WHERE s.id = ?1 AND c.deleted_at IS NULL",
                [scope_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::not_found("power_scope", scope_id))
    }

    pub fn rename_power_scope(&self, scope_id: i64, name: &str) -> Result<MapView> {
        let customer_id = self.scope_customer(scope_id)?;
        let name = self.check_scope_name(customer_id, name, Some(scope_id))?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("UPDATE power_scope SET name = ?2 WHERE id = ?1", params![scope_id, name])?;
        self.finish_map_write(tx, customer_id, Some(scope_id), &now)
    }

    /// Deletes a named scope with its assessments, slots, edges, positions and history (not
    /// undoable: the UI asks first); returns the account-wide map.
    pub fn delete_power_scope(&self, scope_id: i64) -> Result<MapView> {
        let customer_id = self.scope_customer(scope_id)?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM power_scope WHERE id = ?1", [scope_id])?;
        self.finish_map_write(tx, customer_id, None, &now)
    }

    /// Replaces the scope's required role slots (决策者, "技术评估者"…), in order.
    pub fn save_slots(&self, customer_id: i64, scope: Option<i64>, slots: &[SlotInput]) -> Result<MapView> {
        check_scope(&self.conn, customer_id, scope)?;
        for (i, s) in slots.iter().enumerate() {
            validate::label(&format!("slots.{i}.label"), &s.label)?;
        }
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "DELETE FROM power_slot WHERE customer_id = ?1 AND scope_id = ?2",
            params![customer_id, db_scope(scope)],
        )?;
        insert_slots(&tx, customer_id, scope, slots)?;
        self.finish_map_write(tx, customer_id, scope, &now)
    }
}

pub(super) fn insert_slots(
    conn: &rusqlite::Connection,
    customer_id: i64,
    scope: Option<i64>,
    slots: &[SlotInput],
) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO power_slot (customer_id, scope_id, position, buying_role, label) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, s) in slots.iter().enumerate() {
        st.execute(params![customer_id, db_scope(scope), i as i64, s.buying_role.code(), s.label.trim()])?;
    }
    Ok(())
}

/// The id of `customer_id`'s scope called `name`, if it has one (the sample data's deals
/// point at their project's scope).
pub(crate) fn scope_named(conn: &Connection, customer_id: i64, name: &str) -> Option<i64> {
    conn.query_row("SELECT id FROM power_scope WHERE customer_id = ?1 AND name = ?2", params![customer_id, name], |r| {
        r.get(0)
    })
    .ok()
}
