//! Reading a spreadsheet file into rows of [`Cell`]s: .xlsx/.xlsm/.xlsb/.xls/.ods through
//! calamine, .csv/.txt through the csv crate in UTF-8 (with or without BOM) or GBK/GB18030.
//!
//! Memory stays bounded whatever the file claims: .xlsx and .xlsb are streamed cell by cell
//! and refused past [`MAX_CELLS`] cells, [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns, so a
//! sheet whose dimension claims millions of columns, or a zip bomb, costs nothing before it is
//! refused. (.xls and .ods have no streaming reader in calamine; their ranges are checked
//! right after loading.)

use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{open_workbook_auto, CellErrorType, Data, DataRef, Reader, Sheets};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::values::Cell;

/// At most this many cells are read from one sheet (100k rows × 50 columns).
pub const MAX_CELLS: usize = 5_000_000;
/// Excel's own row limit.
pub const MAX_ROWS: u32 = 1_048_576;
/// More columns than any customer list has; a dimension claiming more is refused.
pub const MAX_COLUMNS: u32 = 1_000;

/// A text encoding of a CSV file.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// GBK and its superset GB18030 (what Excel on Chinese Windows writes).
    Gb18030,
}

/// Why a file could not be read at all (row-level problems are reported per cell later).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "type", content = "data", rename_all = "camelCase")]
pub enum ReadError {
    /// Not a spreadsheet this reader knows, or damaged (`reason` from the parser).
    #[serde(rename_all = "camelCase")]
    Unreadable { file: String, reason: String },
    /// Password-protected workbook.
    Encrypted { file: String },
    /// The requested sheet does not exist.
    #[serde(rename_all = "camelCase")]
    NoSuchSheet { file: String, sheet: String, available: Vec<String> },
    /// No sheet holds any data.
    Empty { file: String },
    /// Past the limits above (`what`: "cells", "rows" or "columns").
    #[serde(rename_all = "camelCase")]
    TooLarge { file: String, sheet: String, what: String, limit: u64 },
}

/// One sheet as rows of cells (rows may be shorter than the widest row).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn is_text_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("csv" | "txt" | "tsv")
    )
}

/// Reads one sheet: `sheet` by name, or the first sheet that holds data. A CSV file is one
/// sheet named after the file; `encoding` overrides its detection.
pub fn read_sheet(path: &Path, sheet: Option<&str>, encoding: Option<TextEncoding>) -> Result<Sheet, ReadError> {
    let file = file_name(path);
    if is_text_file(path) {
        let bytes = std::fs::read(path).map_err(|e| ReadError::Unreadable { file: file.clone(), reason: e.to_string() })?;
        let rows = read_csv(&bytes, encoding);
        if rows.iter().all(|r| r.iter().all(|c| *c == Cell::Empty)) {
            return Err(ReadError::Empty { file });
        }
        return Ok(Sheet { name: file, rows });
    }
    let mut book = open_workbook_auto(path).map_err(|e| workbook_error(&file, e))?;
    let names = book.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(name) if names.iter().any(|n| n == name) => vec![name.to_string()],
        Some(name) => return Err(ReadError::NoSuchSheet { file, sheet: name.into(), available: names }),
        None => names.clone(),
    };
    for name in wanted {
        let rows = read_workbook_sheet(&mut book, &file, &name)?;
        if rows.iter().any(|r| r.iter().any(|c| *c != Cell::Empty)) {
            return Ok(Sheet { name, rows });
        }
        if sheet.is_some() {
            return Err(ReadError::Empty { file });
        }
    }
    Err(ReadError::Empty { file })
}

/// The names of a workbook's sheets (a CSV file has one, its file name).
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    if is_text_file(path) {
        return Ok(vec![file_name(path)]);
    }
    let book = open_workbook_auto(path).map_err(|e| workbook_error(&file_name(path), e))?;
    Ok(book.sheet_names())
}

fn workbook_error(file: &str, e: calamine::Error) -> ReadError {
    let reason = e.to_string();
    let lower = reason.to_lowercase();
    if lower.contains("password") || lower.contains("encrypt") || lower.contains("cfb") && lower.contains("encryption") {
        ReadError::Encrypted { file: file.into() }
    } else {
        ReadError::Unreadable { file: file.into(), reason }
    }
}

/// Collects positioned cells into rows, enforcing the limits as it goes.
struct Grid<'a> {
    file: &'a str,
    sheet: &'a str,
    rows: Vec<Vec<Cell>>,
    cells: usize,
}

impl Grid<'_> {
    fn put(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), ReadError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        let too_large = |what: &str, limit: u64| ReadError::TooLarge {
            file: self.file.into(),
            sheet: self.sheet.into(),
            what: what.into(),
            limit,
        };
        if row >= MAX_ROWS {
            return Err(too_large("rows", MAX_ROWS as u64));
        }
        if col >= MAX_COLUMNS {
            return Err(too_large("columns", MAX_COLUMNS as u64));
        }
        self.cells += 1;
        if self.cells > MAX_CELLS {
            return Err(too_large("cells", MAX_CELLS as u64));
        }
        let (r, c) = (row as usize, col as usize);
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        let line = &mut self.rows[r];
        if line.len() <= c {
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = cell;
        Ok(())
    }
}

