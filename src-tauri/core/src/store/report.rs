//! Walking every customer with its contacts and financial signals for reports, in three
//! streamed queries merged by customer id — not a dozen queries per customer — so the team
//! report of a large database costs one pass over each table with flat memory. Visit
//! summaries stream the same way: one ordered query, their actions fetched per batch.

use super::contacts::{contact_from_row, CONTACT_COLUMNS};
use super::customers::{customer_from_row, CUSTOMER_COLUMNS};
use super::sections::{financial_from_row, FINANCIAL_COLUMNS};
use super::visits::{visit_from_row, with_actions, VISIT_COLUMNS, VISIT_FROM};
use super::Store;
use crate::error::Result;
use crate::model::{Contact, CustomerProfile, FinancialPeriod};
use crate::signals;
use crate::visits::Visit;

/// How many visits get their actions in one query while the visits stream.
const VISIT_BATCH: usize = 500;

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

impl Store {
    /// Calls `f` for the first `limit` visit summaries of live customers, newest first (date,
    /// time, id), with their actions and the computed 已逾期 — one ordered query over the
    /// visits, the actions read [`VISIT_BATCH`] visits at a time, so 200k visits stream with
    /// flat memory. Returns how many there are in all (more than `limit` when it cut them).
    pub fn for_each_report_visit(&self, limit: u32, f: &mut dyn FnMut(Visit) -> Result<()>) -> Result<i64> {
        let today = self.today_text();
        let mut st = self.conn.prepare(&format!(
            "SELECT {VISIT_COLUMNS} FROM {VISIT_FROM} WHERE c.deleted_at IS NULL
             ORDER BY v.visited_on DESC, v.visited_time DESC, v.id DESC LIMIT ?1"
        ))?;
        let mut batch: Vec<Visit> = Vec::with_capacity(VISIT_BATCH);
        let mut flush = |batch: &mut Vec<Visit>| -> Result<()> {
            for v in with_actions(&self.conn, std::mem::take(batch), &today)? {
                f(v)?;
            }
            Ok(())
        };
        let mut passed = 0i64;
        for v in st.query_map([limit], visit_from_row)? {
            batch.push(v?);
            passed += 1;
            if batch.len() == VISIT_BATCH {
                flush(&mut batch)?;
            }
        }
        flush(&mut batch)?;
        if passed < i64::from(limit) {
            return Ok(passed);
        }
        let all = format!("SELECT count(*) FROM {VISIT_FROM} WHERE c.deleted_at IS NULL");
        Ok(self.conn.query_row(&all, [], |r| r.get(0))?)
    }
}
