//! Walking every customer with its contacts and financial signals for reports, in three
//! streamed queries merged by customer id — not a dozen queries per customer — so the team
//! report of a large database costs one pass over each table with flat memory. Visit
//! summaries stream the same way (their actions from a second query in the same order), and
//! so do the open and the lost opportunities, with the portfolio's lights evaluated once.

use std::sync::Arc;

use rusqlite::ToSql;

use crate::customers::contacts::{contact_from_row, contacts_with_last_seen};
use crate::customers::sections::{financial_from_row, FINANCIAL_COLUMNS};
use crate::customers::signals;
use crate::customers::store::{customer_from_row, CUSTOMER_COLUMNS};
use crate::customers::{Contact, CustomerProfile, FinancialPeriod};
use crate::error::Result;
use crate::opportunities::store::{opportunity_from_row, OPPORTUNITY_COLUMNS};
use crate::opportunities::{Opportunity, OpportunityRow};
use crate::risk::rollup::Lights;
use crate::visits::actions::{action_from_row, ACTION_COLUMNS};
use crate::visits::store::{attach_action, visit_from_row, VISIT_COLUMNS, VISIT_FROM};
use crate::visits::Visit;
use crate::weekly::Scope;
use crate::Store;

impl Store {
    /// Calls `f` for every live customer in id order with a profile holding the customer,
    /// its contacts and its financial signals (the other dimensions are left empty).
    /// `scope`: its owners' customers (the period does not apply to customers).
    pub fn for_each_report_customer(
        &self,
        scope: &Scope,
        f: &mut dyn FnMut(CustomerProfile) -> Result<()>,
    ) -> Result<()> {
        let settings = self.settings()?;
        let (turnover, decline) = (settings.turnover_change_pct, settings.financial_decline_pct);
        let mut customers = self.conn.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customer WHERE deleted_at IS NULL{} ORDER BY id",
            scope.owned("owner")
        ))?;
        let args = scope.args(&customers, &[])?;
        let mut contacts = self.conn.prepare(&contacts_with_last_seen(
            "1",
            "1",
            "contact.customer_id, is_key_person DESC, contact.id",
        ))?;
        let mut periods = self.conn.prepare(&format!(
            "SELECT customer_id, {FINANCIAL_COLUMNS} FROM financial_period ORDER BY customer_id, period"
        ))?;
        let mut contacts = contacts.query_map([], contact_from_row)?.peekable();
        let mut periods = periods.query_map([], |r| Ok((r.get::<_, i64>(0)?, financial_from_row(r, 1)?)))?.peekable();
        for customer in customers.query_map(args.as_slice(), customer_from_row)? {
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
            p.signals = signals::financial(&series, turnover, decline);
            p.financials = series;
            p.contacts = mine;
            f(p)?;
        }
        Ok(())
    }
}

/// The order of the report's visits: newest first.
const VISIT_ORDER: &str = "v.visited_on DESC, v.visited_time DESC, v.id DESC";

impl Store {
    /// Calls `f` for the first `limit` visit summaries of live customers, newest first (date,
    /// time, id), with their actions and the computed 已逾期. Two queries in the same order —
    /// the visits, and their actions sorted by their visit's place then their own — merged as
    /// they stream: 200k visits with flat memory, and no lookup per visit (fetching actions
    /// per batch of visits cost 2 s of random reads at 200k). Returns how many visits there
    /// are in all (more than `limit` when it cut them).
    /// `scope`: the visits of its period and of its owners' customers.
    pub fn for_each_report_visit(
        &self,
        scope: &Scope,
        limit: u32,
        f: &mut dyn FnMut(Visit) -> Result<()>,
    ) -> Result<i64> {
        let today = self.today_text();
        let filter = format!("c.deleted_at IS NULL{}{}", scope.during("v.visited_on"), scope.owned("c.owner"));
        let mut visits = self.conn.prepare(&format!(
            "SELECT {VISIT_COLUMNS} FROM {VISIT_FROM} WHERE {filter} ORDER BY {VISIT_ORDER} LIMIT :limit"
        ))?;
        // The visit's customer (c) and date filter both queries alike, so every action's visit
        // is in the first stream at the same place.
        let mut actions = self.conn.prepare(&format!(
            "SELECT {ACTION_COLUMNS} FROM next_action a JOIN visit v ON v.id = a.visit_id
                 JOIN customer c ON c.id = v.customer_id LEFT JOIN opportunity o ON o.id = a.opportunity_id
             WHERE {filter} ORDER BY {VISIT_ORDER}, a.position, a.id"
        ))?;
        let action_args = scope.args(&actions, &[])?;
        let mut actions = actions.query_map(action_args.as_slice(), |r| action_from_row(r, &today))?.peekable();
        let mut passed = 0i64;
        let extra: [(&str, &dyn ToSql); 1] = [(":limit", &limit)];
        let visit_args = scope.args(&visits, &extra)?;
        for v in visits.query_map(visit_args.as_slice(), visit_from_row)? {
            let mut v = v?;
            while let Some(Ok(a)) = actions.peek() {
                if a.visit_id != Some(v.id) {
                    break;
                }
                attach_action(&mut v, actions.next().expect("peeked")?);
            }
            if let Some(Err(_)) = actions.peek() {
                actions.next().expect("peeked")?;
            }
            passed += 1;
            f(v)?;
        }
        if passed < i64::from(limit) {
            return Ok(passed);
        }
        let mut count = self.conn.prepare(&format!("SELECT count(*) FROM {VISIT_FROM} WHERE {filter}"))?;
        let args = scope.args(&count, &[])?;
        Ok(count.query_row(args.as_slice(), |r| r.get(0))?)
    }

