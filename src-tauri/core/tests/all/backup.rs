//! Backups on real files: verified snapshots with their counts, the rotation on disk, the
//! automatic triggers (daily, before a migration, an import, an undo), restore, refusals that
//! leave the database as it was, a missing folder, private files.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{clock, named, store, store_on};
use dossier_core::backup::{BackupSettings, Snapshot, SnapshotReason};
use dossier_core::error::BackupFailure;
use dossier_core::import::plan::ImportKind;
use dossier_core::import::ImportSpec;
use dossier_core::{CoreError, FixedClock, Store};

fn backups(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("dossier-backups")
}

fn reasons(list: &[Snapshot]) -> Vec<SnapshotReason> {
    list.iter().map(|s| s.reason).collect()
}

fn failure<T: std::fmt::Debug>(r: Result<T, CoreError>) -> BackupFailure {
    match r {
        Err(CoreError::Backup { reason, .. }) => reason,
        other => panic!("expected a backup error, got {other:?}"),
    }
}

fn visits(store: &Store) -> i64 {
    store.connection().query_row("SELECT count(*) FROM visit", [], |r| r.get(0)).unwrap()
}

/// A CSV of customers to import.
fn customer_csv(dir: &Path, names: &[&str]) -> ImportSpec {
    let path = dir.join("customers.csv");
    std::fs::write(
        &path,
        format!("客户名称,行业\n{}\n", names.iter().map(|n| format!("{n},机械")).collect::<Vec<_>>().join("\n")),
    )
    .unwrap();
    ImportSpec::new(path, ImportKind::Customers)
}

#[test]
fn a_snapshot_is_verified_private_and_listed_with_what_it_holds() {
    let (dir, s) = store();
    dossier_core::sample::load(&s, 1).unwrap();
    let stats = s.stats().unwrap();
    assert!(stats.customers > 0 && stats.contacts > 0 && visits(&s) > 0);
    let snap = s.snapshot_now().unwrap();
    assert_eq!(snap.file, "dossier-20261123T120000Z-manual.sqlite");
    assert_eq!(Path::new(&snap.path), backups(&dir).join(&snap.file));
    assert_eq!((snap.reason, snap.taken_at.as_str()), (SnapshotReason::Manual, "2026-11-23T12:00:00Z"));
    let counts = snap.counts.unwrap();
    assert_eq!((counts.customers, counts.contacts, counts.visits), (stats.customers, stats.contacts, visits(&s)));
    assert_eq!(snap.bytes as u64, std::fs::metadata(&snap.path).unwrap().len());
    // One self-contained file that passes the integrity check; nothing partial left behind.
    let names: Vec<String> =
        std::fs::read_dir(backups(&dir)).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names, vec![snap.file.clone()]);
    let copy = rusqlite::Connection::open_with_flags(&snap.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    assert_eq!(copy.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)).unwrap(), "ok");
    assert_eq!(copy.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0)).unwrap(), "delete");
    // Listed newest first, numbered within the same second.
    let second = s.snapshot_now().unwrap();
    assert_eq!(second.file, "dossier-20261123T120000Z-2-manual.sqlite");
    assert_eq!(s.snapshots().unwrap(), vec![second, snap.clone()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&backups(&dir)), 0o700);
        assert_eq!(mode(Path::new(&snap.path)), 0o600);
    }
}

