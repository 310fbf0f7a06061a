//! Every format Dossier imports, end to end (docs/import.md): the same small Chinese
//! customer list as .xlsx, .xlsm, 1904-epoch .xlsx, .xls, .xlsb, .ods, and as text in UTF-8,
//! UTF-8 with BOM, GBK and GB18030 (tests/fixtures, see its README.md) imports to the same
//! customers and contacts — dates as date cells or as text, a count written 1.2万, phones as
//! numbers, with leading zeros or in full-width digits, full-width brackets and letters.
//! Amounts as people type them go through a purchase import.
//!
//! Cell parsing itself (every date form, amounts, percentages, serials of both epochs) is
//! unit-tested in `src/import/values.rs`; percentages have no import column yet.

use crate::common;
use crate::import_support;

use common::store;
use dossier_core::customers::CustomerQuery;
use dossier_core::import::plan::{ImportKind, Problem, RowStatus};
use dossier_core::import::read::read_sheet;
use dossier_core::import::values::{Cell, ValueError};
use dossier_core::Store;
use import_support::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// What the fixtures' list is once imported, one line per customer with its contact.
const EXPECTED: [&str; 3] = [
    "华东精密机械股份有限公司|华东精密|装备制造|江苏苏州|A|2019-03-05|1200|王芳|13800138000|wangfang@hdjm.cn",
    "蓝海食品(集团)有限公司|LH食品|食品饮料|广东广州|C|1998-11-20|12000|张三|02088886666|zhangsan@lanhai.com.cn",
    "长江汽配有限公司|长江汽配|汽车零部件|湖北武汉|B|2008-06|350|李四|0512-66668888|lisi@cjqp.com",
];

const FIXTURES: [&str; 10] = [
    "customers.xlsx",
    "customers.xlsm",
    "customers-1904.xlsx",
    "customers.xls",
    "customers.xlsb",
    "customers.ods",
    "customers-utf8.csv",
    "customers-utf8-bom.csv",
    "customers-gbk.csv",
    "customers-gb18030.txt",
];

