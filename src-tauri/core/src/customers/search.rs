//! What a customer and a contact contribute to the search index (see `search/index.rs`), and
//! the suppliers of a profile (dimension 7, `search/items.rs`): our competitors at the
//! customer, found by their names (with pinyin and initials); our own row is left out.

use rusqlite::Connection;

use crate::error::Result;
use crate::search::index::{body_of, other_readings, Entry};
use crate::search::items::{self, Item, Part};
use crate::search::{HitKind, MatchField};
use crate::text::{company_readings, digits, readings, search_text, Reading};

use super::{Contact, Customer};

/// A name's readings split into the usual one and the others' parts (full and initials), and
/// the other initials alone.
struct NameReadings {
    usual: Reading,
    others: Vec<String>,
    other_initials: Vec<String>,
}

fn name_readings(all: Vec<Reading>) -> NameReadings {
    let mut all = all.into_iter();
    let usual = all.next().unwrap_or(Reading { full: String::new(), initials: String::new() });
    let mut others = Vec::new();
    let mut other_initials: Vec<String> = Vec::new();
    for r in all {
        if r.initials != usual.initials && !other_initials.contains(&r.initials) {
            other_initials.push(r.initials.clone());
        }
        others.extend([r.full, r.initials]);
    }
    NameReadings { usual, others, other_initials }
}

/// A hit's second line: a customer's short name, industry and region, a contact's title and
/// customer, those given, joined by " · ".
pub(crate) fn subtitle<const N: usize>(parts: [&str; N]) -> String {
    parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

pub(crate) fn customer_entry(c: &Customer) -> Entry {
    let f = &c.fields;
    let name = name_readings(company_readings(&f.name));
    let short = name_readings(readings(&f.short_name));
    let names: Vec<String> =
        [&f.name, &f.short_name].into_iter().map(|n| search_text(n)).filter(|n| !n.is_empty()).collect();
    let subtitle = subtitle([&f.short_name, &f.industry, &f.region]);
    let mut parts = names.clone();
    parts.extend([
        name.usual.full,
        name.usual.initials.clone(),
        short.usual.full,
        short.usual.initials,
        search_text(&f.stock_code),
    ]);
    let body = body_of(parts);
    let readings = other_readings(&body, name.others.into_iter().chain(short.others).collect());
    Entry {
        kind: HitKind::Customer,
        ref_id: c.id,
        customer_id: c.id,
        title: f.name.clone(),
        subtitle,
        names,
        initials: name.usual.initials,
        body,
        other_initials: name.other_initials,
        readings,
    }
}

pub(crate) fn contact_entry(c: &Contact, customer_name: &str) -> Entry {
    let f = &c.fields;
    let reading = name_readings(readings(&f.name));
    let name = search_text(&f.name);
    let subtitle = subtitle([&f.title, customer_name]);
    let body = body_of(vec![
        name.clone(),
        reading.usual.full,
        reading.usual.initials.clone(),
        digits(&f.phone),
        search_text(&f.wechat),
        search_text(&f.email),
    ]);
    let readings = other_readings(&body, reading.others);
    Entry {
        kind: HitKind::Contact,
        ref_id: c.id,
        customer_id: c.customer_id,
        title: f.name.clone(),
        subtitle,
        names: vec![name],
        initials: reading.usual.initials,
        body,
        other_initials: reading.other_initials,
        readings,
    }
}

/// A supplier row's item: its name, with its category shown.
fn supplier_item(id: i64, customer_id: i64, name: &str, category: &str) -> Item {
    Item {
        kind: HitKind::Supplier,
        ref_id: id,
        customer_id,
        title: name.into(),
        subtitle: category.into(),
        names: vec![Part::new(MatchField::Name, name)],
        text: Vec::new(),
    }
}

/// Indexes the suppliers of the live customers that pass `filter` (an SQL condition on
/// `customer c` with one parameter `?1`).
fn index_suppliers(conn: &Connection, filter: &str, arg: i64) -> Result<()> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT s.id, s.customer_id, s.name, s.category FROM supplier s JOIN customer c ON c.id = s.customer_id
         WHERE c.deleted_at IS NULL AND NOT s.is_us AND trim(s.name) <> '' AND ({filter})
         ORDER BY s.customer_id, s.position"
    ))?;
    let rows: Vec<(i64, i64, String, String)> =
        st.query_map([arg], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
    for (id, customer_id, name, category) in rows {
        items::put(conn, &supplier_item(id, customer_id, &name, &category))?;
    }
    Ok(())
}

/// Indexes one customer's suppliers as stored, replacing what it had: after a save of the
/// suppliers (whose rows are written anew), a customer back from the trash or erased from.
pub(crate) fn index_customer_suppliers(conn: &Connection, customer_id: i64) -> Result<()> {
    items::remove_of_customer(conn, customer_id, Some(HitKind::Supplier))?;
    index_suppliers(conn, "c.id = ?1", customer_id)
}

/// Indexes every live customer's suppliers (the back-fill of migration 013).
pub(crate) fn index_all_suppliers(conn: &Connection) -> Result<()> {
    index_suppliers(conn, "?1 = 0", 0)
}
