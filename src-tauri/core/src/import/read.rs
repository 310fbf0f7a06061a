//! Reading a spreadsheet file into rows of [`Cell`]s: .xlsx/.xlsm/.xlsb/.xls/.ods through
//! calamine, .csv/.txt/.tsv as text in UTF-8 (with or without BOM), UTF-16 (with or without
//! BOM), GBK/GB18030, Big5 or Windows-1252 ([`text`]).
//!
//! What a file is comes from its bytes, not its name ([`detect`]): a workbook saved as `.xls`
//! that is really an .xlsx, or a CSV (or a system's tab-separated export) named `.xlsx` or
//! `.xls`, is read as what it is; a password-protected workbook is [`ReadError::Encrypted`]
//! whatever its name; anything else — random bytes, a web page or a document with a
//! spreadsheet's name, text without columns — is [`ReadError::UnknownFormat`].
//!
//! Memory and time stay bounded whatever the file claims:
//! - no decompressed part of a workbook package, and no text file, may exceed
//!   [`MAX_PART_BYTES`] (checked from the zip directory before anything is inflated);
//! - .xlsx and .xlsb sheets are streamed cell by cell and refused past [`MAX_ROWS`] rows,
//!   [`MAX_COLUMNS`] columns, [`MAX_CELLS`] cells (the area up to each row's last filled cell,
//!   so sparse far-right cells cannot inflate memory) or [`MAX_TEXT_BYTES`] of cell text (so a
//!   long shared string referenced a million times cannot either);
//! - .xlsx shared strings, which calamine loads whole when it opens the workbook, are measured
//!   first against the same cell and text limits ([`shared_strings`]);
//! - .ods has no streaming reader in calamine and expands repeated rows and columns itself, so
//!   its content is measured first ([`ods_guard`]); .xls is loaded whole by calamine, which the
//!   format's own limits (65,536 × 256) and [`MAX_PART_BYTES`] on the file bound;
//! - calamine panics on some damaged files; those panics become [`ReadError::Unreadable`].
//!
//! Formulas: a workbook's cells hold the formula's last calculated value, which is what is
//! read. A formula cell without one — the file was written by a program that does not calculate
//! (`<f>` without `<v>`, or a workbook that asks Excel to recalculate everything on opening,
//! whose stored values are placeholders) — is read as [`Cell::Formula`], which the import
//! reports as a per-cell problem rather than importing `0` or the formula text. In a text
//! file, a cell such as `=SUM(B2:B3)` is a formula Excel would calculate and is read the same way.

mod detect;
mod ods_guard;
mod shared_strings;
mod text;

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{CellErrorType, Data, DataRef, Ods, Reader, Sheets, Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::values::Cell;
use crate::error::ReadError;
use detect::Format;

pub use text::read_csv;

/// At most this many cells are read from one sheet (200k rows × 25 columns, 100k × 50),
/// counted as the area up to each row's last filled cell. About 160 MB of cells at most.
pub const MAX_CELLS: usize = 5_000_000;
/// At most this many rows (header and any title block included). Bigger lists are better
/// split: one import is one transaction and one preview the user can still look through.
/// Excel's own 1,048,576 rows would be refused here, after reading 200,000 rows.
pub const MAX_ROWS: u32 = 200_000;
/// More columns than any customer list has; a sheet with data further right is refused.
pub const MAX_COLUMNS: u32 = 1_000;
/// At most this much cell text (UTF-8) is held for one sheet.
pub const MAX_TEXT_BYTES: u64 = 256 << 20;
/// No decompressed workbook part (sheet XML, shared strings…) and no text or .xls file may be
/// bigger: well above any sheet within the cell limits, well below a zip bomb.
pub const MAX_PART_BYTES: u64 = 512 << 20;

/// Cell records read from one sheet, empty and overwritten ones included, before it is
/// refused as too large: a file repeating one cell millions of times cannot keep us busy.
const MAX_RECORDS: usize = 4 * MAX_CELLS;

/// A text encoding of a CSV file: the ones detected, and offered in the wizard to correct a
/// wrong guess.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// UTF-16 little-endian (Excel's "Unicode text" on Windows).
    #[serde(rename = "utf16le")]
    Utf16Le,
    #[serde(rename = "utf16be")]
    Utf16Be,
    /// GBK and its superset GB18030 (what Excel on Chinese Windows writes).
    Gb18030,
    /// Traditional Chinese (Taiwan, Hong Kong).
    Big5,
    /// Western European (Excel on English Windows).
    Windows1252,
}

