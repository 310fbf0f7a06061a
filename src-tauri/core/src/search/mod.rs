//! Instant search (Ctrl/Cmd+K, `dossier-cli search`) over customers and contacts, and over
//! what is said and named around them: follow-up records, deals and the suppliers of the
//! profiles ([`items`], each kind with its own candidates).
//!
//! Matches Chinese substrings of any length, full pinyin ("zhangsan") and pinyin initials ("zs")
//! under every reading of the names' characters (长沙: "zhangsha" and "changsha"), phone
//! numbers (written with or without +86), e-mail/WeChat and short names. Three indexes answer it (see
//! `migrations/001_initial.sql`), each used only where it is exact:
//! - queries of ≥3 characters: the FTS5 trigram index over each entry's body;
//! - 1–2 character queries, which trigrams cannot answer: an FTS5 index holding the names'
//!   characters as one token each (`search_uni`; a 2-character query is a phrase);
//! - 1–2 latin letters: additionally a prefix range on the pinyin initials (the usual
//!   reading's in `search_entry`, the others' in `search_initials`).
//!
//! Each index yields at most [`CANDIDATES`] entries; those are ranked (exact name, name
//! prefix, initials, name substring, anything else, found only through a name's other reading;
//! then shorter names first) and grouped.

pub mod backlog;
pub mod index;
pub mod items;
mod model;

pub use model::*;

use rusqlite::{params, params_from_iter, Connection};

use crate::error::Result;
use crate::text::{digits, search_text};

/// How many index hits are ranked at most per index.
pub const CANDIDATES: usize = 200;

/// The normalised form of a query: a phone-like query ("138-0013", "+86 (138) 0013") keeps
/// only its digits, without China's country code when it is written as one ("+86", "0086").
/// A stored number needs no such care: its digits hold the national number whether it was
/// written with the code or not.
pub fn normalize_query(query: &str) -> String {
    let q = search_text(query);
    let phone_like = q.chars().any(|c| c.is_ascii_digit())
        && q.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '(' | ')'));
    if !phone_like {
        return q;
    }
    let d = digits(&q);
    let code = if q.trim_start_matches('(').starts_with("+86") {
        "86"
    } else if d.starts_with("0086") {
        "0086"
    } else {
        ""
    };
    match d.strip_prefix(code) {
        Some(national) if !national.is_empty() => national.to_string(),
        _ => d,
    }
}

/// Searches customers, contacts, follow-up records, deals and suppliers; at most `limit` hits
/// of each kind.
pub fn search(conn: &Connection, query: &str, limit: usize) -> Result<SearchResults> {
    let q = normalize_query(query);
    if q.is_empty() || limit == 0 {
        return Ok(SearchResults::default());
    }
    let mut out = search_names(conn, &q, limit)?;
    out.visits = items::search_kind(conn, HitKind::Visit, &q, limit)?;
    out.opportunities = items::search_kind(conn, HitKind::Opportunity, &q, limit)?;
    out.suppliers = items::search_kind(conn, HitKind::Supplier, &q, limit)?;
    Ok(out)
}

/// The customers and contacts holding the normalised query `q`.
fn search_names(conn: &Connection, q: &str, limit: usize) -> Result<SearchResults> {
    let mut ids = candidates(conn, q)?;
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(SearchResults::default());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut st = conn.prepare(&format!(
        "SELECT kind, ref_id, customer_id, title, subtitle, names, initials, body
         FROM search_entry WHERE id IN ({marks})"
    ))?;
    let mut ranked: Vec<(u8, usize, SearchHit)> = st
        .query_map(params_from_iter(&ids), |r| {
            let kind: String = r.get(0)?;
            let names: String = r.get(5)?;
            let initials: String = r.get(6)?;
            let body: String = r.get(7)?;
            let title: String = r.get(3)?;
            let hit = SearchHit {
                kind: HitKind::from_code(&kind).unwrap_or(HitKind::Customer),
                id: r.get(1)?,
                customer_id: r.get(2)?,
                snippet: items::snippet(MatchField::Name, &title, q, &title),
                title,
                subtitle: r.get(4)?,
            };
            Ok((rank(q, &names, &initials, &body), hit.title.chars().count(), hit))
        })?
        .collect::<rusqlite::Result<_>>()?;
    ranked.sort_by_key(|a| (a.0, a.1, a.2.id));
    let mut out = SearchResults::default();
    for (_, _, hit) in ranked {
        let group = match hit.kind {
            HitKind::Customer => &mut out.customers,
            _ => &mut out.contacts,
        };
        if group.len() < limit {
            group.push(hit);
        }
    }
    Ok(out)
}

