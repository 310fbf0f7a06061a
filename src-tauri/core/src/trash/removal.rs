//! What deleting a customer takes with it, counted before the delete so the UI can ask, and
//! again by the delete for its trash entry.

use rusqlite::Connection;

use crate::activity::CustomerRemoval;
use crate::customers::store::load_customer;
use crate::error::Result;
use crate::Store;

/// Counts what goes with the customer `id` (live, or marked by a delete from before the trash
/// existed): contacts, opportunities (open ones and their amount), visit summaries, actions,
/// purchase records, power-map scopes.
pub(crate) fn count(conn: &Connection, id: i64) -> Result<CustomerRemoval> {
    let name: String = conn.query_row("SELECT name FROM customer WHERE id = ?1", [id], |r| r.get(0))?;
    let count = |sql: &str| -> Result<i64> { Ok(conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?) };
    let (open_opportunities, open_amount): (i64, Option<f64>) = conn
        .prepare_cached(
            "SELECT count(*), sum(amount) FROM opportunity WHERE customer_id = ?1 AND stage NOT IN ('won', 'lost')",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(CustomerRemoval {
        customer_id: id,
        name,
        contacts: count("SELECT count(*) FROM contact WHERE customer_id = ?1 AND deleted_at IS NULL")?,
        opportunities: count("SELECT count(*) FROM opportunity WHERE customer_id = ?1")?,
        open_opportunities,
        open_amount: open_amount.unwrap_or(0.0),
        visits: count("SELECT count(*) FROM visit WHERE customer_id = ?1")?,
        actions: count("SELECT count(*) FROM next_action WHERE customer_id = ?1")?,
        open_actions: count("SELECT count(*) FROM next_action WHERE customer_id = ?1 AND status <> 'done'")?,
        purchases: count("SELECT count(*) FROM purchase WHERE customer_id = ?1")?,
        power_scopes: count("SELECT count(*) FROM power_scope WHERE customer_id = ?1")?,
    })
}

impl Store {
    /// What goes with the customer; the delete puts all of it in the trash with the customer
    /// ([`Store::delete_customer`]).
    pub fn customer_removal(&self, id: i64) -> Result<CustomerRemoval> {
        load_customer(&self.conn, id)?;
        count(&self.conn, id)
    }
}
