//! Tables saved as text (.csv, .txt, .tsv), streamed line by line into a bounded [`Grid`].
//!
//! Encodings, as Chinese offices produce them: UTF-8 with or without BOM, UTF-16 with BOM
//! (Excel's "Unicode text"), and GBK/GB18030 (Excel's CSV on Chinese Windows). A file that is
//! valid UTF-8 throughout is UTF-8. Otherwise each line is decoded on its own — files pasted
//! together from several sources mix UTF-8 and GBK lines — as UTF-8 when it is valid UTF-8
//! that reads as Chinese or Western text, else as GB18030. A line that is neither keeps its
//! undecodable bytes as U+FFFD, and the import reports those cells (`ValueError::Undecodable`)
//! instead of storing garbled names. Choosing an encoding (`encoding`) decodes every line with
//! it. Line breaks, commas, quotes and tabs are ASCII bytes that never occur inside a GBK or
//! GB18030 character, so lines and fields split the same whichever encoding a line has.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

use super::{io_error, Grid, Limits, ReadError, TextEncoding, MAX_PART_BYTES};
use crate::import::values::Cell;

/// How lines are decoded.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Every line UTF-8 (invalid bytes become U+FFFD).
    Utf8,
    /// Every line GB18030.
    Gb18030,
    /// Each line by itself: UTF-8 when that reads, else GB18030.
    PerLine,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Characters that valid-UTF-8 text in a Chinese customer list consists of. GBK bytes that
/// happen to form valid UTF-8 decode to other scripts (Latin Extended, Greek, Arabic…) and
/// are read as GBK instead.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x7F | 0xA0..=0xFF | 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x22FF
        | 0x2460..=0x24FF | 0x2500..=0x27BF | 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x1F000..=0x1FAFF | 0x20000..=0x3134F)
}

fn decode_line(raw: &[u8], mode: Mode) -> String {
    fn gb18030(b: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
        encoding_rs::GB18030.decode_without_bom_handling(b)
    }
    match mode {
        Mode::Utf8 => String::from_utf8_lossy(raw).into_owned(),
        Mode::Gb18030 => gb18030(raw).0.into_owned(),
        Mode::PerLine => match std::str::from_utf8(raw) {
            Ok(s) if s.chars().all(plausible) => s.to_string(),
            _ => match gb18030(raw) {
                (s, false) => s.into_owned(),
                _ => String::from_utf8_lossy(raw).into_owned(),
            },
        },
    }
}

/// A reader of decoded UTF-8, one source line at a time.
struct LineDecoder<R> {
    inner: R,
    mode: Mode,
    first: bool,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
}

impl<R: BufRead> Read for LineDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.out.len() {
            self.raw.clear();
            self.out.clear();
            self.pos = 0;
            if self.inner.read_until(b'\n', &mut self.raw)? == 0 {
                return Ok(0);
            }
            let line = if std::mem::take(&mut self.first) {
                self.raw.strip_prefix(BOM).unwrap_or(&self.raw)
            } else {
                &self.raw
            };
            self.out.extend_from_slice(decode_line(line, self.mode).as_bytes());
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// A cell as typed: blank is empty; `=SUM(B2:B3)` is a formula nobody calculated.
fn text_cell(s: &str) -> Cell {
    let t = s.trim();
    if t.is_empty() {
        return Cell::Empty;
    }
    let formula = t
        .strip_prefix('=')
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_alphanumeric() || "(\"$-+".contains(c));
    if formula {
        Cell::Formula(t.to_string())
    } else {
        Cell::Text(s.to_string())
    }
}

