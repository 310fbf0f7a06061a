//! calamine reads an .xlsx file's whole shared-strings part (`xl/sharedStrings.xml`) into
//! memory when it opens the workbook, before any sheet is streamed, and reserves room for as
//! many strings as the part's `uniqueCount` attribute claims. A part within
//! [`MAX_PART_BYTES`] can still cost gigabytes there: 500 MB of `<si><t>a</t></si>` is
//! 30 million strings of about 50 bytes each in memory, and `uniqueCount="4000000000"` in a
//! part of a few bytes asks for 96 GB at once (an allocation failure aborts the process: no
//! panic to catch). So the part is measured first, streaming with a fixed buffer, with the
//! limits of a sheet: no more strings (or claimed strings) than [`MAX_CELLS`], no more text
//! than [`MAX_TEXT_BYTES`].
//!
//! The measure is a byte scanner rather than an XML parser, so that one huge text node costs
//! no memory either: `<` starts a tag (it cannot appear unescaped in text), a tag whose local
//! name is `si` is a string, everything outside tags counts as text. Comments or CDATA in a
//! shared-strings part (no spreadsheet program writes them) can only make the count larger.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::{io_error, ReadError, MAX_CELLS, MAX_TEXT_BYTES};

/// The start of a tag kept for reading its name and attributes: `<sst …>` with its namespace
/// declarations fits easily.
const TAG_PREFIX: usize = 4096;

/// What the scanner has seen so far.
#[derive(Default)]
struct Measure {
    strings: u64,
    claimed: u64,
    text: u64,
}

/// The tag between `<` and `>` (at most [`TAG_PREFIX`] bytes of it): counts a string, or
/// reads the count the `sst` element claims.
fn tag(bytes: &[u8], m: &mut Measure) {
    if matches!(bytes.first(), None | Some(b'/' | b'?' | b'!')) {
        return;
    }
    let end = bytes.iter().position(|b| b.is_ascii_whitespace() || *b == b'/').unwrap_or(bytes.len());
    let name = &bytes[..end];
    let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
    match local {
        b"si" => m.strings += 1,
        b"sst" => m.claimed = attribute_number(&bytes[end..], b"uniqueCount"),
        _ => {}
    }
}

/// The value of `key="N"` among a tag's attributes; a value that is not a number that fits
/// counts as the largest (calamine would fail on it or reserve for it).
fn attribute_number(attributes: &[u8], key: &[u8]) -> u64 {
    let mut rest = attributes;
    while let Some(at) = rest.windows(key.len()).position(|w| w == key) {
        let before = at.checked_sub(1).map(|i| rest[i]);
        let after = &rest[at + key.len()..];
        rest = after;
        if !before.is_some_and(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let after = after.trim_ascii_start();
        let Some(value) = after.strip_prefix(b"=") else { continue };
        let value = value.trim_ascii_start();
        let Some(quote) = value.first().copied().filter(|q| matches!(q, b'"' | b'\'')) else { return u64::MAX };
        let digits = value[1..].split(|b| *b == quote).next().unwrap_or_default();
        return std::str::from_utf8(digits).ok().and_then(|d| d.trim().parse().ok()).unwrap_or(u64::MAX);
    }
    0
}

/// Measures a shared-strings part as it is inflated, stopping at the first limit passed.
fn measure(part: impl Read, file: &str, name: &str) -> Result<(), ReadError> {
    let too_large = |what: &str, limit: u64| ReadError::TooLarge {
        file: file.into(),
        sheet: name.into(),
        what: what.into(),
        limit,
    };
    let mut reader = BufReader::with_capacity(64 * 1024, part);
    let mut chunk = [0u8; 64 * 1024];
    let mut m = Measure::default();
    let mut in_tag = false;
    let mut current = Vec::with_capacity(TAG_PREFIX);
    loop {
        let n =
            reader.read(&mut chunk).map_err(|e| ReadError::Unreadable { file: file.into(), reason: e.to_string() })?;
        if n == 0 {
            return Ok(());
        }
        for &b in &chunk[..n] {
            if in_tag {
                if b == b'>' {
                    tag(&current, &mut m);
                    current.clear();
                    in_tag = false;
                } else if current.len() < TAG_PREFIX {
                    current.push(b);
                }
            } else if b == b'<' {
                in_tag = true;
            } else {
                m.text += 1;
            }
        }
        if m.strings > MAX_CELLS as u64 || m.claimed > MAX_CELLS as u64 {
            return Err(too_large("cells", MAX_CELLS as u64));
        }
        if m.text > MAX_TEXT_BYTES {
            return Err(too_large("bytes", MAX_TEXT_BYTES));
        }
    }
}

/// Refuses an .xlsx file whose shared strings would take more memory than a sheet may.
/// Every part named `sharedStrings.xml` is measured, whatever its folder or case, since
/// calamine finds the part through the package's relationships.
pub(super) fn check(path: &Path, file: &str) -> Result<(), ReadError> {
    let unreadable = |e: &dyn std::fmt::Display| ReadError::Unreadable { file: file.into(), reason: e.to_string() };
    let reader = BufReader::new(File::open(path).map_err(|e| io_error(file, e))?);
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| unreadable(&e))?;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            measure(entry, file, &name)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(xml: &str) -> Result<(), ReadError> {
        measure(xml.as_bytes(), "a.xlsx", "xl/sharedStrings.xml")
    }

    #[test]
    fn strings_are_counted_by_their_tags_with_or_without_a_prefix() {
        let mut m = Measure::default();
        for t in ["si", "x:si", "si ", "/si", "t", "?xml version=\"1.0\"", "!-- si --", "sin"] {
            tag(t.as_bytes(), &mut m);
        }
        assert_eq!(m.strings, 3);
    }

    #[test]
    fn the_claimed_count_is_read_from_the_sst_tag() {
        let mut m = Measure::default();
        tag(br#"sst xmlns="http://x" count="10" uniqueCount="7""#, &mut m);
        assert_eq!(m.claimed, 7);
        tag(b"sst uniqueCount = '12'", &mut m);
        assert_eq!(m.claimed, 12);
        tag(br#"sst xuniqueCount="9""#, &mut m);
        assert_eq!(m.claimed, 0, "another attribute ending in the name");
        tag(br#"x:sst uniqueCount="99999999999999999999999""#, &mut m);
        assert_eq!(m.claimed, u64::MAX, "a number too big is as big as can be");
    }

    #[test]
    fn a_part_claiming_billions_of_strings_is_refused() {
        let xml = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
        assert_eq!(
            measured(xml),
            Err(ReadError::TooLarge {
                file: "a.xlsx".into(),
                sheet: "xl/sharedStrings.xml".into(),
                what: "cells".into(),
                limit: MAX_CELLS as u64
            })
        );
        assert_eq!(measured(&xml.replace("4000000000", "1")), Ok(()));
    }
}
