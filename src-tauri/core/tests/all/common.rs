//! Helpers shared by the core's integration tests: a store on a real temporary SQLite file
//! with the clock pinned.

use std::sync::Arc;

use dossier_core::customers::CustomerFields;
use dossier_core::{CoreError, FixedClock, Reason, Store};

pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::on(2026, 11, 23))
}

/// A fresh store on a file in a temporary directory (kept alive by the returned guard).
pub fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("dossier.sqlite"), clock()).unwrap();
    (dir, store)
}

pub fn named(name: &str) -> CustomerFields {
    CustomerFields { name: name.into(), ..Default::default() }
}

/// The (field, reason) of a validation error, or a panic naming what came instead.
pub fn refused<T: std::fmt::Debug>(r: Result<T, CoreError>) -> (String, Reason) {
    match r {
        Err(CoreError::Validation { field, reason, .. }) => (field, reason),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The schema scripts in order (version n = the first n), for files of an older version.
const MIGRATIONS: [&str; 5] = [
    include_str!("../../migrations/001_initial.sql"),
    include_str!("../../migrations/002_import_history.sql"),
    include_str!("../../migrations/003_purchases.sql"),
    include_str!("../../migrations/004_mapping_templates.sql"),
    include_str!("../../migrations/005_search_unigrams.sql"),
];

/// A database file at `path` as schema `version` wrote it (no data), opened raw so a test
/// can put old rows in before Dossier migrates it.
pub fn database_at_version(path: &std::path::Path, version: usize) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version as i64).unwrap();
    conn
}

/// Turns a database of the current schema back into one version 22 wrote: every import history
/// row names one record (`migrations/023_import_change_runs.sql`).
pub fn before_import_change_runs(conn: &rusqlite::Connection) {
    conn.execute_batch("ALTER TABLE import_change DROP COLUMN last_ref_id; PRAGMA user_version = 22;").unwrap();
}

/// Turns a database of the current schema back into one version 21 wrote: the feed's cached
/// signals as JSON, in the table of `migrations/007_purchase_trends.sql` (empty), instead of
/// their keys and text (`migrations/022_trend_signal_keys.sql`).
pub fn before_trend_signal_keys(conn: &rusqlite::Connection) {
    before_import_change_runs(conn);
    conn.execute_batch(
        "DROP TRIGGER customer_trend_signal_delete; DROP TABLE trend_signal;
         CREATE TABLE trend_signal (
             id INTEGER PRIMARY KEY,
             customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
             severity INTEGER NOT NULL, impact REAL NOT NULL, magnitude REAL NOT NULL,
             kind TEXT NOT NULL, product TEXT NOT NULL, body TEXT NOT NULL);
         CREATE INDEX trend_signal_customer ON trend_signal(customer_id);
         CREATE INDEX trend_signal_order ON trend_signal(severity, impact DESC, magnitude DESC);
         PRAGMA user_version = 21;",
    )
    .unwrap();
}

/// Turns a database of the current schema back into one version 18 wrote: no cached series of
/// the purchase trends (`migrations/019_trend_series.sql`), no search backlog
/// (`migrations/020_search_backlog.sql`), the industry and owner indexes on their column alone
/// (`migrations/021_facet_indexes.sql`), the signals as version 21 kept them.
pub fn before_trend_series(conn: &rusqlite::Connection) {
    before_trend_signal_keys(conn);
    conn.execute_batch(
        "DROP INDEX customer_industry; CREATE INDEX customer_industry ON customer(industry);
         DROP INDEX customer_owner; CREATE INDEX customer_owner ON customer(owner);
         DROP TABLE search_backlog; DROP TABLE trend_series; PRAGMA user_version = 18;",
    )
    .unwrap();
}

/// Turns a database of the current schema back into one version 14 wrote: no payment plans,
/// payments or delivery milestones (`migrations/015_payments.sql`), no lifecycle history
/// (`migrations/016_lifecycle_history.sql`), no targets (`migrations/017_targets.sql`), no
/// customer notes (`migrations/018_customer_notes.sql`), nor what came after.
pub fn before_payments(conn: &rusqlite::Connection) {
    before_trend_series(conn);
    conn.execute_batch(
        "ALTER TABLE customer DROP COLUMN notes;
         DROP TABLE target;
         DROP INDEX payment_customer;
         DROP INDEX milestone_customer;
         DROP TABLE lifecycle_change;
         DROP TABLE installment;
         DROP TABLE payment;
         DROP TABLE milestone;
         PRAGMA user_version = 14;",
    )
    .unwrap();
}

/// Turns a database of the current schema back into one version 12 wrote: no index of the
/// records, deals and suppliers (`migrations/013_search_records.sql`), none of the 周会's indexes
/// (`migrations/014_weekly_indexes.sql`), nor what came after.
pub fn before_the_records_index(conn: &rusqlite::Connection) {
    before_payments(conn);
    conn.execute_batch(
        "DROP INDEX next_action_done;
         DROP INDEX visit_confirmed;
         DROP INDEX stage_change_day;
         DROP TABLE search_item;
         DROP TABLE search_item_fts;
         DROP TABLE search_item_short;
         DROP TABLE search_item_reading;
         PRAGMA user_version = 12;",
    )
    .unwrap();
}

/// Turns a database of the current schema back into one version 11 wrote: none of the follow-up
/// template's columns, no deal flag (`migrations/012_full_follow_up.sql`).
pub fn back_to_version_11(conn: &rusqlite::Connection) {
    before_the_records_index(conn);
    conn.execute_batch(
        "ALTER TABLE visit DROP COLUMN progress;
         ALTER TABLE visit DROP COLUMN customer_type;
         ALTER TABLE visit DROP COLUMN solution;
         ALTER TABLE visit DROP COLUMN notes;
         ALTER TABLE visit DROP COLUMN internal_support;
         ALTER TABLE visit DROP COLUMN support_note;
         ALTER TABLE visit DROP COLUMN sales_actions;
         ALTER TABLE visit DROP COLUMN imported;
         ALTER TABLE opportunity DROP COLUMN own_follow_up_required;
         PRAGMA user_version = 11;",
    )
    .unwrap();
}

/// Turns a database of the current schema back into one version 10 wrote: names indexed under
/// their usual readings only (`search_fts` holds the entries' bodies alone), no `readings`
/// column, no `search_initials` (`migrations/011_search_readings.sql`).
pub fn back_to_version_10(conn: &rusqlite::Connection) {
    back_to_version_11(conn);
    conn.execute_batch(
        "DROP TABLE search_initials;
         ALTER TABLE search_entry DROP COLUMN readings;
         INSERT INTO search_fts (search_fts) VALUES ('delete-all');
         INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_entry;
         PRAGMA user_version = 10;",
    )
    .unwrap();
}

/// The store of `dir`'s database with the clock pinned at noon of another day (the same file,
/// so a test can write on one day and read the lights on the next).
pub fn store_on(dir: &tempfile::TempDir, year: i32, month: u32, day: u32) -> Store {
    Store::open(&dir.path().join("dossier.sqlite"), Arc::new(FixedClock::on(year, month, day))).unwrap()
}

/// A fresh store whose clock stands at noon UTC on 2026-11-23 on a laptop `hours` east of UTC
/// (北京: 8), so local-time behaviour is tested whatever the machine's time zone.
pub fn store_east(hours: i32) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store =
        Store::open(&dir.path().join("dossier.sqlite"), Arc::new(FixedClock::on(2026, 11, 23).east(hours))).unwrap();
    (dir, store)
}
