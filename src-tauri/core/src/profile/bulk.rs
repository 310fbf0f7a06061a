//! Inserting many complete profiles in one transaction, each with its power map (sample data,
//! benchmarks' databases). Each profile is validated like a form save; one bad profile
//! rolls the whole batch back.

use rusqlite::params;

use crate::customers::contacts::insert_contact;
use crate::customers::store::{insert_customer, touch_section};
use crate::customers::{completeness as profile, validate};
use crate::customers::{
    Contact, ContactFields, Customer, CustomerFields, CustomerProfile, FinancialPeriod, MainBusiness, ProcessIt,
    RoleAssessment, Section, SpBp, Supplier,
};
use crate::error::{CoreError, Reason, Result};
use crate::search;
use crate::settings::Settings;
use crate::text::customer_key;
use crate::Store;

/// A customer with its dimensions and contacts, before it has ids.
#[derive(Clone, Debug, Default)]
pub struct NewProfile {
    pub fields: CustomerFields,
    pub business: MainBusiness,
    pub financials: Vec<FinancialPeriod>,
    pub sp_bp: SpBp,
    pub suppliers: Vec<Supplier>,
    pub process_it: ProcessIt,
    /// Contacts; `reports_to` of a new contact is an *index* into this list.
    pub contacts: Vec<ContactFields>,
    /// Role assessments; `contact_id` is an index into `contacts`.
    pub roles: Vec<RoleAssessment>,
    /// When each dimension was last updated (defaults to now for the filled ones).
    pub updated: Vec<(Section, String)>,
    /// The rest of the power map: edges, scopes, slots, earlier assessments (sample data).
    pub power: crate::powermap::seed::PowerSeed,
}

impl Store {
    /// Inserts every profile in one transaction; returns how many were inserted.
    pub fn insert_profiles(&self, profiles: impl IntoIterator<Item = NewProfile>) -> Result<usize> {
        let now = self.clock.timestamp();
        let settings = self.settings()?;
        let today = self.clock.today();
        let tx = self.conn.unchecked_transaction()?;
        let mut count = 0;
        for p in profiles {
            insert_one(&tx, p, &now, &settings, today).map_err(|e| in_profile(e, count))?;
            count += 1;
        }
        tx.commit()?;
        Ok(count)
    }
}

/// Prefixes a validation error's field with the profile's position in the batch.
fn in_profile(e: CoreError, index: usize) -> CoreError {
    match e {
        CoreError::Validation { field, reason, detail } => {
            CoreError::Validation { field: format!("{index}.{field}"), reason, detail }
        }
        other => other,
    }
}

