//! Saving dimensions 2–5, 7 and 8 of the profile. Lists (financial periods, suppliers, role
//! assessments) are saved whole: the edit table sends every row and the save replaces them in
//! one transaction, so a refused row leaves the stored list as it was.

use rusqlite::{params, Connection};

use crate::customers::store::load_customer;
use crate::customers::validate;
use crate::customers::{
    AllocationRule, BuyingRole, CashFlow, Coverage, CustomerProfile, FinancialPeriod, MainBusiness, ProcessIt,
    RoleAssessment, Section, SpBp, Supplier,
};
use crate::error::Result;
use crate::store::code;
use crate::Store;

impl Store {
    /// Stores one of the JSON-held dimensions (2, 4, 8) after validation.
    fn save_json_section(&self, id: i64, column: &str, json: String, section: Section) -> Result<CustomerProfile> {
        load_customer(&self.conn, id)?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(&format!("UPDATE customer SET {column} = ?2 WHERE id = ?1"), params![id, json])?;
        self.finish_section_save(tx, id, section, &now)
    }

    pub fn save_business(&self, id: i64, business: &MainBusiness) -> Result<CustomerProfile> {
        validate::business(business)?;
        let json = serde_json::to_string(business).expect("business serialises");
        self.save_json_section(id, "business", json, Section::Business)
    }

    pub fn save_sp_bp(&self, id: i64, sp_bp: &SpBp) -> Result<CustomerProfile> {
        validate::sp_bp(sp_bp)?;
        let json = serde_json::to_string(sp_bp).expect("sp/bp serialises");
        self.save_json_section(id, "sp_bp", json, Section::SpBp)
    }

    pub fn save_process_it(&self, id: i64, process_it: &ProcessIt) -> Result<CustomerProfile> {
        validate::process_it(process_it)?;
        let mut p = process_it.clone();
        p.systems = p.systems.iter().map(|s| s.trim().to_string()).collect();
        let json = serde_json::to_string(&p).expect("process/IT serialises");
        self.save_json_section(id, "process_it", json, Section::ProcessIt)
    }

    /// Replaces the financial series; periods are stored trimmed and read back in order.
    pub fn save_financials(&self, id: i64, periods: &[FinancialPeriod]) -> Result<CustomerProfile> {
        validate::financials(periods)?;
        load_customer(&self.conn, id)?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM financial_period WHERE customer_id = ?1", [id])?;
        let mut st = tx.prepare(
            "INSERT INTO financial_period (customer_id, period, revenue, gross_margin, net_profit,
                 inventory_days, receivable_days, cash_flow, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for p in periods {
            st.execute(params![
                id,
                p.period.trim(),
                p.revenue,
                p.gross_margin,
                p.net_profit,
                p.inventory_days,
                p.receivable_days,
                p.cash_flow.map(|c| c.code()),
                p.source.trim(),
            ])?;
        }
        drop(st);
        self.finish_section_save(tx, id, Section::Financials, &now)
    }

    pub fn save_suppliers(&self, id: i64, suppliers: &[Supplier]) -> Result<CustomerProfile> {
        validate::suppliers(suppliers)?;
        load_customer(&self.conn, id)?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM supplier WHERE customer_id = ?1", [id])?;
        let mut st = tx.prepare(
            "INSERT INTO supplier (customer_id, position, category, name, share, since,
                 contract_end, allocation_rule, strengths, weaknesses, is_us)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (i, s) in suppliers.iter().enumerate() {
            st.execute(params![
                id,
                i as i64,
                s.category.trim(),
                s.name.trim(),
                s.share,
                s.since.trim(),
                s.contract_end.trim(),
                s.allocation_rule.map(|a| a.code()),
                s.strengths.trim(),
                s.weaknesses.trim(),
                s.is_us,
            ])?;
        }
        drop(st);
        self.finish_section_save(tx, id, Section::Suppliers, &now)
    }

    /// Replaces the power-map role table (the account-wide scope's assessments; who covers
    /// each contact is kept). An assessment without a date is dated today.
    pub fn save_roles(&self, id: i64, roles: &[RoleAssessment]) -> Result<CustomerProfile> {
        load_customer(&self.conn, id)?;
        let contact_ids: Vec<i64> =
            crate::contacts::store::load_contacts(&self.conn, id)?.iter().map(|c| c.id).collect();
        validate::roles(roles, &contact_ids)?;
        let now = crate::powermap::store::Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        // The account-wide scope of the power map; each change goes into its history.
        crate::powermap::store::replace_account_roles(&tx, id, roles, &now)?;
        self.finish_section_save(tx, id, Section::PowerMap, &now.timestamp)
    }
}

/// Financial periods in chronological order (`2024` < `2024-Q1` < `2024-03` sorts as text
/// well enough within one granularity, which is what a customer's series uses).
pub(crate) fn load_financials(conn: &Connection, id: i64) -> Result<Vec<FinancialPeriod>> {
    let mut st = conn
        .prepare(&format!("SELECT {FINANCIAL_COLUMNS} FROM financial_period WHERE customer_id = ?1 ORDER BY period"))?;
    let rows = st.query_map([id], |r| financial_from_row(r, 0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
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
