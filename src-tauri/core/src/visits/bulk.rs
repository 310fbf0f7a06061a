//! Inserting many opportunities and visit summaries at once, with their own dates (sample
//! data and the benchmark's database): one transaction, cached statements. Each record is
//! validated like a form save (gates included); one bad record rolls the batch back.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::opportunities::store as opportunities;
use crate::opportunities::{stages, OpportunityFields, Stage};
use crate::visits::store as visits;
use crate::visits::{validate, ActionStatus, Confirmation, VisitFields};
use crate::Store;

/// An opportunity as it stood on the day it entered its stage.
#[derive(Clone, Debug)]
pub struct NewOpportunity {
    pub customer_id: i64,
    pub fields: OpportunityFields,
    /// YYYY-MM-DD: created on, and the stages it went through before the current one.
    pub created_on: String,
    pub stage_since: String,
    /// The stages before the current one with the day each began (oldest first).
    pub earlier: Vec<(Stage, String)>,
}

/// A visit summary with its confirmation; `opportunity` is an index into the batch's
/// opportunities; participants are stored as given.
#[derive(Clone, Debug)]
pub struct NewVisit {
    pub customer_id: i64,
    pub opportunity: Option<usize>,
    pub fields: VisitFields,
    pub confirmation: Confirmation,
    pub sent_on: String,
    pub confirmed_on: String,
}

fn insert_opportunity(conn: &Connection, o: &NewOpportunity) -> Result<i64> {
    stages::validate(&o.fields)?;
    stages::check_gate(&o.fields, 0)?;
    let id =
        opportunities::insert(conn, o.customer_id, &o.fields, &o.stage_since, &format!("{}T09:00:00Z", o.created_on))?;
    crate::opportunities::search::index(conn, id, o.customer_id, &o.fields)?;
    let mut from: Option<Stage> = None;
    for (stage, on) in o.earlier.iter().chain(std::iter::once(&(o.fields.stage, o.stage_since.clone()))) {
        opportunities::record_stage(conn, id, o.customer_id, from, *stage, on, &format!("{on}T09:00:00Z"))?;
        from = Some(*stage);
    }
    Ok(id)
}

fn insert_visit(conn: &Connection, v: &NewVisit, opportunity_id: Option<i64>) -> Result<()> {
    validate::visit(&v.fields)?;
    let f = VisitFields { opportunity_id, ..v.fields.clone() };
    let at = format!("{}T{}:00Z", f.date, if f.time.is_empty() { "18:00" } else { &f.time });
    let visit_id = visits::insert_visit(conn, v.customer_id, &f, &at)?;
    crate::visits::search::index(conn, visit_id, v.customer_id, &f)?;
    conn.prepare_cached("UPDATE visit SET confirmation = ?2, sent_on = ?3, confirmed_on = ?4 WHERE id = ?1")?
        .execute(params![visit_id, v.confirmation.code(), v.sent_on, v.confirmed_on])?;
    let mut st = conn.prepare_cached(
        "INSERT INTO next_action (customer_id, visit_id, opportunity_id, position, what, owner, due_date, status, done_on,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, a) in f.actions.iter().enumerate() {
        // A completed action was done on its due date (or the visit's day, if that is later).
        let done = if a.status == ActionStatus::Done {
            a.due_date.as_str().max(f.date.as_str()).to_string()
        } else {
            String::new()
        };
        let updated = if done.is_empty() { at.clone() } else { format!("{done}T18:00:00Z") };
        st.execute(params![
            v.customer_id,
            visit_id,
            opportunity_id,
            i as i64,
            a.what,
            a.owner,
            a.due_date,
            a.status.code(),
            done,
            at,
            updated
        ])?;
    }
    Ok(())
}

impl Store {
    /// Inserts the opportunities, then the visits (tied to them by index), in one
    /// transaction; returns (opportunities, visits) inserted.
    pub fn insert_process_records(
        &self,
        opportunities: &[NewOpportunity],
        visits: impl IntoIterator<Item = NewVisit>,
    ) -> Result<(usize, usize)> {
        let tx = self.conn.unchecked_transaction()?;
        let ids = opportunities.iter().map(|o| insert_opportunity(&tx, o)).collect::<Result<Vec<i64>>>()?;
        let mut n = 0;
        for v in visits {
            insert_visit(&tx, &v, v.opportunity.map(|i| ids[i]))?;
            n += 1;
        }
        tx.commit()?;
        Ok((ids.len(), n))
    }
}

/// A customer as the sample data's generator needs it (`sample/pipeline.rs`).
pub(crate) struct Account {
    pub id: i64,
    pub owner: String,
    /// (contact id, name, title), key persons first.
    pub contacts: Vec<(i64, String, String)>,
}

/// The live customers that pass `filter` (an SQL condition on `customer`), by id.
pub(crate) fn accounts(conn: &Connection, filter: &str) -> Result<Vec<Account>> {
    let mut st =
        conn.prepare(&format!("SELECT id, owner FROM customer WHERE deleted_at IS NULL AND {filter} ORDER BY id"))?;
    let heads: Vec<(i64, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut contacts = conn.prepare("SELECT id, name, title FROM contact WHERE customer_id = ?1 AND deleted_at IS NULL ORDER BY is_key_person DESC, id")?;
    heads
        .into_iter()
        .map(|(id, owner)| {
            let contacts = contacts
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Account { id, owner, contacts })
        })
        .collect()
}
