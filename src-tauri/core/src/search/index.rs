//! Keeping the search index in step with customers and contacts. Called inside the same
//! transaction as the write it follows, so the index never disagrees with the data. The index
//! is given what it holds ([`Entry`]); what a customer or a contact contributes is worked out
//! beside them (`customers/search.rs`).

use rusqlite::{params, Connection, OptionalExtension};

use super::HitKind;
use crate::error::Result;

/// What one record contributes to the index.
pub(crate) struct Entry {
    pub kind: HitKind,
    pub ref_id: i64,
    pub customer_id: i64,
    pub title: String,
    pub subtitle: String,
    /// Normalised names (the main name first), for 1–2 character queries and ranking.
    pub names: Vec<String>,
    /// The initials of the main name's usual reading (`text::pinyin`).
    pub initials: String,
    /// Everything searchable as read the usual way: names, their usual pinyin and initials,
    /// phone digits, e-mail… (see [`body_of`]).
    pub body: String,
    /// The initials of the main name's other readings (`text::readings`), for 1–2 letter
    /// queries; the usual ones left out.
    pub other_initials: Vec<String>,
    /// The names' other readings, full and initials, space-separated: searchable like the body,
    /// and ranked below it (`rank` in `search/mod.rs`). See [`other_readings`].
    pub readings: String,
}

/// The searchable text of an entry: its parts, space-separated (queries hold no spaces, so
/// no match spans two parts). A part found inside another (a short name inside the name, its
/// pinyin inside the name's) adds no match, only trigrams to index, and is left out.
pub(crate) fn body_of(parts: Vec<String>) -> String {
    let kept: Vec<&String> = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !p.is_empty()
                && !parts
                    .iter()
                    .enumerate()
                    .any(|(j, q)| j != *i && q.contains(p.as_str()) && (q.len() > p.len() || j < *i))
        })
        .map(|(_, p)| p)
        .collect();
    kept.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(" ")
}

/// The other readings of an entry's names as the trigram index holds them: the parts not found
/// in the body (a reading that only differs in a character of the short name may be there
/// already), each once, as [`body_of`] keeps them.
pub(crate) fn other_readings(body: &str, parts: Vec<String>) -> String {
    body_of(parts.into_iter().filter(|p| !body.contains(p.as_str())).collect())
}

/// A name as the unigram index holds it: one token per character (see `search_uni` in
/// `migrations/005_search_unigrams.sql`).
pub(crate) fn spaced(name: &str) -> String {
    let mut out = String::with_capacity(name.len() * 2);
    for c in name.chars().filter(|c| c.is_alphanumeric()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The unigram rows of an entry: its main name and its other names, one token per character.
fn unigram_columns<S: AsRef<str>>(names: &[S]) -> (String, String) {
    let name = names.first().map(|n| spaced(n.as_ref())).unwrap_or_default();
    let alias = names.iter().skip(1).map(|n| spaced(n.as_ref())).collect::<Vec<_>>().join(" ");
    (name, alias)
}

/// Fills the unigram index from the entries (the migration that introduced it).
pub(crate) fn fill_unigrams(conn: &Connection) -> rusqlite::Result<()> {
    let mut read = conn.prepare("SELECT id, names FROM search_entry")?;
    let mut write = conn.prepare("INSERT INTO search_uni (rowid, name, alias) VALUES (?1, ?2, ?3)")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let names: String = r.get(1)?;
        let (name, alias) = unigram_columns(&names.split(' ').collect::<Vec<_>>());
        write.execute(params![r.get::<_, i64>(0)?, name, alias])?;
    }
    Ok(())
}

/// Adds the index rows of a record that has none yet (just created).
pub(crate) fn insert(conn: &Connection, e: &Entry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO search_entry (kind, ref_id, customer_id, title, subtitle, names, initials, body, readings)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        e.kind.code(),
        e.ref_id,
        e.customer_id,
        e.title,
        e.subtitle,
        e.names.join(" "),
        e.initials,
        e.body,
        e.readings
    ])?;
    let entry_id = conn.last_insert_rowid();
    let searchable = if e.readings.is_empty() { e.body.clone() } else { format!("{} {}", e.body, e.readings) };
    conn.prepare_cached("INSERT INTO search_fts (rowid, body) VALUES (?1, ?2)")?
        .execute(params![entry_id, searchable])?;
    let mut other =
        conn.prepare_cached("INSERT OR IGNORE INTO search_initials (initials, entry_id) VALUES (?1, ?2)")?;
    for initials in &e.other_initials {
        other.execute(params![initials, entry_id])?;
    }
    let (name, alias) = unigram_columns(&e.names);
    conn.prepare_cached("INSERT INTO search_uni (rowid, name, alias) VALUES (?1, ?2, ?3)")?
        .execute(params![entry_id, name, alias])?;
    Ok(())
}

/// Replaces the index rows of one record.
pub(crate) fn put(conn: &Connection, e: &Entry) -> Result<()> {
    remove(conn, e.kind, e.ref_id)?;
    insert(conn, e)
}

/// Removes one record from the index (no-op when absent).
pub(crate) fn remove(conn: &Connection, kind: HitKind, ref_id: i64) -> Result<()> {
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM search_entry WHERE kind = ?1 AND ref_id = ?2")?
        .query_row(params![kind.code(), ref_id], |r| r.get(0))
        .optional()?;
    let Some(entry_id) = existing else { return Ok(()) };
    conn.prepare_cached("DELETE FROM search_initials WHERE entry_id = ?1")?.execute([entry_id])?;
    conn.prepare_cached("DELETE FROM search_uni WHERE rowid = ?1")?.execute([entry_id])?;
    conn.prepare_cached("DELETE FROM search_fts WHERE rowid = ?1")?.execute([entry_id])?;
    conn.prepare_cached("DELETE FROM search_entry WHERE id = ?1")?.execute([entry_id])?;
    Ok(())
}

/// Empties the index, to fill it again from the records (`customers/store.rs`, `reindex_all`).
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM search_initials;
         INSERT INTO search_uni (search_uni) VALUES ('delete-all');
         INSERT INTO search_fts (search_fts) VALUES ('delete-all');
         DELETE FROM search_entry;",
    )?;
    Ok(())
}

/// Removes a customer, its contacts and its items (records, deals, suppliers: `items.rs`).
pub(crate) fn remove_customer_and_contacts(conn: &Connection, customer_id: i64) -> Result<()> {
    super::items::remove_of_customer(conn, customer_id, None)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_leaves_out_parts_found_inside_others() {
        let parts = [
            "鼎盛建材有限公司",
            "鼎盛建材",
            "dingshengjiancaiyouxiangongsi",
            "dsjcyxgs",
            "dingshengjiancai",
            "dsjc",
            "",
            "dsjcyxgs",
        ];
        assert_eq!(
            body_of(parts.map(String::from).to_vec()),
            "鼎盛建材有限公司 dingshengjiancaiyouxiangongsi dsjcyxgs"
        );
    }

    #[test]
    fn unigram_text_keeps_letters_and_digits_one_per_token() {
        assert_eq!(spaced("华东·钢铁 A1"), "华 东 钢 铁 A 1");
    }
}