fn read_workbook_sheet<RS: Read + Seek>(book: &mut Sheets<RS>, file: &str, sheet: &str) -> Result<Vec<Vec<Cell>>, ReadError> {
    let mut grid = Grid { file, sheet, rows: Vec::new(), cells: 0 };
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable { file: file.into(), reason: e.to_string() };
    match book {
        Sheets::Xlsx(x) => {
            let mut cells = x.worksheet_cells_reader(sheet).map_err(|e| unreadable(&e))?;
            while let Some(c) = cells.next_cell().map_err(|e| unreadable(&e))? {
                let (r, col) = c.get_position();
                grid.put(r, col, from_ref(c.get_value()))?;
            }
        }
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(sheet).map_err(|e| unreadable(&e))?;
            while let Some(c) = cells.next_cell().map_err(|e| unreadable(&e))? {
                let (r, col) = c.get_position();
                grid.put(r, col, from_ref(c.get_value()))?;
            }
        }
        other => {
            let range = other.worksheet_range(sheet).map_err(|e| workbook_error(file, e))?;
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            for (r, row) in range.rows().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    grid.put(start_row + r as u32, start_col + c as u32, from_data(value))?;
                }
            }
        }
    }
    Ok(grid.rows)
}

fn error_text(e: &CellErrorType) -> String {
    e.to_string()
}

/// A date cell as a 1900-epoch serial, whatever the workbook's epoch: calamine knows the
/// epoch and gives the calendar date; the serial is counted back from it.
fn date_serial(dt: &calamine::ExcelDateTime) -> Cell {
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid base date");
    match chrono::NaiveDate::from_ymd_opt(y.into(), m.into(), d.into()) {
        Some(date) => Cell::Date((date - base).num_days() as f64 + dt.as_f64().fract()),
        None => Cell::Error(format!("{}", dt.as_f64())),
    }
}

fn from_ref(v: &DataRef<'_>) -> Cell {
    match v {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_serial(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(error_text(e)),
        DataRef::Empty => Cell::Empty,
    }
}

fn from_data(v: &Data) -> Cell {
    match v {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_serial(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(error_text(e)),
        Data::Empty => Cell::Empty,
    }
}

/// Decodes CSV bytes: a UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as GB18030
/// (a superset of GBK) unless `encoding` says otherwise. The delimiter is the one of `,` `\t`
/// `;` that the first line uses most.
pub fn read_csv(bytes: &[u8], encoding: Option<TextEncoding>) -> Vec<Vec<Cell>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let encoding = encoding.unwrap_or(if std::str::from_utf8(body).is_ok() { TextEncoding::Utf8 } else { TextEncoding::Gb18030 });
    let text = match encoding {
        TextEncoding::Utf8 => String::from_utf8_lossy(body).into_owned(),
        TextEncoding::Gb18030 => encoding_rs::GB18030.decode_without_bom_handling(body).0.into_owned(),
    };
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b'\t', b';'].into_iter().max_by_key(|d| first.matches(*d as char).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(BufReader::new(text.as_bytes()));
    reader
        .records()
        .filter_map(Result::ok)
        .map(|rec| {
            rec.iter()
                .map(|s| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| if let Cell::Text(t) = c { t.clone() } else { String::new() }).collect())
            .collect()
    }

    #[test]
    fn csv_in_utf8_bom_and_gbk() {
        let want = vec![vec!["客户名称".to_string(), "电话".into()], vec!["华东精密".into(), "0512-6666".into()]];
        let utf8 = "客户名称,电话\n华东精密,0512-6666\n";
        assert_eq!(texts(&read_csv(utf8.as_bytes(), None)), want);
        let bom = [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat();
        assert_eq!(texts(&read_csv(&bom, None)), want);
        let (gbk, _, _) = encoding_rs::GBK.encode(utf8);
        assert_eq!(texts(&read_csv(&gbk, None)), want, "detected");
        assert_ne!(texts(&read_csv(&gbk, Some(TextEncoding::Utf8))), want, "override honoured");
        let tabs = "客户名称\t电话\n华东精密\t0512-6666\n";
        assert_eq!(texts(&read_csv(tabs.as_bytes(), None)), want);
    }

    #[test]
    fn grid_limits_refuse_instead_of_allocating() {
        let mut g = Grid { file: "a.xlsx", sheet: "S", rows: vec![], cells: 0 };
        g.put(2, 1, Cell::Text("x".into())).unwrap();
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.rows[2], vec![Cell::Empty, Cell::Text("x".into())]);
        let err = g.put(0, 16_383, Cell::Number(1.0)).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { ref what, .. } if what == "columns"), "{err:?}");
        assert!(g.put(MAX_ROWS, 0, Cell::Number(1.0)).is_err());
        g.put(5_000_000, 0, Cell::Empty).unwrap(); // empty cells cost nothing
    }

    #[test]
    fn a_renamed_text_file_is_unreadable_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("客户.xlsx");
        std::fs::write(&path, "this is not a spreadsheet").unwrap();
        match read_sheet(&path, None, None) {
            Err(ReadError::Unreadable { file, .. }) => assert_eq!(file, "客户.xlsx"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_csv_is_reported_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.csv");
        std::fs::write(&path, "\n\n").unwrap();
        assert!(matches!(read_sheet(&path, None, None), Err(ReadError::Empty { .. })));
    }
}
