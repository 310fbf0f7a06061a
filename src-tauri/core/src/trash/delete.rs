//! Deleting to the trash: customers, contacts, visit summaries and opportunities (by the user,
//! or by undoing the import that created them).

use rusqlite::{params, Connection};

use super::{put, NewEntry};
use crate::customers::contacts::load_contact;
use crate::customers::store::load_customer;
use crate::customers::{Contact, CustomerProfile, DeletedKind, Section, TrashContents};
use crate::error::Result;
use crate::opportunities::Opportunity;
use crate::powermap::store::{detach_contact, Now};
use crate::search;
use crate::search::HitKind;
use crate::trash::{removal, snapshot};
use crate::visits::Visit;
use crate::Store;

/// Marks a live customer deleted and takes it, its contacts and its records, deals and
/// suppliers out of search.
pub(crate) fn trash_customer(conn: &Connection, id: i64, now: &str, import_id: Option<i64>) -> Result<()> {
    let r = removal::count(conn, id)?;
    conn.execute("UPDATE customer SET deleted_at = ?2 WHERE id = ?1", params![id, now])?;
    search::index::remove_customer_and_contacts(conn, id)?;
    let contents = TrashContents {
        contacts: r.contacts,
        opportunities: r.opportunities,
        visits: r.visits,
        actions: r.actions,
        purchases: r.purchases,
        power_scopes: r.power_scopes,
    };
    let entry = NewEntry {
        kind: DeletedKind::Customer,
        ref_id: id,
        customer_id: id,
        name: r.name,
        contents,
        kept: serde_json::Value::Null,
        import_id,
    };
    put(conn, &entry, now)
}

/// Marks a live contact deleted, takes it out of search and off the power maps (its edges,
/// its reports' links to it; [`detach_contact`] records them for the restore). The caller
/// refreshes the customer's completeness and light.
pub(crate) fn trash_contact(conn: &Connection, contact: &Contact, now: &Now, import_id: Option<i64>) -> Result<()> {
    conn.execute("UPDATE contact SET deleted_at = ?2 WHERE id = ?1", params![contact.id, now.timestamp])?;
    search::index::remove(conn, HitKind::Contact, contact.id)?;
    let detached = detach_contact(conn, contact, now)?;
    let entry = NewEntry {
        kind: DeletedKind::Contact,
        ref_id: contact.id,
        customer_id: contact.customer_id,
        name: contact.fields.name.clone(),
        contents: TrashContents::default(),
        kept: detached,
        import_id,
    };
    put(conn, &entry, &now.timestamp)
}

impl Store {
    /// Deletes a customer with everything that hangs off it to the trash.
    pub fn delete_customer(&self, id: i64) -> Result<()> {
        load_customer(&self.conn, id)?;
        let tx = self.conn.unchecked_transaction()?;
        trash_customer(&tx, id, &self.clock.timestamp(), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a contact to the trash. In the same transaction their influence and conflict
    /// edges are removed and the contacts who reported to them lose that link (recorded in the
    /// power map's history; [`Store::contact_removal`] tells beforehand what goes); their role
    /// assessments stay with the marked contact. Restoring brings all of it back.
    pub fn delete_contact(&self, id: i64) -> Result<CustomerProfile> {
        let contact = load_contact(&self.conn, id)?;
        load_customer(&self.conn, contact.customer_id)?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        trash_contact(&tx, &contact, &now, None)?;
        self.finish_section_save(tx, contact.customer_id, Section::KeyPersons, &now.timestamp)
    }

    /// Deletes a visit summary with its next actions to the trash (the UI asks first).
    pub fn delete_visit(&self, id: i64) -> Result<()> {
        let visit = self.visit(id)?;
        let tx = self.conn.unchecked_transaction()?;
        trash_visit(&tx, &visit, &self.clock.timestamp(), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an opportunity with its stage history to the trash (the UI asks first). Its
    /// summaries and actions stay with the customer, untied; restoring ties them again.
    pub fn delete_opportunity(&self, id: i64) -> Result<()> {
        let o = self.opportunity(id)?;
        let tx = self.conn.unchecked_transaction()?;
        trash_opportunity(&tx, &o, &self.clock.timestamp(), None)?;
        tx.commit()?;
        Ok(())
    }
}

/// Copies a visit summary with its next actions into a trash entry and deletes them.
pub(crate) fn trash_visit(conn: &Connection, visit: &Visit, now: &str, import_id: Option<i64>) -> Result<()> {
    let id = visit.id;
    let actions = snapshot::rows(conn, "next_action", "visit_id", id)?;
    let contents = TrashContents { actions: actions.as_array().map_or(0, |a| a.len() as i64), ..Default::default() };
    let kept = serde_json::json!({ "visit": snapshot::rows(conn, "visit", "id", id)?, "actions": actions });
    conn.execute("DELETE FROM visit WHERE id = ?1", [id])?;
    search::items::remove(conn, HitKind::Visit, id)?;
    let entry = NewEntry {
        kind: DeletedKind::Visit,
        ref_id: id,
        customer_id: visit.customer_id,
        name: visit_name(visit),
        contents,
        kept,
        import_id,
    };
    put(conn, &entry, now)
}

/// Copies an opportunity with its stage history, payment plan, payments and delivery milestones
/// into a trash entry and deletes it; its
/// summaries and actions stay, untied (the entry keeps which, to tie them again).
pub(crate) fn trash_opportunity(conn: &Connection, o: &Opportunity, now: &str, import_id: Option<i64>) -> Result<()> {
    let id = o.id;
    let tied = |table: &str| -> Result<Vec<i64>> {
        let sql = format!("SELECT id FROM {table} WHERE opportunity_id = ?1 ORDER BY id");
        Ok(conn.prepare(&sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    };
    let kept = serde_json::json!({
        "opportunity": snapshot::rows(conn, "opportunity", "id", id)?,
        "stages": snapshot::rows(conn, "stage_change", "opportunity_id", id)?,
        "installments": snapshot::rows(conn, "installment", "opportunity_id", id)?,
        "payments": snapshot::rows(conn, "payment", "opportunity_id", id)?,
        "milestones": snapshot::rows(conn, "milestone", "opportunity_id", id)?,
        "visits": tied("visit")?,
        "actions": tied("next_action")?,
    });
    conn.execute("DELETE FROM opportunity WHERE id = ?1", [id])?;
    search::items::remove(conn, HitKind::Opportunity, id)?;
    let entry = NewEntry {
        kind: DeletedKind::Opportunity,
        ref_id: id,
        customer_id: o.customer_id,
        name: o.fields.name.clone(),
        contents: TrashContents::default(),
        kept,
        import_id,
    };
    put(conn, &entry, now)
}

/// How the trash and the undo banner name a summary: its date and goal, else the start of its
/// summary, else the date alone (the UI names it the same way when it is deleted, VisitsTab.vue).
fn visit_name(v: &Visit) -> String {
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
