//! calamine reads every sheet of an .ods file whole when it opens it, and expands repeated
//! rows and columns (`table:number-rows-repeated`, `table:number-columns-repeated`) into
//! cells itself, up to its own cap of 100 million cells — gigabytes, from a content.xml of a
//! few hundred kilobytes. So the content is measured first, streaming, with the same limits
//! as any other sheet: the rows up to the last one holding a value, the widest row up to its
//! last value, the cells that makes, and the text the repeats copy.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::{io_error, ReadError, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_TEXT_BYTES};

/// The measure of one `table:table` so far.
#[derive(Default)]
struct Table {
    name: String,
    /// Rows passed, repeats expanded.
    rows: u64,
    /// Rows up to and including the last one with a value.
    used_rows: u64,
    /// The widest row, up to its last value.
    width: u64,
    /// Cells calamine stores before expanding repeated rows.
    stored: u64,
    text: u64,
}

/// The row being read.
#[derive(Default)]
struct Row {
    repeat: u64,
    column: u64,
    /// Columns up to and including the last one with a value.
    extent: u64,
    text: u64,
}

/// The cell being read (between its start and end tags).
struct CellState {
    repeat: u64,
    valued: bool,
    text: u64,
}

fn number(e: &BytesStart, key: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.trim().parse().unwrap_or(u64::MAX))
        .unwrap_or(1)
}

fn has_value(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| matches!(a.key.as_ref(), "office:value-type" | "table:formula"))
}

impl Table {
    fn too_large(&self, file: &str, what: &str, limit: u64) -> ReadError {
        ReadError::TooLarge { file: file.into(), sheet: self.name.clone(), what: what.into(), limit }
    }

    fn end_row(&mut self, row: &Row, file: &str) -> Result<(), ReadError> {
        self.rows = self.rows.saturating_add(row.repeat);
        if row.extent == 0 {
            return Ok(());
        }
        self.used_rows = self.rows;
        self.width = self.width.max(row.extent);
        self.stored = self.stored.saturating_add(row.extent);
        self.text = self.text.saturating_add(row.text.saturating_mul(row.repeat));
        if self.width > MAX_COLUMNS as u64 {
            return Err(self.too_large(file, "columns", MAX_COLUMNS as u64));
        }
        if self.used_rows > MAX_ROWS as u64 {
            return Err(self.too_large(file, "rows", MAX_ROWS as u64));
        }
        if self.stored > MAX_CELLS as u64 || self.used_rows.saturating_mul(self.width) > MAX_CELLS as u64 {
            return Err(self.too_large(file, "cells", MAX_CELLS as u64));
        }
        if self.text > MAX_TEXT_BYTES {
            return Err(self.too_large(file, "bytes", MAX_TEXT_BYTES));
        }
        Ok(())
    }
}

/// Refuses an .ods file whose sheets would expand past the reader's limits.
pub(super) fn check(path: &Path, file: &str) -> Result<(), ReadError> {
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable { file: file.into(), reason: e.to_string() };
    let reader = BufReader::new(File::open(path).map_err(|e| io_error(file, e))?);
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| unreadable(&e))?;
    let content = zip.by_name("content.xml").map_err(|e| unreadable(&e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut table = Table::default();
    let mut row = Row::default();
    let mut cell: Option<CellState> = None;
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| unreadable(&e))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table" => {
                let name = e.attributes().flatten().find(|a| a.key.as_ref() == "table:name");
                table = Table { name: name.map(|a| a.value.into_owned()).unwrap_or_default(), ..Table::default() };
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row = Row { repeat: number(&e, "table:number-rows-repeated"), ..Row::default() };
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                table.end_row(&Row { repeat: number(&e, "table:number-rows-repeated"), ..Row::default() }, file)?;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => table.end_row(&row, file)?,
            Event::Start(e) | Event::Empty(e)
                if matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") =>
            {
                let state =
                    CellState { repeat: number(&e, "table:number-columns-repeated"), valued: has_value(&e), text: 0 };
                if empty {
                    end_cell(&mut row, &state);
                } else {
                    cell = Some(state);
                }
            }
            Event::End(e) if matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") => {
                if let Some(state) = cell.take() {
                    end_cell(&mut row, &state);
                }
            }
            Event::Text(t) => {
                if let Some(state) = cell.as_mut() {
                    state.text = state.text.saturating_add(t.len() as u64);
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

fn end_cell(row: &mut Row, cell: &CellState) {
    let end = row.column.saturating_add(cell.repeat);
    if cell.valued || cell.text > 0 {
        row.extent = end;
        row.text = row.text.saturating_add(cell.text.saturating_mul(cell.repeat));
    }
    row.column = end;
}
