//! Contacts (联系人) and their background cards in SQLite: loading, inserting and writing
//! them, and a customer's list. Saving the contact form is `profile/contacts.rs` (a reports-to
//! line goes through the power map).

use std::sync::LazyLock;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use crate::customers::store::load_customer;
use crate::customers::{Contact, ContactFields};
use crate::error::{CoreError, Result};
use crate::text as normalize;
use crate::Store;

/// A contact's own columns, as [`contact_from_row`] reads them first.
macro_rules! contact_fields {
    () => {
        "id, customer_id, name, title, department, reports_to, phone, \
         wechat, email, is_key_person, traits, ice_breakers, hobbies, preferences, pain_points, \
         career, communication_style, family, notes, last_contact, pinyin, updated_at"
    };
}

/// The columns [`contact_from_row`] reads, selected `FROM contact`. The last one is the day of
/// the latest follow-up record naming the contact among the customer's participants (its
/// customer's records only: the `visit_customer` index keeps it to a few rows). For all the
/// contacts of a customer, or of every customer, [`LAST_SEEN`] finds those days in one pass.
pub(crate) const CONTACT_COLUMNS: &str = concat!(
    contact_fields!(),
    ", (SELECT MAX(v.visited_on) FROM visit v, json_each(v.customer_participants) p \
      WHERE v.customer_id = contact.customer_id AND json_extract(p.value, '$.contactId') = contact.id)"
);

/// The latest follow-up day of each contact named among its customer's participants, for every
/// customer (`seen(seen_customer, contact_id, day)`, the CTE [`contacts_with_last_seen`] joins):
/// one pass over the records instead of one per contact (150 contacts × 1,000 records: 2 ms
/// instead of 200).
const LAST_SEEN: &str = "SELECT v.customer_id AS seen_customer, json_extract(p.value, '$.contactId') AS contact_id, \
    MAX(v.visited_on) AS day FROM visit v, json_each(v.customer_participants) p";

/// `SELECT` of [`contact_from_row`]'s columns of the live contacts that pass `filter` (an SQL
/// condition on `contact`), ordered by `order`, each with its latest follow-up day from one pass
/// over the records that pass `visits` (a condition on `visit v`, e.g. one customer's).
pub(crate) fn contacts_with_last_seen(visits: &str, filter: &str, order: &str) -> String {
    format!(
        "WITH seen AS ({LAST_SEEN} WHERE {visits} GROUP BY 1, 2)
         SELECT {}, seen.day FROM contact
         LEFT JOIN seen ON seen.seen_customer = contact.customer_id AND seen.contact_id = contact.id
         WHERE contact.deleted_at IS NULL AND ({filter}) ORDER BY {order}",
        contact_fields!()
    )
}

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
        followed_up_on: r.get(22)?,
    })
}

/// The live contacts of a customer: key persons first, then by name.
pub(crate) fn load_contacts(conn: &Connection, customer_id: i64) -> Result<Vec<Contact>> {
    // Prepared once per connection (as `load_contact`): an import of a known list reads a
    // customer's contacts per row.
    static SQL: LazyLock<String> = LazyLock::new(|| {
        contacts_with_last_seen("v.customer_id = ?1", "contact.customer_id = ?1", "is_key_person DESC, contact.id")
    });
    let mut st = conn.prepare_cached(&SQL)?;
    let rows = st.query_map([customer_id], contact_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn load_contact(conn: &Connection, id: i64) -> Result<Contact> {
    static SQL: LazyLock<String> =
        LazyLock::new(|| format!("SELECT {CONTACT_COLUMNS} FROM contact WHERE id = ?1 AND deleted_at IS NULL"));
    conn.prepare_cached(&SQL)?
        .query_row([id], contact_from_row)
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
    Ok(Contact {
        id: conn.last_insert_rowid(),
        customer_id,
        fields: f.clone(),
        pinyin,
        updated_at: now.into(),
        followed_up_on: None,
    })
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
