//! What deleting a customer takes with it, counted before the delete so the UI can ask.

use super::customers::load_customer;
use super::Store;
use crate::activity::CustomerRemoval;
use crate::error::Result;

impl Store {
    /// Counts what goes with the customer: contacts, opportunities (open ones and their
    /// amount), visit summaries, actions, purchase records, power-map scopes. The delete puts
    /// all of it in the undo bin with the customer ([`Store::delete_customer`]).
    pub fn customer_removal(&self, id: i64) -> Result<CustomerRemoval> {
        let c = load_customer(&self.conn, id)?;
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?) };
        let (open_opportunities, open_amount): (i64, Option<f64>) = self.conn.prepare_cached(
            "SELECT count(*), sum(amount) FROM opportunity WHERE customer_id = ?1 AND stage NOT IN ('won', 'lost')",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(CustomerRemoval {
            customer_id: id,
            name: c.fields.name,
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
}