#[test]
fn the_rotation_deletes_only_its_own_old_snapshots() {
    let (dir, s) = store();
    let folder = backups(&dir);
    std::fs::create_dir_all(&folder).unwrap();
    // Old snapshots of this database (the rotation never opens them), and files that are not.
    let ours = [
        "dossier-20261120T090000Z-daily.sqlite",
        "dossier-20261121T090000Z-daily.sqlite",
        "dossier-20261122T090000Z-before-import.sqlite",
    ];
    let others = [
        "notes.txt",
        "other-20261120T090000Z-daily.sqlite",
        "dossier-20261120T090000Z-weekly.sqlite",
        "dossier.sqlite",
        // Being written by another process right now (this minute): left alone.
        ".dossier-20261123T115900Z-manual.sqlite.partial",
    ];
    // Left by a crash yesterday: removed.
    std::fs::write(folder.join(".dossier-20261122T090000Z-daily.sqlite.partial"), "x").unwrap();
    for f in ours.iter().chain(&others) {
        std::fs::write(folder.join(f), "x").unwrap();
    }
    std::fs::create_dir(folder.join("dossier-20261119T090000Z-daily.sqlite")).unwrap();
    s.save_backup_settings(&BackupSettings { keep_daily: 2, keep_weekly: 0, keep_monthly: 0, ..Default::default() })
        .unwrap();
    let taken = s.snapshot_now().unwrap();
    // Kept: today's (just taken), the newest of the day before (22 Nov); 20 and 21 Nov go.
    let mut left: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    left.sort();
    let mut expected: Vec<String> = others.iter().map(|f| f.to_string()).collect();
    expected.extend([taken.file, ours[2].to_string(), "dossier-20261119T090000Z-daily.sqlite".into()]);
    expected.sort();
    assert_eq!(left, expected);
}

#[test]
fn the_daily_snapshot_is_taken_once_a_day() {
    let (dir, s) = store();
    assert_eq!(s.daily_backup_if_due().unwrap().unwrap().reason, SnapshotReason::Daily);
    assert_eq!(s.daily_backup_if_due().unwrap(), None);
    drop(s);
    let s = store_on(&dir, 2026, 11, 23);
    assert_eq!(s.daily_backup_if_due().unwrap(), None, "a restart the same day");
    drop(s);
    let s = store_on(&dir, 2026, 11, 24);
    assert!(s.daily_backup_if_due().unwrap().is_some());
    assert_eq!(reasons(&s.snapshots().unwrap()), vec![SnapshotReason::Daily; 2]);
}

#[test]
fn the_daily_snapshot_holds_the_file_as_copied_while_the_store_writes_during_its_check() {
    let (dir, s) = store();
    let before = s.stats().unwrap().customers;
    let copied = s.daily_copy_if_due().unwrap().expect("due on the first start of the day");
    // The store is free while the copy waits for its check: a save goes through…
    s.create_customer(&dossier_core::customers::CustomerFields {
        name: "复制后新建".into(), ..Default::default()
    })
    .unwrap();
    assert!(s.snapshots().unwrap().is_empty(), "not listed before it is verified and named");
    let snap = copied.finish().unwrap();
    // …and the snapshot is the file as it was copied.
    assert_eq!((snap.reason, snap.counts.unwrap().customers), (SnapshotReason::Daily, before));
    assert_eq!(s.daily_copy_if_due().unwrap().map(|_| ()), None, "taken for today");
    // A copy dropped unfinished leaves nothing in the folder.
    drop(s);
    let s = store_on(&dir, 2026, 11, 24);
    drop(s.daily_copy_if_due().unwrap().unwrap());
    let files: Vec<_> = std::fs::read_dir(backups(&dir)).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, vec![std::ffi::OsString::from(&snap.file)]);
}

#[test]
fn a_snapshot_of_any_kind_today_counts_as_the_days_snapshot() {
    let (_dir, s) = store();
    s.snapshot_now().unwrap();
    assert_eq!(s.daily_backup_if_due().unwrap(), None);
}

