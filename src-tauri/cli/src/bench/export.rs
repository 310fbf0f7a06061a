//! `dossier-cli bench export`: the team-meeting report (summary, the 100k-row customer sheet,
//! contacts, purchases with native charts, signals) of a database holding the generated
//! customer list, run as the real `dossier-cli export`, against Python XlsxWriter writing
//! exactly the same cells (read back from our file) in the same run. The reference's time is
//! Python's own timing of the writing; ours is the export's own timing (building and saving
//! the report: in the app the database is open already), beside the process's wall time,
//! which adds starting and opening the database (its B-tree check).

use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde::Serialize;

use super::child::{self, Measured};
use super::{generate, median, round2};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub customers: usize,
    pub runs: usize,
    /// Cells in the written report (all sheets).
    pub cells: usize,
    /// The report built and saved, as the export timed itself.
    pub seconds: f64,
    /// The whole `dossier-cli export` process: start, opening the database, the report.
    pub process_seconds: f64,
    /// Of the process: opening the database.
    pub open_seconds: f64,
    pub peak_mb: Option<f64>,
    pub reference_seconds: Option<f64>,
    /// reference seconds ÷ ours.
    pub ratio: Option<f64>,
}

const XLSXWRITER: &str = "import sys, json, time, xlsxwriter
sheets = json.load(open(sys.argv[1], encoding='utf-8'))
t = time.perf_counter()
wb = xlsxwriter.Workbook(sys.argv[2], {'constant_memory': True})
for s in sheets:
    ws = wb.add_worksheet(s['name'])
    for r, row in enumerate(s['rows']):
        for c, v in enumerate(row):
            if v is None: continue
            if isinstance(v, str): ws.write_string(r, c, v)
            else: ws.write_number(r, c, v)
wb.close()
print(time.perf_counter() - t)";

/// Every cell of a written workbook, as JSON the reference script reads; returns the count.
fn dump_cells(xlsx: &Path, json: &Path) -> Result<usize, String> {
    let mut book: Xlsx<_> = open_workbook(xlsx).map_err(|e: calamine::XlsxError| format!("{}: {e}", xlsx.display()))?;
    let mut sheets = Vec::new();
    let mut cells = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let rows: Vec<Vec<serde_json::Value>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|d| match d {
                        Data::Empty => serde_json::Value::Null,
                        Data::Float(f) => serde_json::json!(f),
                        Data::Int(i) => serde_json::json!(i),
                        Data::DateTime(d) => serde_json::json!(d.as_f64()),
                        other => serde_json::json!(other.to_string()),
                    })
                    .collect()
            })
            .collect();
        cells += rows.iter().flatten().filter(|v| !v.is_null()).count();
        sheets.push(serde_json::json!({ "name": name, "rows": rows }));
    }
    std::fs::write(json, serde_json::to_vec(&sheets).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    Ok(cells)
}

pub fn run(rows: usize, runs: usize, dir: &Path) -> Result<ExportReport, String> {
    let file = dir.join("customers.xlsx");
    if !file.exists() {
        generate::customer_list(&file, rows)?;
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let db = dir.join("export.sqlite");
    if !db.exists() {
        child::run(Command::new(&exe).arg("import").arg("--db").arg(&db).args(["--kind", "customers"]).arg(&file))?;
    }
    let report = dir.join("report.xlsx");
    let mut ours = Vec::new();
    for _ in 0..runs {
        ours.push(child::run(
            Command::new(&exe)
                .arg("export")
                .arg("--db")
                .arg(&db)
                .arg("--out")
                .arg(&report)
                .arg("--json")
                .arg("team-report"),
        )?);
    }
    let json = dir.join("report-cells.json");
    let cells = dump_cells(&report, &json)?;
    let mut theirs = Vec::new();
    if child::python_has("xlsxwriter") {
        for _ in 0..runs {
            let m = child::run(
                Command::new("python3").args(["-c", XLSXWRITER]).arg(&json).arg(dir.join("reference.xlsx")),
            )?;
            let seconds = m.stdout.trim().parse().unwrap_or(m.seconds);
            theirs.push(Measured { seconds, ..m });
        }
    }
    let timing = |m: &Measured, key: &str| -> Result<f64, String> {
        let json: serde_json::Value =
            serde_json::from_str(m.stdout.trim()).map_err(|e| format!("export --json: {e}"))?;
        json[key].as_f64().ok_or_else(|| format!("export --json: no {key}"))
    };
    let of = |key: &str| -> Result<f64, String> {
        Ok(round2(median(&ours.iter().map(|m| timing(m, key)).collect::<Result<Vec<_>, _>>()?)))
    };
    let (seconds, open_seconds) = (of("exportSeconds")?, of("openSeconds")?);
    let process_seconds = round2(median(&ours.iter().map(|m| m.seconds).collect::<Vec<_>>()));
    let peaks: Vec<f64> = ours.iter().filter_map(|m| m.peak_mb).collect();
    let reference_seconds =
        (!theirs.is_empty()).then(|| round2(median(&theirs.iter().map(|m| m.seconds).collect::<Vec<_>>())));
    Ok(ExportReport {
        customers: rows,
        runs,
        cells,
        seconds,
        process_seconds,
        open_seconds,
        peak_mb: (!peaks.is_empty()).then(|| round2(median(&peaks))),
        reference_seconds,
        ratio: reference_seconds.map(|r| round2(r / seconds)),
    })
}

pub fn print(r: &ExportReport) {
    println!("team report of {} customers ({} cells, median of {} runs):", r.customers, r.cells, r.runs);
    let mb = r.peak_mb.map(|m| format!("{m:.0} MB")).unwrap_or_else(|| "n/a".into());
    println!("  the report              {:>7.2} s  peak {mb}", r.seconds);
    println!(
        "  … the whole process     {:>7.2} s  (of which opening the database {:.2} s)",
        r.process_seconds, r.open_seconds
    );
    match r.reference_seconds {
        Some(s) => println!("  XlsxWriter, same cells  {s:>7.2} s  (ratio {:.1}×)", r.ratio.unwrap_or(0.0)),
        None => println!("  XlsxWriter, same cells  n/a (python3 with xlsxwriter not found)"),
    }
}
