//! `dossier-cli backup | backups | restore` as a script uses them.

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier-cli")).args(args).output().expect("dossier-cli runs")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn customers(db: &str) -> i64 {
    let stats: serde_json::Value = serde_json::from_str(&ok(cli(&["stats", "--db", db, "--json"]))).unwrap();
    stats["customers"].as_i64().unwrap()
}

#[test]
fn backup_list_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    ok(cli(&["demo", "--db", db]));
    let snapshot = ok(cli(&["backup", "--db", db])).trim().to_string();
    assert!(std::path::Path::new(&snapshot).starts_with(dir.path().join("d-backups")), "{snapshot}");

    let csv = dir.path().join("new.csv");
    std::fs::write(&csv, "客户名称\n新客户有限公司\n").unwrap();
    ok(cli(&["import", "--db", db, "--kind", "customers", csv.to_str().unwrap()]));
    assert_eq!(customers(db), 37);

    let list: serde_json::Value = serde_json::from_str(&ok(cli(&["backups", "--db", db, "--json"]))).unwrap();
    let reasons: Vec<&str> = list.as_array().unwrap().iter().map(|s| s["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons, ["before-import", "manual"]);
    assert_eq!(list[1]["path"], snapshot.as_str());
    assert_eq!(list[1]["counts"]["customers"], 36);
    assert!(ok(cli(&["backups", "--db", db])).contains("manual"));

    // A file that is not a Dossier database: refused, exit 2, nothing changed.
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "hello").unwrap();
    let out = cli(&["restore", "--db", db, text.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(customers(db), 37);

    let out = cli(&["restore", "--db", db, &snapshot]);
    ok(out);
    assert_eq!(customers(db), 36);
    let list: serde_json::Value = serde_json::from_str(&ok(cli(&["backups", "--db", db, "--json"]))).unwrap();
    assert_eq!(list[0]["reason"], "before-restore");
    assert_eq!(list[0]["counts"]["customers"], 37);
}