#[test]
fn the_daily_snapshot_follows_the_laptops_calendar() {
    // 20:00 UTC on the 23rd is already the 24th in 北京: a new day there.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.sqlite");
    let noon = Store::open(&path, Arc::new(FixedClock::on(2026, 11, 23).east(8))).unwrap();
    noon.daily_backup_if_due().unwrap().unwrap();
    drop(noon);
    let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(20, 0, 0).unwrap().and_utc();
    struct At(chrono::DateTime<chrono::Utc>, chrono::FixedOffset);
    impl dossier_core::Clock for At {
        fn now(&self) -> chrono::DateTime<chrono::Utc> {
            self.0
        }
        fn offset(&self) -> chrono::FixedOffset {
            self.1
        }
    }
    let beijing = Store::open(&path, Arc::new(At(evening, chrono::FixedOffset::east_opt(8 * 3600).unwrap()))).unwrap();
    assert!(beijing.daily_backup_if_due().unwrap().is_some());
    drop(beijing);
    let utc = Store::open(&path, Arc::new(At(evening, chrono::FixedOffset::east_opt(0).unwrap()))).unwrap();
    assert_eq!(utc.daily_backup_if_due().unwrap(), None, "still the 23rd in UTC");
}

#[test]
fn an_older_file_is_backed_up_as_it_was_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let conn = common::database_at_version(&path, 4);
        conn.execute(
            "INSERT INTO customer (name, name_key, created_at, updated_at) VALUES ('旧客户', '旧客户', 'x', 'x')",
            [],
        )
        .unwrap();
    }
    let s = Store::open(&path, clock()).unwrap();
    assert!(s.take_backup_warning().is_none());
    let list = s.snapshots().unwrap();
    assert_eq!(reasons(&list), vec![SnapshotReason::BeforeMigration]);
    assert_eq!(Path::new(&list[0].path).parent().unwrap(), dir.path().join("old-backups"));
    assert_eq!(list[0].counts.unwrap().customers, 1);
    let copy = rusqlite::Connection::open(&list[0].path).unwrap();
    assert_eq!(
        copy.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap(),
        4,
        "the snapshot is the file before migrating"
    );
    drop(s);
    // Opened again (now current): no second snapshot.
    let s = Store::open(&path, clock()).unwrap();
    assert_eq!(s.snapshots().unwrap().len(), 1);
}

#[test]
fn the_snapshot_before_a_migration_goes_to_the_folder_the_old_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("cloud");
    std::fs::create_dir(&chosen).unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let conn = common::database_at_version(&path, 5);
        let value = serde_json::json!({ "folder": chosen.display().to_string() }).to_string();
        conn.execute("INSERT INTO setting (key, value) VALUES ('backup', ?1)", [value]).unwrap();
    }
    let s = Store::open(&path, clock()).unwrap();
    assert_eq!(s.backup_folder().unwrap(), chosen);
    assert_eq!(reasons(&s.snapshots().unwrap()), vec![SnapshotReason::BeforeMigration]);
    assert!(!dir.path().join("old-backups").exists());
}

#[test]
fn an_import_and_its_undo_are_each_preceded_by_a_snapshot() {
    let (dir, s) = store();
    s.create_customer(&named("老客户")).unwrap();
    let record = s.import_file(&customer_csv(dir.path(), &["新客户甲", "新客户乙"]), &mut |_, _| true).unwrap();
    assert_eq!(record.created, 2);
    let list = s.snapshots().unwrap();
    assert_eq!(reasons(&list), vec![SnapshotReason::BeforeImport]);
    assert_eq!(list[0].counts.unwrap().customers, 1, "taken before the import");
    s.undo_import(record.id, false).unwrap();
    let list = s.snapshots().unwrap();
    assert_eq!(reasons(&list), vec![SnapshotReason::BeforeUndoImport, SnapshotReason::BeforeImport]);
    assert_eq!(list[0].counts.unwrap().customers, 3, "taken before the undo");
    assert!(s.take_backup_warning().is_none());
}