impl TextEncoding {
    /// Every encoding, in the order the wizard offers them.
    pub const ALL: [TextEncoding; 6] = [
        TextEncoding::Utf8,
        TextEncoding::Gb18030,
        TextEncoding::Big5,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1252,
    ];
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

/// A workbook opened by calamine, and whether its formula values are placeholders.
struct Book {
    sheets: Sheets<BufReader<File>>,
    uncalculated: bool,
}

enum Opened {
    Text,
    /// Boxed: a workbook is large, the text case carries nothing.
    Book(Box<Book>),
}

/// Runs calamine code, turning a panic (some damaged files cause one) into `Unreadable`.
fn guarded<T>(file: &str, f: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(ReadError::Unreadable { file: file.into(), reason: format!("damaged file: {detail}") })
    })
}

fn io_error(file: &str, e: std::io::Error) -> ReadError {
    ReadError::Unreadable { file: file.into(), reason: e.to_string() }
}

fn open(path: &Path, file: &str) -> Result<Opened, ReadError> {
    let format = detect::detect(path, file)?;
    let reader = || File::open(path).map(BufReader::new).map_err(|e| io_error(file, e));
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable { file: file.into(), reason: e.to_string() };
    let book = |sheets| Ok(Opened::Book(Box::new(Book { sheets, uncalculated: false })));
    guarded(file, || match format {
        Format::Text => Ok(Opened::Text),
        Format::Unknown => Err(ReadError::UnknownFormat { file: file.into() }),
        Format::Xlsx { uncalculated } => {
            shared_strings::check(path, file)?;
            match Xlsx::new(reader()?) {
                Ok(x) => Ok(Opened::Book(Box::new(Book { sheets: Sheets::Xlsx(x), uncalculated }))),
                Err(XlsxError::Password) => Err(ReadError::Encrypted { file: file.into() }),
                Err(e) => Err(unreadable(&e)),
            }
        }
        Format::Xlsb => match Xlsb::new(reader()?) {
            Ok(x) => book(Sheets::Xlsb(x)),
            Err(XlsbError::Password) => Err(ReadError::Encrypted { file: file.into() }),
            Err(e) => Err(unreadable(&e)),
        },
        Format::Ods => {
            ods_guard::check(path, file)?;
            match Ods::new(reader()?) {
                Ok(x) => book(Sheets::Ods(x)),
                Err(calamine::OdsError::Password) => Err(ReadError::Encrypted { file: file.into() }),
                Err(e) => Err(unreadable(&e)),
            }
        }
        // An OLE compound file: an encrypted OOXML package (calamine's xlsx reader recognises
        // its EncryptedPackage stream) or a BIFF .xls workbook.
        Format::Ole => {
            if let Err(XlsxError::Password) = Xlsx::new(reader()?) {
                return Err(ReadError::Encrypted { file: file.into() });
            }
            match Xls::new(reader()?) {
                Ok(x) => book(Sheets::Xls(x)),
                Err(XlsError::Password) => Err(ReadError::Encrypted { file: file.into() }),
                Err(e) => Err(unreadable(&e)),
            }
        }
    })
}

/// A sheet that can be imported has a header and at least one row below it.
fn non_empty_rows(rows: &[Vec<Cell>]) -> usize {
    rows.iter().filter(|r| r.iter().any(|c| *c != Cell::Empty)).count()
}

/// Reads one sheet: `sheet` by name, or the first sheet with a header and data below it. A
/// text file is one sheet named after the file; `encoding` overrides its detection.
pub fn read_sheet(path: &Path, sheet: Option<&str>, encoding: Option<TextEncoding>) -> Result<Sheet, ReadError> {
    read_sheet_encoded(path, sheet, encoding).map(|(sheet, _)| sheet)
}

