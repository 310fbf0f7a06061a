//! The search entries a large import left for after its commit (`search/backlog.rs`): written a
//! chunk at a time by [`Store::catch_up_search`], and meanwhile stood in for by a look at the
//! waiting records' names, so that a search right after the import finds what it created.

use rusqlite::{params, Connection};

use super::contacts::{contact_from_row, CONTACT_COLUMNS};
use super::search::{contact_entry, customer_entry, subtitle};
use super::store::{customer_from_row, CUSTOMER_COLUMNS};
use super::{Contact, Customer};
use crate::error::Result;
use crate::search::backlog::{self, pending_condition};
use crate::search::index::{self, Entry};
use crate::search::items::snippet;
use crate::search::{self, normalize_query, HitKind, MatchField, SearchHit, SearchResults};
use crate::Store;

/// How many customers (with their contacts) or added contacts one call of
/// [`Store::catch_up_search`] indexes at most: about a fifth of a second in a release build,
/// so that a command waiting for the store behind it is not kept waiting long.
pub const CATCH_UP_CHUNK: usize = 2_000;

/// The live records of the chunk that have no entry yet (one edited or restored since the import
/// was indexed then), as entries, in the order indexing record by record writes them
/// (`store::reindex_all`: each customer, then its contacts). A customer's chunk brings the
/// contacts of its customers; a contact's chunk, contacts the import added to customers it did
/// not create. The order matters: each index answers with its first candidates by entry id.
fn chunk_entries(conn: &Connection, chunk: &backlog::Chunk) -> Result<Vec<Entry>> {
    // Loading is SQL on this connection; working out the readings is not, and is most of the
    // time: it runs on two threads.
    fn on_two_threads<T: Sync>(records: &[T], entry: impl Fn(&T) -> Entry + Sync) -> Vec<Entry> {
        let (first, second) = records.split_at(records.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| second.iter().map(&entry).collect::<Vec<_>>());
            let mut entries: Vec<Entry> = first.iter().map(&entry).collect();
            entries.extend(other.join().expect("the readings' thread does not panic"));
            entries
        })
    }
    enum Record {
        Customer(Customer),
        Contact(Contact, String),
    }
    let range = params![chunk.first, chunk.last];
    let unindexed = |kind: &str, id: &str| {
        format!("NOT EXISTS (SELECT 1 FROM search_entry e WHERE e.kind = '{kind}' AND e.ref_id = {id})")
    };
    let mut customers = std::collections::VecDeque::new();
    if chunk.kind == HitKind::Customer {
        customers = conn
            .prepare_cached(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customer c WHERE c.id BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL
                 AND {} ORDER BY c.id",
                unindexed("customer", "c.id")
            ))?
            .query_map(range, customer_from_row)?
            .collect::<rusqlite::Result<_>>()?;
    }
    let of = if chunk.kind == HitKind::Customer { "customer_id" } else { "id" };
    let contacts: Vec<(Contact, String)> = conn
        .prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS}, (SELECT c.name FROM customer c WHERE c.id = contact.customer_id)
             FROM contact WHERE {of} BETWEEN ?1 AND ?2 AND deleted_at IS NULL
             AND EXISTS (SELECT 1 FROM customer c WHERE c.id = contact.customer_id AND c.deleted_at IS NULL)
             AND {} ORDER BY customer_id, is_key_person DESC, id",
            unindexed("contact", "contact.id")
        ))?
        .query_map(range, |r| Ok((contact_from_row(r)?, r.get(23)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut records = Vec::with_capacity(customers.len() + contacts.len());
    for (contact, name) in contacts {
        while customers.front().is_some_and(|c: &Customer| c.id <= contact.customer_id) {
            records.push(Record::Customer(customers.pop_front().expect("a customer is there")));
        }
        records.push(Record::Contact(contact, name));
    }
    records.extend(customers.into_iter().map(Record::Customer));
    Ok(on_two_threads(&records, |r| match r {
        Record::Customer(c) => customer_entry(c),
        Record::Contact(c, name) => contact_entry(c, name),
    }))
}

/// Writes the entries of at most `max` waiting customers (with their contacts) or added
/// contacts, in the caller's transaction; returns how many are still waiting.
pub(crate) fn catch_up(conn: &Connection, max: usize) -> Result<i64> {
    if let Some(chunk) = backlog::next_chunk(conn, max)? {
        for e in chunk_entries(conn, &chunk)? {
            index::insert(conn, &e)?;
        }
        backlog::done(conn, &chunk)?;
    }
    backlog::pending(conn)
}

/// Queues every live customer (with its contacts) for the catch-up, as if one import had
/// created them all: the search index's rebuild (`backfill.rs`), its tables emptied.
pub(crate) fn queue_all(conn: &Connection) -> Result<()> {
    let mut ids = backlog::IdRuns::default();
    let mut st = conn.prepare("SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id")?;
    for id in st.query_map([], |r| r.get(0))? {
        ids.push(id?);
    }
    backlog::add(conn, HitKind::Customer, &ids)
}

/// The waiting customers and contacts whose names hold the normalised query `q` (what the
/// index would find of them, but for the pinyin readings): customers by name and short name,
/// contacts by name and phone digits.
fn waiting_hits(conn: &Connection, q: &str, limit: usize) -> Result<(Vec<SearchHit>, Vec<SearchHit>)> {
    let like = crate::text::like_pattern(q);
    let hit = |kind, id, customer_id, title: String, subtitle: String| SearchHit {
        kind,
        id,
        customer_id,
        snippet: snippet(MatchField::Name, &title, q, &title),
        title,
        subtitle,
    };
    let customers = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.name, c.short_name, c.industry, c.region FROM customer c
             WHERE c.deleted_at IS NULL AND {}
             AND (c.name LIKE ?1 ESCAPE '\\' OR c.short_name LIKE ?1 ESCAPE '\\')
             ORDER BY length(c.name), c.id LIMIT ?2",
            pending_condition(HitKind::Customer, "c.id")
        ))?
        .query_map(params![like, limit as i64], |r| {
            let parts: [String; 3] = [r.get(2)?, r.get(3)?, r.get(4)?];
            let subtitle = subtitle(parts.each_ref().map(String::as_str));
            Ok(hit(HitKind::Customer, r.get(0)?, r.get(0)?, r.get(1)?, subtitle))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let contacts = conn
        .prepare_cached(&format!(
            "SELECT ct.id, ct.customer_id, ct.name, ct.title, c.name FROM contact ct
             JOIN customer c ON c.id = ct.customer_id
             WHERE ct.deleted_at IS NULL AND c.deleted_at IS NULL AND ({} OR {})
             AND NOT EXISTS (SELECT 1 FROM search_entry e WHERE e.kind = 'contact' AND e.ref_id = ct.id)
             AND (ct.name LIKE ?1 ESCAPE '\\' OR replace(replace(ct.phone, '-', ''), ' ', '') LIKE ?1)
             ORDER BY length(ct.name), ct.id LIMIT ?2",
            pending_condition(HitKind::Contact, "ct.id"),
            pending_condition(HitKind::Customer, "ct.customer_id")
        ))?
        .query_map(params![like, limit as i64], |r| {
            let parts: [String; 2] = [r.get(3)?, r.get(4)?];
            let subtitle = subtitle(parts.each_ref().map(String::as_str));
            Ok(hit(HitKind::Contact, r.get(0)?, r.get(1)?, r.get(2)?, subtitle))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((customers, contacts))
}

impl Store {
    /// The instant search (`search/mod.rs`). While a large import's entries are still being
    /// written, its records are found by their names too, after the indexed hits, and the
    /// results say how many are waiting.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        let conn = self.connection();
        let mut out = search::search(conn, query, limit)?;
        out.pending_index = backlog::pending(conn)?;
        let q = normalize_query(query);
        if out.pending_index > 0 && !q.is_empty() && limit > 0 {
            let (customers, contacts) = waiting_hits(conn, &q, limit)?;
            for (group, more) in [(&mut out.customers, customers), (&mut out.contacts, contacts)] {
                let room = limit.saturating_sub(group.len());
                let new: Vec<SearchHit> =
                    more.into_iter().filter(|h| !group.iter().any(|g| g.id == h.id)).take(room).collect();
                group.extend(new);
            }
        }
        Ok(out)
    }

    /// Writes the search entries of at most `max` of the records a large import left waiting, in
    /// a transaction of its own; returns how many are still waiting (0: the index is complete).
    pub fn catch_up_search(&self, max: usize) -> Result<i64> {
        let tx = self.conn.unchecked_transaction()?;
        let left = catch_up(&tx, max)?;
        tx.commit()?;
        Ok(left)
    }

    /// How many records a large import left waiting for their search entries.
    pub fn pending_search_index(&self) -> Result<i64> {
        backlog::pending(self.connection())
    }
}