/// Entry ids that contain the query, from whichever index can answer it exactly.
fn candidates(conn: &Connection, q: &str) -> Result<Vec<i64>> {
    let collect = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<Vec<i64>> {
        let mut st = conn.prepare_cached(sql)?;
        let ids = st.query_map(args, |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    };
    let limit = CANDIDATES as i64;
    if q.chars().count() >= 3 {
        let phrase = format!("\"{}\"", q.replace('"', "\"\""));
        return collect("SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 LIMIT ?2", params![phrase, limit]);
    }
    // One token per character in the unigram index: the query is the phrase of its characters.
    let tokens = index::spaced(q);
    let mut ids = if tokens.is_empty() {
        Vec::new()
    } else {
        collect(
            "SELECT rowid FROM search_uni WHERE search_uni MATCH ?1 LIMIT ?2",
            params![format!("\"{tokens}\""), limit],
        )?
    };
    if q.chars().all(|c| c.is_ascii_lowercase()) {
        // Initials prefix, of the usual readings and of the others.
        let (q, upper) = prefix_range(q);
        ids.extend(collect(
            "SELECT id FROM search_entry WHERE initials >= ?1 AND initials < ?2 LIMIT ?3",
            params![q, upper, limit],
        )?);
        ids.extend(collect(
            "SELECT entry_id FROM search_initials WHERE initials >= ?1 AND initials < ?2 LIMIT ?3",
            params![q, upper, limit],
        )?);
    }
    Ok(ids)
}

/// For the customer list's filter: SQL selecting the `customer_id` of every entry whose text
/// (body or other readings) holds the normalised query `q` — all of them, not the ranked
/// candidates — with the value for each of its `?`. The trigram index answers 3 characters or
/// more; the unigram index 1–2 Chinese characters (names are the only Chinese an entry holds);
/// 1–2 latin letters or digits scan the entries (at 200k entries a scan took 210 ms, an index
/// a few).
pub(crate) fn customers_holding(q: &str) -> (&'static str, String) {
    if q.chars().count() >= 3 {
        let phrase = format!("\"{}\"", q.replace('"', "\"\""));
        return (
            "SELECT customer_id FROM search_entry WHERE id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)",
            phrase,
        );
    }
    if q.chars().all(|c| !c.is_ascii() && c.is_alphanumeric()) {
        return (
            "SELECT customer_id FROM search_entry WHERE id IN (SELECT rowid FROM search_uni WHERE search_uni MATCH ?)",
            format!("\"{}\"", index::spaced(q)),
        );
    }
    let like = crate::text::like_pattern(q);
    ("SELECT customer_id FROM search_entry WHERE body LIKE ? ESCAPE '\\' OR readings LIKE ? ESCAPE '\\'", like)
}

/// The range of initials a latin query is the prefix of: "zs" → ["zs", "zt").
fn prefix_range(q: &str) -> (&str, String) {
    let mut upper: Vec<char> = q.chars().collect();
    let last = upper.pop().expect("non-empty query");
    (q, upper.into_iter().chain([(last as u8 + 1) as char]).collect())
}

/// Lower is better: 0 exact name, 1 name prefix, 2 initials, 3 name substring, 4 other
/// (pinyin, phone, e-mail…), 5 found only through another reading of a name than the usual
/// one (the entry's `readings`, not in its `body`): "changsha" finds 长沙 below a name whose
/// usual reading it is.
fn rank(q: &str, names: &str, initials: &str, body: &str) -> u8 {
    let names: Vec<&str> = names.split(' ').collect();
    if names.contains(&q) {
        0
    } else if names.iter().any(|n| n.starts_with(q)) {
        1
    } else if initials.starts_with(q) {
        2
    } else if names.iter().any(|n| n.contains(q)) {
        3
    } else if body.contains(q) {
        4
    } else {
        5
    }
}
