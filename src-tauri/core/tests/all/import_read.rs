//! Reading real .xlsx files the way account managers keep them: a title block above the
//! header, dates as Excel dates and as text, phone numbers as numbers and as text.

use dossier_core::error::ReadError;
use dossier_core::import::mapping::{detect_header_row, suggest, Field};
use dossier_core::import::read::{read_sheet, sheet_names};
use dossier_core::import::values::{amount, date, text, Epoch};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn messy_customer_list(path: &std::path::Path) {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("客户清单").unwrap();
    let title = Format::new().set_bold();
    sheet.merge_range(0, 0, 0, 5, "2025年华东区重点客户名单", &title).unwrap();
    sheet.write_string(1, 0, "制表人：张伟").unwrap();
    for (c, h) in ["序号", "公司名称", "成立日期", "手机号码", "年采购额", "备注"].iter().enumerate()
    {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let d = ExcelDateTime::from_ymd(2019, 3, 5).unwrap();
    sheet.write_number(4, 0, 1).unwrap();
    sheet.write_string(4, 1, "华东精密机械股份有限公司").unwrap();
    sheet.write_datetime_with_format(4, 2, &d, &date_format).unwrap();
    sheet.write_number(4, 3, 13800138000.0).unwrap();
    sheet.write_string(4, 4, "1.2万").unwrap();
    sheet.write_number(5, 0, 2).unwrap();
    sheet.write_string(5, 1, "长江汽配").unwrap();
    sheet.write_string(5, 2, "2008年6月").unwrap();
    sheet.write_string(5, 3, "0512-66668888").unwrap();
    sheet.write_string(5, 4, "¥80,000").unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_messy_workbook_reads_into_mapped_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("客户名单.xlsx");
    messy_customer_list(&path);
    assert_eq!(sheet_names(&path).unwrap(), vec!["说明".to_string(), "客户清单".into()]);

    // The empty first sheet is skipped: the default is the first sheet with data.
    let sheet = read_sheet(&path, None, None).unwrap();
    assert_eq!(sheet.name, "客户清单");
    let allowed = [Field::CustomerName, Field::Founded, Field::Phone, Field::Industry];
    let header = detect_header_row(&sheet.rows, &allowed).unwrap();
    assert_eq!(header, 3, "the header is found below the title block");
    let headers: Vec<String> = sheet.rows[header].iter().map(|c| text(c, Epoch::E1900).unwrap()).collect();
    assert_eq!(
        suggest(&headers, &allowed),
        vec![None, Some(Field::CustomerName), Some(Field::Founded), Some(Field::Phone), None, None]
    );

    let first = &sheet.rows[4];
    assert_eq!(date(&first[2], Epoch::E1900), Ok(Some("2019-03-05".into())), "an Excel date cell");
    assert_eq!(text(&first[3], Epoch::E1900), Ok("13800138000".into()), "a phone stored as a number");
    assert_eq!(amount(&first[4]), Ok(Some(12_000.0)));
    let second = &sheet.rows[5];
    assert_eq!(date(&second[2], Epoch::E1900), Ok(Some("2008-06".into())), "a date typed as text");
    assert_eq!(text(&second[3], Epoch::E1900), Ok("0512-66668888".into()), "leading zero kept");
    assert_eq!(amount(&second[4]), Ok(Some(80_000.0)));
}

#[test]
fn asking_for_a_missing_sheet_names_the_ones_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.xlsx");
    messy_customer_list(&path);
    match read_sheet(&path, Some("Sheet1"), None) {
        Err(ReadError::NoSuchSheet { file, sheet, available }) => {
            assert_eq!((file.as_str(), sheet.as_str()), ("list.xlsx", "Sheet1"));
            assert_eq!(available, vec!["说明".to_string(), "客户清单".into()]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(read_sheet(&path, Some("说明"), None), Err(ReadError::Empty { .. })));
}

#[test]
fn a_sheet_past_the_column_limit_is_refused_without_loading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "客户名称").unwrap();
    sheet.write_string(0, 16_000, "far away").unwrap();
    book.save(&path).unwrap();
    match read_sheet(&path, None, None) {
        Err(ReadError::TooLarge { what, .. }) => assert_eq!(what, "columns"),
        other => panic!("{other:?}"),
    }
}