/// The store's customers as `EXPECTED` lines, sorted.
fn customer_lines(s: &Store) -> Vec<String> {
    let mut lines: Vec<String> = s
        .list_customers(&CustomerQuery::default())
        .unwrap()
        .rows
        .iter()
        .map(|row| {
            let p = s.profile(row.id).unwrap();
            let f = &p.customer.fields;
            let c = &p.contacts[0].fields;
            let grade = f.grade.map(|g| format!("{g:?}")).unwrap_or_default();
            let headcount = f.headcount.map(|n| n.to_string()).unwrap_or_default();
            format!(
                "{}|{}|{}|{}|{grade}|{}|{headcount}|{}|{}|{}",
                f.name, f.short_name, f.industry, f.region, f.founded, c.name, c.phone, c.email
            )
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn every_format_imports_the_same_customer_list() {
    for name in FIXTURES {
        let (_d, s) = store();
        let spec = spec(&fixture(name), ImportKind::Customers);
        let preview = s.preview_import(&spec).unwrap();
        assert_eq!(
            (preview.header_row, preview.counts.new, preview.counts.error),
            (1, 3, 0),
            "{name}: {:?}",
            preview.rows
        );
        let record = s.import_file(&spec, &mut |_, _| true).unwrap();
        assert_eq!((record.created, record.errors), (3, 0), "{name}");
        assert_eq!(customer_lines(&s), EXPECTED, "{name}");
        let expected_sheet = if name.ends_with(".csv") || name.ends_with(".txt") { name } else { "客户清单" };
        assert_eq!(record.sheet, expected_sheet, "{name}");
    }
}

#[test]
fn gbk_text_with_the_encoding_chosen_right_and_wrong() {
    let path = fixture("customers-gbk.csv");
    let (_d, s) = store();
    let chosen = spec_with(&path, ImportKind::Customers, serde_json::json!({ "encoding": "gb18030" }));
    s.import_file(&chosen, &mut |_, _| true).unwrap();
    assert_eq!(customer_lines(&s), EXPECTED);

    // Chosen wrong (UTF-8), with the columns mapped by hand since the headers are garbled too:
    // every Chinese cell is refused as undecodable rather than imported as mojibake.
    let mapping = serde_json::json!([
        "customer_name",
        "short_name",
        "industry",
        "region",
        "grade",
        "founded",
        "headcount",
        "contact_name",
        "phone",
        "email"
    ]);
    let wrong = spec_with(
        &path,
        ImportKind::Customers,
        serde_json::json!({ "encoding": "utf8", "headerRow": 1, "mapping": mapping }),
    );
    let (_d, s) = store();
    let p = s.preview_import(&wrong).unwrap();
    assert!(p.rows.iter().all(|r| r.status == RowStatus::Error), "{:?}", p.rows);
    let first = &p.rows[0].issues[0];
    assert_eq!((first.row, first.column.as_str()), (2, "A"));
    assert!(
        matches!(&first.problem, Problem::Value { value: ValueError::Undecodable(t) } if t.contains('\u{FFFD}')),
        "{first:?}"
    );
    let rec = s.import_file(&wrong, &mut |_, _| true).unwrap();
    assert_eq!((rec.created, rec.errors), (0, 3));
    assert_eq!(s.stats().unwrap().customers, 0);
}

#[test]
fn characters_only_gb18030_has_are_read_from_text_files() {
    // 𠀀 (U+20000) is a four-byte GB18030 sequence, € a two-byte one GBK lacks.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名单.csv");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode("客户名称,联系人\n欧元€贸易有限公司,王𠀀\n");
    assert!(!unmappable);
    std::fs::write(&path, &bytes).unwrap();
    let sheet = read_sheet(&path, None, None).unwrap();
    assert_eq!(sheet.rows[1], vec![Cell::Text("欧元€贸易有限公司".into()), Cell::Text("王𠀀".into())]);
}

#[test]
fn the_1904_workbook_counts_from_1904_and_reads_the_same_days() {
    let path = fixture("customers-1904.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook).unwrap();
    assert!(workbook.contains(r#"date1904="1""#), "{workbook}");
    let mut sheet_xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet_xml).unwrap();
    assert!(sheet_xml.contains("<v>42067</v>"), "2019-03-05 is stored as 42067 (1904 epoch)");

    // Read as the 1900-epoch serial of the same day (43529), whatever the file's epoch.
    let sheet = read_sheet(&path, None, None).unwrap();
    assert_eq!(sheet.rows[1][5], Cell::Date(43529.0));
    assert_eq!(read_sheet(&fixture("customers.xlsx"), None, None).unwrap().rows[1][5], Cell::Date(43529.0));
}

#[test]
fn purchases_with_amounts_and_months_as_people_type_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("采购.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["客户名称", "月份", "产品", "金额"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let rows: [(&str, &str, &str); 5] = [
        ("2024-03", "伺服电机", "1,234.5"),
        ("2024年4月", "伺服电机", "¥80,000"),
        ("", "控制柜", "1.2万"),
        ("2024.6", "生产线", "3亿"),
        ("2024/7", "备件", "USD 1,200"),
    ];
    for (i, (month, product, amount)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, "华东精密").unwrap();
        if month.is_empty() {
            sheet.write_datetime_with_format(r, 1, ExcelDateTime::from_ymd(2024, 5, 20).unwrap(), &date).unwrap();
        } else {
            sheet.write_string(r, 1, *month).unwrap();
        }
        sheet.write_string(r, 2, *product).unwrap();
        sheet.write_string(r, 3, *amount).unwrap();
    }
    sheet.write_string(6, 0, "华东精密").unwrap();
    sheet.write_string(6, 1, "2024-08").unwrap();
    sheet.write_string(6, 2, "服务").unwrap();
    sheet.write_number(6, 3, 5000.0).unwrap();
    book.save(&path).unwrap();

    let (_d, s) = store();
    s.create_customer(&common::named("华东精密")).unwrap();
    let rec = s.import_file(&spec(&path, ImportKind::Purchases), &mut |_, _| true).unwrap();
    assert_eq!((rec.created, rec.errors), (6, 0));
    let stored: Vec<(String, String, String, f64, String)> = s
        .connection()
        .prepare("SELECT month, day, product, amount, currency FROM purchase ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let want = [
        ("2024-03", "", "伺服电机", 1234.5, "CNY"),
        ("2024-04", "", "伺服电机", 80_000.0, "CNY"),
        ("2024-05", "2024-05-20", "控制柜", 12_000.0, "CNY"),
        ("2024-06", "", "生产线", 300_000_000.0, "CNY"),
        ("2024-07", "", "备件", 1_200.0, "USD"),
        ("2024-08", "", "服务", 5_000.0, "CNY"),
    ];
    let want: Vec<(String, String, String, f64, String)> =
        want.iter().map(|(m, d, p, a, c)| (m.to_string(), d.to_string(), p.to_string(), *a, c.to_string())).collect();
    assert_eq!(stored, want);
}
