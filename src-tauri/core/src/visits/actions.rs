//! Next actions in SQLite: written with their visit (as a list) or on their own, read with
//! their customer and opportunity names and the computed 已逾期.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row};

use crate::customers::store::load_customer;
use crate::error::{CoreError, Reason, Result};
use crate::store::code;
use crate::visits::{quality, validate, ActionFields, ActionStatus, ActionTarget, NextAction, SavedAction};
use crate::Store;

/// Columns of [`action_from_row`] over [`ACTION_FROM`].
pub(crate) const ACTION_COLUMNS: &str = "a.id, a.customer_id, c.name, a.visit_id, a.opportunity_id, \
    coalesce(o.name, ''), a.what, a.owner, a.due_date, a.status, a.done_on, a.created_at";
pub(crate) const ACTION_FROM: &str =
    "next_action a JOIN customer c ON c.id = a.customer_id LEFT JOIN opportunity o ON o.id = a.opportunity_id";

pub(crate) fn action_from_row(r: &Row, today: &str) -> rusqlite::Result<NextAction> {
    let status = code(r.get(9)?, ActionStatus::from_code).unwrap_or_default();
    let due_date: String = r.get(8)?;
    Ok(NextAction {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_name: r.get(2)?,
        visit_id: r.get(3)?,
        opportunity_id: r.get(4)?,
        opportunity_name: r.get(5)?,
        what: r.get(6)?,
        owner: r.get(7)?,
        overdue: status != ActionStatus::Done && !due_date.is_empty() && due_date.as_str() < today,
        due_date,
        status,
        done_on: r.get(10)?,
        created_at: r.get(11)?,
    })
}

/// The actions matching `filter` (one `?1` parameter), live customers only, in list order.
pub(crate) fn load_actions(
    conn: &Connection,
    filter: &str,
    arg: &dyn rusqlite::ToSql,
    today: &str,
) -> Result<Vec<NextAction>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ACTION_COLUMNS} FROM {ACTION_FROM} WHERE {filter} AND c.deleted_at IS NULL
         ORDER BY a.visit_id, a.position, a.id"
    ))?;
    let rows = st.query_map([arg], |r| action_from_row(r, today))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// What is stored of an action, to tell whether a save changes it.
type Stored = (String, String, String, String, String);

/// Saves a visit's actions as a list: existing ones (by id) updated when changed, new ones
/// inserted, those left out deleted. All take the visit's opportunity.
pub(crate) fn write_actions(
    conn: &Connection,
    customer_id: i64,
    visit_id: i64,
    opportunity_id: Option<i64>,
    actions: &[ActionFields],
    today: &str,
    now: &str,
) -> Result<()> {
    let mut existing: HashMap<i64, Stored> = conn
        .prepare_cached("SELECT id, what, owner, due_date, status, done_on FROM next_action WHERE visit_id = ?1")?
        .query_map([visit_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))))?
        .collect::<rusqlite::Result<_>>()?;
    for (i, a) in actions.iter().enumerate() {
        let (what, owner, due) = (a.what.trim(), a.owner.trim(), a.due_date.trim());
        match a.id {
            Some(id) => {
                let Some(old) = existing.remove(&id) else {
                    return Err(CoreError::validation(format!("actions.{i}.id"), Reason::InvalidReference));
                };
                let done = done_on(a.status, &old.4, today);
                let new: Stored = (what.into(), owner.into(), due.into(), a.status.code().into(), done.clone());
                let changed = new != old;
                conn.prepare_cached(
                    "UPDATE next_action SET position = ?2, what = ?3, owner = ?4, due_date = ?5, status = ?6,
                         done_on = ?7, opportunity_id = ?8, updated_at = CASE WHEN ?9 THEN ?10 ELSE updated_at END
                     WHERE id = ?1",
                )?
                .execute(params![
                    id,
                    i as i64,
                    what,
                    owner,
                    due,
                    a.status.code(),
                    done,
                    opportunity_id,
                    changed,
                    now
                ])?;
            }
            None => {
                conn.prepare_cached(
                    "INSERT INTO next_action (customer_id, visit_id, opportunity_id, position, what, owner, due_date,
                         status, done_on, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                )?
                .execute(params![
                    customer_id,
                    visit_id,
                    opportunity_id,
                    i as i64,
                    what,
                    owner,
                    due,
                    a.status.code(),
                    done_on(a.status, "", today),
                    now
                ])?;
            }
        }
    }
    for id in existing.keys() {
        conn.prepare_cached("DELETE FROM next_action WHERE id = ?1")?.execute([id])?;
    }
    Ok(())
}

