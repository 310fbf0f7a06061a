//! `dossier-cli bench import`: the whole import of a generated 100k-row customer .xlsx
//! (read, parse, validate, dedupe, commit with search index and history), run as the real
//! `dossier-cli import` into a fresh, empty database, against Python openpyxl in read-only mode
//! merely reading the same rows — the usual alternative — in the same run. Ours is the
//! process's wall time (start to exit); the reference's is Python's own timing of the read.
//! `--kind visits`: a 10k-row follow-up record list about 1,000 customers (each with its
//! contact) imported into a copy of a database holding them, each row matched to its
//! customer and contact, checked for duplicates and validated like the form.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use dossier_core::{Store, SystemClock};

use serde::Serialize;

use super::child::{self, Measured};
use super::{generate, median, round2};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// What the rows are: "customers" or "visits".
    pub kind: &'static str,
    pub rows: usize,
    pub runs: usize,
    /// Start to the commit: the rows are in, undoable and findable (by name, until their search
    /// entries are written).
    pub seconds: f64,
    /// Start to exit: the search entries written too (the app writes them in the background).
    pub indexed_seconds: f64,
    pub peak_mb: Option<f64>,
    /// openpyxl read-only, iterating every row's values; `None` without python3 + openpyxl.
    pub reference_seconds: Option<f64>,
    pub reference_peak_mb: Option<f64>,
    /// reference seconds ÷ ours.
    pub ratio: Option<f64>,
}

const OPENPYXL: &str = "import sys, time, openpyxl
t = time.perf_counter()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
print(n, time.perf_counter() - t)";

fn peak(runs: &[Measured]) -> Option<f64> {
    let peaks: Vec<f64> = runs.iter().filter_map(|m| m.peak_mb).collect();
    (!peaks.is_empty()).then(|| round2(median(&peaks)))
}

/// How many customers the follow-up records are about.
const VISIT_CUSTOMERS: usize = 1_000;

/// A database holding the customers (and contacts) the follow-up record list names, imported
/// from the generated customer list; closed, so a copy of the file is the whole database.
fn customers_database(dir: &Path) -> Result<std::path::PathBuf, String> {
    let list = dir.join("customers-for-visits.xlsx");
    generate::customer_list(&list, VISIT_CUSTOMERS)?;
    let db = dir.join("customers-for-visits.sqlite");
    remove_database(&db);
    let store = crate::open(&db).map_err(|f| f.message)?;
    let spec = dossier_core::import::ImportSpec::new(&list, dossier_core::import::plan::ImportKind::Customers);
    let record = store.import_file(&spec, &mut |_, _| true).map_err(|e| e.to_string())?;
    if record.created as usize != VISIT_CUSTOMERS {
        return Err(format!("the customer list made {} customers", record.created));
    }
    Ok(db)
}

fn remove_database(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

/// Imports `rows` customers (`visits` false) or follow-up records, `runs` times.
pub fn run(visits: bool, rows: usize, runs: usize, dir: &Path) -> Result<ImportReport, String> {
    let (kind, file, base) = if visits {
        let file = dir.join("visits.xlsx");
        generate::visit_list(&file, rows, VISIT_CUSTOMERS)?;
        ("visits", file, Some(customers_database(dir)?))
    } else {
        let file = dir.join("customers.xlsx");
        generate::customer_list(&file, rows)?;
        ("customers", file, None)
    };
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let (mut ours, mut indexed) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let db = dir.join(format!("import-{i}.sqlite"));
        remove_database(&db); // a fresh database per run
        match &base {
            Some(base) => {
                std::fs::copy(base, &db).map_err(|e| format!("{}: {e}", db.display()))?;
            }
            // Created before the clock starts: a user imports into a database that exists
            // (creating one, its schema and first commit, is ≈ 0.08 s of its own).
            None => drop(Store::open(&db, Arc::new(SystemClock)).map_err(|e| e.to_string())?),
        }
        let m = child::run(
            Command::new(&exe).arg("import").arg("--db").arg(&db).args(["--kind", kind, "--json"]).arg(&file),
        )?;
        let out: serde_json::Value = serde_json::from_str(&m.stdout).map_err(|e| format!("import output: {e}"))?;
        let created = out["committed"]["created"].as_u64().unwrap_or(0) as usize;
        if created != rows {
            return Err(format!("the import created {created} {kind} of {rows}"));
        }
        let index_seconds = out["indexSeconds"].as_f64().unwrap_or(0.0);
        indexed.push(m.seconds);
        ours.push(Measured { seconds: m.seconds - index_seconds, ..m });
    }
    let mut theirs = Vec::new();
    if child::python_has("openpyxl") {
        for _ in 0..runs {
            let m = child::run(Command::new("python3").args(["-c", OPENPYXL]).arg(&file))?;
            let read: Vec<&str> = m.stdout.split_whitespace().collect();
            if read.first().and_then(|n| n.parse::<usize>().ok()) != Some(rows + 1) {
                return Err(format!("openpyxl read {:?} rows", read.first()));
            }
            // Python's own timing of the reading: its interpreter start is not held against it.
            let seconds = read.get(1).and_then(|s| s.parse().ok()).unwrap_or(m.seconds);
            theirs.push(Measured { seconds, ..m });
        }
    }
    let seconds = round2(median(&ours.iter().map(|m| m.seconds).collect::<Vec<_>>()));
    let reference_seconds =
        (!theirs.is_empty()).then(|| round2(median(&theirs.iter().map(|m| m.seconds).collect::<Vec<_>>())));
    Ok(ImportReport {
        kind,
        rows,
        runs,
        seconds,
        indexed_seconds: round2(median(&indexed)),
        peak_mb: peak(&ours),
        reference_seconds,
        reference_peak_mb: peak(&theirs),
        ratio: reference_seconds.map(|r| round2(r / seconds)),
    })
}

pub fn print(r: &ImportReport) {
    let mb = |m: Option<f64>| m.map(|m| format!("{m:.0} MB")).unwrap_or_else(|| "n/a".into());
    println!("import of {} {} rows (.xlsx, median of {} runs):", r.rows, r.kind, r.runs);
    println!("  dossier-cli import      {:>7.2} s  peak {}  (committed, undoable, findable)", r.seconds, mb(r.peak_mb));
    println!("  … search index complete {:>7.2} s", r.indexed_seconds);
    match r.reference_seconds {
        Some(s) => println!(
            "  openpyxl read-only      {s:>7.2} s  peak {}  (ratio {:.1}×)",
            mb(r.reference_peak_mb),
            r.ratio.unwrap_or(0.0)
        ),
        None => println!("  openpyxl read-only      n/a (python3 with openpyxl not found)"),
    }
}
