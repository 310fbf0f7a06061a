//! Walking every customer with its contacts and financial signals for reports, in three
//! streamed queries merged by customer id — not a dozen queries per customer — so the team
//! report of a large database costs one pass over each table with flat memory.

use super::contacts::{contact_from_row, CONTACT_COLUMNS};
use super::customers::{customer_from_row, CUSTOMER_COLUMNS};
use super::sections::{financial_from_row, FINANCIAL_COLUMNS};
use super::Store;
use crate::error::Result;
use crate::model::{Contact, CustomerProfile, FinancialPeriod};
use crate::signals;

impl Store {
    /// Calls `f` for every live customer in id order with a profile holding the customer,
    /// its contacts and its financial signals (the other dimensions are left empty).
    pub fn for_each_report_customer(&self, f: &mut dyn FnMut(CustomerProfile) -> Result<()>) -> Result<()> {
        let threshold = self.settings()?.turnover_change_pct;
        let mut customers = self.conn.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customer WHERE deleted_at IS NULL ORDER BY id"
        ))?;
        let mut contacts = self.conn.prepare(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contact WHERE deleted_at IS NULL
             ORDER BY customer_id, is_key_person DESC, id"
        ))?;
        let mut periods = self.conn.prepare(&format!(
            "SELECT customer_id, {FINANCIAL_COLUMNS} FROM financial_period ORDER BY customer_id, period"
        ))?;
        let mut contacts = contacts.query_map([], contact_from_row)?.peekable();
        let mut periods = periods
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, financial_from_row(r, 1)?)))?
            .peekable();
        for customer in customers.query_map([], customer_from_row)? {
            let customer = customer?;
            let id = customer.id;
            let mut mine: Vec<Contact> = Vec::new();
            // Rows of customers that are not live (deleted) are skipped on the way.
            loop {
                match contacts.peek() {
                    None => break,
                    Some(Ok(c)) if c.customer_id > id => break,
                    _ => {}
                }
                let c = contacts.next().expect("peeked")?;
                if c.customer_id == id {
                    mine.push(c);
                }
            }
            let mut series: Vec<FinancialPeriod> = Vec::new();
            loop {
                match periods.peek() {
                    None => break,
                    Some(Ok((owner, _))) if *owner > id => break,
                    _ => {}
                }
                let (owner, p) = periods.next().expect("peeked")?;
                if owner == id {
                    series.push(p);
                }
            }
            let mut p = CustomerProfile::new_customer(customer);
            p.signals = signals::financial(&series, threshold);
            p.financials = series;
            p.contacts = mine;
            f(p)?;
        }
        Ok(())
    }
}