impl Store {
    pub fn action(&self, id: i64) -> Result<NextAction> {
        load_actions(&self.conn, "a.id = ?1", &id, &self.today_text())?
            .pop()
            .ok_or_else(|| CoreError::not_found("next_action", id))
    }

    /// A next action outside a visit summary (on a customer, optionally an opportunity of it).
    pub fn create_action(&self, target: &ActionTarget, fields: &ActionFields) -> Result<SavedAction> {
        load_customer(&self.conn, target.customer_id)?;
        validate::action("", fields)?;
        if let Some(o) = target.opportunity_id {
            let ours = self
                .conn
                .prepare_cached("SELECT 1 FROM opportunity WHERE id = ?1 AND customer_id = ?2")?
                .exists(params![o, target.customer_id])?;
            if !ours {
                return Err(CoreError::validation("opportunityId", Reason::InvalidReference));
            }
        }
        let new = ActionFields { id: None, ..fields.clone() };
        let (today, now) = (self.today_text(), self.clock.timestamp());
        self.conn.execute(
            "INSERT INTO next_action (customer_id, opportunity_id, what, owner, due_date, status, done_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![target.customer_id, target.opportunity_id, new.what.trim(), new.owner.trim(), new.due_date.trim(),
                new.status.code(), done_on(new.status, "", &today), now],
        )?;
        let action = self.action(self.conn.last_insert_rowid())?;
        Ok(SavedAction { action, warnings: quality::check_action("", &new, self.clock.today()) })
    }

    /// Edits an action (what, owner, due date, status); the record it belongs to is searched
    /// by its actions, so it is indexed again.
    pub fn update_action(&self, id: i64, fields: &ActionFields) -> Result<SavedAction> {
        let current = self.action(id)?;
        validate::action("", fields)?;
        let today = self.today_text();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE next_action SET what = ?2, owner = ?3, due_date = ?4, status = ?5, done_on = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                id,
                fields.what.trim(),
                fields.owner.trim(),
                fields.due_date.trim(),
                fields.status.code(),
                done_on(fields.status, &current.done_on, &today),
                self.clock.timestamp()
            ],
        )?;
        if let Some(visit) = current.visit_id {
            crate::visits::search::reindex_visit(&tx, visit)?;
        }
        tx.commit()?;
        let saved = ActionFields { id: Some(id), ..fields.clone() };
        Ok(SavedAction { action: self.action(id)?, warnings: quality::check_action("", &saved, self.clock.today()) })
    }

    /// 待执行 / 进行中 / 已完成 (the completion day is recorded).
    pub fn set_action_status(&self, id: i64, status: ActionStatus) -> Result<NextAction> {
        let a = self.action(id)?;
        let fields = ActionFields { id: Some(id), what: a.what, owner: a.owner, due_date: a.due_date, status };
        Ok(self.update_action(id, &fields)?.action)
    }

    pub fn delete_action(&self, id: i64) -> Result<()> {
        let action = self.action(id)?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM next_action WHERE id = ?1", [id])?;
        if let Some(visit) = action.visit_id {
            crate::visits::search::reindex_visit(&tx, visit)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A customer's actions: open ones by due date (undated last), then, unless `open_only`,
    /// the completed ones, latest first.
    pub fn customer_actions(&self, customer_id: i64, open_only: bool) -> Result<Vec<NextAction>> {
        load_customer(&self.conn, customer_id)?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ACTION_COLUMNS} FROM {ACTION_FROM} WHERE a.customer_id = ?1 AND (a.status <> 'done' OR NOT ?2)
             ORDER BY a.status = 'done', CASE WHEN a.status = 'done' THEN '' ELSE a.due_date = '' END,
                      CASE WHEN a.status = 'done' THEN a.done_on END DESC, a.due_date, a.id"
        ))?;
        let today = self.today_text();
        let rows = st
            .query_map(params![customer_id, open_only], |r| action_from_row(r, &today))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// An action's status as stored, with its completion day kept or set.
pub(crate) fn done_on(status: ActionStatus, previous: &str, today: &str) -> String {
    match (status, previous.is_empty()) {
        (ActionStatus::Done, true) => today.to_string(),
        (ActionStatus::Done, false) => previous.to_string(),
        _ => String::new(),
    }
}
