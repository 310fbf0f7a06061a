//! The index of what is said and named around a customer: follow-up records (跟进记录), deals
//! (商机) and the suppliers of the profiles (`migrations/013_search_records.sql`). Like the
//! entries of customers and contacts (`index.rs`), it is given what to hold ([`Item`]) by the
//! features that own the records, inside the transaction of the write it follows.
//!
//! An item's id is its kind's range plus the record's id ([`item_id`]): every index is asked
//! for one kind's range of rowids, so each kind has its own candidates — a customer's name in
//! a thousand records neither hides the deals named like it nor costs more than one kind's
//! [`CANDIDATES`].

use std::collections::HashSet;

use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::index::body_of;
use super::{rank, HitKind, MatchField, SearchHit, Snippet, CANDIDATES};
use crate::error::Result;
use crate::text::{company_readings, search_text};

/// The kinds held here, in the order of their ranges.
pub const ITEM_KINDS: [HitKind; 3] = [HitKind::Visit, HitKind::Opportunity, HitKind::Supplier];

/// Bits of an item id left for the record's id.
const TAG_BITS: u32 = 40;

/// One value of an item: the field it comes from and its text as written.
pub(crate) struct Part {
    pub field: MatchField,
    pub text: String,
}

impl Part {
    pub fn new(field: MatchField, text: impl Into<String>) -> Self {
        Part { field, text: text.into() }
    }
}

/// What one record contributes to the index.
pub(crate) struct Item {
    pub kind: HitKind,
    pub ref_id: i64,
    pub customer_id: i64,
    pub title: String,
    /// Shown after the customer's name (a supplier's category); the customer's name itself is
    /// read from its entry when searching, so a renamed customer needs no re-indexing here.
    pub subtitle: String,
    /// The names the record goes by (a deal's, its competitors', a supplier's): found by their
    /// pinyin and initials under every reading too, and ranked by.
    pub names: Vec<Part>,
    /// Free text, found as written.
    pub text: Vec<Part>,
}

fn tag(kind: HitKind) -> i64 {
    ITEM_KINDS.iter().position(|k| *k == kind).expect("an item kind") as i64 + 1
}

/// The id of a record's item: its kind's range plus its id.
pub fn item_id(kind: HitKind, ref_id: i64) -> i64 {
    (tag(kind) << TAG_BITS) + ref_id
}

/// The ids of a kind's items, first and last.
fn range(kind: HitKind) -> (i64, i64) {
    let lo = tag(kind) << TAG_BITS;
    (lo, lo + (1 << TAG_BITS) - 1)
}

/// The tokens of the index for 1–2 character queries: every character of the runs of letters
/// and digits of the normalised values, and every pair of adjacent ones.
fn short_tokens<'a>(values: impl Iterator<Item = &'a String>) -> String {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    let mut keep = |t: String| {
        if seen.insert(t.clone()) {
            out.push(t);
        }
    };
    for value in values {
        let chars: Vec<char> = value.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if !c.is_alphanumeric() {
                continue;
            }
            keep(c.to_string());
            if let Some(next) = chars.get(i + 1).filter(|n| n.is_alphanumeric()) {
                keep([*c, *next].iter().collect());
            }
        }
    }
    out.join(" ")
}

/// A value on one line (the stored text keeps one value per line).
fn one_line(s: &str) -> String {
    s.trim().replace(['\n', '\r'], " ")
}

