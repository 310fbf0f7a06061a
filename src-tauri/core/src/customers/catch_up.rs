//! The search entries a large import left for after its commit (`search/backlog.rs`): written a
//! chunk at a time by [`Store::catch_up_search`], and meanwhile stood in for by a look at the
//! waiting records' names, so that a search right after the import finds what it created.

use rusqlite::{params, Connection};

use super::contacts::{contact_from_row, CONTACT_COLUMNS};
use super::search::{contact_entry, customer_entry};
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

/// The waiting customers and contacts whose names hold the normalised query `q` (what the
/// index would find of them, but for the pinyin readings): customers by name and short name,
/// contacts by name and phone digits.
fn waiting_hits(conn: &Connection, q: &str, limit: usize) -> Result<(Vec<SearchHit>, Vec<SearchHit>)> {
    let like = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
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
            let subtitle = parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
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
            let subtitle = parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
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

#[cfg(test)]
mod tests {
    //! On random customer lists large enough to leave their entries for after the commit: the
    //! records are found by name meanwhile, and once caught up the index holds exactly what
    //! indexing every record one by one gives (`store::reindex_all`, the path of every edit),
    //! with the same hits; undoing the import before or after catching up does the same.

    use std::sync::Arc;

    use super::*;
    use crate::customers::CustomerQuery;
    use crate::import::plan::ImportKind;
    use crate::import::ImportSpec;
    use crate::FixedClock;

    /// A small deterministic generator (xorshift), so a failing seed can be run again.
    struct Random(u64);
    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
            list[self.below(list.len())]
        }
    }

    const CITIES: [&str; 6] = ["长沙", "重庆", "厦门", "苏州", "银川", "乐山"];
    const WORDS: [&str; 6] = ["银行", "长城", "华信", "曾氏", "单车", "朝阳"];
    const TRADES: [&str; 4] = ["机械", "电子", "化工", "食品"];
    const SURNAMES: [&str; 6] = ["曾", "单", "王", "解", "查", "李"];
    const GIVEN: [&str; 6] = ["伟", "乐", "行", "敏", "长", "重"];

    /// `rows` customer rows with one contact each: names from small pools (so some repeat,
    /// in the file and across readings: 长, 重, 行, 乐 have several), phones, titles.
    fn random_list(path: &std::path::Path, seed: u64, rows: usize) -> Vec<(String, String)> {
        let mut rng = Random(seed);
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["客户名称", "简称", "行业", "地区", "联系人", "手机", "职务"].iter().enumerate()
        {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        let mut names = Vec::new();
        for r in 1..=rows as u32 {
            let (city, word, trade) = (rng.pick(&CITIES), rng.pick(&WORDS), rng.pick(&TRADES));
            let name = format!("{city}{word}{trade}{}有限公司", rng.below(rows));
            let person = format!("{}{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN), rng.pick(&GIVEN));
            let phone = format!("13{:09}", rng.below(1_000_000_000));
            let cells = [name.clone(), format!("{word}{trade}"), trade.into(), city.into(), person.clone(), phone];
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(r, c as u16, v).unwrap();
            }
            sheet.write_string(r, 6, *["采购经理", "总经理", ""].get(rng.below(3)).unwrap()).unwrap();
            names.push((name, person));
        }
        book.save(path).unwrap();
        names
    }

    /// Everything the search index holds, by record (entry ids left out: they number the
    /// entries in the order written), and the hits of `queries`.
    fn index_and_hits(store: &Store, queries: &[String]) -> (Vec<Vec<String>>, Vec<String>) {
        let conn = store.connection();
        let entries = conn
            .prepare(
                "SELECT e.kind, e.ref_id, e.customer_id, e.title, e.subtitle, e.names, e.initials, e.body,
                        e.readings, (SELECT group_concat(i.initials, ' ') FROM
                            (SELECT initials FROM search_initials WHERE entry_id = e.id ORDER BY initials) i)
                 FROM search_entry e ORDER BY e.kind, e.ref_id",
            )
            .unwrap()
            .query_map([], |r| (0..10).map(|i| Ok(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?))).collect())
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let hits = queries
            .iter()
            .map(|q| {
                let found = store.search(q, 20).unwrap();
                let ids = |hits: &[SearchHit]| hits.iter().map(|h| h.id.to_string()).collect::<Vec<_>>().join(",");
                format!("{q}: {} | {}", ids(&found.customers), ids(&found.contacts))
            })
            .collect();
        (entries, hits)
    }

    fn listed(store: &Store, text: &str) -> i64 {
        store.list_customers(&CustomerQuery { text: text.into(), ..Default::default() }).unwrap().total
    }

    #[test]
    fn a_large_import_indexed_after_its_commit_matches_indexing_record_by_record() {
        for seed in [7, 2026, 90_210] {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("list.xlsx");
            let names = random_list(&file, seed, 4_000);
            let open = |n: &str| Store::open(&dir.path().join(n), Arc::new(FixedClock::on(2026, 11, 23))).unwrap();
            let (store, undone_early) = (open("a.sqlite"), open("b.sqlite"));
            let spec = ImportSpec::new(&file, ImportKind::Customers);
            let record = store.import_file(&spec, &mut |_, _| true).unwrap();
            assert!(record.created > 1_000, "seed {seed}: {} customers", record.created);

            // Right after the commit the entries wait; the records are found by name.
            let waiting = store.pending_search_index().unwrap();
            assert!(waiting > CATCH_UP_CHUNK as i64, "seed {seed}: {waiting} waiting");
            let (customer, person) = &names[names.len() / 2];
            let found = store.search(customer, 5).unwrap();
            assert_eq!(found.pending_index, waiting);
            assert!(found.customers.iter().any(|h| &h.title == customer), "seed {seed}: {customer} not found");
            assert!(store.search(person, 50).unwrap().contacts.iter().any(|h| &h.title == person));
            let short: String = customer.chars().take(4).collect();
            let before_catch_up = listed(&store, &short);
            assert!(before_catch_up > 0);

            while store.catch_up_search(CATCH_UP_CHUNK).unwrap() > 0 {}
            assert_eq!(store.search(customer, 5).unwrap().pending_index, 0);
            assert_eq!(listed(&store, &short), before_catch_up, "seed {seed}: the list filter by {short}");

            // Queries of every index: 1–2 characters, 3 and more, initials, other readings, phones.
            let mut queries: Vec<String> =
                ["长", "重庆", "乐山", "cq", "zhangsha", "changsha", "zw", "cengwei", "138"].map(String::from).to_vec();
            queries
                .extend(names.iter().step_by(97).flat_map(|(c, p)| [c.chars().skip(2).take(3).collect(), p.clone()]));
            let caught_up = index_and_hits(&store, &queries);
            {
                let tx = store.conn.unchecked_transaction().unwrap();
                crate::customers::store::reindex_all(&tx).unwrap();
                tx.commit().unwrap();
            }
            let one_by_one = index_and_hits(&store, &queries);
            assert_eq!(caught_up.0.len(), one_by_one.0.len(), "seed {seed}");
            for (a, b) in caught_up.0.iter().zip(&one_by_one.0) {
                assert_eq!(a, b, "seed {seed}");
            }
            assert_eq!(caught_up.1, one_by_one.1, "seed {seed}");

            // Undone before its entries are written: the same as undone after.
            let early = undone_early.import_file(&spec, &mut |_, _| true).unwrap();
            assert!(undone_early.pending_search_index().unwrap() > 0);
            let undone = undone_early.undo_import(early.id, false).unwrap();
            // What waits is in the trash now: catching up skips it.
            while undone_early.catch_up_search(CATCH_UP_CHUNK).unwrap() > 0 {}
            let after = store.undo_import(record.id, false).unwrap();
            assert_eq!((undone.created, undone.undone_at.is_some()), (after.created, after.undone_at.is_some()));
            for s in [&store, &undone_early] {
                assert_eq!(s.stats().unwrap().customers, 0);
                assert!(s.search(customer, 5).unwrap().customers.is_empty());
                assert_eq!(listed(s, &short), 0);
            }
            assert_eq!(index_and_hits(&store, &queries), index_and_hits(&undone_early, &queries));
        }
    }
}
