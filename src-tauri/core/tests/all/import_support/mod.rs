//! Helpers of the import file tests: the committed fixtures, specs, hand-built workbook
//! packages (for what no writer produces on purpose: lying sizes, formulas without values,
//! error constants, bombs) and a check that a refused import wrote nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::import::plan::ImportKind;
use dossier_core::import::ImportSpec;
use dossier_core::Store;

/// A file of tests/fixtures (see its README.md).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A spec with everything detected, built from JSON so that fields added to `ImportSpec`
/// later (with serde defaults) do not break these tests.
pub fn spec(path: &Path, kind: ImportKind) -> ImportSpec {
    spec_with(path, kind, serde_json::json!({}))
}

/// A spec with some fields set, e.g. `{"encoding": "utf8", "mapping": [...]}`.
pub fn spec_with(path: &Path, kind: ImportKind, extra: serde_json::Value) -> ImportSpec {
    let mut json = serde_json::json!({ "path": path, "kind": kind, "onDuplicate": "skip" });
    json.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    serde_json::from_value(json).unwrap()
}

/// What a refused import must leave exactly as it was: the counts, the import history and the
/// database file's bytes (main file and WAL).
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub stats: dossier_core::customers::Stats,
    pub imports: usize,
    pub files: Vec<Vec<u8>>,
}

pub fn snapshot(store: &Store, dir: &Path) -> Snapshot {
    let files = ["dossier.sqlite", "dossier.sqlite-wal"]
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap_or_default())
        .collect();
    Snapshot { stats: store.stats().unwrap(), imports: store.import_history().unwrap().len(), files }
}

/// A zip package of `entries`, deflated.
pub fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// The parts of a one-sheet .xlsx ("客户") around `sheet_data` (the rows of `<sheetData>`),
/// `dimension` and `calc_pr` (e.g. `<calcPr calcId="191029"/>`, as Excel writes it).
pub fn xlsx_parts(
    sheet_data: &str,
    dimension: &str,
    calc_pr: &str,
    shared_strings: &[&str],
) -> Vec<(&'static str, Vec<u8>)> {
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets>{calc_pr}</workbook>"#
    );
    let strings: String = shared_strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{strings}</sst>"#,
        n = shared_strings.len()
    );
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", RELS.as_bytes().to_vec()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes().to_vec()),
        ("xl/sharedStrings.xml", sst.into_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml(sheet_data, dimension).into_bytes()),
    ]
}

pub fn sheet_xml(sheet_data: &str, dimension: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#
    )
}

pub fn write_xlsx(path: &Path, parts: &[(&str, Vec<u8>)]) {
    let entries: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (*n, d.as_slice())).collect();
    write_zip(path, &entries);
}

/// An inline-string cell.
pub fn s(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A row of cells.
pub fn row(n: usize, cells: &[String]) -> String {
    format!(r#"<row r="{n}">{}</row>"#, cells.concat())
}

/// The peak resident memory of this test process, in MB (all its tests together).
pub fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
