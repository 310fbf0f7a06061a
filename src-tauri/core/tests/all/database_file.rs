//! Opening database files: persistence, and refusing files that are not ours without touching
//! them.

use crate::common;

use std::sync::Arc;

use common::{clock, named};
use dossier_core::{CoreError, Store};

fn open(path: &std::path::Path) -> Result<Store, CoreError> {
    Store::open(path, clock())
}

#[test]
fn data_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/dossier.sqlite");
    let s = open(&path).unwrap();
    let c = s.create_customer(&named("云岭制药")).unwrap();
    drop(s);
    let s = open(&path).unwrap();
    assert_eq!(s.profile(c.id).unwrap().customer.fields.name, "云岭制药");
    assert_eq!(s.search("yl", 5).unwrap().customers.len(), 1);
}

fn assert_untouched(path: &std::path::Path, before: &[u8], result: Result<Store, CoreError>) -> CoreError {
    let err = result.err().expect("the file must be refused");
    assert_eq!(std::fs::read(path).unwrap(), before, "the refused file was modified");
    assert!(!path.with_extension("sqlite-wal").exists());
    err
}

#[test]
fn a_text_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customers.sqlite");
    std::fs::write(&path, "客户名称,电话\n华为,123\n").unwrap();
    let err = assert_untouched(&path, &std::fs::read(&path).unwrap(), open(&path));
    assert!(matches!(err, CoreError::NotSqlite { .. }), "{err:?}");
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    drop(open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match assert_untouched(&path, &before, open(&path)) {
        CoreError::TooNew { found, supported, .. } => {
            assert_eq!((found, supported), (99, dossier_core::db::latest_version()))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(assert_untouched(&path, &before, open(&path)), CoreError::NotDossier { .. }));
}

#[test]
fn a_damaged_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let s = open(&path).unwrap();
    dossier_core::sample::load(&s, 1).unwrap();
    drop(s);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8 * 4096);
    for b in &mut bytes[4096 * 3..4096 * 8] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = assert_untouched(&path, &bytes, open(&path));
    assert!(matches!(err, CoreError::Corrupt { .. }), "{err:?}");
}

#[test]
fn an_empty_file_becomes_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").unwrap();
    let s = Store::open(&path, Arc::new(dossier_core::FixedClock::on(2026, 1, 1))).unwrap();
    assert!(s.is_empty().unwrap());
}

#[test]
fn migrations_run_from_empty_to_latest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    drop(open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, dossier_core::db::latest_version());
    let fk: i64 = open(&path).unwrap().connection().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn a_version_1_database_migrates_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite");
    {
        let conn = common::database_at_version(&path, 1);
        conn.execute(
            "INSERT INTO customer (name, name_key, created_at, updated_at) VALUES ('旧客户', '旧客户', 'x', 'x')",
            [],
        )
        .unwrap();
    }
    let s = open(&path).unwrap();
    let v: i64 = s.connection().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, dossier_core::db::latest_version());
    assert_eq!(s.stats().unwrap().customers, 1);
    assert!(s.import_history().unwrap().is_empty(), "the import tables exist");
}

#[test]
fn the_unigram_search_index_is_filled_from_an_older_databases_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.sqlite");
    {
        let conn = common::database_at_version(&path, 4);
        conn.execute(
            "INSERT INTO customer (id, name, short_name, name_key, created_at, updated_at)
             VALUES (7, '华东钢铁集团', '华钢', '华东钢铁集团', 'x', 'x')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO search_entry (kind, ref_id, customer_id, title, subtitle, names, initials, body)
             VALUES ('customer', 7, 7, '华东钢铁集团', '', '华东钢铁集团 华钢', 'hdgtjt', '华东钢铁集团 华钢')",
            [],
        )
        .unwrap();
    }
    let s = open(&path).unwrap();
    let ids = |q: &str| s.search(q, 8).unwrap().customers.iter().map(|h| h.id).collect::<Vec<_>>();
    assert_eq!(ids("钢"), vec![7], "one character");
    assert_eq!(ids("钢铁"), vec![7], "two adjacent characters");
    assert_eq!(ids("华钢"), vec![7], "the short name");
    assert!(ids("团华").is_empty(), "a phrase never spans the name and the short name");
    assert!(ids("东铁").is_empty(), "characters that are not adjacent");
}