#[test]
fn restore_brings_back_the_snapshot_and_keeps_the_current_backup_settings() {
    let (dir, mut s) = store();
    let kept = s.create_customer(&named("云岭制药")).unwrap();
    let snap = s.snapshot_now().unwrap();
    let later = s.create_customer(&named("华东钢铁")).unwrap();
    let mut edited = s.profile(kept.id).unwrap().customer.fields;
    edited.industry = "医药".into();
    s.update_customer(kept.id, &edited).unwrap();
    let chosen = dir.path().join("cloud");
    std::fs::create_dir(&chosen).unwrap();
    let settings = BackupSettings { folder: Some(chosen.display().to_string()), keep_daily: 3, ..Default::default() };
    s.save_backup_settings(&settings).unwrap();

    let before = s.restore_snapshot(Path::new(&snap.path)).unwrap();
    assert_eq!(s.stats().unwrap().customers, 1);
    assert_eq!(s.profile(kept.id).unwrap().customer.fields.industry, "", "the later edit is gone");
    assert!(matches!(s.profile(later.id), Err(CoreError::NotFound { .. })));
    // The search index came back with the data.
    assert_eq!(s.search("华东", 5).unwrap().customers.len(), 0);
    assert_eq!(s.search("云岭", 5).unwrap().customers.len(), 1);
    // The folder and rotation are the laptop's, not the snapshot's.
    assert_eq!(s.backup_settings().unwrap(), settings);
    // The state before the restore was kept first, in the current folder.
    assert_eq!(before.reason, SnapshotReason::BeforeRestore);
    assert_eq!(Path::new(&before.path).parent().unwrap(), chosen);
    assert_eq!(before.counts.unwrap().customers, 2);
    assert_eq!(s.snapshots().unwrap(), vec![before]);
    // The store goes on working, and the restored state is what is on disk.
    s.create_customer(&named("新客户")).unwrap();
    drop(s);
    let s = store_on(&dir, 2026, 11, 23);
    assert_eq!(s.stats().unwrap().customers, 2);
    assert!(!dir.path().join(".dossier.restoring").exists());
}

#[test]
fn a_snapshot_the_rotation_drops_when_the_state_before_is_kept_is_still_restored() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 20);
    s.create_customer(&named("云岭制药")).unwrap();
    s.save_backup_settings(&BackupSettings { keep_daily: 1, keep_weekly: 0, keep_monthly: 0, ..Default::default() })
        .unwrap();
    let old = s.snapshot_now().unwrap();
    s.create_customer(&named("华东钢铁")).unwrap();
    drop(s);
    // Three days later, keeping one day: the before-restore snapshot's rotation deletes it.
    let mut s = store_on(&dir, 2026, 11, 23);
    s.restore_listed_snapshot(&old.file).unwrap();
    assert_eq!(s.stats().unwrap().customers, 1);
    assert_eq!(reasons(&s.snapshots().unwrap()), vec![SnapshotReason::BeforeRestore]);
}

#[test]
fn restore_by_name_takes_only_a_listed_snapshot() {
    let (_dir, mut s) = store();
    s.create_customer(&named("云岭制药")).unwrap();
    let snap = s.snapshot_now().unwrap();
    s.create_customer(&named("华东钢铁")).unwrap();
    for bad in ["../dossier.sqlite", "dossier.sqlite", "nothing-20261123T120000Z-manual.sqlite"] {
        assert_eq!(failure(s.restore_listed_snapshot(bad)), BackupFailure::UnknownSnapshot, "{bad}");
    }
    assert_eq!(s.stats().unwrap().customers, 2);
    s.restore_listed_snapshot(&snap.file).unwrap();
    assert_eq!(s.stats().unwrap().customers, 1);
}

#[test]
fn restore_drops_the_risk_lights_kept_in_memory() {
    let (_dir, mut s) = store();
    let snap = s.snapshot_now().unwrap();
    dossier_core::sample::load(&s, 1).unwrap();
    assert!(!s.portfolio_risk().unwrap().customers.is_empty());
    s.restore_snapshot(Path::new(&snap.path)).unwrap();
    assert!(s.portfolio_risk().unwrap().customers.is_empty());
}

