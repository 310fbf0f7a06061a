//! The history of the records an import created, kept as runs of consecutive ids
//! (`migrations/023_import_change_runs.sql`), against the same history one row per record as
//! imports wrote it before: on random customer lists, undoing gives the same database. And
//! 彻底删除 of a contact inside a run cuts the run around it.

use std::sync::Arc;

use super::catch_up_tests::random_list;
use super::pipeline_tests::rows_of;
use crate::import::plan::{ImportKind, OnDuplicate};
use crate::import::ImportSpec;
use crate::{FixedClock, Store};

fn import(store: &Store, file: &std::path::Path, mode: OnDuplicate) -> i64 {
    let spec = ImportSpec { on_duplicate: mode, ..ImportSpec::new(file, ImportKind::Customers) };
    store.import_file(&spec, &mut |_, _| true).unwrap().id
}

/// What an undo changes: the records, their sections' dates, the trash, the search backlog.
fn state(store: &Store) -> Vec<String> {
    rows_of(
        store,
        &[
            "SELECT * FROM customer ORDER BY id",
            "SELECT * FROM contact ORDER BY id",
            "SELECT * FROM section_update ORDER BY customer_id, section",
            "SELECT * FROM trash ORDER BY id",
            "SELECT * FROM search_backlog ORDER BY id",
        ],
    )
}

#[test]
fn undoing_from_runs_does_what_undoing_from_one_row_per_record_does() {
    let clock = || Arc::new(FixedClock::on(2026, 11, 23));
    for seed in [7, 2_024] {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("first.xlsx"), dir.path().join("second.xlsx"));
        random_list(&first, seed, 600, 200);
        random_list(&second, seed + 1, 1_500, 200);
        let runs = Store::open(&dir.path().join("runs.sqlite"), clock()).unwrap();
        let batches = [import(&runs, &first, OnDuplicate::Skip), import(&runs, &second, OnDuplicate::Overwrite)];
        // Each import's customers and contacts are one run each.
        let recorded: i64 = runs
            .connection()
            .query_row("SELECT count(*) FROM import_change WHERE last_ref_id IS NOT NULL", [], |r| r.get(0))
            .unwrap();
        assert_eq!(recorded, 4, "seed {seed}");

        // The same history written one row per record, in the order of the runs.
        let rows_path = dir.path().join("rows.sqlite");
        runs.connection().execute("VACUUM INTO ?1", [rows_path.to_str().unwrap()]).unwrap();
        let rows = Store::open(&rows_path, clock()).unwrap();
        rows.connection()
            .execute_batch(
                "WITH RECURSIVE ids (batch_id, entity, id, last, run) AS (
                     SELECT batch_id, entity, ref_id, last_ref_id, rowid FROM import_change
                     WHERE last_ref_id IS NOT NULL
                     UNION ALL SELECT batch_id, entity, id + 1, last, run FROM ids WHERE id < last)
                 INSERT INTO import_change (batch_id, entity, ref_id, action)
                 SELECT batch_id, entity, id, 'created' FROM ids ORDER BY run, id;
                 DELETE FROM import_change WHERE last_ref_id IS NOT NULL;",
            )
            .unwrap();
        let expanded: i64 =
            rows.connection().query_row("SELECT count(*) FROM import_change", [], |r| r.get(0)).unwrap();
        assert!(expanded > 2_000, "seed {seed}: {expanded}");
        assert_eq!(state(&runs), state(&rows), "seed {seed}");

        for batch in batches.into_iter().rev() {
            let previews = [&runs, &rows].map(|s| s.import_undo_preview(batch).unwrap());
            assert_eq!(previews[0], previews[1], "seed {seed}");
            assert!(previews[0].customers > 0, "seed {seed}: {:?}", previews[0]);
            for s in [&runs, &rows] {
                s.undo_import(batch, false).unwrap();
            }
            assert_eq!(state(&runs), state(&rows), "seed {seed}, batch {batch}");
        }
        let live: i64 = runs
            .connection()
            .query_row("SELECT count(*) FROM customer WHERE deleted_at IS NULL", [], |r| r.get(0))
            .unwrap();
        assert_eq!(live, 0, "seed {seed}");
    }
}

#[test]
fn erasing_a_contact_inside_a_run_cuts_the_run_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("list.xlsx");
    random_list(&file, 5, 300, 1_000);
    let store = Store::open(&dir.path().join("d.sqlite"), Arc::new(FixedClock::on(2026, 11, 23))).unwrap();
    let batch = import(&store, &file, OnDuplicate::Skip);
    let contact_runs = |store: &Store| {
        rows_of(store, &["SELECT ref_id, last_ref_id FROM import_change WHERE entity = 'contact' ORDER BY ref_id"])
    };
    let (first, last): (i64, i64) = store
        .connection()
        .query_row("SELECT min(id), max(id) FROM contact", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(contact_runs(&store), [format!("Integer({first})|Integer({last})")]);

    let middle = first + 10;
    let report = store.erase_contact(middle).unwrap();
    assert_eq!(report.import_rows, 1);
    assert_eq!(
        contact_runs(&store),
        [format!("Integer({first})|Integer({})", middle - 1), format!("Integer({})|Integer({last})", middle + 1)]
    );
    // At either end of a run, the run only shrinks.
    store.erase_contact(first).unwrap();
    store.erase_contact(last).unwrap();
    assert_eq!(
        contact_runs(&store),
        [
            format!("Integer({})|Integer({})", first + 1, middle - 1),
            format!("Integer({})|Integer({})", middle + 1, last - 1)
        ]
    );
    // The undo trashes the customers (their contacts with them) and names no erased contact.
    let preview = store.import_undo_preview(batch).unwrap();
    store.undo_import(batch, false).unwrap();
    let live: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM customer WHERE deleted_at IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!((live, preview.contacts), (0, 0));
}
