//! Loading the list-held dimensions of the profile: financial periods, suppliers and the role
//! table (the account-wide power map's assessments). Saving them is `profile/sections.rs`.

use rusqlite::{Connection, OptionalExtension};

use crate::customers::{AllocationRule, BuyingRole, CashFlow, Coverage, FinancialPeriod, RoleAssessment, Supplier};
use crate::error::Result;
use crate::store::code;

/// Financial periods in chronological order (`2024` < `2024-Q1` < `2024-03` sorts as text
/// well enough within one granularity, which is what a customer's series uses).
pub(crate) fn load_financials(conn: &Connection, id: i64) -> Result<Vec<FinancialPeriod>> {
    // Cached: a page of the signal feed reads the periods of each of its customers.
    let mut st = conn.prepare_cached(&format!(
        "SELECT {FINANCIAL_COLUMNS} FROM financial_period WHERE customer_id = ?1 ORDER BY period"
    ))?;
    let rows = st.query_map([id], |r| financial_from_row(r, 0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A customer's period `period`: its row id and revenue (万元), if the customer has it.
pub(crate) fn period_revenue(conn: &Connection, customer_id: i64, period: &str) -> Result<Option<(i64, Option<f64>)>> {
    Ok(conn
        .prepare_cached("SELECT id, revenue FROM financial_period WHERE customer_id = ?1 AND period = ?2")?
        .query_row(rusqlite::params![customer_id, period], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub(crate) const FINANCIAL_COLUMNS: &str =
    "period, revenue, gross_margin, net_profit, inventory_days, receivable_days, cash_flow, source";

/// A financial period from [`FINANCIAL_COLUMNS`] starting at column `at`.
pub(crate) fn financial_from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<FinancialPeriod> {
    Ok(FinancialPeriod {
        period: r.get(at)?,
        revenue: r.get(at + 1)?,
        gross_margin: r.get(at + 2)?,
        net_profit: r.get(at + 3)?,
        inventory_days: r.get(at + 4)?,
        receivable_days: r.get(at + 5)?,
        cash_flow: code(r.get(at + 6)?, CashFlow::from_code),
        source: r.get(at + 7)?,
    })
}

pub(crate) fn load_suppliers(conn: &Connection, id: i64) -> Result<Vec<Supplier>> {
    let mut st = conn.prepare(
        "SELECT category, name, share, since, contract_end, allocation_rule, strengths,
                weaknesses, is_us
         FROM supplier WHERE customer_id = ?1 ORDER BY position",
    )?;
    let rows = st
        .query_map([id], |r| {
            Ok(Supplier {
                category: r.get(0)?,
                name: r.get(1)?,
                share: r.get(2)?,
                since: r.get(3)?,
                contract_end: r.get(4)?,
                allocation_rule: code(r.get(5)?, AllocationRule::from_code),
                strengths: r.get(6)?,
                weaknesses: r.get(7)?,
                is_us: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Role assessments of the customer's live contacts, in table order.
pub(crate) fn load_roles(conn: &Connection, id: i64) -> Result<Vec<RoleAssessment>> {
    let mut st = conn.prepare(
        "SELECT r.contact_id, r.buying_role, r.support, r.influence, r.coverage, r.evidence,
                r.assessed_on
         FROM role_assessment r JOIN contact ct ON ct.id = r.contact_id
         WHERE r.customer_id = ?1 AND r.scope_id = 0 AND ct.deleted_at IS NULL ORDER BY r.position",
    )?;
    let rows = st
        .query_map([id], |r| {
            Ok(RoleAssessment {
                contact_id: r.get(0)?,
                buying_role: code(r.get(1)?, BuyingRole::from_code),
                support: r.get(2)?,
                influence: r.get(3)?,
                coverage: code(r.get(4)?, Coverage::from_code),
                evidence: r.get(5)?,
                assessed_on: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
