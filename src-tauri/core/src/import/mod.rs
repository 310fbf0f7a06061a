//! Excel/CSV import: read a sheet with bounded memory ([`read`]), read cells the way Chinese
//! spreadsheets hold them ([`values`], [`labels`]), find the header row and map columns
//! ([`mapping`]), plan every row ([`plan`]); `Store::commit_import` applies a plan in one
//! transaction and records it for undo.
//!
//! [`inspect`] and [`ImportSpec`] are what the app's wizard and the CLI share: the wizard
//! inspects a file (sheets, first rows, detected header, suggested mapping), the user adjusts,
//! and the same spec is previewed and then committed.

pub mod labels;
pub mod mapping;
pub mod plan;
pub mod read;
pub mod values;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use mapping::{detect_header_row, suggest, Field};
use plan::{ImportKind, OnDuplicate};
use read::{read_sheet, ReadError, Sheet, TextEncoding};
use values::{text, Cell, Epoch};

/// How many rows the wizard shows to pick the header row from.
pub const SAMPLE_ROWS: usize = 15;

/// A file as the wizard first shows it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ImportFile {
    pub file: String,
    pub sheets: Vec<String>,
    /// The sheet shown (the requested one, or the first with data).
    pub sheet: String,
    /// The first rows as text, for choosing the header row.
    pub sample: Vec<Vec<String>>,
    /// Detected header row, 1-based.
    pub header_row: usize,
    pub headers: Vec<String>,
    pub mapping: Vec<Option<Field>>,
    pub data_rows: usize,
}

/// Everything that defines an import; the wizard edits it, preview and commit take it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ImportSpec {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub kind: ImportKind,
    pub sheet: Option<String>,
    /// 1-based; detected when absent.
    pub header_row: Option<usize>,
    /// One entry per column; suggested from the headers when absent.
    pub mapping: Option<Vec<Option<Field>>>,
    pub encoding: Option<TextEncoding>,
    pub on_duplicate: OnDuplicate,
}

/// Progress of a running import (rows done of total), streamed to the wizard.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
}

/// A sheet loaded per a spec: the rows, the 0-based header row, the mapping in force.
pub struct Loaded {
    pub file: String,
    pub sheet: Sheet,
    pub header_row: usize,
    pub mapping: Vec<Option<Field>>,
}

fn cell_text(c: &Cell) -> String {
    text(c, Epoch::E1900).unwrap_or_default()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads the sheet of a spec and settles its header row and mapping.
pub fn load(spec: &ImportSpec) -> Result<Loaded, ReadError> {
    let sheet = read_sheet(&spec.path, spec.sheet.as_deref(), spec.encoding)?;
    let last = sheet.rows.len();
    let header_row = match spec.header_row {
        Some(n) if (1..=last).contains(&n) => n - 1,
        _ => detect_header_row(&sheet.rows, spec.kind.fields()).unwrap_or(0),
    };
    let headers: Vec<String> = sheet.rows.get(header_row).map(|r| r.iter().map(cell_text).collect()).unwrap_or_default();
    let mapping = match &spec.mapping {
        Some(m) => m.clone(),
        None => suggest(&headers, spec.kind.fields()),
    };
    Ok(Loaded { file: file_name(&spec.path), sheet, header_row, mapping })
}

/// What the wizard shows first about a file.
pub fn inspect(spec: &ImportSpec) -> Result<ImportFile, ReadError> {
    let sheets = read::sheet_names(&spec.path)?;
    let loaded = load(spec)?;
    let width = loaded.sheet.rows.iter().take(SAMPLE_ROWS).map(Vec::len).max().unwrap_or(0);
    let sample = loaded
        .sheet
        .rows
        .iter()
        .take(SAMPLE_ROWS)
        .map(|r| (0..width).map(|i| r.get(i).map(cell_text).unwrap_or_default()).collect())
        .collect();
    let headers = loaded.sheet.rows.get(loaded.header_row).map(|r| r.iter().map(cell_text).collect()).unwrap_or_default();
    let data_rows = loaded.sheet.rows.iter().skip(loaded.header_row + 1).filter(|r| r.iter().any(|c| *c != Cell::Empty)).count();
    Ok(ImportFile {
        file: loaded.file,
        sheets,
        sheet: loaded.sheet.name,
        sample,
        header_row: loaded.header_row + 1,
        headers,
        mapping: loaded.mapping,
        data_rows,
    })
}

impl Loaded {
    /// The store's request for this sheet under `spec`'s kind and duplicate rule.
    pub fn request<'a>(&'a self, spec: &ImportSpec) -> crate::store::ImportRequest<'a> {
        crate::store::ImportRequest {
            file: &self.file,
            sheet: &self.sheet,
            header_row: self.header_row,
            mapping: &self.mapping,
            kind: spec.kind,
            on_duplicate: spec.on_duplicate,
        }
    }
}