#[test]
fn an_older_snapshot_is_migrated_when_restored() {
    let (dir, mut s) = store();
    s.create_customer(&named("现在的客户")).unwrap();
    let old = dir.path().join("old.sqlite");
    {
        let conn = common::database_at_version(&old, 4);
        conn.execute("INSERT INTO customer (id, name, name_key, created_at, updated_at) VALUES (7, '华东钢铁集团', '华东钢铁集团', 'x', 'x')", []).unwrap();
        conn.execute(
            "INSERT INTO search_entry (kind, ref_id, customer_id, title, subtitle, names, initials, body)
             VALUES ('customer', 7, 7, '华东钢铁集团', '', '华东钢铁集团', 'hdgtjt', '华东钢铁集团')",
            [],
        )
        .unwrap();
    }
    let old_bytes = std::fs::read(&old).unwrap();
    s.restore_snapshot(&old).unwrap();
    let v: i64 = s.connection().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, dossier_core::db::latest_version());
    assert_eq!(s.profile(7).unwrap().customer.fields.name, "华东钢铁集团");
    assert_eq!(s.search("华东", 5).unwrap().customers.len(), 1, "the 1–2 character index was filled by the migration");
    assert_eq!(std::fs::read(&old).unwrap(), old_bytes, "the snapshot itself is not touched");
}

/// The database file and its `-wal`, checkpointed so they are what is on disk.
fn on_disk(s: &Store, dir: &tempfile::TempDir) -> (Vec<u8>, Vec<u8>) {
    s.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let db = dir.path().join("dossier.sqlite");
    (std::fs::read(&db).unwrap(), std::fs::read(db.with_extension("sqlite-wal")).unwrap_or_default())
}

#[test]
fn a_file_that_is_not_a_good_dossier_snapshot_is_refused_and_nothing_changes() {
    let (dir, mut s) = store();
    dossier_core::sample::load(&s, 1).unwrap();
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();

    let text = bad.join("notes.sqlite");
    std::fs::write(&text, "客户名称,电话\n").unwrap();
    let empty = bad.join("empty.sqlite");
    std::fs::write(&empty, "").unwrap();
    let foreign = bad.join("other.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY);")
        .unwrap();
    let blank = bad.join("blank.sqlite");
    rusqlite::Connection::open(&blank).unwrap().execute_batch("CREATE TABLE t (x); DROP TABLE t;").unwrap();
    let newer = bad.join("newer.sqlite");
    let snap = s.snapshot_now().unwrap();
    std::fs::copy(&snap.path, &newer).unwrap();
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let damaged = bad.join("damaged.sqlite");
    let mut bytes = std::fs::read(&snap.path).unwrap();
    assert!(bytes.len() > 12 * 4096);
    for b in &mut bytes[4096 * 3..4096 * 12] {
        *b = 0x5A;
    }
    std::fs::write(&damaged, &bytes).unwrap();

    let listed = s.snapshots().unwrap();
    let before = on_disk(&s, &dir);
    let stats = s.stats().unwrap();
    for (file, expected) in [
        (&text, "notSqlite"),
        (&empty, "notSqlite"),
        (&blank, "notDossier"),
        (&foreign, "notDossier"),
        (&newer, "tooNew"),
        (&damaged, "corrupt"),
        (&bad.join("missing.sqlite"), "io"),
    ] {
        let err = s.restore_snapshot(file).unwrap_err();
        assert_eq!(serde_json::to_value(&err).unwrap()["type"], expected, "{}: {err:?}", file.display());
        assert_eq!(on_disk(&s, &dir), before, "{}: the database changed", file.display());
    }
    assert_eq!(s.stats().unwrap(), stats);
    assert_eq!(s.snapshots().unwrap(), listed, "no snapshot was taken for a refused restore");
}

