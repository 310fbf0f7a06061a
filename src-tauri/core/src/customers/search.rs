//! What a customer and a contact contribute to the search index (see `search/index.rs`).

use crate::search::index::{body_of, other_readings, Entry};
use crate::search::HitKind;
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

pub(crate) fn customer_entry(c: &Customer) -> Entry {
    let f = &c.fields;
    let name = name_readings(company_readings(&f.name));
    let short = name_readings(readings(&f.short_name));
    let names: Vec<String> =
        [&f.name, &f.short_name].into_iter().map(|n| search_text(n)).filter(|n| !n.is_empty()).collect();
    let subtitle = [f.short_name.as_str(), f.industry.as_str(), f.region.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
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
    let subtitle =
        [f.title.as_str(), customer_name].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
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