/// Adds the index rows of a record that has none yet.
pub(crate) fn insert(conn: &Connection, item: &Item) -> Result<()> {
    let id = item_id(item.kind, item.ref_id);
    let parts: Vec<&Part> = item.names.iter().chain(&item.text).filter(|p| !p.text.trim().is_empty()).collect();
    let name_count = item.names.iter().filter(|p| !p.text.trim().is_empty()).count();
    let normalised: Vec<String> = parts.iter().map(|p| search_text(&p.text)).collect();
    let mut keys: Vec<String> = Vec::new();
    let mut usual_initials = String::new();
    for (i, name) in parts[..name_count].iter().enumerate() {
        for (j, r) in company_readings(name.text.trim()).into_iter().enumerate() {
            if i == 0 && j == 0 {
                usual_initials = r.initials.clone();
            }
            for key in [r.full, r.initials] {
                if !key.is_empty() && !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
    }
    conn.prepare_cached(
        "INSERT INTO search_item (id, kind, ref_id, customer_id, title, subtitle, names, initials, readings, fields,
             text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        item.kind.code(),
        item.ref_id,
        item.customer_id,
        item.title,
        item.subtitle,
        normalised[..name_count].join(" "),
        usual_initials,
        keys.join(" "),
        parts.iter().map(|p| p.field.code()).collect::<Vec<_>>().join(" "),
        parts.iter().map(|p| one_line(&p.text)).collect::<Vec<_>>().join("\n"),
    ])?;
    conn.prepare_cached("INSERT INTO search_item_fts (rowid, body) VALUES (?1, ?2)")?
        .execute(params![id, body_of(normalised.clone())])?;
    conn.prepare_cached("INSERT INTO search_item_short (rowid, body) VALUES (?1, ?2)")?
        .execute(params![id, short_tokens(normalised.iter())])?;
    let mut st =
        conn.prepare_cached("INSERT OR IGNORE INTO search_item_reading (kind, reading, item_id) VALUES (?1, ?2, ?3)")?;
    for key in &keys {
        st.execute(params![item.kind.code(), key, id])?;
    }
    Ok(())
}

/// Replaces the index rows of one record.
pub(crate) fn put(conn: &Connection, item: &Item) -> Result<()> {
    remove(conn, item.kind, item.ref_id)?;
    insert(conn, item)
}

/// Removes one record from the index (no-op when absent).
pub(crate) fn remove(conn: &Connection, kind: HitKind, ref_id: i64) -> Result<()> {
    remove_id(conn, item_id(kind, ref_id))
}

fn remove_id(conn: &Connection, id: i64) -> Result<()> {
    let held: Option<(String, String)> = conn
        .prepare_cached("SELECT kind, readings FROM search_item WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((kind, readings)) = held else { return Ok(()) };
    let mut st =
        conn.prepare_cached("DELETE FROM search_item_reading WHERE kind = ?1 AND reading = ?2 AND item_id = ?3")?;
    for key in readings.split(' ').filter(|k| !k.is_empty()) {
        st.execute(params![kind, key, id])?;
    }
    conn.prepare_cached("DELETE FROM search_item_short WHERE rowid = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM search_item_fts WHERE rowid = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM search_item WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Removes a customer's items: all of them, or those of one kind (`kind`), before the
/// customer's suppliers are indexed again as saved.
pub(crate) fn remove_of_customer(conn: &Connection, customer_id: i64, kind: Option<HitKind>) -> Result<()> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM search_item WHERE customer_id = ?1 AND (?2 IS NULL OR kind = ?2)")?
        .query_map(params![customer_id, kind.map(|k| k.code())], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        remove_id(conn, id)?;
    }
    Ok(())
}

/// Merges the full-text indexes' segments, so no deleted item's tokens stay in the file (彻底删除).
pub(crate) fn optimize(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO search_item_fts (search_item_fts) VALUES ('optimize');
         INSERT INTO search_item_short (search_item_short) VALUES ('optimize');",
    )?;
    Ok(())
}

/// The ids of the kind's items holding the normalised query `q`, newest records first, from
/// whichever index answers it exactly.
fn candidates(conn: &Connection, kind: HitKind, q: &str) -> Result<Vec<i64>> {
    let (lo, hi) = range(kind);
    let limit = CANDIDATES as i64;
    let collect = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<Vec<i64>> {
        let mut st = conn.prepare_cached(sql)?;
        let ids = st.query_map(args, |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    };
    let token: String = q.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut ids = if q.chars().count() >= 3 {
        let phrase = format!("\"{}\"", q.replace('"', "\"\""));
        collect(
            "SELECT rowid FROM search_item_fts WHERE search_item_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3
             ORDER BY rowid DESC LIMIT ?4",
            params![phrase, lo, hi, limit],
        )?
    } else if token.is_empty() {
        Vec::new()
    } else {
        collect(
            "SELECT rowid FROM search_item_short WHERE search_item_short MATCH ?1 AND rowid BETWEEN ?2 AND ?3
             ORDER BY rowid DESC LIMIT ?4",
            params![format!("\"{token}\""), lo, hi, limit],
        )?
    };
    if kind != HitKind::Visit && q.chars().all(|c| c.is_ascii_lowercase()) {
        // A name's pinyin or initials, from their start.
        let (from, to) = super::prefix_range(q);
        ids.extend(collect(
            "SELECT item_id FROM search_item_reading WHERE kind = ?1 AND reading >= ?2 AND reading < ?3 LIMIT ?4",
            params![kind.code(), from, to, limit],
        )?);
    }
    Ok(ids)
}

/// A stored item as the ranking needs it.
struct Stored {
    hit: SearchHit,
    names: String,
    initials: String,
    fields: String,
    text: String,
}

/// At most `limit` hits of one kind: records newest first (their titles begin with the date),
/// deals and suppliers ranked like names ([`rank`]).
pub(crate) fn search_kind(conn: &Connection, kind: HitKind, q: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let mut ids = candidates(conn, kind, q)?;
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut st = conn.prepare(&format!(
        "SELECT ref_id, customer_id, title, subtitle, names, initials, fields, text
         FROM search_item WHERE id IN ({marks})"
    ))?;
    let mut found: Vec<Stored> = st
        .query_map(params_from_iter(&ids), |r| {
            Ok(Stored {
                hit: SearchHit {
                    kind,
                    id: r.get(0)?,
                    customer_id: r.get(1)?,
                    title: r.get(2)?,
                    subtitle: r.get(3)?,
                    snippet: None,
                },
                names: r.get(4)?,
                initials: r.get(5)?,
                fields: r.get(6)?,
                text: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if kind == HitKind::Visit {
        found.sort_by(|a, b| b.hit.title.cmp(&a.hit.title).then(b.hit.id.cmp(&a.hit.id)));
    } else {
        found.sort_by_cached_key(|s| {
            let body = search_text(&s.text.replace('\n', " "));
            (rank(q, &s.names, &s.initials, &body), s.hit.title.chars().count(), s.hit.id)
        });
    }
    found.truncate(limit);
    let mut customer = conn.prepare_cached("SELECT title FROM search_entry WHERE kind = 'customer' AND ref_id = ?1")?;
    found
        .into_iter()
        .map(|s| {
            let mut hit = s.hit;
            let name: String = customer.query_row([hit.customer_id], |r| r.get(0)).optional()?.unwrap_or_default();
            hit.subtitle = [name.as_str(), hit.subtitle.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            hit.snippet = s
                .fields
                .split(' ')
                .zip(s.text.split('\n'))
                .find_map(|(field, value)| snippet(MatchField::from_code(field)?, value, q, &hit.title));
            Ok(hit)
        })
        .collect()
}

/// How many characters of a value are shown before and after the match.
const BEFORE: usize = 16;
const AFTER: usize = 40;

/// Where `q` (normalised) is in `value`, as written: the value's characters each normalised
/// ([`search_text`]), with the original character each comes from.
fn locate(value: &str, q: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = value.chars().collect();
    let mut normalised = String::new();
    let mut origin: Vec<usize> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        for n in search_text(&c.to_string()).chars() {
            normalised.push(n);
            origin.push(i);
        }
    }
    let at = normalised.find(q)?;
    let start = normalised[..at].chars().count();
    let end = start + q.chars().count() - 1;
    Some((origin[start], origin[end] + 1))
}

/// The snippet of `value` around `q`, when `q` is in it as written. A name equal to the title
/// is given whole (the page marks the match in the title); other values are cut around it.
pub(crate) fn snippet(field: MatchField, value: &str, q: &str, title: &str) -> Option<Snippet> {
    let (start, end) = locate(value, q)?;
    let chars: Vec<char> = value.chars().collect();
    let whole = field == MatchField::Name && value == title;
    let from = if whole { 0 } else { start.saturating_sub(BEFORE) };
    let to = if whole { chars.len() } else { (end + AFTER).min(chars.len()) };
    let mut before: String = chars[from..start].iter().collect();
    let mut after: String = chars[end..to].iter().collect();
    if from > 0 {
        before.insert(0, '…');
    }
    if to < chars.len() {
        after.push('…');
    }
    Some(Snippet { field, before, matched: chars[start..end].iter().collect(), after })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tokens_are_the_characters_and_adjacent_pairs_of_each_run() {
        let values = ["西门子报价,低".to_string(), "abb".to_string()];
        assert_eq!(short_tokens(values.iter()), "西 西门 门 门子 子 子报 报 报价 价 低 a ab b bb");
    }

    #[test]
    fn item_ids_keep_the_kinds_apart() {
        let (lo, hi) = range(HitKind::Opportunity);
        assert!(item_id(HitKind::Visit, 1 << 39) < lo);
        assert!((lo..=hi).contains(&item_id(HitKind::Opportunity, 7)));
        assert!(item_id(HitKind::Supplier, 1) > hi);
    }

    #[test]
    fn a_snippet_cuts_the_value_around_the_match_as_written() {
        let value = "客户说：本季度 Siemens 报价比我们低约 15%，采购更倾向于他们，但技术总监仍支持我们的方案和服务，下周安排演示并提交试用申请";
        let s = snippet(MatchField::CompetitorNews, value, "siemens报价", "").unwrap();
        assert_eq!(s.matched, "Siemens 报价");
        assert_eq!(s.before, "客户说：本季度 ");
        assert!(s.after.starts_with("比我们低约") && s.after.ends_with('…'));
        let title = snippet(MatchField::Name, "西门子", "门", "西门子").unwrap();
        assert_eq!((title.before.as_str(), title.matched.as_str(), title.after.as_str()), ("西", "门", "子"));
        assert_eq!(snippet(MatchField::Summary, "ximenzi", "西门", ""), None);
    }
}
