//! Files an import must survive (docs/import.md): each gets a typed error naming the file
//! (and sheet or limit), or a per-cell problem naming row, column and reason — never a panic,
//! a hang or unbounded memory — and a refused import leaves the database byte for byte as it
//! was.

use crate::common;
use crate::import_support;

use std::io::Write;
use std::time::{Duration, Instant};

use common::store;
use dossier_core::error::ReadError;
use dossier_core::import::mapping::Field;
use dossier_core::import::plan::{CellIssue, ImportKind, Problem, RowStatus};
use dossier_core::import::read::{read_sheet, MAX_CELLS, MAX_PART_BYTES, MAX_ROWS, MAX_TEXT_BYTES};
use dossier_core::import::values::ValueError;
use dossier_core::import::{inspect, ImportSpec};
use dossier_core::{CoreError, Reason, Store};
use import_support::*;
use rust_xlsxwriter::Workbook;

/// Imports `spec` expecting the file to be refused with `want`, and checks that nothing at all
/// was written.
fn refused(spec: &ImportSpec, want: ReadError) {
    let (dir, s) = store();
    s.create_customer(&common::named("已有客户")).unwrap();
    let before = snapshot(&s, dir.path());
    assert_eq!(inspect(spec), Err(want.clone()), "inspect");
    match s.preview_import(spec) {
        Err(CoreError::Unreadable { error }) => assert_eq!(error, want, "preview"),
        other => panic!("preview: {other:?}"),
    }
    match s.import_file(spec, &mut |_, _| true) {
        Err(CoreError::Unreadable { error }) => assert_eq!(error, want, "import"),
        other => panic!("import: {other:?}"),
    }
    assert_eq!(snapshot(&s, dir.path()), before, "a refused import writes nothing");
}

fn customers(path: &std::path::Path) -> ImportSpec {
    spec(path, ImportKind::Customers)
}

/// The issues of a preview, as (row, column, header, problem). A cell that cannot be read
/// gets its own problem only (not also "required").
fn issues(s: &Store, spec: &ImportSpec) -> Vec<(usize, String, String, Problem)> {
    let p = s.preview_import(spec).unwrap();
    p.rows
        .iter()
        .flat_map(|r| r.issues.iter())
        .map(|CellIssue { row, column, header, problem, .. }| (*row, column.clone(), header.clone(), problem.clone()))
        .collect()
}

