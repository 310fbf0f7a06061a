//! The import under random files: workbooks and text tables with random cells (numbers,
//! dates, booleans, formulas nobody calculated, text up to 40,000 characters of Chinese,
//! emoji and control characters, empty), random sizes, merged ranges, sheet names and text
//! encodings, each imported as customers, contacts, purchases and follow-up records or
//! opportunities the way the wizard does (inspect, preview, commit) into a real database file.
//! Whatever the file, the import ends (no panic, no hang), reading stays within the reader's
//! limits, inspect and preview write nothing, a refused import leaves the file byte for byte
//! as it was, and a commit does what its preview said.
//!
//! 200 cases by default (one to two minutes in a debug build on a busy 2-core machine);
//! `DOSSIER_PROPTEST_CASES=5000` asks for more, `DOSSIER_PROPTEST_SEED=random` for cases
//! never run before (the default seed is fixed). A failure prints the smallest case found.
//! What reading the reader found is kept as ordinary tests in `import_bad_input.rs` (the
//! shared-strings part measured before calamine loads it).

use crate::common;
use crate::import_support;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use dossier_core::import::plan::ImportKind;
use dossier_core::import::ImportSpec;
use dossier_core::{CoreError, Store};
use import_support::{peak_rss_mb, snapshot};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

/// Customers already in the database, so contact and purchase rows can name them.
const KNOWN: [&str; 3] = ["华东精密机械股份有限公司", "长江汽配", "Blue Ocean Foods"];

/// Headers of every kind's fields, Chinese and English, as lists write them.
const HEADERS: [&str; 24] = [
    "客户名称",
    "公司",
    "customer",
    "简称",
    "行业",
    "地区",
    "客户等级",
    "负责人",
    "员工人数",
    "成立日期",
    "官网",
    "联系人",
    "姓名",
    "职务",
    "部门",
    "手机",
    "微信",
    "email",
    "月份",
    "日期",
    "产品",
    "类别",
    "数量",
    "金额",
];

/// Text that reads as values of those fields.
const VALUES: [&str; 20] = [
    "2024-03",
    "2024年3月5日",
    "2024/3/5",
    "45356",
    "1,234.50",
    "12万",
    "¥3,000",
    "A",
    "B类",
    "国企",
    "13812345678",
    "0512-6666 8888",
    "wang@example.com",
    "https://hd.example.com",
    "600000",
    "1200人",
    "伺服电机",
    "3 台",
    "-5",
    "TRUE",
];

/// One cell as the generator chose it.
#[derive(Clone, Debug)]
enum Value {
    Empty,
    Number(f64),
    /// Year, month, day.
    Date(u16, u8, u8),
    Bool(bool),
    /// A formula without a calculated value.
    Formula(String),
    Text(String),
}

/// How a text table's bytes are encoded.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gbk,
    Big5,
    Windows1252,
}

#[derive(Clone, Debug)]
enum Container {
    /// An .xlsx: the data sheet's name, merged ranges (first row, first column, last row,
    /// last column), and whether an empty or header-only sheet comes first.
    Xlsx { sheet: String, merges: Vec<(u32, u16, u32, u16)>, decoy: Option<bool>, name_the_sheet: bool },
    /// A text table: extension, delimiter, encoding, and bytes mixed in at random places
    /// (other encodings' lead bytes, invalid UTF-8).
    Text { extension: &'static str, delimiter: u8, encoding: Encoding, noise: Vec<(usize, u8)> },
}

#[derive(Clone, Debug)]
struct Case {
    container: Container,
    rows: Vec<Vec<Value>>,
    on_duplicate: &'static str,
}

fn chars(range: std::ops::RangeInclusive<char>, len: std::ops::Range<usize>) -> BoxedStrategy<String> {
    proptest::collection::vec(proptest::char::range(*range.start(), *range.end()), len)
        .prop_map(|v| v.into_iter().collect())
        .boxed()
}

fn text() -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just('\0'),
        Just('\t'),
        Just('\n'),
        Just('\r'),
        Just('\u{7}'),
        Just('\u{1b}'),
        Just('\u{7f}'),
        Just('\u{200b}'),
        Just('\u{202e}'),
        Just('\u{feff}'),
        Just('\u{fffd}'),
        Just('"'),
        Just(','),
        Just(';'),
        Just('='),
        Just('<'),
        Just('&'),
        Just('\''),
        Just(' '),
        Just('\u{3000}'),
    ];
    prop_oneof![
        4 => proptest::sample::select(&KNOWN[..]).prop_map(String::from),
        3 => proptest::sample::select(&VALUES[..]).prop_map(String::from),
        2 => proptest::sample::select(&HEADERS[..]).prop_map(String::from),
        3 => chars('\u{4e00}'..='\u{9fa5}', 1..12),
        1 => chars('\u{1f300}'..='\u{1f64f}', 1..6),
        1 => chars(' '..='~', 0..20),
        2 => proptest::collection::vec(prop_oneof![special, proptest::char::range('\u{4e00}', '\u{4e2f}'), proptest::char::range('a', 'f')], 1..16)
            .prop_map(|v| v.into_iter().collect()),
        1 => (proptest::char::any(), 1..40_000usize).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => Just(Value::Empty),
        2 => prop_oneof![
            any::<i32>().prop_map(f64::from),
            (-1e6f64..1e6f64),
            proptest::sample::select(vec![0.0, -0.0, 1e308, -1e308, 5e-324, 45356.75, 2958465.0, 60.0]),
        ]
        .prop_map(Value::Number),
        1 => (1900u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Value::Date(y, m, d)),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => proptest::sample::select(vec!["=SUM(B2:C2)", "=A2&\"分公司\"", "=1/0", "=HYPERLINK(\"http://x\")", "=TODAY()"])
            .prop_map(|f| Value::Formula(f.into())),
        8 => text().prop_map(Value::Text),
    ]
}

