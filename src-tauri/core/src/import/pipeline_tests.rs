//! Planning beside the writer (`pipeline.rs`) against planning inside the writing transaction
//! (the path of a store in memory), on random customer lists with duplicates in the file and in
//! the database: the same plan, the same rows written, the same history; a cancel mid-way
//! leaves the file as it was.

use std::sync::Arc;

use super::catch_up_tests::random_list;
use crate::import::plan::{ImportKind, OnDuplicate};
use crate::import::ImportSpec;
use crate::{FixedClock, Store};

/// Every customer, contact and history row, as text (ids included: both stores number alike).
fn contents(store: &Store) -> Vec<String> {
    rows_of(
        store,
        &[
            "SELECT * FROM customer ORDER BY id",
            "SELECT * FROM contact ORDER BY id",
            "SELECT * FROM import_change ORDER BY rowid",
            "SELECT * FROM section_update ORDER BY customer_id, section",
        ],
    )
}

/// The rows the queries give, each as one line of text.
pub(super) fn rows_of(store: &Store, queries: &[&str]) -> Vec<String> {
    let conn = store.connection();
    let mut out = Vec::new();
    for sql in queries {
        let mut st = conn.prepare(sql).unwrap();
        let width = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..width).map(|i| Ok(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?))).collect()
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<Vec<String>>>>()
            .unwrap();
        out.extend(rows.into_iter().map(|r| r.join("|")));
    }
    out
}

#[test]
fn planning_beside_the_writer_commits_what_planning_inside_it_does() {
    let clock = || Arc::new(FixedClock::on(2026, 11, 23));
    for seed in [11, 404, 65_537] {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("first.xlsx"), dir.path().join("second.xlsx"));
        // 28,800 possible names: the second list repeats dozens of its own and of the first's.
        random_list(&first, seed, 600, 200);
        random_list(&second, seed + 1, 2_000, 200);
        let on_file = Store::open(&dir.path().join("d.sqlite"), clock()).unwrap();
        let in_memory = Store::open_in_memory(clock()).unwrap();
        for (file, mode) in [(&first, OnDuplicate::Skip), (&second, OnDuplicate::Overwrite)] {
            let spec = ImportSpec { on_duplicate: mode, ..ImportSpec::new(file, ImportKind::Customers) };
            let plans: Vec<_> = [&on_file, &in_memory]
                .map(|s| {
                    let l = crate::import::load(&spec).unwrap();
                    s.commit_import_planned(&l.request(&spec), &mut |_, _| true).unwrap().1
                })
                .into();
            assert_eq!(plans[0], plans[1], "seed {seed}");
            assert_eq!(contents(&on_file), contents(&in_memory), "seed {seed}");
        }
        // Rows met customers created earlier in the file and customers already stored: their
        // contacts joined those customers.
        let conn = on_file.connection();
        let joined: i64 = conn
            .query_row(
                "SELECT count(*) FROM contact ct JOIN customer c ON c.id = ct.customer_id WHERE ct.id > 600 AND c.id <= 600",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let customers: i64 = conn.query_row("SELECT count(*) FROM customer", [], |r| r.get(0)).unwrap();
        assert!(
            joined > 0 && customers + joined < 2_600,
            "seed {seed}: {customers} customers, {joined} joined stored ones"
        );

        // Cancelled half-way while the planner runs ahead: nothing of it stays.
        let before = contents(&on_file);
        let spec = ImportSpec::new(&second, ImportKind::Customers);
        let l = crate::import::load(&spec).unwrap();
        let cancelled = on_file.commit_import_planned(&l.request(&spec), &mut |done, _| done < 1_000);
        assert!(matches!(cancelled, Err(crate::CoreError::Cancelled)), "seed {seed}: {cancelled:?}");
        assert_eq!(contents(&on_file), before, "seed {seed}");
    }
}