/// [`read_sheet`], with the encoding a text file was read in (chosen or detected; `None` for
/// a workbook).
pub fn read_sheet_encoded(
    path: &Path,
    sheet: Option<&str>,
    encoding: Option<TextEncoding>,
) -> Result<(Sheet, Option<TextEncoding>), ReadError> {
    let file = file_name(path);
    let book = match open(path, &file)? {
        Opened::Text => {
            let (rows, used) = text::read_text_file(path, &file, encoding)?;
            return match non_empty_rows(&rows) {
                0 => Err(ReadError::Empty { file }),
                1 => Err(ReadError::HeaderOnly { sheet: file.clone(), file }),
                _ => Ok((Sheet { name: file, rows }, Some(used))),
            };
        }
        Opened::Book(book) => *book,
    };
    let Book { mut sheets, uncalculated } = book;
    let names = sheets.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(name) if names.iter().any(|n| n == name) => vec![name.to_string()],
        Some(name) => return Err(ReadError::NoSuchSheet { file, sheet: name.into(), available: names }),
        None => names.clone(),
    };
    let mut header_only = None;
    for name in wanted {
        let rows = guarded(&file, || read_workbook_sheet(&mut sheets, uncalculated, &file, &name))?;
        match non_empty_rows(&rows) {
            0 => {}
            1 => header_only = header_only.or(Some(name)),
            _ => return Ok((Sheet { name, rows }, None)),
        }
    }
    match header_only {
        Some(sheet) => Err(ReadError::HeaderOnly { file, sheet }),
        None => Err(ReadError::Empty { file }),
    }
}

/// The names of a workbook's sheets (a text file has one, its file name).
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    let file = file_name(path);
    match open(path, &file)? {
        Opened::Text => Ok(vec![file]),
        Opened::Book(book) => Ok(book.sheets.sheet_names()),
    }
}

/// The caps a [`Grid`] enforces.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    rows: u32,
    columns: u32,
    cells: usize,
    records: usize,
    text_bytes: u64,
}

impl Limits {
    pub(crate) const STANDARD: Limits = Limits {
        rows: MAX_ROWS,
        columns: MAX_COLUMNS,
        cells: MAX_CELLS,
        records: MAX_RECORDS,
        text_bytes: MAX_TEXT_BYTES,
    };
    /// For text already in memory ([`read_csv`]).
    pub(crate) const NONE: Limits =
        Limits { rows: u32::MAX, columns: u32::MAX, cells: usize::MAX, records: usize::MAX, text_bytes: u64::MAX };
}

/// Collects positioned cells into rows, enforcing the limits as it goes.
pub(crate) struct Grid<'a> {
    file: &'a str,
    sheet: &'a str,
    limits: Limits,
    rows: Vec<Vec<Cell>>,
    /// Cells allocated: the sum of the rows' lengths.
    cells: usize,
    records: usize,
    text_bytes: u64,
}

impl<'a> Grid<'a> {
    pub(crate) fn new(file: &'a str, sheet: &'a str, limits: Limits) -> Self {
        Grid { file, sheet, limits, rows: Vec::new(), cells: 0, records: 0, text_bytes: 0 }
    }

    fn too_large(&self, what: &str, limit: u64) -> ReadError {
        ReadError::TooLarge { file: self.file.into(), sheet: self.sheet.into(), what: what.into(), limit }
    }

