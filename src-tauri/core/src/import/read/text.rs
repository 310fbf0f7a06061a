//! Tables saved as text (.csv, .txt, .tsv), streamed line by line into a bounded [`Grid`].
//!
//! Encodings, as offices produce them: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode
//! text") with a BOM or without one (told by where its zero bytes fall), GBK/GB18030 (Excel's
//! CSV on Chinese Windows), Big5 (Taiwan and Hong Kong) and Windows-1252 (Western Excel). A
//! file that is valid UTF-8 throughout is UTF-8. Otherwise the legacy encoding is guessed from
//! the content ([`chardetng`], limited to the ones above; GB18030 when unsure) and each line is
//! decoded on its own — files pasted together from several sources mix UTF-8 and GBK lines —
//! as UTF-8 when it is valid UTF-8 that reads as Chinese or Western text, else in the guessed
//! encoding. A line that is neither keeps its undecodable bytes as U+FFFD, and the import
//! reports those cells (`ValueError::Undecodable`) instead of storing garbled names. Choosing
//! an encoding (`encoding`) decodes every line with it. Line breaks, commas, quotes and tabs
//! are ASCII bytes that never occur inside a character of these legacy encodings, so lines
//! and fields split the same whichever encoding a line has.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

use encoding_rs::Encoding;

use super::{io_error, Grid, Limits, ReadError, TextEncoding, MAX_PART_BYTES};
use crate::import::values::Cell;