    /// Calls `f` for the first `limit` open opportunities of live customers, soonest expected
    /// close first (undated last), each with its light; returns how many there are in all.
    /// `scope`: its owners' deals (the period does not apply to open deals).
    pub fn for_each_open_opportunity(
        &self,
        scope: &Scope,
        limit: u32,
        f: &mut dyn FnMut(OpportunityRow) -> Result<()>,
    ) -> Result<i64> {
        // The portfolio's lights (from the cache while nothing changed), only once there is a
        // deal to show them on.
        let mut lights: Option<Arc<Lights>> = None;
        self.each_report_opportunity(
            scope,
            "o.stage NOT IN ('won', 'lost')",
            "o.expected_close = '', o.expected_close, o.id",
            limit,
            &mut |o| {
                let lights = match &lights {
                    Some(l) => l,
                    None => lights.insert(self.lights(None, true)?),
                };
                f(OpportunityRow {
                    risk: lights.opportunity(o.id, o.customer_id, o.fields.stage.is_open()),
                    opportunity: o,
                })
            },
        )
    }

    /// Calls `f` for the first `limit` lost opportunities of live customers, latest loss first;
    /// returns how many there are in all.
    /// `scope`: its owners' deals lost in its period.
    pub fn for_each_lost_opportunity(
        &self,
        scope: &Scope,
        limit: u32,
        f: &mut dyn FnMut(Opportunity) -> Result<()>,
    ) -> Result<i64> {
        let lost = format!("o.stage = 'lost'{}", scope.during("o.stage_since"));
        self.each_report_opportunity(scope, &lost, "o.stage_since DESC, o.id DESC", limit, f)
    }

    /// One ordered query instead of the table's pages (each page would sort and count again:
    /// 0.5 s a page at 40k open deals).
    fn each_report_opportunity(
        &self,
        scope: &Scope,
        filter: &str,
        order: &str,
        limit: u32,
        f: &mut dyn FnMut(Opportunity) -> Result<()>,
    ) -> Result<i64> {
        let probabilities = self.settings()?.stage_probabilities;
        let from = "opportunity o JOIN customer c ON c.id = o.customer_id";
        let filter = format!("{filter}{}", scope.owned("o.owner"));
        let mut st = self.conn.prepare(&format!(
            "SELECT {OPPORTUNITY_COLUMNS} FROM {from} WHERE c.deleted_at IS NULL AND {filter} ORDER BY {order} LIMIT :limit"
        ))?;
        let mut passed = 0i64;
        let extra: [(&str, &dyn ToSql); 1] = [(":limit", &limit)];
        let args = scope.args(&st, &extra)?;
        for o in st.query_map(args.as_slice(), |r| opportunity_from_row(r, &probabilities))? {
            passed += 1;
            f(o?)?;
        }
        if passed < i64::from(limit) {
            return Ok(passed);
        }
        let mut count =
            self.conn.prepare(&format!("SELECT count(*) FROM {from} WHERE c.deleted_at IS NULL AND {filter}"))?;
        let args = scope.args(&count, &[])?;
        Ok(count.query_row(args.as_slice(), |r| r.get(0))?)
    }
}