/// A header row of some kind's fields, in random order, or random cells.
fn header() -> impl Strategy<Value = Vec<Value>> {
    prop_oneof![
        3 => proptest::sample::subsequence(&HEADERS[..], 1..8)
            .prop_shuffle()
            .prop_map(|h| std::iter::once("客户名称").chain(h).map(|t| Value::Text(t.into())).collect()),
        1 => proptest::collection::vec(value(), 0..8),
    ]
}

fn rows() -> impl Strategy<Value = Vec<Vec<Value>>> {
    (
        proptest::collection::vec(proptest::collection::vec(value(), 0..3), 0..3), // a title block
        header(),
        proptest::collection::vec(proptest::collection::vec(value(), 0..8), 0..16),
    )
        .prop_map(|(title, header, data)| title.into_iter().chain(std::iter::once(header)).chain(data).collect())
}

fn sheet_name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::char::range('\u{4e00}', '\u{9fa5}'),
        proptest::char::range('a', 'z'),
        proptest::char::range('0', '9'),
        Just(' '),
        Just('('),
        Just('-'),
        Just('\u{1f4ca}'),
    ];
    proptest::collection::vec(piece, 1..=31).prop_map(|v| v.into_iter().collect())
}

fn container() -> impl Strategy<Value = Container> {
    let encoding = prop_oneof![
        Just(Encoding::Utf8),
        Just(Encoding::Utf8Bom),
        Just(Encoding::Utf16Le),
        Just(Encoding::Utf16Be),
        Just(Encoding::Gbk),
        Just(Encoding::Big5),
        Just(Encoding::Windows1252),
    ];
    prop_oneof![
        (
            sheet_name(),
            proptest::collection::vec((0u32..30, 0u16..9, 0u32..4, 0u16..4), 0..4),
            proptest::option::of(any::<bool>()),
            any::<bool>(),
        )
            .prop_map(|(sheet, merges, decoy, name_the_sheet)| Container::Xlsx {
                sheet,
                merges: merges.into_iter().map(|(r, c, h, w)| (r, c, r + h, c + w)).collect(),
                decoy,
                name_the_sheet,
            }),
        (
            proptest::sample::select(vec!["csv", "txt", "tsv", "xlsx", "xls"]),
            proptest::sample::select(vec![b',', b'\t', b';']),
            encoding,
            proptest::collection::vec((any::<usize>(), 0x80u8..=0xff), 0..6),
        )
            .prop_map(|(extension, delimiter, encoding, noise)| Container::Text {
                extension,
                delimiter,
                encoding,
                noise
            }),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (container(), rows(), proptest::sample::select(vec!["skip", "fill", "overwrite"]))
        .prop_map(|(container, rows, on_duplicate)| Case { container, rows, on_duplicate })
}

/// A cell as a person would type it into a text file.
fn typed(v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Number(n) => n.to_string(),
        Value::Date(y, m, d) => format!("{y}-{m:02}-{d:02}"),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Value::Formula(f) | Value::Text(f) => f.clone(),
    }
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let with_bom = |bom: &[u8], body: Vec<u8>| [bom.to_vec(), body].concat();
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => with_bom(b"\xEF\xBB\xBF", text.as_bytes().to_vec()),
        Encoding::Utf16Le => with_bom(&[0xFF, 0xFE], text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        Encoding::Utf16Be => with_bom(&[0xFE, 0xFF], text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        Encoding::Gbk => encoding_rs::GBK.encode(text).0.into_owned(),
        Encoding::Big5 => encoding_rs::BIG5.encode(text).0.into_owned(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// Writes the case's file into `dir`; its path.
fn write(case: &Case, dir: &Path) -> std::path::PathBuf {
    match &case.container {
        Container::Xlsx { sheet, merges, decoy, .. } => {
            let path = dir.join("随机 表格.xlsx");
            write_xlsx(&path, sheet, merges, *decoy, &case.rows);
            path
        }
        Container::Text { extension, delimiter, encoding, noise } => {
            let path = dir.join(format!("随机.{extension}"));
            let mut w = csv::WriterBuilder::new().delimiter(*delimiter).flexible(true).from_writer(Vec::new());
            for row in &case.rows {
                w.write_record(row.iter().map(typed)).unwrap();
            }
            let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let mut bytes = encode(&text, *encoding);
            for (at, b) in noise {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes.insert(at, *b);
                }
            }
            std::fs::write(&path, bytes).unwrap();
            path
        }
    }
}

fn write_xlsx(path: &Path, name: &str, merges: &[(u32, u16, u32, u16)], decoy: Option<bool>, rows: &[Vec<Value>]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    if let Some(header_only) = decoy {
        let first = book.add_worksheet();
        let _ = first.set_name("说明");
        if header_only {
            first.write_string(0, 0, "客户名称").unwrap();
        }
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    let _ = sheet.set_name(name); // a name the writer refuses keeps its default
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let _ = match v {
                Value::Empty => continue,
                Value::Number(n) => sheet.write_number(r, c, *n).map(drop),
                Value::Date(y, m, d) => match ExcelDateTime::from_ymd(*y, *m, *d) {
                    Ok(dt) => sheet.write_datetime_with_format(r, c, &dt, &date).map(drop),
                    Err(e) => Err(e),
                },
                Value::Bool(b) => sheet.write_boolean(r, c, *b).map(drop),
                Value::Formula(f) => sheet.write_formula(r, c, f.as_str()).map(drop),
                // Excel's cell limit is 32,767 characters.
                Value::Text(t) => sheet.write_string(r, c, t.chars().take(32_767).collect::<String>()).map(drop),
            };
        }
    }
    // Overlapping ranges are skipped here rather than left to `merge_range` to refuse: after
    // refusing one it keeps part of the refused range registered and panics on the next
    // range that touches those cells.
    let mut merged: Vec<(u32, u16, u32, u16)> = Vec::new();
    for &(r1, c1, r2, c2) in merges {
        let overlaps = merged.iter().any(|&(a1, b1, a2, b2)| r1 <= a2 && a1 <= r2 && c1 <= b2 && b1 <= c2);
        if (r1, c1) != (r2, c2) && !overlaps {
            sheet.merge_range(r1, c1, r2, c2, "合并", &Format::new()).unwrap();
            merged.push((r1, c1, r2, c2));
        }
    }
    book.save(path).unwrap();
}

fn spec(case: &Case, path: &Path, kind: ImportKind) -> ImportSpec {
    let sheet = match &case.container {
        Container::Xlsx { sheet, name_the_sheet: true, .. } => Some(sheet.clone()),
        _ => None,
    };
    let json = serde_json::json!({ "path": path, "kind": kind, "sheet": sheet, "onDuplicate": case.on_duplicate });
    serde_json::from_value(json).unwrap()
}

/// A database with the known customers, copied for each case (opening a new file migrates it,
/// which would be most of a case's time).
fn template() -> &'static Path {
    static TEMPLATE: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> = std::sync::OnceLock::new();
    &TEMPLATE
        .get_or_init(|| {
            let (dir, s) = common::store();
            for name in KNOWN {
                s.create_customer(&common::named(name)).unwrap();
            }
            drop(s); // checkpoints the WAL into the file
            let path = dir.path().join("dossier.sqlite");
            (dir, path)
        })
        .1
}

/// Imports the case's file as each kind, checking what the module comment promises.
fn check(case: &Case) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(case, dir.path());
    let db = dir.path().join("dossier.sqlite");
    std::fs::copy(template(), &db).unwrap();
    let store = Store::open(&db, common::clock()).unwrap();
    // Follow-up records and opportunities share their planner (`plan/records.rs`): each case
    // takes one of the two, by the parity of its row count, so every case stays four imports.
    let record = if case.rows.len().is_multiple_of(2) { ImportKind::Visits } else { ImportKind::Opportunities };
    for kind in [ImportKind::Customers, ImportKind::Contacts, ImportKind::Purchases, record] {
        let spec = spec(case, &path, kind);
        let before = snapshot(&store, dir.path());
        let inspected = store.inspect_import(&spec);
        let previewed = store.preview_import(&spec);
        assert_eq!(snapshot(&store, dir.path()), before, "{kind:?}: inspect and preview write nothing");
        let committed = store.import_file(&spec, &mut |_, _| true);
        match (&inspected, &previewed, committed) {
            (Ok(_), Ok(preview), Ok(record)) => {
                let c = &preview.counts;
                let said = (c.new as i64, c.update as i64, (c.duplicate + c.duplicate_in_file) as i64, c.error as i64);
                assert_eq!(
                    (record.created, record.updated, record.skipped, record.errors),
                    said,
                    "{kind:?}: the commit does what the preview said"
                );
                assert_eq!(store.import_history().unwrap().len(), before.imports + 1);
                // A new row creates a customer, a contact (of a customer in Dossier) or both; a
                // purchase row creates a purchase; a follow-up record or opportunity row one of those.
                let (now, was, new) = (store.stats().unwrap(), &before.stats, c.new as i64);
                let (customers, contacts, purchases) =
                    (now.customers - was.customers, now.contacts - was.contacts, now.purchases - was.purchases);
                let created = match kind {
                    ImportKind::Customers => customers <= new && new <= customers + contacts && purchases == 0,
                    ImportKind::Contacts => (customers, contacts, purchases) == (0, new, 0),
                    ImportKind::Purchases => (customers, contacts, purchases) == (0, 0, new),
                    ImportKind::Visits | ImportKind::Opportunities => {
                        let undo = store.import_undo_preview(record.id).unwrap();
                        (customers, contacts, purchases) == (0, 0, 0) && undo.visits + undo.opportunities == new
                    }
                };
                assert!(
                    created,
                    "{kind:?}: {new} new rows made {customers} customers, {contacts} contacts, {purchases} purchases"
                );
            }
            (
                Err(CoreError::Unreadable { error: a }),
                Err(CoreError::Unreadable { error: b }),
                Err(CoreError::Unreadable { error: c }),
            ) => {
                assert!(a == b && b == &c, "{kind:?}: the same refusal each time: {a:?} / {b:?} / {c:?}");
                assert_eq!(snapshot(&store, dir.path()), before, "{kind:?}: a refused import writes nothing");
            }
            (i, p, c) => {
                panic!("{kind:?}: inspect {:?}, preview {:?}, commit {:?}", i.as_ref().err(), p.as_ref().err(), c.err())
            }
        }
    }
}