    pub(crate) fn put(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), ReadError> {
        self.records += 1;
        if self.records > self.limits.records {
            return Err(self.too_large("cells", self.limits.cells as u64));
        }
        if cell == Cell::Empty {
            return Ok(());
        }
        if row >= self.limits.rows {
            return Err(self.too_large("rows", self.limits.rows as u64));
        }
        if col >= self.limits.columns {
            return Err(self.too_large("columns", self.limits.columns as u64));
        }
        if let Cell::Text(t) | Cell::Formula(t) | Cell::Error(t) = &cell {
            self.text_bytes += t.len() as u64;
            if self.text_bytes > self.limits.text_bytes {
                return Err(self.too_large("bytes", self.limits.text_bytes));
            }
        }
        let (r, c) = (row as usize, col as usize);
        let len = self.rows.get(r).map_or(0, Vec::len);
        if len <= c {
            self.cells += c + 1 - len;
            if self.cells > self.limits.cells {
                return Err(self.too_large("cells", self.limits.cells as u64));
            }
        }
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        // A new row takes the room of the row above at once: the rows of a list are about as
        // wide as each other, and growing cell by cell reallocates each row three times. (The
        // room given beyond a row's own cells is at most the row above's, counted in `cells`.)
        let above = r.checked_sub(1).map_or(0, |a| self.rows[a].len());
        let line = &mut self.rows[r];
        if line.len() <= c {
            if line.capacity() == 0 {
                line.reserve_exact(above.max(c + 1));
            }
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = cell;
        Ok(())
    }

    /// The rows, trimmed to their length: rows grown cell by cell keep up to twice the room
    /// they need, a fifth of the sheet's memory for a 100k-row list.
    pub(crate) fn into_rows(mut self) -> Vec<Vec<Cell>> {
        for row in &mut self.rows {
            row.shrink_to_fit();
        }
        self.rows.shrink_to_fit();
        self.rows
    }
}

fn read_workbook_sheet<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    uncalculated: bool,
    file: &str,
    sheet: &str,
) -> Result<Vec<Vec<Cell>>, ReadError> {
    let mut grid = Grid::new(file, sheet, Limits::STANDARD);
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable { file: file.into(), reason: e.to_string() };
    match book {
        Sheets::Xlsx(x) => {
            let mut cells = x.worksheet_cells_reader(sheet).map_err(|e| unreadable(&e))?;
            while let Some(c) = cells.next_cell_with_formula().map_err(|e| unreadable(&e))? {
                let cell = match c.formula {
                    Some(f) if uncalculated || c.value == DataRef::Empty => Cell::Formula(format!("={f}")),
                    _ => from_ref(&c.value),
                };
                grid.put(c.pos.0, c.pos.1, cell)?;
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
            let range = other.worksheet_range(sheet).map_err(|e| unreadable(&e))?;
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            for (r, row) in range.rows().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    grid.put(start_row + r as u32, start_col + c as u32, from_data(value))?;
                }
            }
        }
    }
    Ok(grid.into_rows())
}

fn error_text(e: &CellErrorType) -> String {
    e.to_string()
}

