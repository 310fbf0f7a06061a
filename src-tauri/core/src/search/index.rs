//! Keeping the search index in step with customers and contacts. Called inside the same
//! transaction as the write it follows, so the index never disagrees with the data.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::model::{Contact, Customer, HitKind};
use crate::normalize::{digits, pinyin, search_text};

/// What one record contributes to the index.
pub(crate) struct Entry {
    pub kind: HitKind,
    pub ref_id: i64,
    pub customer_id: i64,
    pub title: String,
    pub subtitle: String,
    /// Normalised names (the main name first), for 1–2 character grams and ranking.
    pub names: Vec<String>,
    pub initials: String,
    pub body: String,
}

pub(crate) fn customer_entry(c: &Customer) -> Entry {
    let f = &c.fields;
    let (full, initials) = pinyin(&f.name);
    let (short_full, short_initials) = pinyin(&f.short_name);
    let names: Vec<String> = [&f.name, &f.short_name]
        .into_iter()
        .map(|n| search_text(n))
        .filter(|n| !n.is_empty())
        .collect();
    let subtitle = [f.short_name.as_str(), f.industry.as_str(), f.region.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let body = [names.join(" "), full, initials.clone(), short_full, short_initials, search_text(&f.stock_code)]
        .join(" ");
    Entry {
        kind: HitKind::Customer,
        ref_id: c.id,
        customer_id: c.id,
        title: f.name.clone(),
        subtitle,
        names,
        initials,
        body,
    }
}

pub(crate) fn contact_entry(c: &Contact, customer_name: &str) -> Entry {
    let f = &c.fields;
    let (full, initials) = pinyin(&f.name);
    let name = search_text(&f.name);
    let subtitle = [f.title.as_str(), customer_name]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let body = [
        name.clone(),
        full,
        initials.clone(),
        digits(&f.phone),
        search_text(&f.wechat),
        search_text(&f.email),
    ]
    .join(" ");
    Entry {
        kind: HitKind::Contact,
        ref_id: c.id,
        customer_id: c.customer_id,
        title: f.name.clone(),
        subtitle,
        names: vec![name],
        initials,
        body,
    }
}

/// Every distinct 1- and 2-character substring of the names.
pub(crate) fn grams(names: &[String]) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    for name in names {
        let chars: Vec<char> = name.chars().collect();
        for i in 0..chars.len() {
            out.insert(chars[i].to_string());
            if i + 1 < chars.len() {
                out.insert(chars[i..i + 2].iter().collect());
            }
        }
    }
    out.into_iter().collect()
}

/// Index rows of many records written together. The 1–2 character grams are collected and
/// inserted sorted at the end: inserting them record by record means millions of random
/// B-tree inserts for a large import, sorted they go in almost like an append.
#[derive(Default)]
pub(crate) struct Batch {
    grams: Vec<(String, i64)>,
}

impl Batch {
    /// Replaces the index rows of one record (its grams are written by [`Batch::finish`]).
    pub(crate) fn put(&mut self, conn: &Connection, e: &Entry) -> Result<()> {
        remove(conn, e.kind, e.ref_id)?;
        conn.prepare_cached(
            "INSERT INTO search_entry (kind, ref_id, customer_id, title, subtitle, names, initials, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            e.kind.code(),
            e.ref_id,
            e.customer_id,
            e.title,
            e.subtitle,
            e.names.join(" "),
            e.initials,
            e.body
        ])?;
        let entry_id = conn.last_insert_rowid();
        conn.prepare_cached("INSERT INTO search_fts (rowid, body) VALUES (?1, ?2)")?
            .execute(params![entry_id, e.body])?;
        self.grams.extend(grams(&e.names).into_iter().map(|g| (g, entry_id)));
        Ok(())
    }

    pub(crate) fn finish(mut self, conn: &Connection) -> Result<()> {
        self.grams.sort_unstable();
        let mut st = conn.prepare_cached("INSERT OR IGNORE INTO search_gram (gram, entry_id) VALUES (?1, ?2)")?;
        for (g, id) in &self.grams {
            st.execute(params![g, id])?;
        }
        Ok(())
    }
}

/// Replaces the index rows of one record.
pub(crate) fn put(conn: &Connection, e: &Entry) -> Result<()> {
    let mut batch = Batch::default();
    batch.put(conn, e)?;
    batch.finish(conn)
}

/// Removes one record from the index (no-op when absent).
pub(crate) fn remove(conn: &Connection, kind: HitKind, ref_id: i64) -> Result<()> {
    let existing: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, names FROM search_entry WHERE kind = ?1 AND ref_id = ?2")?
        .query_row(params![kind.code(), ref_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((entry_id, names)) = existing else { return Ok(()) };
    let names: Vec<String> = names.split(' ').map(str::to_string).collect();
    let mut st = conn.prepare_cached("DELETE FROM search_gram WHERE gram = ?1 AND entry_id = ?2")?;
    for g in grams(&names) {
        st.execute(params![g, entry_id])?;
    }
    conn.prepare_cached("DELETE FROM search_fts WHERE rowid = ?1")?.execute([entry_id])?;
    conn.prepare_cached("DELETE FROM search_entry WHERE id = ?1")?.execute([entry_id])?;
    Ok(())
}

pub(crate) fn customer(conn: &Connection, c: &Customer) -> Result<()> {
    put(conn, &customer_entry(c))
}

pub(crate) fn contact(conn: &Connection, c: &Contact) -> Result<()> {
    let customer_name: String =
        conn.query_row("SELECT name FROM customer WHERE id = ?1", [c.customer_id], |r| r.get(0))?;
    put(conn, &contact_entry(c, &customer_name))
}

/// Re-indexes a customer and its contacts (their subtitles show the customer's name).
pub(crate) fn customer_and_contacts(conn: &Connection, customer_id: i64) -> Result<()> {
    let c = crate::store::load_customer_for_index(conn, customer_id)?;
    customer(conn, &c)?;
    for ct in crate::store::load_contacts_for_index(conn, customer_id)? {
        put(conn, &contact_entry(&ct, &c.fields.name))?;
    }
    Ok(())
}

pub(crate) fn remove_customer_and_contacts(conn: &Connection, customer_id: i64) -> Result<()> {
    remove(conn, HitKind::Customer, customer_id)?;
    let ids: Vec<i64> = conn
        .prepare("SELECT ref_id FROM search_entry WHERE kind = 'contact' AND customer_id = ?1")?
        .query_map([customer_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        remove(conn, HitKind::Contact, id)?;
    }
    Ok(())
}