/// Runs `check` on its own thread: a case that has not ended after five minutes (a few
/// seconds is normal) is reported as a hang instead of stalling the test run.
fn bounded(case: Case) {
    let (done, wait) = mpsc::channel();
    let shown = format!("{case:?}");
    let worker = std::thread::spawn(move || {
        check(&case);
        let _ = done.send(());
    });
    match wait.recv_timeout(Duration::from_secs(300)) {
        Ok(()) => worker.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("hang: the import did not end within five minutes on {}", &shown[..shown.len().min(2_000)])
        }
    }
}

fn cases() -> u32 {
    std::env::var("DOSSIER_PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

/// The same cases on every machine unless asked otherwise, so a test run is repeatable:
/// `DOSSIER_PROPTEST_SEED=<number>` picks other cases, `DOSSIER_PROPTEST_SEED=random` new ones.
fn seed() -> RngSeed {
    match std::env::var("DOSSIER_PROPTEST_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(n) => RngSeed::Fixed(n.parse().expect("DOSSIER_PROPTEST_SEED is a number or `random`")),
        None => RngSeed::Fixed(20_261_206),
    }
}

#[test]
fn random_files_import_or_are_refused_cleanly() {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 500,
        rng_seed: seed(),
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&case(), |case| {
        bounded(case);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(peak_rss_mb() < 1_500, "peak memory {} MB", peak_rss_mb());
}