/// The one of `,` `\t` `;` that the first line uses most (a comma when none is used).
fn delimiter(first_line: &str) -> u8 {
    let mut best = (b',', first_line.matches(',').count());
    for d in [b'\t', b';'] {
        let n = first_line.matches(d as char).count();
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

/// The lines of `source` decoded by `mode`, split into cells into `grid`.
fn parse<R: BufRead>(
    source: R,
    mode: Mode,
    first_line: &str,
    mut grid: Grid,
    file: &str,
) -> Result<Vec<Vec<Cell>>, ReadError> {
    let decoder = LineDecoder { inner: source, mode, first: true, raw: Vec::new(), out: Vec::new(), pos: 0 };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(first_line))
        .from_reader(decoder);
    let mut record = csv::StringRecord::new();
    let mut row = 0u32;
    while reader
        .read_record(&mut record)
        .map_err(|e| ReadError::Unreadable { file: file.into(), reason: e.to_string() })?
    {
        for (col, field) in record.iter().enumerate() {
            grid.put(row, col.try_into().unwrap_or(u32::MAX), text_cell(field))?;
        }
        row = row.saturating_add(1);
    }
    Ok(grid.into_rows())
}

/// Which mode `encoding` or the content asks for, and the first line decoded.
fn settle<R: BufRead>(mut lines: R, encoding: Option<TextEncoding>) -> std::io::Result<(Mode, String)> {
    let mut first = Vec::new();
    lines.read_until(b'\n', &mut first)?;
    let first_raw = first.strip_prefix(BOM).unwrap_or(&first).to_vec();
    let mode = match encoding {
        Some(TextEncoding::Utf8) => Mode::Utf8,
        Some(TextEncoding::Gb18030) => Mode::Gb18030,
        None => {
            let mut all_utf8 = std::str::from_utf8(&first_raw).is_ok();
            let mut line = Vec::new();
            while all_utf8 {
                line.clear();
                if lines.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
                all_utf8 = std::str::from_utf8(&line).is_ok();
            }
            if all_utf8 {
                Mode::Utf8
            } else {
                Mode::PerLine
            }
        }
    };
    Ok((mode, decode_line(&first_raw, mode)))
}

fn utf16(bytes: &[u8]) -> Option<String> {
    let encoding = match bytes {
        [0xFF, 0xFE, ..] => encoding_rs::UTF_16LE,
        [0xFE, 0xFF, ..] => encoding_rs::UTF_16BE,
        _ => return None,
    };
    Some(encoding.decode_with_bom_removal(bytes).0.into_owned())
}

/// The start of a file with a UTF-16 BOM, decoded (for telling text from binary).
pub(super) fn utf16_head(head: &[u8]) -> Option<String> {
    utf16(head)
}

/// Reads a text file, refusing it unread past [`MAX_PART_BYTES`].
pub(super) fn read_text_file(
    path: &Path,
    file: &str,
    encoding: Option<TextEncoding>,
) -> Result<Vec<Vec<Cell>>, ReadError> {
    let size = std::fs::metadata(path).map_err(|e| io_error(file, e))?.len();
    if size > MAX_PART_BYTES {
        return Err(ReadError::TooLarge {
            file: file.into(),
            sheet: file.into(),
            what: "bytes".into(),
            limit: MAX_PART_BYTES,
        });
    }
    let open = || File::open(path).map(|f| BufReader::with_capacity(64 * 1024, f)).map_err(|e| io_error(file, e));
    let grid = Grid::new(file, file, Limits::STANDARD);
    let mut head = [0u8; 2];
    let n = open()?.read(&mut head).map_err(|e| io_error(file, e))?;
    if n == 2 && (head == [0xFF, 0xFE] || head == [0xFE, 0xFF]) {
        let mut bytes = Vec::with_capacity(size as usize);
        open()?.read_to_end(&mut bytes).map_err(|e| io_error(file, e))?;
        let text = utf16(&bytes).unwrap_or_default();
        drop(bytes);
        let first = text.lines().next().unwrap_or("").to_string();
        return parse(Cursor::new(text.as_bytes()), Mode::Utf8, &first, grid, file);
    }
    let (mode, first) = settle(open()?, encoding).map_err(|e| io_error(file, e))?;
    parse(open()?, mode, &first, grid, file)
}

/// Decodes CSV bytes already in memory, without the size limits (the caller holds them):
/// UTF-8 (BOM or not) when valid, UTF-16 with a BOM, else line by line as described above,
/// unless `encoding` says otherwise. The delimiter is the one of `,` `\t` `;` that the first
/// line uses most.
pub fn read_csv(bytes: &[u8], encoding: Option<TextEncoding>) -> Vec<Vec<Cell>> {
    let grid = Grid::new("", "", Limits::NONE);
    let rows = match utf16(bytes) {
        Some(text) => {
            let first = text.lines().next().unwrap_or("").to_string();
            parse(Cursor::new(text.as_bytes()), Mode::Utf8, &first, grid, "")
        }
        None => settle(Cursor::new(bytes), encoding)
            .map_err(|e| io_error("", e))
            .and_then(|(mode, first)| parse(Cursor::new(bytes), mode, &first, grid, "")),
    };
    rows.unwrap_or_default()
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
    fn csv_in_utf8_bom_utf16_and_gbk() {
        let want = vec![vec!["客户名称".to_string(), "电话".into()], vec!["华东精密".into(), "0512-6666".into()]];
        let utf8 = "客户名称,电话\n华东精密,0512-6666\n";
        assert_eq!(texts(&read_csv(utf8.as_bytes(), None)), want);
        let bom = [BOM, utf8.as_bytes()].concat();
        assert_eq!(texts(&read_csv(&bom, None)), want);
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(utf8.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(texts(&read_csv(&le, None)), want, "UTF-16 with a BOM, as Excel's Unicode text");
        let (gbk, _, _) = encoding_rs::GBK.encode(utf8);
        assert_eq!(texts(&read_csv(&gbk, None)), want, "detected");
        assert_eq!(texts(&read_csv(&gbk, Some(TextEncoding::Gb18030))), want, "chosen");
        assert_ne!(texts(&read_csv(&gbk, Some(TextEncoding::Utf8))), want, "override honoured");
        let tabs = "客户名称\t电话\n华东精密\t0512-6666\n";
        assert_eq!(texts(&read_csv(tabs.as_bytes(), None)), want);
    }

    #[test]
    fn utf8_and_gbk_lines_in_one_file_are_each_read_right() {
        let mut bytes = "客户名称,电话\n华东精密,0512-6666\n".as_bytes().to_vec();
        bytes.extend_from_slice(&encoding_rs::GBK.encode("长江汽配,027-8888\n").0);
        bytes.extend_from_slice("蓝海食品,020-1234\n".as_bytes());
        let rows = texts(&read_csv(&bytes, None));
        assert_eq!(rows[2], vec!["长江汽配".to_string(), "027-8888".into()]);
        assert_eq!(rows[3], vec!["蓝海食品".to_string(), "020-1234".into()]);
    }

    #[test]
    fn gbk_that_happens_to_be_valid_utf8_is_still_gbk() {
        // 「小」 in GBK is 0xD0 0xA1, which is also valid UTF-8: the Cyrillic 'С'.
        let line = encoding_rs::GBK.encode("小\n").0.into_owned();
        assert!(std::str::from_utf8(&line).is_ok());
        let mut bytes = encoding_rs::GBK.encode("名称\n").0.into_owned();
        bytes.extend_from_slice(&line);
        assert_eq!(texts(&read_csv(&bytes, None))[1], vec!["小".to_string()]);
    }

    #[test]
    fn undecodable_bytes_stay_visible_and_formulas_are_marked() {
        let bytes = b"name,phone\n\xFF\xFE\xFD,=SUM(A1:A3)\n=== notes ===,1\n";
        let rows = read_csv(bytes, None);
        assert!(matches!(&rows[1][0], Cell::Text(t) if t.contains('\u{FFFD}')), "{:?}", rows[1]);
        assert_eq!(rows[1][1], Cell::Formula("=SUM(A1:A3)".into()));
        assert_eq!(rows[2][0], Cell::Text("=== notes ===".into()));
    }
}
