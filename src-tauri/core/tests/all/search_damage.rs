//! A damaged search index (its `search_*` tables: derived data) no longer keeps a file from
//! opening: it is found by the check after the open and rebuilt from the records, which stay
//! as they were. Damage to the tables holding what users made is still refused at the open.

use std::path::Path;

use dossier_core::customers::CATCH_UP_CHUNK;
use dossier_core::search::SearchResults;
use dossier_core::{CoreError, Store};
use rusqlite::Connection;

use crate::common::clock;

/// Queries that reach every index: trigrams, the characters, pinyin and its initials, and the
/// follow-up records', deals' and suppliers' items.
const QUERIES: [&str; 7] = ["有限公司", "集团", "公司", "wang", "zs", "报价", "采购"];

/// The sample in a file of one piece (no `-wal` beside it), with what each query finds.
fn sample_file(path: &Path) -> Vec<SearchResults> {
    let store = Store::open(path, clock()).unwrap();
    dossier_core::sample::load(&store, 1).unwrap();
    let found = QUERIES.iter().map(|q| store.search(q, 20).unwrap()).collect();
    drop(store);
    Connection::open(path).unwrap().pragma_update(None, "journal_mode", "DELETE").unwrap();
    found
}

/// Overwrites the root page of `table`'s B-tree with garbage.
fn damage(path: &Path, table: &str) {
    let (page, size): (u64, u64) = {
        let conn = Connection::open(path).unwrap();
        let page = conn.query_row("SELECT rootpage FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0)).unwrap();
        (page, conn.pragma_query_value(None, "page_size", |r| r.get(0)).unwrap())
    };
    let mut bytes = std::fs::read(path).unwrap();
    let at = ((page - 1) * size) as usize;
    for (i, b) in bytes[at..at + size as usize].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(path, &bytes).unwrap();
}

/// Every row of every table but the search index's, as text.
fn records(conn: &Connection) -> String {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'
             AND name NOT LIKE 'sqlite%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..columns).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push(format!("{table}: {:?}", row.unwrap()));
        }
    }
    out.sort();
    out.join("\n")
}

fn integrity(path: &Path) -> String {
    Connection::open(path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn caught_up(store: &Store) {
    while store.catch_up_search(CATCH_UP_CHUNK).unwrap() > 0 {}
}

#[test]
fn a_damaged_search_table_is_found_after_the_open_and_rebuilt_from_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let found = sample_file(&path);
    assert!(found.iter().all(|r| r.customers.len() + r.contacts.len() + r.visits.len() > 0), "{found:?}");
    let before = records(&Connection::open(&path).unwrap());
    damage(&path, "search_entry");
    assert_ne!(integrity(&path), "ok");

    let store = Store::open(&path, clock()).expect("a damaged search index does not keep the file from opening");
    let damaged = Store::check_search_index(&path).unwrap();
    assert!(damaged.is_some(), "the check after the open finds the damage");

    let waiting = store.rebuild_search_index().unwrap();
    assert_eq!(waiting, store.stats().unwrap().customers as i64, "every customer waits for the catch-up");
    let meanwhile = store.search("有限公司", 20).unwrap();
    assert_eq!(meanwhile.pending_index, waiting);
    assert!(!meanwhile.customers.is_empty(), "found by name while the catch-up runs");
    caught_up(&store);

    let again: Vec<SearchResults> = QUERIES.iter().map(|q| store.search(q, 20).unwrap()).collect();
    assert_eq!(again, found, "the rebuilt index finds what the old one found");
    assert_eq!(records(store.connection()), before, "nothing a user made is touched");
    drop(store);
    assert_eq!(Store::check_search_index(&path).unwrap(), None);
    assert_eq!(integrity(&path), "ok", "the damaged pages left the file: its backups verify");
}

#[test]
fn rebuilding_a_sound_search_index_keeps_it_finding_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let found = sample_file(&path);
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(Store::check_search_index(&path).unwrap(), None);
    let schema = |conn: &Connection| -> Vec<String> {
        conn.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let tables = schema(store.connection());
    store.rebuild_search_index().unwrap();
    caught_up(&store);
    assert_eq!(schema(store.connection()), tables, "the same tables, indexes and virtual tables");
    let again: Vec<SearchResults> = QUERIES.iter().map(|q| store.search(q, 20).unwrap()).collect();
    assert_eq!(again, found);
}

#[test]
fn a_damaged_customer_table_is_still_refused_at_the_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    sample_file(&path);
    damage(&path, "customer");
    let bytes = std::fs::read(&path).unwrap();
    let err = Store::open(&path, clock()).err().expect("refused");
    assert!(matches!(err, CoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the refused file is not modified");
}