#[test]
fn a_missing_folder_is_a_typed_error_and_the_store_keeps_working() {
    let (dir, s) = store();
    let chosen = dir.path().join("usb-stick");
    std::fs::create_dir(&chosen).unwrap();
    s.save_backup_settings(&BackupSettings { folder: Some(chosen.display().to_string()), ..Default::default() })
        .unwrap();
    std::fs::remove_dir(&chosen).unwrap();

    let err = s.snapshot_now().unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!((json["type"].as_str(), json["data"]["reason"].as_str()), (Some("backup"), Some("folder_missing")));
    assert_eq!(json["data"]["path"], chosen.display().to_string());
    assert!(!chosen.exists(), "a chosen folder is never created");
    assert_eq!(failure(s.daily_backup_if_due()), BackupFailure::FolderMissing);
    // Nothing stops: writes, an import (with the warning to show), its undo.
    s.create_customer(&named("云岭制药")).unwrap();
    let record = s.import_file(&customer_csv(dir.path(), &["新客户"]), &mut |_, _| true).unwrap();
    assert_eq!(s.stats().unwrap().customers, 2);
    let warning = s.take_backup_warning().unwrap();
    assert_eq!(warning.reason, SnapshotReason::BeforeImport);
    assert_eq!(failure::<()>(Err(warning.error)), BackupFailure::FolderMissing);
    assert!(s.take_backup_warning().is_none(), "shown once");
    s.undo_import(record.id, false).unwrap();
    assert_eq!(s.take_backup_warning().unwrap().reason, SnapshotReason::BeforeUndoImport);
    // A restore needs its snapshot of the current state first: refused without it.
    let other = tempfile::tempdir().unwrap();
    let source = Store::open(&other.path().join("dossier.sqlite"), clock()).unwrap();
    let snap = source.snapshot_now().unwrap();
    let mut s = s;
    assert_eq!(failure(s.restore_snapshot(Path::new(&snap.path))), BackupFailure::FolderMissing);
    assert_eq!(s.stats().unwrap().customers, 1);
}

#[test]
fn a_folder_that_cannot_be_used_is_refused_when_chosen() {
    let (dir, s) = store();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    for folder in [dir.path().join("nowhere"), file] {
        let settings = BackupSettings { folder: Some(folder.display().to_string()), ..Default::default() };
        assert_eq!(failure(s.save_backup_settings(&settings)), BackupFailure::FolderMissing);
    }
    assert_eq!(s.backup_settings().unwrap(), BackupSettings::default());
    let (field, _) = common::refused(s.save_backup_settings(&BackupSettings { keep_daily: 0, ..Default::default() }));
    assert_eq!(field, "keepDaily");
    // Blank means the default folder; a relative one is beside the database.
    let saved = s
        .save_backup_settings(&BackupSettings { folder: Some("  ".into()), keep_weekly: 0, ..Default::default() })
        .unwrap();
    assert_eq!((saved.folder, saved.keep_weekly), (None, 0));
    std::fs::create_dir(dir.path().join("copies")).unwrap();
    s.save_backup_settings(&BackupSettings { folder: Some("copies".into()), ..Default::default() }).unwrap();
    assert_eq!(s.backup_folder().unwrap(), dir.path().join("copies"));
}

#[test]
fn the_rotation_and_the_folder_are_saved_apart() {
    let (dir, s) = store();
    let chosen = dir.path().join("cloud");
    std::fs::create_dir(&chosen).unwrap();
    let saved = s.set_backup_folder(Some(&chosen)).unwrap();
    assert_eq!(saved.folder.as_deref(), Some(chosen.to_str().unwrap()));
    assert_eq!(saved.keep_daily, BackupSettings::default().keep_daily, "the rotation stays");
    // The page sends the rotation with any folder (here a made-up one): the folder is kept.
    let rotation = BackupSettings { folder: Some("/etc".into()), keep_daily: 3, ..Default::default() };
    let saved = s.save_backup_rotation(&rotation).unwrap();
    assert_eq!((saved.folder.as_deref(), saved.keep_daily), (Some(chosen.to_str().unwrap()), 3));
    assert_eq!(s.backup_folder().unwrap(), chosen);
    // Back to the default beside the database, the rotation as it was.
    let saved = s.set_backup_folder(None).unwrap();
    assert_eq!((saved.folder, saved.keep_daily), (None, 3));
    assert_eq!(failure(s.set_backup_folder(Some(&dir.path().join("nowhere")))), BackupFailure::FolderMissing);
}
