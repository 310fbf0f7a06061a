//! What a customer and a contact contribute to the search index (see `search/index.rs`).

use crate::search::index::{body_of, Entry};
use crate::search::HitKind;
use crate::text::{digits, pinyin, search_text};

use super::{Contact, Customer};

pub(crate) fn customer_entry(c: &Customer) -> Entry {
    let f = &c.fields;
    let (full, initials) = pinyin(&f.name);
    let (short_full, short_initials) = pinyin(&f.short_name);
    let names: Vec<String> =
        [&f.name, &f.short_name].into_iter().map(|n| search_text(n)).filter(|n| !n.is_empty()).collect();
    let subtitle = [f.short_name.as_str(), f.industry.as_str(), f.region.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut parts = names.clone();
    parts.extend([full, initials.clone(), short_full, short_initials, search_text(&f.stock_code)]);
    let body = body_of(parts);
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
    let subtitle =
        [f.title.as_str(), customer_name].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
    let body = body_of(vec![
        name.clone(),
        full,
        initials.clone(),
        digits(&f.phone),
        search_text(&f.wechat),
        search_text(&f.email),
    ]);
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
