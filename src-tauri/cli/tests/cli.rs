//! The command line as a script uses it: exit codes, JSON on stdout, messages on stderr.

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier-cli")).args(args).output().expect("dossier-cli runs")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn demo_stats_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    assert!(cli(&["demo", "--db", db]).status.success());
    let stats = json(&cli(&["stats", "--db", db, "--json"]));
    assert_eq!(stats["customers"], 36);
    assert!(stats["contacts"].as_i64().unwrap() >= 100);
    let hits = json(&cli(&["search", "--db", db, "--json", "华东精密"]));
    assert_eq!(hits[0]["title"], "华东精密机械股份有限公司");
    assert_eq!(hits[0]["kind"], "customer");
}

#[test]
fn demo_gives_generated_copies_the_contacts_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let contacts = |name: &str, extra: &[&str]| {
        let db = dir.path().join(name);
        let db = db.to_str().unwrap();
        assert!(cli(&[&["demo", "--db", db, "--scale", "2"][..], extra].concat()).status.success());
        json(&cli(&["stats", "--db", db, "--json"]))["contacts"].as_i64().unwrap()
    };
    // 36 copies: two contacts each by default, 150 when asked.
    assert_eq!(contacts("many.sqlite", &["--contacts", "150"]) - contacts("two.sqlite", &[]), 36 * 148);
}

