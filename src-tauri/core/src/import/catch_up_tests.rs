//! The import's search entries written after its commit (`customers/catch_up.rs`). On random
//! customer lists large enough to leave their entries for after the commit: the
//! records are found by name meanwhile, and once caught up the index holds exactly what
//! indexing every record one by one gives (`customers/store.rs`, `reindex_all`: the path of every edit),
//! with the same hits; undoing the import before or after catching up does the same.

use std::sync::Arc;

use crate::customers::{CustomerQuery, CATCH_UP_CHUNK};
use crate::import::plan::ImportKind;
use crate::import::ImportSpec;
use crate::search::SearchHit;
use crate::FixedClock;
use crate::Store;

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

/// `rows` customer rows with one contact each: names from small pools and a number below
/// `spread` (so some repeat, in the file and across readings: 长, 重, 行, 乐 have several),
/// phones, titles.
pub(super) fn random_list(path: &std::path::Path, seed: u64, rows: usize, spread: usize) -> Vec<(String, String)> {
    let mut rng = Random(seed);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["客户名称", "简称", "行业", "地区", "联系人", "手机", "职务"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let mut names = Vec::new();
    for r in 1..=rows as u32 {
        let (city, word, trade) = (rng.pick(&CITIES), rng.pick(&WORDS), rng.pick(&TRADES));
        let name = format!("{city}{word}{trade}{}有限公司", rng.below(spread));
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
        let names = random_list(&file, seed, 4_000, 4_000);
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
        queries.extend(names.iter().step_by(97).flat_map(|(c, p)| [c.chars().skip(2).take(3).collect(), p.clone()]));
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