/// How lines are decoded.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Every line in this encoding (invalid bytes become U+FFFD).
    Fixed(&'static Encoding),
    /// Each line by itself: UTF-8 when that reads, else this encoding.
    PerLine(&'static Encoding),
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much of a file the legacy-encoding guess reads: enough for any customer list's
/// characters to show, little enough to stay instant on a 500 MB file.
const GUESS_BYTES: usize = 1 << 20;

impl TextEncoding {
    /// The encoding_rs encoding that decodes it.
    pub fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Gb18030 => encoding_rs::GB18030,
            TextEncoding::Big5 => encoding_rs::BIG5,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }

    fn of(encoding: &'static Encoding) -> TextEncoding {
        [
            TextEncoding::Utf8,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
            TextEncoding::Big5,
            TextEncoding::Windows1252,
        ]
        .into_iter()
        .find(|e| e.encoding() == encoding)
        .unwrap_or(TextEncoding::Gb18030)
    }
}

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
    match mode {
        Mode::Fixed(e) => e.decode_without_bom_handling(raw).0.into_owned(),
        Mode::PerLine(e) => match std::str::from_utf8(raw) {
            Ok(s) if s.chars().all(plausible) => s.to_string(),
            _ => match e.decode_without_bom_handling(raw) {
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

/// Whether legacy-encoded bytes read as Chinese: most of their non-ASCII bytes come in pairs of
/// two high bytes, as GBK and Big5 characters do; accented Latin letters (Windows-1252) stand
/// alone between ASCII ones.
fn looks_chinese(bytes: &[u8]) -> bool {
    let high = |b: u8| (0xA1..0xFF).contains(&b);
    let (mut paired, mut alone, mut i) = (0usize, 0usize, 0);
    while i < bytes.len() {
        if high(bytes[i]) && bytes.get(i + 1).is_some_and(|b| high(*b)) {
            paired += 2;
            i += 2;
        } else {
            alone += usize::from(bytes[i] >= 0x80);
            i += 1;
        }
    }
    paired > alone
}

/// The legacy encoding of the lines that are not UTF-8, among the ones Dossier reads:
/// chardetng's guess, GB18030 when it guesses another. A Chinese file's guess is made from
/// the lines GBK or Big5 decode, so that a damaged line (which no encoding decodes) does not
/// make it Western.
fn guess_legacy(lines: &[Vec<u8>]) -> &'static Encoding {
    let all = lines.concat();
    let chinese = looks_chinese(&all);
    let mut detector = chardetng::EncodingDetector::new();
    for line in lines {
        let decodes = |e: &'static Encoding| !e.decode_without_bom_handling(line).1;
        if !chinese || decodes(encoding_rs::GB18030) || decodes(encoding_rs::BIG5) {
            detector.feed(line, false);
        }
    }
    detector.feed(b"", true);
    match TextEncoding::of(detector.guess(None, false)) {
        TextEncoding::Big5 => encoding_rs::BIG5,
        TextEncoding::Windows1252 if !chinese => encoding_rs::WINDOWS_1252,
        _ => encoding_rs::GB18030,
    }
}

/// UTF-16 without a BOM: text in UTF-16 has a zero byte in every ASCII character (digits,
/// commas, line breaks), on the same side of each pair; 8-bit text has none. A few zeros on
/// the other side are characters such as 一 (U+4E00).
fn utf16_without_bom(head: &[u8]) -> Option<TextEncoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |side: usize| head.chunks_exact(2).filter(|p| p[side] == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // A fifth of the characters at least, and four times the other side's.
    let mostly = |n: usize, other: usize| n * 5 >= pairs && other * 4 <= n;
    let guess = if mostly(odd, even) {
        TextEncoding::Utf16Le
    } else if mostly(even, odd) {
        TextEncoding::Utf16Be
    } else {
        return None;
    };
    // Binary data with zeros in step is no text: text has no control characters but layout.
    let text = guess.encoding().decode_without_bom_handling(head).0;
    let layout = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{0C}');
    text.chars().all(layout).then_some(guess)
}

/// The UTF-16 encoding of bytes starting with a UTF-16 BOM or, lacking one, looking like UTF-16.
pub(super) fn utf16_encoding(head: &[u8]) -> Option<TextEncoding> {
    match head {
        [0xFF, 0xFE, ..] => Some(TextEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(TextEncoding::Utf16Be),
        _ => utf16_without_bom(head),
    }
}

/// Which mode `encoding` or the content asks for, the encoding it amounts to (for the wizard
/// to show), and the first line decoded (without its BOM).
fn settle<R: BufRead>(mut lines: R, encoding: Option<TextEncoding>) -> std::io::Result<(Mode, TextEncoding, String)> {
    let mut first = Vec::new();
    lines.read_until(b'\n', &mut first)?;
    let first_raw = first.strip_prefix(BOM).unwrap_or(&first).to_vec();
    let (mode, used) = match encoding {
        Some(e) => (Mode::Fixed(e.encoding()), e),
        None => {
            // The lines that are not UTF-8 (the legacy ones of a mixed file) make the guess.
            let (mut legacy, mut size) = (Vec::new(), 0);
            let mut line = first_raw.clone();
            loop {
                if std::str::from_utf8(&line).is_err() {
                    size += line.len();
                    legacy.push(std::mem::take(&mut line));
                }
                line.clear();
                if size >= GUESS_BYTES || lines.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
            }
            if legacy.is_empty() {
                (Mode::Fixed(encoding_rs::UTF_8), TextEncoding::Utf8)
            } else {
                let guess = guess_legacy(&legacy);
                (Mode::PerLine(guess), TextEncoding::of(guess))
            }
        }
    };
    Ok((mode, used, decode_line(&first_raw, mode)))
}

/// Decodes a whole UTF-16 text, BOM or not.
fn utf16(bytes: &[u8], encoding: TextEncoding) -> String {
    let bytes = match bytes {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => rest,
        _ => bytes,
    };
    encoding.encoding().decode_without_bom_handling(bytes).0.into_owned()
}

/// The start of a file in UTF-16 (BOM or not), decoded (for telling text from binary).
pub(super) fn utf16_head(head: &[u8]) -> Option<String> {
    utf16_encoding(head).map(|e| utf16(head, e))
}

/// Whether `encoding`, chosen or detected, is a UTF-16 one.
fn is_utf16(encoding: TextEncoding) -> bool {
    matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
}

/// Rows of a UTF-16 text.
fn parse_utf16(bytes: &[u8], encoding: TextEncoding, grid: Grid, file: &str) -> Result<Vec<Vec<Cell>>, ReadError> {
    let text = utf16(bytes, encoding);
    let first = text.lines().next().unwrap_or("").to_string();
    parse(Cursor::new(text.as_bytes()), Mode::Fixed(encoding_rs::UTF_8), &first, grid, file)
}

/// Reads a text file, refusing it unread past [`MAX_PART_BYTES`]; returns its rows and the
/// encoding they were read in (the one chosen, or the one detected).
pub(super) fn read_text_file(
    path: &Path,
    file: &str,
    encoding: Option<TextEncoding>,
) -> Result<(Vec<Vec<Cell>>, TextEncoding), ReadError> {
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
    let mut head = Vec::with_capacity(4096);
    open()?.take(4096).read_to_end(&mut head).map_err(|e| io_error(file, e))?;
    let utf16 = match encoding {
        Some(e) => Some(e).filter(|e| is_utf16(*e)),
        None => utf16_encoding(&head),
    };
    if let Some(e) = utf16 {
        let mut bytes = Vec::with_capacity(size as usize);
        open()?.read_to_end(&mut bytes).map_err(|e| io_error(file, e))?;
        return Ok((parse_utf16(&bytes, e, grid, file)?, e));
    }
    let (mode, used, first) = settle(open()?, encoding).map_err(|e| io_error(file, e))?;
    Ok((parse(open()?, mode, &first, grid, file)?, used))
}

/// Decodes CSV bytes already in memory, without the size limits (the caller holds them):
/// UTF-8 (BOM or not) when valid, UTF-16 (BOM or not), else line by line as described above,
/// unless `encoding` says otherwise. The delimiter is the one of `,` `\t` `;` that the first
/// line uses most.
pub fn read_csv(bytes: &[u8], encoding: Option<TextEncoding>) -> Vec<Vec<Cell>> {
    let grid = Grid::new("", "", Limits::NONE);
    let utf16 = match encoding {
        Some(e) => Some(e).filter(|e| is_utf16(*e)),
        None => utf16_encoding(&bytes[..bytes.len().min(4096)]),
    };
    let rows = match utf16 {
        Some(e) => parse_utf16(bytes, e, grid, ""),
        None => settle(Cursor::new(bytes), encoding)
            .map_err(|e| io_error("", e))
            .and_then(|(mode, _, first)| parse(Cursor::new(bytes), mode, &first, grid, "")),
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
    fn big5_utf16_without_bom_and_windows_1252_are_detected() {
        let want = vec![vec!["客戶名稱".to_string(), "電話".into()], vec!["華東精密".into(), "02-2345".into()]];
        let text = "客戶名稱,電話\n華東精密,02-2345\n";
        let big5 = encoding_rs::BIG5.encode(text).0.into_owned();
        assert_eq!(texts(&read_csv(&big5, None)), want, "Big5");
        let mut cursor = Cursor::new(&big5);
        assert_eq!(settle(&mut cursor, None).unwrap().1, TextEncoding::Big5);

        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(texts(&read_csv(&le, None)), want, "UTF-16LE without a BOM");
        let one: Vec<u8> = "名称,电话\n一汽,1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16_encoding(&one), Some(TextEncoding::Utf16Le), "一 is 00 4E");
        assert_eq!(utf16_encoding(&le), Some(TextEncoding::Utf16Le));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(texts(&read_csv(&be, None)), want, "UTF-16BE without a BOM");
        assert_eq!(utf16_encoding(&be), Some(TextEncoding::Utf16Be));

        let western = "Company,City,Notes\nCafé Müller GmbH,Köln,Größe über 500 Mitarbeiter\n";
        let cp1252 = encoding_rs::WINDOWS_1252.encode(western).0.into_owned();
        let rows = texts(&read_csv(&cp1252, None));
        assert_eq!(rows[1], vec!["Café Müller GmbH".to_string(), "Köln".into(), "Größe über 500 Mitarbeiter".into()]);
        assert_eq!(settle(Cursor::new(&cp1252), None).unwrap().1, TextEncoding::Windows1252);

        let gbk = encoding_rs::GBK.encode("客户名称,电话\n华东精密,0512-6666\n").0.into_owned();
        assert_eq!(settle(Cursor::new(&gbk), None).unwrap().1, TextEncoding::Gb18030);
        assert_eq!(settle(Cursor::new(text.as_bytes()), None).unwrap().1, TextEncoding::Utf8);
    }

    #[test]
    fn a_damaged_line_does_not_make_a_chinese_file_western() {
        let mut bytes = encoding_rs::GBK.encode("长江汽配,汽车零部件,李四\n").0.into_owned();
        bytes.extend_from_slice(b"\xFF\xFE\xFD\xFC,\xE5\x8C\x96\xE5,\xC0\n");
        assert_eq!(settle(Cursor::new(&bytes), None).unwrap().1, TextEncoding::Gb18030);
        assert!(looks_chinese(&encoding_rs::BIG5.encode("客戶名稱,電話,華東精密").0));
        assert!(!looks_chinese(&encoding_rs::WINDOWS_1252.encode("Société Générale, Köln, Müller").0));
    }

    #[test]
    fn a_chosen_encoding_decodes_every_line() {
        let text = "客戶名稱,電話\n華東精密,02-2345\n";
        let big5 = encoding_rs::BIG5.encode(text).0.into_owned();
        assert_eq!(texts(&read_csv(&big5, Some(TextEncoding::Big5)))[1][0], "華東精密");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(texts(&read_csv(&le, Some(TextEncoding::Utf16Le)))[1][0], "華東精密");
        assert_ne!(texts(&read_csv(&big5, Some(TextEncoding::Gb18030)))[1][0], "華東精密", "the choice is honoured");
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
