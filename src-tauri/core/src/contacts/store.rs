//! Contacts (联系人) and their background cards.

use std::sync::LazyLock;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use crate::customers::store::load_customer;
use crate::customers::validate;
use crate::customers::{Contact, ContactFields, CustomerProfile, Section};
use crate::error::{CoreError, Reason, Result};
use crate::powermap::ContactRef;
use crate::Store;
use crate::{search, text as normalize};

pub(crate) const CONTACT_COLUMNS: &str = "id, customer_id, name, title, department, reports_to, phone, \
    wechat, email, is_key_person, traits, ice_breakers, hobbies, preferences, pain_points, \
    career, communication_style, family, notes, last_contact, pinyin, updated_at";

pub(crate) fn contact_from_row(r: &Row) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        fields: ContactFields {
            name: r.get(2)?,
            title: r.get(3)?,
            department: r.get(4)?,
            reports_to: r.get(5)?,
            phone: r.get(6)?,
            wechat: r.get(7)?,
            email: r.get(8)?,
            is_key_person: r.get(9)?,
            traits: r.get(10)?,
            ice_breakers: r.get(11)?,
            hobbies: r.get(12)?,
            preferences: r.get(13)?,
            pain_points: r.get(14)?,
            career: r.get(15)?,
            communication_style: r.get(16)?,
            family: r.get(17)?,
            notes: r.get(18)?,
            last_contact: r.get(19)?,
        },
        pinyin: r.get(20)?,
        updated_at: r.get(21)?,
    })
}

/// The live contacts of a customer: key persons first, then by name.
pub(crate) fn load_contacts(conn: &Connection, customer_id: i64) -> Result<Vec<Contact>> {
    let mut st = conn.prepare(&format!(
        "SELECT {CONTACT_COLUMNS} FROM contact WHERE customer_id = ?1 AND deleted_at IS NULL
         ORDER BY is_key_person DESC, id"
    ))?;
    let rows = st.query_map([customer_id], contact_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn load_contact(conn: &Connection, id: i64) -> Result<Contact> {
    conn.query_row(
        &format!("SELECT {CONTACT_COLUMNS} FROM contact WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        contact_from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::not_found("contact", id))
}

/// Trims the text fields the way they are stored; the name also loses invisible characters
/// ([`crate::text::clean_name`]).
pub(crate) fn tidy(fields: &ContactFields) -> ContactFields {
    let mut f = fields.clone();
    f.name = crate::text::clean_name(&f.name);
    for s in [&mut f.title, &mut f.department, &mut f.phone, &mut f.wechat, &mut f.email, &mut f.last_contact] {
        *s = s.trim().to_string();
    }
    f
}

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
                crate::powermap::store::check_no_cycle(&self.conn, customer_id, &me, boss)
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
        search::index::insert(&tx, &crate::customers::search::contact_entry(&contact, &customer.fields.name))?;
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
        let me = crate::powermap::ContactRef { id: c.id, name: c.fields.name.clone() };
        let now = crate::powermap::store::Now::of(self);
        crate::powermap::store::record_reports_to(conn, c.customer_id, &me, old, c.fields.reports_to, &now)
    }

    /// Every contact of one customer (also those not yet assessed in the power map).
    pub fn contacts(&self, customer_id: i64) -> Result<Vec<Contact>> {
        load_customer(&self.conn, customer_id)?;
        load_contacts(&self.conn, customer_id)
    }
}

/// The columns [`contact_values`] fills, in its order.
const FIELD_COLUMNS: [&str; 20] = [
    "name",
    "pinyin",
    "title",
    "department",
    "reports_to",
    "phone",
    "wechat",
    "email",
    "is_key_person",
    "traits",
    "ice_breakers",
    "hobbies",
    "preferences",
    "pain_points",
    "career",
    "communication_style",
    "family",
    "notes",
    "last_contact",
    "updated_at",
];

fn contact_values(f: &ContactFields, pinyin: &str, now: &str) -> [Value; 20] {
    [
        f.name.clone().into(),
        pinyin.to_string().into(),
        f.title.clone().into(),
        f.department.clone().into(),
        f.reports_to.into(),
        f.phone.clone().into(),
        f.wechat.clone().into(),
        f.email.clone().into(),
        f.is_key_person.into(),
        f.traits.clone().into(),
        f.ice_breakers.clone().into(),
        f.hobbies.clone().into(),
        f.preferences.clone().into(),
        f.pain_points.clone().into(),
        f.career.clone().into(),
        f.communication_style.clone().into(),
        f.family.clone().into(),
        f.notes.clone().into(),
        f.last_contact.clone().into(),
        now.to_string().into(),
    ]
}

/// Inserts a contact (fields already validated, `reports_to` an existing id) in one
/// statement, without indexing it; returns it.
pub(crate) fn insert_contact(conn: &Connection, customer_id: i64, f: &ContactFields, now: &str) -> Result<Contact> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let marks: Vec<String> = (1..=FIELD_COLUMNS.len() + 2).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO contact ({}, customer_id, created_at) VALUES ({})",
            FIELD_COLUMNS.join(", "),
            marks.join(", ")
        )
    });
    let (pinyin, _) = normalize::pinyin(&f.name);
    let values = contact_values(f, &pinyin, now);
    let extra = [Value::from(customer_id), Value::from(now.to_string())];
    conn.prepare_cached(&SQL)?.execute(params_from_iter(values.iter().chain(&extra)))?;
    Ok(Contact { id: conn.last_insert_rowid(), customer_id, fields: f.clone(), pinyin, updated_at: now.into() })
}

/// Writes a contact's fields and re-indexes it for search.
pub(crate) fn write_contact(conn: &Connection, id: i64, f: &ContactFields, now: &str) -> Result<()> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let sets: Vec<String> = FIELD_COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
        format!("UPDATE contact SET {} WHERE id = ?1", sets.join(", "))
    });
    let (pinyin, _) = normalize::pinyin(&f.name);
    let values = contact_values(f, &pinyin, now);
    conn.prepare_cached(&SQL)?.execute(params_from_iter([Value::from(id)].iter().chain(&values)))?;
    crate::customers::store::reindex_contact(conn, &load_contact(conn, id)?)
}