#[cfg(unix)]
#[test]
fn a_new_database_and_the_folders_created_for_it_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.dossier/data/dossier.sqlite");
    let s = open(&path).unwrap();
    s.create_customer(&named("云岭制药")).unwrap();
    assert_eq!(mode(&path), 0o600);
    for suffix in ["-wal", "-shm"] {
        let side = dir.path().join(format!("app.dossier/data/dossier.sqlite{suffix}"));
        assert_eq!(mode(&side), 0o600, "{suffix}");
    }
    assert_eq!(mode(&dir.path().join("app.dossier")), 0o700);
    assert_eq!(mode(&dir.path().join("app.dossier/data")), 0o700);
    drop(s);

    // A file an older Dossier created readable by all is tightened when opened; the folder it
    // is in, which Dossier did not create, is left alone.
    let shared = tempfile::tempdir().unwrap();
    std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let old = shared.path().join("old.sqlite");
    drop(open(&old).unwrap());
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(open(&old).unwrap());
    assert_eq!(mode(&old), 0o600);
    assert_eq!(mode(shared.path()), 0o755);
}

/// Run by `a_file_open_in_another_process_is_refused` in a child process (this test binary
/// again): tries to open the file it is given and prints what happened.
fn probe_in_this_child() -> bool {
    let Ok(path) = std::env::var("DOSSIER_OPEN_PROBE") else { return false };
    match open(std::path::Path::new(&path)) {
        Err(CoreError::InUse { path }) => println!("probe: inUse {path}"),
        Ok(s) => {
            println!("probe: opened, {} customers", s.stats().unwrap().customers);
            if let Ok(ms) = std::env::var("DOSSIER_PROBE_HOLD_MS") {
                println!("probe: holding");
                std::thread::sleep(std::time::Duration::from_millis(ms.parse().unwrap()));
            }
        }
        Err(e) => println!("probe: {e:?}"),
    }
    true
}

#[test]
fn a_file_open_in_another_process_is_refused() {
    if probe_in_this_child() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    // This test's name as libtest knows it: the module path without the crate's name.
    let name = format!("{}::a_file_open_in_another_process_is_refused", module_path!().split_once("::").unwrap().1);
    let probe = |path: &std::path::Path| {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
            .env("DOSSIER_OPEN_PROBE", path)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // After libtest's "test … " on the same line.
        let line = text.split("probe: ").nth(1).and_then(|rest| rest.lines().next());
        format!("probe: {}", line.unwrap_or_else(|| panic!("no probe line in {text}")))
    };
    let first = open(&path).unwrap();
    first.create_customer(&named("云岭制药")).unwrap();
    assert_eq!(probe(&path), format!("probe: inUse {}", path.display()));
    // The same file under another spelling is the same file.
    assert!(probe(&dir.path().join(".").join("d.sqlite")).starts_with("probe: inUse"));
    // Another file beside it is not affected.
    assert_eq!(probe(&dir.path().join("other.sqlite")), "probe: opened, 0 customers");
    // Within this process the file can be opened again (the lock is shared) ...
    let second = open(&path).unwrap();
    drop(first);
    assert!(probe(&path).starts_with("probe: inUse"), "... and stays locked while one store is open");
    drop(second);
    assert_eq!(probe(&path), "probe: opened, 1 customers");
    assert!(dossier_core::writer_lock::lock_path(&path).exists(), "the lock file stays, unlocked");
}

/// A lock another process lets go of within a moment is waited for, not taken for a file in
/// use: a process this one starts holds a copy of the lock file's descriptor from its fork to
/// its exec, so a store closed and reopened in that moment finds its own lock still held. Here
/// a child holds the file for 100 ms while the parent opens it.
#[test]
fn a_lock_released_within_a_moment_is_waited_for() {
    if probe_in_this_child() {
        return;
    }
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    drop(open(&path).unwrap());
    let name = format!("{}::a_lock_released_within_a_moment_is_waited_for", module_path!().split_once("::").unwrap().1);
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env("DOSSIER_OPEN_PROBE", &path)
        .env("DOSSIER_PROBE_HOLD_MS", "100")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.unwrap().contains("probe: holding")), "the child did not open the file");
    let again = open(&path);
    child.wait().unwrap();
    assert!(again.is_ok(), "{:?}", again.err());
}

#[test]
fn a_refused_file_gets_no_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "not a database").unwrap();
    assert!(matches!(open(&path), Err(CoreError::NotSqlite { .. })));
    assert!(!dossier_core::writer_lock::lock_path(&path).exists());
}

#[test]
fn a_database_locked_by_another_connection_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let s = open(&path).unwrap();
    s.connection().busy_timeout(std::time::Duration::from_millis(50)).unwrap();
    // Another program (not a Dossier: it takes no lock file) holding a write transaction.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert_eq!(s.create_customer(&named("云岭制药")).unwrap_err(), CoreError::Busy);
    other.execute_batch("ROLLBACK").unwrap();
    s.create_customer(&named("云岭制药")).unwrap();
}
