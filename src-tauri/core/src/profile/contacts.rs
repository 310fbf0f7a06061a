//! Saving the contact form (联系人全息背景卡): the contact is validated and written, its
//! reports-to line checked and recorded by the power map, and the fresh profile returned.

use rusqlite::Connection;

use crate::customers::contacts::{insert_contact, load_contact, tidy, write_contact};
use crate::customers::search::contact_entry;
use crate::customers::store::load_customer;
use crate::customers::validate;
use crate::customers::{Contact, ContactFields, CustomerProfile, Section};
use crate::error::{ContactRef, CoreError, Reason, Result};
use crate::powermap::store::{check_no_cycle, record_reports_to, Now};
use crate::search;
use crate::Store;

impl Store {
    /// `reports_to` must be another live contact of the same customer, and following the chain
    /// upwards must never come back to this contact (refused naming the loop, worded as on the
    /// power map: "王总 → 李经理 → 王总").
    fn check_reports_to(&self, customer_id: i64, me: Option<&Contact>, boss: Option<i64>) -> Result<()> {
        let Some(boss) = boss else { return Ok(()) };
        let invalid = || CoreError::validation("reportsTo", Reason::InvalidReference);
        let target = load_contact(&self.conn, boss).map_err(|_| invalid())?;
        if target.customer_id != customer_id {
            return Err(invalid());
        }
        match me {
            Some(me) => {
                let me = ContactRef { id: me.id, name: me.fields.name.clone() };
                check_no_cycle(&self.conn, customer_id, &me, boss)
            }
            None => Ok(()), // a new contact has nobody under them yet
        }
    }

    pub fn create_contact(&self, customer_id: i64, fields: &ContactFields) -> Result<CustomerProfile> {
        let f = tidy(fields);
        validate::contact(&f)?;
        let customer = load_customer(&self.conn, customer_id)?;
        self.check_reports_to(customer_id, None, f.reports_to)?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        let contact = insert_contact(&tx, customer_id, &f, &now)?;
        search::index::insert(&tx, &contact_entry(&contact, &customer.fields.name))?;
        self.record_reports_to(&tx, &contact, None)?;
        self.finish_section_save(tx, customer_id, Section::KeyPersons, &now)
    }

    pub fn update_contact(&self, id: i64, fields: &ContactFields) -> Result<CustomerProfile> {
        let f = tidy(fields);
        validate::contact(&f)?;
        let existing = load_contact(&self.conn, id)?;
        self.check_reports_to(existing.customer_id, Some(&existing), f.reports_to)?;
        let now = self.clock.timestamp();
        let tx = self.conn.unchecked_transaction()?;
        write_contact(&tx, id, &f, &now)?;
        self.record_reports_to(&tx, &load_contact(&tx, id)?, existing.fields.reports_to)?;
        self.finish_section_save(tx, existing.customer_id, Section::KeyPersons, &now)
    }

    /// A changed reports-to goes into the power map's history (its past views show it).
    fn record_reports_to(&self, conn: &Connection, c: &Contact, old: Option<i64>) -> Result<()> {
        let me = ContactRef { id: c.id, name: c.fields.name.clone() };
        let now = Now::of(self);
        record_reports_to(conn, c.customer_id, &me, old, c.fields.reports_to, &now)
    }
}