#[test]
fn bad_input_exits_2_with_a_message_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let out = cli(&["stats", "--db", text.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Dossier database"));
    assert_eq!(std::fs::read(&text).unwrap(), b"hello");
    assert_eq!(cli(&["stats"]).status.code(), Some(2), "missing --db");
    assert_eq!(cli(&["demo", "--db", "x", "--scale", "0"]).status.code(), Some(2));
    assert_eq!(cli(&["demo", "--db", "x", "--contacts", "0"]).status.code(), Some(2));
}

#[test]
fn benchmarks_refuse_nonsense_counts_with_exit_2_and_a_message() {
    for args in [
        &["bench", "import", "--rows", "0"][..],
        &["bench", "backup", "--runs=-1"],
        &["bench", "export", "--runs", "0"],
        &["bench", "power-map", "--runs", "many"],
    ] {
        let out = cli(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("is not a whole number of at least 1"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.sqlite");
    let out = cli(&["bench", "risk", "--db", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at"));
    assert!(!missing.exists(), "no empty database made to time nothing");
}

#[test]
fn import_a_gbk_csv_dry_run_then_commit_then_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    let csv = dir.path().join("客户.csv");
    let body = "客户名称,行业,客户等级,成立日期,联系人,手机\n华东精密,装备制造,A,2019/3/5,王芳,13800138000\n长江汽配,汽车,B类,2023年13月,李四,\n";
    std::fs::write(&csv, encoding_rs::GBK.encode(body).0).unwrap();
    let file = csv.to_str().unwrap();

    let dry = json(&cli(&["import", "--db", db, "--kind", "customers", "--dry-run", "--json", file]));
    assert_eq!(dry["preview"]["counts"]["new"], 1);
    assert_eq!(dry["preview"]["counts"]["error"], 1);
    assert!(dry["committed"].is_null());
    assert_eq!(json(&cli(&["stats", "--db", db, "--json"]))["customers"], 0);

    let out = cli(&["import", "--db", db, "--kind", "customers", file]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("第 3 行 · D 列「成立日期」：日期不存在 '2023年13月'"), "{text}");
    assert_eq!(json(&cli(&["stats", "--db", db, "--json"]))["contacts"], 1);

    let history = json(&cli(&["imports", "--db", db, "--json"]));
    let id = history[0]["id"].as_i64().unwrap().to_string();
    let preview = json(&cli(&["undo-import", "--db", db, "--preview", &id]));
    assert_eq!((preview["customers"].as_i64(), preview["edited"].as_array().map(Vec::len)), (Some(1), Some(0)));
    assert!(cli(&["undo-import", "--db", db, &id]).status.success());
    assert_eq!(json(&cli(&["stats", "--db", db, "--json"]))["customers"], 0);
    // The customer it created waits in the trash, restorable.
    let trash = json(&cli(&["trash", "--db", db, "--json"]));
    assert_eq!((trash[0]["kind"].as_str(), trash[0]["name"].as_str()), (Some("customer"), Some("华东精密")));
    let entry = trash[0]["id"].to_string();
    assert!(cli(&["trash", "restore", "--db", db, &entry]).status.success());
    assert_eq!(json(&cli(&["stats", "--db", db, "--json"]))["customers"], 1);
    assert_eq!(cli(&["trash", "restore", "--db", db, &entry]).status.code(), Some(2), "no such entry any more");
    assert_eq!(cli(&["trash", "purge", "--db", db]).status.code(), Some(2), "an id or --all");
    assert!(cli(&["trash", "purge", "--db", db, "--all"]).status.success());
    assert_eq!(cli(&["trash"]).status.code(), Some(2), "missing --db");
    assert_eq!(cli(&["undo-import", "--db", db, &id]).status.code(), Some(2), "already undone");
}

#[test]
fn import_lists_the_columns_it_leaves_out_and_takes_the_revenue_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    let csv = dir.path().join("客户.csv");
    let body = "客户名称,省份,城市,内部编号,营业额\n华南精密,广东省,深圳市,K-1,500\n";
    std::fs::write(&csv, body).unwrap();
    let file = csv.to_str().unwrap();

    let out = cli(&["import", "--db", db, "--kind", "customers", "--revenue-year", "2024", file]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("不导入的列：\n  D 列「内部编号」：没有对应的字段"), "{text}");
    assert!(text.contains("营收按 2024 年导入"), "{text}");
    let customers = json(&cli(&["search", "--db", db, "--json", "华南精密"]));
    assert_eq!(customers[0]["subtitle"], "广东省·深圳市", "the region from its parts");
}

#[test]
fn import_follow_up_records_of_the_demo_customers_then_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    assert!(cli(&["demo", "--db", db]).status.success());
    let csv = dir.path().join("跟进记录.csv");
    let body = "客户名称,跟进日期,沟通方式,跟进内容,下一步\n华东精密机械股份有限公司,2026-11-02,电话,确认交期,发送交期表\n不存在的公司,2026-11-03,面谈,寒暄,\n";
    std::fs::write(&csv, body).unwrap();
    let file = csv.to_str().unwrap();
    let out = cli(&["import", "--db", db, "--kind", "visits", file]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("第 3 行 · A 列「客户名称」：系统中没有客户「不存在的公司」"), "{text}");
    let history = json(&cli(&["imports", "--db", db, "--json"]));
    assert_eq!((history[0]["kind"].as_str(), history[0]["created"].as_i64()), (Some("visits"), Some(1)));
    let id = history[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(json(&cli(&["undo-import", "--db", db, "--preview", &id]))["visits"], 1);
    assert!(cli(&["undo-import", "--db", db, &id]).status.success());
    let trash = json(&cli(&["trash", "--db", db, "--json"]));
    assert_eq!(trash[0]["kind"].as_str(), Some("visit"));
}

#[test]
fn import_of_an_unreadable_file_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    let fake = dir.path().join("客户.xlsx");
    std::fs::write(&fake, "not a workbook").unwrap();
    let out = cli(&["import", "--db", db, "--kind", "customers", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("客户.xlsx：无法读取"));
    assert!(json(&cli(&["imports", "--db", db, "--json"])).as_array().unwrap().is_empty());
}

/// Output into a pipe whose reader is already gone (`dossier-cli … | head` once head has
/// read enough): the CLI ends quietly, by SIGPIPE as Unix tools do, instead of panicking.
#[cfg(unix)]
#[test]
fn writing_to_a_closed_pipe_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    assert!(cli(&["demo", "--db", db]).status.success());
    for args in [&["signals", "--db", db][..], &["stats", "--db", db], &["search", "--db", db, "华东"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader); // closed before the CLI writes anything: every write fails
        let out = Command::new(env!("CARGO_BIN_EXE_dossier-cli"))
            .args(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success() || out.status.signal() == Some(libc::SIGPIPE), "{args:?}: {:?}", out.status);
    }
}

#[test]
fn a_database_open_in_another_dossier_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let db = path.to_str().unwrap();
    let app = dossier_core::Store::open(&path, std::sync::Arc::new(dossier_core::SystemClock)).unwrap();
    for args in [&["stats", "--db", db][..], &["demo", "--db", db]] {
        let out = cli(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("is open in another Dossier"), "{args:?}");
    }
    assert!(app.is_empty().unwrap(), "nothing written by the refused demo");
    drop(app);
    assert_eq!(json(&cli(&["stats", "--db", db, "--json"]))["customers"], 0);
}

#[test]
fn erase_contact_prints_what_went_and_leaves_no_trace_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let db = db.to_str().unwrap();
    let csv = dir.path().join("客户.csv");
    std::fs::write(&csv, "客户名称,联系人,手机\n华东精密,欧阳震华,13987654321\n").unwrap();
    assert!(cli(&["import", "--db", db, "--kind", "customers", csv.to_str().unwrap()]).status.success());
    let hits = json(&cli(&["search", "--db", db, "--json", "欧阳震华"]));
    let id = hits[0]["id"].to_string();

    let report = json(&cli(&["erase-contact", "--db", db, &id]));
    assert_eq!(report["name"], "欧阳震华");
    assert_eq!(report["customerName"], "华东精密");
    assert_eq!(report["importRows"], 1);
    assert!(report.get("needles").is_none(), "the values searched for stay out of the output");
    assert_eq!(json(&cli(&["search", "--db", db, "--json", "欧阳震华"])), serde_json::json!([]));
    let bytes = std::fs::read(db).unwrap();
    assert!(!bytes.windows("欧阳震华".len()).any(|w| w == "欧阳震华".as_bytes()));
    assert_eq!(cli(&["erase-contact", "--db", db, &id]).status.code(), Some(2), "no such contact any more");
}

#[test]
fn a_damaged_search_index_is_rebuilt_before_the_command_and_said_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.sqlite");
    let db = path.to_str().unwrap();
    assert!(cli(&["demo", "--db", db]).status.success());
    // Where the index's entries start in the file, read through the core's connection.
    let at: u64 = {
        let store = dossier_core::Store::open(&path, std::sync::Arc::new(dossier_core::SystemClock)).unwrap();
        store
            .connection()
            .query_row(
                "SELECT (rootpage - 1) * (SELECT page_size FROM pragma_page_size) FROM sqlite_master
                 WHERE name = 'search_entry'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[at as usize..at as usize + 4096].fill(0x5A);
    std::fs::write(&path, &bytes).unwrap();

    let out = cli(&["search", "--db", db, "--json", "华东精密"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("the search index was damaged"));
    let hits = json(&out);
    assert_eq!(hits[0]["title"], "华东精密机械股份有限公司");
    let again = cli(&["search", "--db", db, "--json", "hdjm"]);
    assert!(again.stderr.is_empty(), "rebuilt once: {}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(json(&again)[0]["title"], "华东精密机械股份有限公司", "by initials: the entries are written");
}