fn insert_one(
    tx: &rusqlite::Connection,
    p: NewProfile,
    now: &str,
    settings: &Settings,
    today: chrono::NaiveDate,
) -> Result<()> {
    validate::customer(&p.fields)?;
    validate::business(&p.business)?;
    validate::financials(&p.financials)?;
    validate::sp_bp(&p.sp_bp)?;
    validate::suppliers(&p.suppliers)?;
    validate::process_it(&p.process_it)?;
    for c in &p.contacts {
        validate::contact(c)?;
    }
    let f = &p.fields;
    let key = customer_key(&f.name);
    let taken: bool =
        tx.prepare_cached("SELECT 1 FROM customer WHERE name_key = ?1 AND deleted_at IS NULL")?.exists([&key])?;
    if taken {
        return Err(CoreError::validation_detail("name", Reason::Duplicate, f.name.clone()));
    }
    let id = insert_customer(tx, f, &key, now, 0)?;
    tx.prepare_cached("UPDATE customer SET business = ?2, sp_bp = ?3, process_it = ?4 WHERE id = ?1")?.execute(
        params![
            id,
            serde_json::to_string(&p.business).expect("business serialises"),
            serde_json::to_string(&p.sp_bp).expect("sp/bp serialises"),
            serde_json::to_string(&p.process_it).expect("process/IT serialises"),
        ],
    )?;
    let customer =
        Customer { id, fields: p.fields.clone(), completeness: 0, created_at: now.into(), updated_at: now.into() };
    search::index::insert(tx, &crate::customers::search::customer_entry(&customer))?;

    let mut st = tx.prepare_cached(
        "INSERT INTO financial_period (customer_id, period, revenue, gross_margin, net_profit,
             inventory_days, receivable_days, cash_flow, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for x in &p.financials {
        st.execute(params![
            id,
            x.period,
            x.revenue,
            x.gross_margin,
            x.net_profit,
            x.inventory_days,
            x.receivable_days,
            x.cash_flow.map(|c| c.code()),
            x.source
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO supplier (customer_id, position, category, name, share, since,
             contract_end, allocation_rule, strengths, weaknesses, is_us)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, s) in p.suppliers.iter().enumerate() {
        st.execute(params![
            id,
            i as i64,
            s.category,
            s.name,
            s.share,
            s.since,
            s.contract_end,
            s.allocation_rule.map(|a| a.code()),
            s.strengths,
            s.weaknesses,
            s.is_us
        ])?;
    }
    crate::customers::search::index_customer_suppliers(tx, id)?;

    // Contacts: insert first, then resolve reports-to indexes to the new ids.
    let mut contacts: Vec<Contact> = Vec::with_capacity(p.contacts.len());
    for c in &p.contacts {
        let unlinked = ContactFields { reports_to: None, ..c.clone() };
        let mut contact = insert_contact(tx, id, &unlinked, now)?;
        contact.fields.reports_to = c.reports_to;
        contacts.push(contact);
    }
    let ids: Vec<i64> = contacts.iter().map(|c| c.id).collect();
    let mut st = tx.prepare_cached("UPDATE contact SET reports_to = ?2 WHERE id = ?1")?;
    for c in contacts.iter_mut() {
        if let Some(boss) = c.fields.reports_to {
            let boss_id = *ids
                .get(boss as usize)
                .ok_or_else(|| CoreError::validation("contacts.reportsTo", Reason::InvalidReference))?;
            st.execute(params![c.id, boss_id])?;
            c.fields.reports_to = Some(boss_id);
        }
        search::index::insert(tx, &crate::customers::search::contact_entry(c, &f.name))?;
    }
    let roles: Vec<RoleAssessment> = p
        .roles
        .iter()
        .map(|r| RoleAssessment { contact_id: ids.get(r.contact_id as usize).copied().unwrap_or(-1), ..r.clone() })
        .collect();
    validate::roles(&roles, &ids)?;
    let mut st = tx.prepare_cached(
        "INSERT INTO role_assessment (customer_id, contact_id, position, buying_role, support,
             influence, coverage, evidence, assessed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, r) in roles.iter().enumerate() {
        st.execute(params![
            id,
            r.contact_id,
            i as i64,
            r.buying_role.map(|b| b.code()),
            r.support,
            r.influence,
            r.coverage.map(|c| c.code()),
            r.evidence,
            if r.assessed_on.is_empty() { &now[..10] } else { &r.assessed_on }
        ])?;
    }
    let has_power_map = !roles.is_empty() || !p.power.is_empty();
    if has_power_map {
        let refs: Vec<_> =
            contacts.iter().map(|c| crate::powermap::ContactRef { id: c.id, name: c.fields.name.clone() }).collect();
        crate::powermap::store::seed_profile(tx, id, &refs, &p.power, now)?;
    }

    let mut prof = CustomerProfile {
        customer,
        business: p.business,
        financials: p.financials,
        sp_bp: p.sp_bp,
        roles,
        suppliers: p.suppliers,
        process_it: p.process_it,
        contacts,
        sections: vec![],
        signals: vec![],
        power_status: Default::default(),
        last_follow_up: None,
    };
    let mut updated = p.updated;
    for &section in Section::ALL {
        if !updated.iter().any(|(s, _)| *s == section) && profile::completeness(&prof, section) > 0 {
            updated.push((section, now.to_string()));
        }
    }
    for (section, at) in &updated {
        touch_section(tx, id, *section, at)?;
    }
    // The customer was last updated when its most recent dimension was.
    if let Some(latest) = updated.iter().map(|(_, at)| at.as_str()).max() {
        tx.prepare_cached("UPDATE customer SET updated_at = ?2 WHERE id = ?1")?.execute(params![id, latest])?;
    }
    prof.sections = profile::sections(&prof, &updated, settings.stale_months, today);
    tx.prepare_cached("UPDATE customer SET completeness = ?2 WHERE id = ?1")?
        .execute(params![id, profile::overall(&prof.sections)])?;
    if has_power_map {
        crate::powermap::store::refresh_status(tx, id)?;
    }
    Ok(())
}
