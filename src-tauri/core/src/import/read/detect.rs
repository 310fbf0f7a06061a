//! What a file is, from its bytes: people rename files (`.xlsx` → `.xls`), systems export
//! text or web pages with a spreadsheet's extension, and a password-protected .xlsx is an OLE
//! file, not a zip. The extension only says that a file meant as text is text.
//!
//! A zip package is also measured here, from its directory, before calamine inflates anything:
//! a part declaring more than [`MAX_PART_BYTES`] is refused (the zip reader enforces the
//! declared sizes, so a part cannot lie its way past this).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::Event;

use super::{io_error, ReadError, MAX_PART_BYTES};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Format {
    /// `uncalculated`: the workbook asks to be recalculated on opening, so the values stored
    /// for formulas are placeholders (what libraries that cannot calculate write).
    Xlsx {
        uncalculated: bool,
    },
    Xlsb,
    Ods,
    /// An OLE compound file: .xls, or an encrypted OOXML package.
    Ole,
    Text,
    Unknown,
}

const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn has_text_extension(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("csv" | "txt" | "tsv")
    )
}

pub(super) fn detect(path: &Path, file: &str) -> Result<Format, ReadError> {
    let mut head = Vec::with_capacity(64 * 1024);
    File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head)).map_err(|e| io_error(file, e))?;
    if head.starts_with(ZIP) || head.starts_with(EMPTY_ZIP) {
        return zip_format(path, file);
    }
    if head.starts_with(OLE) {
        let size = std::fs::metadata(path).map_err(|e| io_error(file, e))?.len();
        if size > MAX_PART_BYTES {
            return Err(too_large(file, file));
        }
        return Ok(Format::Ole);
    }
    if has_text_extension(path) || looks_like_table(&head) {
        return Ok(Format::Text);
    }
    Ok(Format::Unknown)
}

fn too_large(file: &str, part: &str) -> ReadError {
    ReadError::TooLarge { file: file.into(), sheet: part.into(), what: "bytes".into(), limit: MAX_PART_BYTES }
}

/// A table saved as text under a workbook's name (systems export tab-separated text as
/// `.xls`, people rename a `.csv`): text whose first line separates columns with a comma, tab
/// or semicolon. Other text (a note, a log) is not taken for a one-column table.
fn looks_like_table(head: &[u8]) -> bool {
    if !looks_like_text(head) {
        return false;
    }
    let text = match super::text::utf16_head(head) {
        Some(t) => t,
        None => String::from_utf8_lossy(head).into_owned(),
    };
    let first = text.trim_start_matches('\u{FEFF}').lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.contains([',', '\t', ';'])
}

/// Text: UTF-16 (BOM or not), or else no NUL or other control bytes, not markup (a web page
/// exported as `.xls`), and decodable as UTF-8 (BOM or not) or GB18030.
fn looks_like_text(head: &[u8]) -> bool {
    if super::text::utf16_encoding(head).is_some() {
        return true;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if body.iter().all(u8::is_ascii_whitespace) {
        return !body.is_empty() || head.len() > body.len();
    }
    if body.iter().any(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A)) {
        return false;
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return false;
    }
    // The sample may end inside a character: judge what comes before the last line break.
    let cut = body.iter().rposition(|b| *b == b'\n').map_or(body.len(), |i| i + 1);
    let sample = if head.len() < 64 * 1024 { body } else { &body[..cut] };
    std::str::from_utf8(sample).is_ok() || !encoding_rs::GB18030.decode_without_bom_handling(sample).1
}

fn zip_format(path: &Path, file: &str) -> Result<Format, ReadError> {
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable { file: file.into(), reason: e.to_string() };
    let reader = BufReader::new(File::open(path).map_err(|e| io_error(file, e))?);
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| unreadable(&e))?;
    let mut names = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| unreadable(&e))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let lower = name.to_ascii_lowercase();
        let parsed =
            [".xml", ".bin", ".rels"].iter().any(|ext| lower.ends_with(ext)) && !lower.starts_with("xl/media/");
        if parsed && entry.size() > MAX_PART_BYTES {
            return Err(too_large(file, &name));
        }
        names.push(lower);
    }
    let find = |n: &str| names.iter().position(|x| x == n);
    let has = |n: &str| find(n).is_some();
    if let Some(index) = find("xl/workbook.xml") {
        let uncalculated = recalculates_on_open(&mut zip, index).map_err(|e| unreadable(&e))?;
        Ok(Format::Xlsx { uncalculated })
    } else if has("xl/workbook.bin") {
        Ok(Format::Xlsb)
    } else if has("content.xml") && has("mimetype") {
        Ok(Format::Ods)
    } else {
        Ok(Format::Unknown)
    }
}

/// True when `xl/workbook.xml` has `<calcPr fullCalcOnLoad="1"/>`: the writer could not
/// calculate its formulas and asks the spreadsheet program to on opening. Excel, WPS and
/// LibreOffice store calculated values and do not set it.
fn recalculates_on_open<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, index: usize) -> Result<bool, String> {
    let entry = zip.by_index(index).map_err(|e| e.to_string())?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "calcPr" => {
                for attr in e.attributes().flatten() {
                    if attr.key.local_name().as_ref() == "fullCalcOnLoad" {
                        return Ok(matches!(attr.value.as_ref(), "1" | "true"));
                    }
                }
                return Ok(false);
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_told_from_binary_and_markup() {
        assert!(looks_like_text("客户名称,电话\r\n华东精密,0512\r\n".as_bytes()));
        assert!(looks_like_text(&encoding_rs::GBK.encode("客户名称\t电话\n华东精密\t0512\n").0));
        assert!(looks_like_text(b"\xEF\xBB\xBFname,phone\n"));
        assert!(looks_like_text(&[0xFF, 0xFE, b'a', 0]), "UTF-16 with a BOM");
        let no_bom: Vec<u8> = "名称,电话\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(looks_like_text(&no_bom), "UTF-16 without a BOM");
        assert!(!looks_like_text(b"<html><table><tr><td>1</td></tr></table></html>"), "a web page named .xls");
        assert!(!looks_like_text(b"\x00\x01\x02binary"));
        assert!(!looks_like_text(b""));
    }

    #[test]
    fn only_text_with_columns_passes_for_a_table() {
        assert!(looks_like_table("客户名称,电话\n华东精密,0512\n".as_bytes()));
        assert!(looks_like_table(&encoding_rs::GBK.encode("\n客户名称\t电话\n").0));
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("名称\t电话\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(looks_like_table(&le));
        assert!(!looks_like_table(b"not a workbook"));
    }
}