fn pseudo_random(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x9E37_79B9;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

// --- not a spreadsheet, renamed, damaged, encrypted ---------------------------------------------

#[test]
fn random_bytes_an_empty_file_a_web_page_and_a_document_named_xlsx_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("客户名单.xlsx");
    std::fs::write(&path, pseudo_random(10_000)).unwrap();
    refused(&customers(&path), ReadError::UnknownFormat { file: "客户名单.xlsx".into() });

    std::fs::write(&path, b"").unwrap();
    refused(&customers(&path), ReadError::UnknownFormat { file: "客户名单.xlsx".into() });

    // What some web systems export as "Excel": an HTML table.
    let page = dir.path().join("导出.xls");
    std::fs::write(
        &page,
        "<html><body><table><tr><td>客户名称</td></tr><tr><td>华东精密</td></tr></table></body></html>",
    )
    .unwrap();
    refused(&customers(&page), ReadError::UnknownFormat { file: "导出.xls".into() });

    // A zip package that is not a workbook (a Word document renamed).
    let doc = dir.path().join("合同.xlsx");
    write_zip(&doc, &[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")]);
    refused(&customers(&doc), ReadError::UnknownFormat { file: "合同.xlsx".into() });
}

#[test]
fn a_truncated_workbook_is_unreadable_with_the_parsers_reason() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("customers.xlsx")).unwrap();
    let path = dir.path().join("半截.xlsx");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let (_d, s) = store();
    match s.import_file(&customers(&path), &mut |_, _| true) {
        Err(CoreError::Unreadable { error: ReadError::Unreadable { file, reason } }) => {
            assert_eq!(file, "半截.xlsx");
            assert!(!reason.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.stats().unwrap().customers, 0);
    assert!(s.import_history().unwrap().is_empty());
}

#[test]
fn a_damaged_xlsb_that_makes_the_parser_panic_is_unreadable() {
    // Without xl/_rels/workbook.bin.rels calamine indexes a missing relationship and panics;
    // the reader turns that into a typed error.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏.xlsb");
    let mut source = zip::ZipArchive::new(std::fs::File::open(fixture("customers.xlsb")).unwrap()).unwrap();
    let mut entries = Vec::new();
    for i in 0..source.len() {
        let mut f = source.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if name != "xl/_rels/workbook.bin.rels" {
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut data).unwrap();
            entries.push((name, data));
        }
    }
    let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    write_zip(&path, &entries);
    match read_sheet(&path, None, None) {
        Err(ReadError::Unreadable { file, reason }) => {
            assert_eq!(file, "坏.xlsb");
            assert!(reason.starts_with("damaged file"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_csv_renamed_xlsx_and_an_xlsx_renamed_xls_are_read_as_what_they_are() {
    // Decision: the bytes say what a file is, so a renamed file imports as if it had its right
    // name (the user gets their data rather than a riddle about extensions).
    let dir = tempfile::tempdir().unwrap();
    for (source, renamed, sheet) in [
        ("customers-utf8.csv", "客户.xlsx", "客户.xlsx"),
        ("customers-gbk.csv", "客户.xls", "客户.xls"),
        ("customers.xlsx", "客户清单.xls", "客户清单"),
        ("customers.xls", "客户清单2.xlsx", "客户清单"),
        ("customers.xlsx", "客户清单.csv", "客户清单"),
    ] {
        let path = dir.path().join(renamed);
        std::fs::copy(fixture(source), &path).unwrap();
        let (_d, s) = store();
        let p = s.preview_import(&customers(&path)).unwrap();
        assert_eq!((p.sheet.as_str(), p.counts.new, p.counts.error), (sheet, 3, 0), "{source} as {renamed}");
        assert_eq!(p.rows[0].title, "华东精密机械股份有限公司 · 王芳", "{source} as {renamed}");
    }
}

#[test]
fn a_password_protected_workbook_is_refused_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["加密.xlsx", "加密.xls", "加密.csv"] {
        let path = dir.path().join(name);
        std::fs::copy(fixture("encrypted.xlsx"), &path).unwrap();
        refused(&customers(&path), ReadError::Encrypted { file: name.into() });
    }
}

// --- empty, header only, too many rows, lying dimension -----------------------------------------

#[test]
fn an_empty_sheet_and_a_header_only_sheet_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("空.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet().set_name("客户").unwrap();
    book.save(&empty).unwrap();
    refused(&customers(&empty), ReadError::Empty { file: "空.xlsx".into() });

    let header_only = dir.path().join("只有表头.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("客户").unwrap();
    for (c, h) in ["客户名称", "行业", "联系人"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    book.save(&header_only).unwrap();
    let want = ReadError::HeaderOnly { file: "只有表头.xlsx".into(), sheet: "客户".into() };
    refused(&customers(&header_only), want.clone());
    let named = spec_with(&header_only, ImportKind::Customers, serde_json::json!({ "sheet": "客户" }));
    refused(&named, want);

    // A header-only first sheet is skipped when another sheet has data.
    let two = dir.path().join("两个表.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet().set_name("模板").unwrap().write_string(0, 0, "客户名称").unwrap();
    let data = book.add_worksheet().set_name("客户").unwrap();
    data.write_string(0, 0, "客户名称").unwrap();
    data.write_string(1, 0, "华东精密").unwrap();
    book.save(&two).unwrap();
    assert_eq!(read_sheet(&two, None, None).unwrap().name, "客户");
}

#[test]
fn a_million_rows_are_refused_at_the_row_limit_quickly_and_in_bounded_memory() {
    // Excel's maximum sheet, one small column, streamed to disk while written.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("百万行.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().unwrap();
    sheet.set_name("客户").unwrap();
    sheet.write_string(0, 0, "客户名称").unwrap();
    for r in 1..1_048_576u32 {
        sheet.write_number(r, 0, r as f64).unwrap();
    }
    book.save(&path).unwrap();

    let started = Instant::now();
    let want = ReadError::TooLarge {
        file: "百万行.xlsx".into(),
        sheet: "客户".into(),
        what: "rows".into(),
        limit: MAX_ROWS as u64,
    };
    refused(&customers(&path), want);
    let took = started.elapsed();
    eprintln!("1,048,576 rows refused three times in {took:?}");
    assert!(took < Duration::from_secs(60), "refused after {took:?} (three reads)");
    assert!(peak_rss_mb() < 1_500, "peak memory {} MB", peak_rss_mb());

    // The same as text.
    let csv = dir.path().join("百万行.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(out, "客户名称").unwrap();
    for r in 1..1_048_576u32 {
        writeln!(out, "客户{r}").unwrap();
    }
    out.flush().unwrap();
    drop(out);
    let want = ReadError::TooLarge {
        file: "百万行.csv".into(),
        sheet: "百万行.csv".into(),
        what: "rows".into(),
        limit: MAX_ROWS as u64,
    };
    assert_eq!(read_sheet(&csv, None, None), Err(want));
}

#[test]
fn a_sheet_right_at_the_row_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("二十万行.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "客户名称").unwrap();
    for r in 1..MAX_ROWS {
        writeln!(out, "{r}").unwrap();
    }
    out.flush().unwrap();
    drop(out);
    assert_eq!(read_sheet(&path, None, None).unwrap().rows.len(), MAX_ROWS as usize);
}

#[test]
fn a_dimension_claiming_the_whole_grid_reads_only_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("大范围.xlsx");
    let data =
        [row(1, &[s("A1", "客户名称"), s("B1", "行业")]), row(2, &[s("A2", "华东精密"), s("B2", "装备制造")])].concat();
    write_xlsx(&path, &xlsx_parts(&data, "A1:XFD1048576", "", &[]));
    let sheet = read_sheet(&path, None, None).unwrap();
    assert_eq!((sheet.rows.len(), sheet.rows[1].len()), (2, 2));
}

#[test]
fn a_sheet_past_the_column_limit_names_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("宽.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "客户名称").unwrap();
    sheet.write_string(1, 0, "华东精密").unwrap();
    sheet.write_string(1, 16_000, "far away").unwrap();
    book.save(&path).unwrap();
    refused(
        &customers(&path),
        ReadError::TooLarge { file: "宽.xlsx".into(), sheet: "Sheet1".into(), what: "columns".into(), limit: 1_000 },
    );
}

// --- zip bombs ------------------------------------------------------------------------------------

#[test]
fn a_zip_bomb_sheet_stops_at_the_cell_limit_quickly() {
    // 200 MB of sheet XML (rows of 30 cells) deflated to well under a megabyte, written as a
    // stream. The reader must stop after MAX_CELLS cells, long before the end.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("炸弹.xlsx");
    let parts = xlsx_parts("", "A1", "", &[]);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for (name, data) in &parts {
        zip.start_file(*name, options).unwrap();
        if *name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(data.clone()).unwrap();
            let (head, tail) = xml.split_once("<sheetData></sheetData>").unwrap();
            zip.write_all(head.as_bytes()).unwrap();
            zip.write_all(b"<sheetData>").unwrap();
            let row = format!("<row>{}</row>", "<c><v>1</v></c>".repeat(30));
            let chunk = row.repeat(1_000);
            let mut written = 0;
            while written < 200 << 20 {
                zip.write_all(chunk.as_bytes()).unwrap();
                written += chunk.len();
            }
            zip.write_all(b"</sheetData>").unwrap();
            zip.write_all(tail.as_bytes()).unwrap();
        } else {
            zip.write_all(data).unwrap();
        }
    }
    zip.finish().unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size < 1 << 20, "the bomb is {size} bytes");

    let started = Instant::now();
    let got = read_sheet(&path, None, None);
    let took = started.elapsed();
    eprintln!("zip bomb ({size} bytes) refused after {took:?}");
    assert_eq!(
        got,
        Err(ReadError::TooLarge {
            file: "炸弹.xlsx".into(),
            sheet: "客户".into(),
            what: "cells".into(),
            limit: MAX_CELLS as u64
        })
    );
    assert!(took < Duration::from_secs(60), "stopped after {took:?}");
    assert!(peak_rss_mb() < 1_500, "peak memory {} MB", peak_rss_mb());
}

#[test]
fn a_part_declaring_gigabytes_is_refused_before_anything_is_inflated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("谎报.xlsx");
    let data = [row(1, &[s("A1", "客户名称")]), row(2, &[s("A2", "华东精密")])].concat();
    write_xlsx(&path, &xlsx_parts(&data, "A1:A2", "", &[]));
    // Patch the central directory: the sheet now declares 4,026,531,840 bytes uncompressed.
    let mut bytes = std::fs::read(&path).unwrap();
    let name = b"xl/worksheets/sheet1.xml";
    let at = (46..bytes.len() - name.len())
        .find(|&i| &bytes[i..i + name.len()] == name && bytes[i - 46..i - 42] == *b"PK\x01\x02")
        .expect("central directory entry");
    bytes[at - 46 + 24..at - 46 + 28].copy_from_slice(&0xF000_0000u32.to_le_bytes());
    std::fs::write(&path, bytes).unwrap();
    let want = ReadError::TooLarge {
        file: "谎报.xlsx".into(),
        sheet: "xl/worksheets/sheet1.xml".into(),
        what: "bytes".into(),
        limit: MAX_PART_BYTES,
    };
    refused(&customers(&path), want);
}

#[test]
fn one_long_shared_string_repeated_is_stopped_by_the_text_limit() {
    // 5,000 cells referencing one 100,000-character shared string would be 500 MB of text.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("重复.xlsx");
    let long = "x".repeat(100_000);
    let cells: String = (1..=5_000).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect();
    write_xlsx(&path, &xlsx_parts(&cells, "A1:A5000", "", &[&long]));
    assert_eq!(
        read_sheet(&path, None, None),
        Err(ReadError::TooLarge {
            file: "重复.xlsx".into(),
            sheet: "客户".into(),
            what: "bytes".into(),
            limit: MAX_TEXT_BYTES
        })
    );
}

/// A deflate stream of `pieces` concatenated, each compressed on its own (no reference reaches
/// back into an earlier piece), so one compressed piece can be repeated: `(bytes, times)`.
/// Repeating a compressed megabyte costs nothing, where deflating 500 MB would take most of
/// a minute in a debug build.
fn deflate_repeated(pieces: &[(&[u8], usize)]) -> (Vec<u8>, u32, u64) {
    use flate2::{write::DeflateEncoder, Compression, Crc};
    let mut out = Vec::new();
    let mut crc = Crc::new();
    for (i, (piece, times)) in pieces.iter().enumerate() {
        let mut enc = DeflateEncoder::new(Vec::new(), Compression::best());
        enc.write_all(piece).unwrap();
        let compressed = if i + 1 == pieces.len() {
            enc.finish().unwrap()
        } else {
            enc.flush().unwrap(); // a sync flush: byte-aligned, not the final block
            enc.get_ref().clone()
        };
        for _ in 0..*times {
            out.extend_from_slice(&compressed);
            crc.update(piece);
        }
    }
    (out, crc.sum(), crc.amount() as u64)
}

/// A zip package written by hand: `(name, method, crc, uncompressed size, data)` per entry
/// (method 0 stored, 8 deflated; `data` as it goes into the file).
fn write_raw_zip(path: &std::path::Path, entries: &[(&str, u16, u32, u64, Vec<u8>)]) {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, method, crc, size, data) in entries {
        let offset = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&method.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // time
            v.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&u32::try_from(*size).unwrap().to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        };
        out.extend_from_slice(b"PK\x03\x04");
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        fields(&mut central);
        central.extend_from_slice(&[0; 8]); // comment length, disk, internal and external attributes
        central.extend_from_slice(&[0; 2]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

/// A one-sheet workbook whose `xl/sharedStrings.xml` is `sst_open`, then `si` `times` times,
/// then `</sst>`, deflated.
fn workbook_with_shared_strings(path: &std::path::Path, sst_open: &str, si: &str, times: usize) {
    let data = [row(1, &[s("A1", "客户名称")]), row(2, &[s("A2", "华东精密")])].concat();
    let mut entries: Vec<(&str, u16, u32, u64, Vec<u8>)> = xlsx_parts(&data, "A1:A2", "", &[])
        .into_iter()
        .filter(|(name, _)| *name != "xl/sharedStrings.xml")
        .map(|(name, bytes)| {
            let mut crc = flate2::Crc::new();
            crc.update(&bytes);
            (name, 0, crc.sum(), bytes.len() as u64, bytes)
        })
        .collect();
    // A megabyte of strings per repeated piece.
    let per_piece = (1 << 20) / si.len();
    let piece = si.repeat(per_piece);
    let (pieces, rest) = (times / per_piece, si.repeat(times % per_piece));
    let (deflated, crc, size) =
        deflate_repeated(&[(sst_open.as_bytes(), 1), (piece.as_bytes(), pieces), (rest.as_bytes(), 1), (b"</sst>", 1)]);
    entries.push(("xl/sharedStrings.xml", 8, crc, size, deflated));
    write_raw_zip(path, &entries);
}

const SST: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

#[test]
fn shared_strings_that_would_take_gigabytes_of_memory_are_refused_before_loading() {
    // 30 million one-letter strings: 500 MB of XML, within the part limit, deflated to a few
    // MB. Loaded as calamine loads shared strings (all at once, before any sheet), they would
    // take about 1.5 GB.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("共享字符串.xlsx");
    let si = "<si><t>a</t></si>";
    workbook_with_shared_strings(&path, SST, si, 30_000_000);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size < 8 << 20, "the bomb is {size} bytes");
    let started = Instant::now();
    let want = ReadError::TooLarge {
        file: "共享字符串.xlsx".into(),
        sheet: "xl/sharedStrings.xml".into(),
        what: "cells".into(),
        limit: MAX_CELLS as u64,
    };
    refused(&customers(&path), want);
    eprintln!("30M shared strings ({size} bytes) refused three times in {:?}", started.elapsed());
    assert!(peak_rss_mb() < 1_500, "peak memory {} MB", peak_rss_mb());

    // One string of 300 MB: within the part limit, past the text a sheet may hold.
    let long = dir.path().join("长字符串.xlsx");
    let open = format!("{SST}<si><t>");
    workbook_with_shared_strings(&long, &open, "x", 300 << 20);
    let want = ReadError::TooLarge {
        file: "长字符串.xlsx".into(),
        sheet: "xl/sharedStrings.xml".into(),
        what: "bytes".into(),
        limit: MAX_TEXT_BYTES,
    };
    assert_eq!(read_sheet(&long, None, None), Err(want));

    // A few bytes claiming four billion strings: calamine reserves room for what is claimed,
    // and failing to allocate 96 GB ends the process (no panic to catch).
    let claims = dir.path().join("谎报数量.xlsx");
    let open = SST.replace("<sst ", r#"<sst uniqueCount="4000000000" "#);
    workbook_with_shared_strings(&claims, &open, si, 1);
    let want = ReadError::TooLarge {
        file: "谎报数量.xlsx".into(),
        sheet: "xl/sharedStrings.xml".into(),
        what: "cells".into(),
        limit: MAX_CELLS as u64,
    };
    refused(&customers(&claims), want);

    // The same package with an honest count imports.
    let honest = dir.path().join("正常.xlsx");
    workbook_with_shared_strings(&honest, &SST.replace("<sst ", r#"<sst uniqueCount="1" "#), si, 1);
    assert_eq!(
        read_sheet(&honest, None, None).unwrap().rows[1],
        vec![dossier_core::import::values::Cell::Text("华东精密".into())]
    );
}

#[test]
fn an_ods_whose_repeats_expand_past_the_cell_limit_is_refused_before_loading() {
    // 6,000 rows of one cell repeated across 1,000 columns: 6 million cells from 2 KB.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("重复.ods");
    let rows = r#"<table:table-row><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row>"#.repeat(6_000);
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="客户">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("content.xml", stored.compression_method(zip::CompressionMethod::Deflated)).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    let started = Instant::now();
    let want = ReadError::TooLarge {
        file: "重复.ods".into(),
        sheet: "客户".into(),
        what: "cells".into(),
        limit: MAX_CELLS as u64,
    };
    refused(&customers(&path), want);
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
}

// --- text encodings -----------------------------------------------------------------------------

#[test]
fn a_utf8_csv_with_gbk_lines_reads_every_line_and_flags_what_no_encoding_decodes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("混合.csv");
    let mut bytes = "客户名称,行业,联系人\n华东精密,装备制造,王芳\n".as_bytes().to_vec();
    bytes.extend_from_slice(&encoding_rs::GBK.encode("长江汽配,汽车零部件,李四\n").0);
    bytes.extend_from_slice(b"\xFF\xFE\xFD\xFC,\xE5\x8C\x96\xE5,\xC0\n"); // neither UTF-8 nor GB18030
    bytes.extend_from_slice("蓝海食品,食品饮料,张三\n".as_bytes());
    std::fs::write(&path, &bytes).unwrap();

    let (dir_db, s) = store();
    let spec = customers(&path);
    let p = s.preview_import(&spec).unwrap();
    let titles: Vec<(&str, RowStatus)> = p.rows.iter().map(|r| (r.title.as_str(), r.status)).collect();
    assert_eq!(titles[0], ("华东精密 · 王芳", RowStatus::New));
    assert_eq!(titles[1], ("长江汽配 · 李四", RowStatus::New), "the GBK line is read as GBK");
    assert_eq!(titles[3], ("蓝海食品 · 张三", RowStatus::New));
    assert_eq!(p.rows[2].status, RowStatus::Error);
    let bad: Vec<(usize, String, String)> =
        p.rows[2].issues.iter().map(|i| (i.row, i.column.clone(), i.header.clone())).collect();
    assert_eq!(bad[0], (4, "A".into(), "客户名称".into()));
    assert!(
        matches!(&p.rows[2].issues[0].problem, Problem::Value { value: ValueError::Undecodable(t) } if t.contains('\u{FFFD}'))
    );
    let rec = s.import_file(&spec, &mut |_, _| true).unwrap();
    assert_eq!((rec.created, rec.errors), (3, 1));
    let _ = dir_db;

    // Choosing UTF-8 for the whole file: the GBK line's cells are flagged, not imported garbled.
    let forced = spec_with(&path, ImportKind::Customers, serde_json::json!({ "encoding": "utf8" }));
    let (_d2, s2) = store();
    let flagged: Vec<(usize, String)> = issues(&s2, &forced).into_iter().map(|(r, c, _, _)| (r, c)).collect();
    assert_eq!(&flagged[..3], &[(3, "A".to_string()), (3, "B".into()), (3, "C".into())]);
}

// --- formulas, error cells ----------------------------------------------------------------------

#[test]
fn formulas_nobody_calculated_are_per_cell_problems_not_names() {
    let dir = tempfile::tempdir().unwrap();
    // rust_xlsxwriter cannot calculate: it stores 0 and asks Excel to recalculate on opening.
    let path = dir.path().join("公式.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "客户名称").unwrap();
    sheet.write_string(0, 1, "员工人数").unwrap();
    sheet.write_string(1, 0, "华东精密").unwrap();
    sheet.write_formula(1, 1, "=SUM(C2:D2)").unwrap();
    sheet.write_formula(2, 0, "=A2&\"分公司\"").unwrap();
    sheet.write_number(2, 1, 30).unwrap();
    book.save(&path).unwrap();
    let (d, s) = store();
    assert_eq!(
        issues(&s, &customers(&path)),
        vec![
            (2, "B".into(), "员工人数".into(), Problem::Value { value: ValueError::Formula("=SUM(C2:D2)".into()) }),
            (3, "A".into(), "客户名称".into(), Problem::Value { value: ValueError::Formula("=A2&\"分公司\"".into()) }),
        ]
    );
    let before = snapshot(&s, d.path());
    let rec = s.import_file(&customers(&path), &mut |_, _| true).unwrap();
    assert_eq!((rec.created, rec.errors), (0, 2));
    assert_eq!(s.stats().unwrap(), before.stats, "no customer named \"0\" or \"=A2&…\"");

    // A formula without any stored value (`<f>` without `<v>`, as openpyxl writes) in a
    // workbook Excel saved: the same problem; the Excel-calculated value beside it is used.
    let path = dir.path().join("未计算.xlsx");
    let data = [
        row(1, &[s_("A1", "客户名称"), s_("B1", "员工人数")]),
        row(2, &[s_("A2", "华东精密"), r#"<c r="B2"><f>SUM(C2:D2)</f></c>"#.into()]),
        row(3, &[s_("A3", "长江汽配"), r#"<c r="B3"><f>SUM(C3:D3)</f><v>350</v></c>"#.into()]),
    ]
    .concat();
    write_xlsx(&path, &xlsx_parts(&data, "A1:B3", r#"<calcPr calcId="191029"/>"#, &[]));
    let (_d, s) = store();
    assert_eq!(
        issues(&s, &customers(&path)),
        vec![(2, "B".into(), "员工人数".into(), Problem::Value { value: ValueError::Formula("=SUM(C2:D2)".into()) })]
    );
    s.import_file(&customers(&path), &mut |_, _| true).unwrap();
    let id = s.search("长江汽配", 1).unwrap().customers[0].id;
    assert_eq!(s.profile(id).unwrap().customer.fields.headcount, Some(350));

    // In a CSV, "=SUM(…)" is a formula Excel would calculate: the same problem.
    let csv = dir.path().join("公式.csv");
    std::fs::write(&csv, "客户名称,行业\n=HYPERLINK(\"http://x\"),制造\n华东精密,制造\n").unwrap();
    let (_d, s) = store();
    assert_eq!(
        issues(&s, &customers(&csv)),
        vec![(
            2,
            "A".into(),
            "客户名称".into(),
            Problem::Value { value: ValueError::Formula("=HYPERLINK(\"http://x\")".into()) }
        )]
    );
}

fn s_(r: &str, text: &str) -> String {
    import_support::s(r, text)
}

#[test]
fn error_cells_are_per_cell_problems_with_their_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("错误值.xlsx");
    let data = [
        row(1, &[s_("A1", "客户名称"), s_("B1", "成立日期"), s_("C1", "员工人数")]),
        row(
            2,
            &[s_("A2", "华东精密"), r#"<c r="B2" t="e"><v>#N/A</v></c>"#.into(), r#"<c r="C2"><v>1200</v></c>"#.into()],
        ),
        row(
            3,
            &[s_("A3", "长江汽配"), s_("B3", "2008年6月"), r#"<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#.into()],
        ),
        row(4, &[r#"<c r="A4" t="e"><v>#REF!</v></c>"#.into(), s_("B4", "2001")]),
    ]
    .concat();
    write_xlsx(&path, &xlsx_parts(&data, "A1:C4", r#"<calcPr calcId="191029"/>"#, &[]));
    let (_d, s) = store();
    assert_eq!(
        issues(&s, &customers(&path)),
        vec![
            (2, "B".into(), "成立日期".into(), Problem::Value { value: ValueError::ErrorCell("#N/A".into()) }),
            (3, "C".into(), "员工人数".into(), Problem::Value { value: ValueError::ErrorCell("#DIV/0!".into()) }),
            (4, "A".into(), "客户名称".into(), Problem::Value { value: ValueError::ErrorCell("#REF!".into()) }),
        ]
    );
}

// --- headers and long cells ---------------------------------------------------------------------

#[test]
fn two_columns_named_the_same_map_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("重复表头.csv");
    std::fs::write(&path, "客户名称,行业,客户名称,联系人\n华东精密,装备制造,华东精密机械股份有限公司,王芳\n").unwrap();
    let file = inspect(&customers(&path)).unwrap();
    assert_eq!(file.mapping, vec![Some(Field::CustomerName), Some(Field::Industry), None, Some(Field::ContactName)]);
    let (_d, s) = store();
    let p = s.preview_import(&customers(&path)).unwrap();
    assert_eq!(p.rows[0].title, "华东精密 · 王芳", "the first 客户名称 column is the name");
}

#[test]
fn a_ten_thousand_character_name_is_refused_per_cell_and_a_long_address_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("长.xlsx");
    let long_name = "华".repeat(10_000);
    let long_address = "苏州工业园区星湖街".repeat(1_112)[..10_000 * 3].to_string();
    assert_eq!(long_address.chars().count(), 10_000);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["客户名称", "地址"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, &long_name).unwrap();
    sheet.write_string(2, 0, "华东精密").unwrap();
    sheet.write_string(2, 1, &long_address).unwrap();
    book.save(&path).unwrap();
    let (_d, s) = store();
    assert_eq!(
        issues(&s, &customers(&path)),
        vec![(2, "A".into(), "客户名称".into(), Problem::Invalid { reason: Reason::TooLong, detail: "200".into() })]
    );
    let rec = s.import_file(&customers(&path), &mut |_, _| true).unwrap();
    assert_eq!((rec.created, rec.errors), (1, 1));
    let id = s.search("华东精密", 1).unwrap().customers[0].id;
    assert_eq!(s.profile(id).unwrap().customer.fields.headquarters, long_address);
}
