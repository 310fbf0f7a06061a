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
mod pipeline;
pub mod plan;
pub mod read;
pub(crate) mod store;
pub mod templates;
mod undo;
pub mod values;

#[cfg(test)]
mod catch_up_tests;
#[cfg(test)]
mod history_tests;
#[cfg(test)]
mod pipeline_tests;

pub use store::{ImportRecord, ImportRequest};
pub use undo::{EditedRecord, ImportUndoPreview};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ReadError;
use mapping::{detect_header_row, suggest, Field};
use plan::{ImportKind, OnDuplicate};
use read::{read_sheet_encoded, Sheet, TextEncoding};
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
    /// The saved mapping template `mapping` comes from, when one fits the headers
    /// (`Store::inspect_import`); `None` for the suggestion from header synonyms.
    pub template: Option<String>,
    /// The encoding a text file was read in: the one chosen, else the one detected (shown so
    /// that a wrong guess can be corrected); `None` for a workbook.
    pub encoding: Option<TextEncoding>,
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
    /// Cells corrected in the preview, applied to the sheet as it is read (so the preview, the
    /// commit and the error report all see the corrected values). The file is not changed.
    #[serde(default)]
    pub fixes: Vec<CellFix>,
    /// The year revenue columns are of when the file does not say (see
    /// `Preview::revenue_year`); last year when `None`.
    #[serde(default)]
    pub revenue_year: Option<i32>,
}

impl ImportSpec {
    /// A spec with everything detected or suggested: the first sheet with data, its header
    /// row, the mapping from the headers; duplicates skipped.
    pub fn new(path: impl Into<PathBuf>, kind: ImportKind) -> ImportSpec {
        ImportSpec {
            path: path.into(),
            kind,
            sheet: None,
            header_row: None,
            mapping: None,
            encoding: None,
            on_duplicate: OnDuplicate::Skip,
            fixes: Vec::new(),
            revenue_year: None,
        }
    }
}

/// A corrected cell: the text the user typed over a refused value in the preview.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CellFix {
    /// 1-based row number as the spreadsheet shows it (as in `CellIssue::row`).
    pub row: usize,
    /// 0-based column index.
    pub column: usize,
    /// The new text; empty clears the cell.
    pub value: String,
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
    /// The encoding a text file was read in (`None` for a workbook).
    pub encoding: Option<TextEncoding>,
}

fn cell_text(c: &Cell) -> String {
    text(c, Epoch::E1900).unwrap_or_default()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Writes `fixes` over the cells of `sheet`. A fix outside the sheet's rows, or past the
/// reader's column limit, is ignored: it cannot name a cell of this file.
pub fn apply_fixes(sheet: &mut Sheet, fixes: &[CellFix]) {
    for fix in fixes {
        let Some(row) = fix.row.checked_sub(1).and_then(|r| sheet.rows.get_mut(r)) else { continue };
        if fix.column >= read::MAX_COLUMNS as usize {
            continue;
        }
        if row.len() <= fix.column {
            row.resize(fix.column + 1, Cell::Empty);
        }
        let value = fix.value.trim();
        row[fix.column] = if value.is_empty() { Cell::Empty } else { Cell::Text(value.to_string()) };
    }
}

/// Reads the sheet of a spec, applies its fixes and settles its header row and mapping.
pub fn load(spec: &ImportSpec) -> Result<Loaded, ReadError> {
    let (mut sheet, encoding) = read_sheet_encoded(&spec.path, spec.sheet.as_deref(), spec.encoding)?;
    apply_fixes(&mut sheet, &spec.fixes);
    let last = sheet.rows.len();
    let header_row = match spec.header_row {
        Some(n) if (1..=last).contains(&n) => n - 1,
        _ => detect_header_row(&sheet.rows, spec.kind.fields()).unwrap_or(0),
    };
    let headers: Vec<String> =
        sheet.rows.get(header_row).map(|r| r.iter().map(cell_text).collect()).unwrap_or_default();
    let mapping = match &spec.mapping {
        Some(m) => m.clone(),
        None => suggest(&headers, spec.kind.fields()),
    };
    Ok(Loaded { file: file_name(&spec.path), sheet, header_row, mapping, encoding })
}

/// What the wizard shows first about a file (`Store::inspect_import` adds a saved template).
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
    let headers =
        loaded.sheet.rows.get(loaded.header_row).map(|r| r.iter().map(cell_text).collect()).unwrap_or_default();
    let data_rows =
        loaded.sheet.rows.iter().skip(loaded.header_row + 1).filter(|r| r.iter().any(|c| *c != Cell::Empty)).count();
    Ok(ImportFile {
        file: loaded.file,
        sheets,
        sheet: loaded.sheet.name,
        sample,
        header_row: loaded.header_row + 1,
        headers,
        mapping: loaded.mapping,
        data_rows,
        template: None,
        encoding: loaded.encoding,
    })
}

impl Loaded {
    /// The store's request for this sheet under `spec`'s kind and duplicate rule.
    pub fn request<'a>(&'a self, spec: &ImportSpec) -> crate::import::ImportRequest<'a> {
        crate::import::ImportRequest {
            file: &self.file,
            sheet: &self.sheet,
            header_row: self.header_row,
            mapping: &self.mapping,
            kind: spec.kind,
            on_duplicate: spec.on_duplicate,
            revenue_year: spec.revenue_year,
        }
    }
}
