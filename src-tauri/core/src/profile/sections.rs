//! Saving dimensions 2–5, 7 and 8 of the profile. Lists (financial periods, suppliers, role
//! assessments) are saved whole: the edit table sends every row and the save replaces them in
//! one transaction, so a refused row leaves the stored list as it was.

use rusqlite::params;

use crate::customers::contacts::load_contacts;
use crate::customers::store::load_customer;
use crate::customers::validate;
use crate::customers::{
    CustomerProfile, FinancialPeriod, MainBusiness, ProcessIt, RoleAssessment, Section, SpBp, Supplier,
};
use crate::error::Result;
use crate::powermap::store::{replace_account_roles, Now};
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
        crate::customers::search::index_customer_suppliers(&tx, id)?;
        self.finish_section_save(tx, id, Section::Suppliers, &now)
    }

    /// Replaces the power-map role table (the account-wide scope's assessments; who covers
    /// each contact is kept). An assessment without a date is dated today.
    pub fn save_roles(&self, id: i64, roles: &[RoleAssessment]) -> Result<CustomerProfile> {
        load_customer(&self.conn, id)?;
        let contact_ids: Vec<i64> = load_contacts(&self.conn, id)?.iter().map(|c| c.id).collect();
        validate::roles(roles, &contact_ids)?;
        let now = Now::of(self);
        let tx = self.conn.unchecked_transaction()?;
        // The account-wide scope of the power map; each change goes into its history.
        replace_account_roles(&tx, id, roles, &now)?;
        self.finish_section_save(tx, id, Section::PowerMap, &now.timestamp)
    }
}
