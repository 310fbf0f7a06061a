//! `dossier-cli import --template NAME`: the columns are mapped by a template saved in the app.

use std::process::{Command, Output};
use std::sync::Arc;

use dossier_core::import::mapping::Field::*;
use dossier_core::import::plan::ImportKind;
use dossier_core::{Store, SystemClock};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier-cli")).args(args).output().expect("dossier-cli runs")
}

#[test]
fn a_saved_template_maps_the_columns_and_an_unknown_one_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let csv = dir.path().join("销售部.csv");
    // 跟单 and 档次 are not header synonyms: without the template they are not imported.
    std::fs::write(&csv, "档次,公司,跟单\nA,华东精密,李明\n").unwrap();
    {
        let store = Store::open(&db, Arc::new(SystemClock)).unwrap();
        let headers: Vec<String> = ["公司", "跟单", "档次"].iter().map(|s| s.to_string()).collect();
        store
            .save_mapping_template(
                "销售部",
                ImportKind::Customers,
                &headers,
                &[Some(CustomerName), Some(Owner), Some(Grade)],
            )
            .unwrap();
    }
    let (db, file) = (db.to_str().unwrap(), csv.to_str().unwrap());

    let plain = cli(&["import", "--db", db, "--kind", "customers", "--dry-run", "--json", file]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(plain["preview"]["mapping"], serde_json::json!([null, "customer_name", null]));

    let out = cli(&["import", "--db", db, "--kind", "customers", "--template", "销售部", "--json", file]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["preview"]["mapping"],
        serde_json::json!(["grade", "customer_name", "owner"]),
        "mapped by header text"
    );
    assert_eq!(v["committed"]["created"], 1);

    let out = cli(&["import", "--db", db, "--kind", "customers", "--template", "市场部", file]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("市场部") && err.contains("销售部"), "{err}");
}
