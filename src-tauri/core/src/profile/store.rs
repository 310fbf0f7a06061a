//! The customer page (客户档案): reading the whole profile, and ending every save of it —
//! the section is dated, the cached completeness and power-map light refreshed, and the fresh
//! profile returned.

use rusqlite::{params, Connection};

use crate::customers::lifecycle::{self, Cause};
use crate::customers::store::{load_customer, load_stored_profile, reindex, tidy, touch_section, write_customer};
use crate::customers::{completeness as profile, signals, validate};
use crate::customers::{CustomerFields, CustomerProfile, Section};
use crate::error::Result;
use crate::powermap::store::{account_status, refresh_cached};
use crate::settings::Settings;
use crate::Store;

impl Store {
    /// Saves dimension 1 and the classification fields.
    pub fn update_customer(&self, id: i64, fields: &CustomerFields) -> Result<CustomerProfile> {
        let f = tidy(fields);
        validate::customer(&f)?;
        let before = load_customer(&self.conn, id)?.fields.lifecycle;
        let key = self.check_unique_name(&f.name, Some(id))?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        write_customer(&tx, id, &f, &key, &now)?;
        lifecycle::record(&tx, id, before, f.lifecycle, Cause::Hand, None, &now)?;
        self.finish_section_save(tx, id, Section::Overview, &now)
    }

    /// The whole customer page.
    pub fn profile(&self, id: i64) -> Result<CustomerProfile> {
        load_profile(&self.conn, id, &self.settings()?, self.clock.today())
    }

    /// Records that `section` changed, recomputes completeness, re-indexes the customer for
    /// search, commits, and returns the fresh profile.
    pub(crate) fn finish_section_save(
        &self,
        tx: rusqlite::Transaction<'_>,
        id: i64,
        section: Section,
        now: &str,
    ) -> Result<CustomerProfile> {
        touch_section(&tx, id, section, now)?;
        tx.execute("UPDATE customer SET updated_at = ?2 WHERE id = ?1", params![id, now])?;
        refresh_cached(&tx, id)?;
        if section == Section::Overview {
            reindex(&tx, id)?;
        }
        tx.commit()?;
        self.profile(id)
    }
}

/// The whole customer page: what the customer's tables hold, the power map's light, and the
/// completeness, staleness and signals derived from them.
pub(crate) fn load_profile(
    conn: &Connection,
    id: i64,
    settings: &Settings,
    today: chrono::NaiveDate,
) -> Result<CustomerProfile> {
    let (mut p, updates) = load_stored_profile(conn, id)?;
    p.signals = signals::financial(&p.financials, settings.turnover_change_pct, settings.financial_decline_pct);
    p.power_status = account_status(conn, id)?;
    p.last_follow_up =
        conn.query_row("SELECT MAX(visited_on) FROM visit WHERE customer_id = ?1", [id], |r| r.get(0))?;
    p.sections = profile::sections(&p, &updates, settings.stale_months, today);
    p.customer.completeness = profile::overall(&p.sections);
    Ok(p)
}
