//! `dossier-cli export` as a script uses it: files written, names resolved as the search
//! resolves them, exit 2 with a message (never a panic) for bad input.

use std::path::Path;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier-cli")).args(args).output().expect("dossier-cli runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An xlsx package starts with the zip signature.
fn is_xlsx(path: &Path) -> bool {
    std::fs::read(path).map(|b| b.starts_with(b"PK\x03\x04")).unwrap_or(false)
}

/// A temporary folder holding a database with the sample data, and the database's path.
fn demo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite").to_str().unwrap().to_string();
    assert!(cli(&["demo", "--db", &db]).status.success());
    (dir, db)
}

#[test]
fn exports_the_team_report_a_customer_and_templates() {
    let (dir, db) = demo();
    let db = db.as_str();
    let out = |name: &str| dir.path().join(name);

    let report = out("report.xlsx");
    let o = cli(&[
        "export",
        "--db",
        db,
        "--out",
        report.to_str().unwrap(),
        "--lang",
        "en",
        "--include-personal",
        "--json",
        "team-report",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_xlsx(&report));
    // `--json`: the timings `bench export` reads, opening apart from the report.
    let timings: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in ["openSeconds", "exportSeconds"] {
        assert!(timings[key].as_f64().is_some_and(|s| s > 0.0), "{key} in {timings}");
    }
    // The app's sheets, from follow-ups to results at the end.
    let names = calamine::Reader::sheet_names(&calamine::open_workbook::<calamine::Xlsx<_>, _>(&report).unwrap());
    assert_eq!(
        names[6..],
        ["Follow-ups", "Pipeline", "Forecast", "Lost deals", "Stage analysis", "Payments", "Delivery", "Results"],
        "{names:?}"
    );

    let profile = out("profile.xlsx");
    let o = cli(&["export", "--db", db, "--out", profile.to_str().unwrap(), "customer", "华东精密机械股份有限公司"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_xlsx(&profile));

    for kind in ["customers", "contacts"] {
        let t = out(&format!("{kind}.xlsx"));
        let o = cli(&["export", "--out", t.to_str().unwrap(), "template", kind]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(is_xlsx(&t));
    }
    for (kind, sheet) in [("visits", "跟进记录导入模板"), ("deals", "商机导入模板")] {
        let t = out(&format!("{kind}.xlsx"));
        let o = cli(&["export", "--out", t.to_str().unwrap(), "template", "--kind", kind]);
        assert!(o.status.success(), "{}", stderr(&o));
        let names = calamine::Reader::sheet_names(&calamine::open_workbook::<calamine::Xlsx<_>, _>(&t).unwrap());
        assert_eq!(names, [sheet, "填写说明"]);
    }
}

#[test]
fn bad_exports_exit_2_with_a_message() {
    let (dir, db) = demo();
    let db = db.as_str();
    let out = dir.path().join("x.xlsx");
    let out = out.to_str().unwrap();

    let o = cli(&["export", "--db", db, "--out", out, "customer", "不存在的公司"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("没有找到客户"), "{}", stderr(&o));
    assert!(!Path::new(out).exists());

    let missing = dir.path().join("no/such/folder/x.xlsx");
    let o = cli(&["export", "--db", db, "--out", missing.to_str().unwrap(), "team-report"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不存在"), "{}", stderr(&o));

    let o = cli(&["export", "--db", db, "--out", dir.path().to_str().unwrap(), "team-report"]);
    assert_eq!(o.status.code(), Some(2), "a folder as the output");

    let o = cli(&["export", "--out", out, "team-report"]);
    assert_eq!(o.status.code(), Some(2), "no --db");
    assert!(!stderr(&o).contains("panicked"));

    assert_eq!(cli(&["export", "--out", out, "template", "nonsense"]).status.code(), Some(2));
}