/// A date cell as a 1900-epoch serial, whatever the workbook's epoch: calamine knows the
/// epoch and gives the calendar date; the serial is counted back from it (with Excel's
/// phantom 1900-02-29, so days before March 1900 count from 1899-12-31).
fn date_serial(dt: &calamine::ExcelDateTime) -> Cell {
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    let date = chrono::NaiveDate::from_ymd_opt(y.into(), m.into(), d.into());
    let march_1900 = chrono::NaiveDate::from_ymd_opt(1900, 3, 1).expect("valid date");
    match date {
        Some(date) => {
            let base = if date < march_1900 { (1899, 12, 31) } else { (1899, 12, 30) };
            let base = chrono::NaiveDate::from_ymd_opt(base.0, base.1, base.2).expect("valid base date");
            Cell::Date((date - base).num_days() as f64 + dt.as_f64().fract())
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_limits_refuse_instead_of_allocating() {
        let mut g = Grid::new("a.xlsx", "S", Limits::STANDARD);
        g.put(2, 1, Cell::Text("x".into())).unwrap();
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.rows[2], vec![Cell::Empty, Cell::Text("x".into())]);
        let err = g.put(0, 16_383, Cell::Number(1.0)).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { ref what, .. } if what == "columns"), "{err:?}");
        let err = g.put(MAX_ROWS, 0, Cell::Number(1.0)).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { ref what, limit: 200_000, .. } if what == "rows"), "{err:?}");
        g.put(5_000_000, 0, Cell::Empty).unwrap(); // empty cells cost nothing
    }

    #[test]
    fn sparse_far_right_cells_count_the_area_they_span() {
        // One value at column 999 in each row allocates 1,000 cells per row: 5,000 such rows
        // are the cell limit, though only 5,000 cells hold anything.
        let mut g = Grid::new("a.xlsx", "S", Limits::STANDARD);
        for r in 0..5_000 {
            g.put(r, 999, Cell::Number(1.0)).unwrap();
        }
        let err = g.put(5_000, 999, Cell::Number(1.0)).unwrap_err();
        assert_eq!(
            err,
            ReadError::TooLarge {
                file: "a.xlsx".into(),
                sheet: "S".into(),
                what: "cells".into(),
                limit: MAX_CELLS as u64
            }
        );
    }

    #[test]
    fn repeated_text_is_capped_by_its_bytes() {
        let long = "长".repeat(100_000); // 300,000 bytes
        let mut g = Grid::new("a.xlsx", "S", Limits::STANDARD);
        let fits = (MAX_TEXT_BYTES / 300_000) as u32;
        for r in 0..fits {
            g.put(r, 0, Cell::Text(long.clone())).unwrap();
        }
        let err = g.put(fits, 0, Cell::Text(long)).unwrap_err();
        assert!(
            matches!(err, ReadError::TooLarge { ref what, limit, .. } if what == "bytes" && limit == MAX_TEXT_BYTES),
            "{err:?}"
        );
    }

    #[test]
    fn overwriting_one_cell_forever_is_stopped() {
        let mut g = Grid::new("a.xlsx", "S", Limits::STANDARD);
        let mut result = Ok(());
        for _ in 0..=MAX_RECORDS {
            result = g.put(0, 0, Cell::Number(1.0));
            if result.is_err() {
                break;
            }
        }
        assert!(matches!(result, Err(ReadError::TooLarge { ref what, .. }) if what == "cells"), "{result:?}");
    }

    #[test]
    fn dates_before_march_1900_keep_excels_numbering() {
        use calamine::{ExcelDateTime, ExcelDateTimeType::DateTime};
        for serial in [1.0, 59.0, 61.0, 45356.0, 45356.75] {
            assert_eq!(date_serial(&ExcelDateTime::new(serial, DateTime, false)), Cell::Date(serial));
        }
        // 2024-03-05 in a 1904-epoch workbook is the same day as 45356 in the 1900 epoch.
        assert_eq!(date_serial(&ExcelDateTime::new(43894.0, DateTime, true)), Cell::Date(45356.0));
    }

    #[test]
    fn a_panic_inside_the_reader_is_a_typed_error() {
        let r: Result<(), ReadError> = guarded("坏.xlsb", || panic!("index out of bounds"));
        match r {
            Err(ReadError::Unreadable { file, reason }) => {
                assert_eq!(file, "坏.xlsb");
                assert!(reason.contains("index out of bounds"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_renamed_text_file_is_read_as_text_and_random_bytes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("客户.xlsx");
        std::fs::write(&path, "客户名称,电话\n华东精密,0512-6666\n").unwrap();
        let sheet = read_sheet(&path, None, None).unwrap();
        assert_eq!(sheet.rows[1], vec![Cell::Text("华东精密".into()), Cell::Text("0512-6666".into())]);
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(read_sheet(&path, None, None), Err(ReadError::UnknownFormat { file: "客户.xlsx".into() }));
        std::fs::write(&path, "not a workbook").unwrap();
        assert_eq!(
            read_sheet(&path, None, None),
            Err(ReadError::UnknownFormat { file: "客户.xlsx".into() }),
            "prose is no table"
        );
    }

    #[test]
    fn empty_and_header_only_text_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.csv");
        std::fs::write(&path, "\n\n").unwrap();
        assert_eq!(read_sheet(&path, None, None), Err(ReadError::Empty { file: "empty.csv".into() }));
        std::fs::write(&path, "客户名称,电话\n,\n").unwrap();
        assert_eq!(
            read_sheet(&path, None, None),
            Err(ReadError::HeaderOnly { file: "empty.csv".into(), sheet: "empty.csv".into() })
        );
    }
}
