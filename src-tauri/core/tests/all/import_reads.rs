//! The import reads what it is given and drops nothing silently: 地区 from its parts, a
//! customer's 备注, a year's revenue into the financial series, every column left out named with
//! its reason, one field never given two columns, and text files in the encodings offices use.

use std::path::{Path, PathBuf};

use dossier_core::customers::CustomerQuery;
use dossier_core::error::ReadError;
use dossier_core::import::mapping::Field;
use dossier_core::import::plan::{ImportKind, RowStatus, SkipReason};
use dossier_core::import::read::TextEncoding;
use dossier_core::{CoreError, Store};

use crate::common::store;
use crate::import_support::{snapshot, spec, spec_with};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The live customer named `name`.
fn customer(s: &Store, name: &str) -> dossier_core::customers::CustomerProfile {
    let rows = s.list_customers(&CustomerQuery::default()).unwrap().rows;
    let id = rows.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("no customer {name}")).id;
    s.profile(id).unwrap()
}

#[test]
fn province_city_and_district_make_the_region() {
    let (dir, s) = store();
    let csv = "客户名称,省份,城市,区县\n\
               华南精密,广东省,深圳市,南山区\n\
               华北电力,北京市,北京市,朝阳区\n\
               江南纺织,浙江省,浙江省绍兴市,\n";
    let path = write(dir.path(), "客户.csv", csv.as_bytes());
    let file = s.inspect_import(&spec(&path, ImportKind::Customers)).unwrap();
    assert_eq!(
        file.mapping,
        vec![Some(Field::CustomerName), Some(Field::Province), Some(Field::City), Some(Field::District)]
    );
    let preview = s.preview_import(&spec(&path, ImportKind::Customers)).unwrap();
    assert!(preview.skipped.is_empty(), "every part is imported: {:?}", preview.skipped);
    s.import_file(&spec(&path, ImportKind::Customers), &mut |_, _| true).unwrap();
    assert_eq!(customer(&s, "华南精密").customer.fields.region, "广东省·深圳市·南山区");
    assert_eq!(customer(&s, "华北电力").customer.fields.region, "北京市·朝阳区");
    assert_eq!(customer(&s, "江南纺织").customer.fields.region, "浙江省绍兴市");
}

#[test]
fn a_customer_notes_column_is_kept_and_filled_in_later() {
    let (dir, s) = store();
    let path = write(dir.path(), "客户.csv", "客户名称,备注\n华东精密,年底集中采购\n长江汽配,\n".as_bytes());
    s.import_file(&spec(&path, ImportKind::Customers), &mut |_, _| true).unwrap();
    assert_eq!(customer(&s, "华东精密").customer.fields.notes, "年底集中采购");
    // 只补空白 fills the empty notes of a customer already there, and an edit keeps them.
    let again = write(dir.path(), "补充.csv", "客户名称,备注\n长江汽配,只接受月结\n华东精密,别的说法\n".as_bytes());
    s.import_file(
        &spec_with(&again, ImportKind::Customers, serde_json::json!({"onDuplicate": "fill"})),
        &mut |_, _| true,
    )
    .unwrap();
    let c = customer(&s, "长江汽配").customer;
    assert_eq!(c.fields.notes, "只接受月结");
    assert_eq!(customer(&s, "华东精密").customer.fields.notes, "年底集中采购", "fill leaves notes it has");
    let edited = dossier_core::customers::CustomerFields { notes: "改为季度结算".into(), ..c.fields.clone() };
    s.update_customer(c.id, &edited).unwrap();
    assert_eq!(customer(&s, "长江汽配").customer.fields.notes, "改为季度结算");
}

#[test]
fn revenue_goes_to_the_year_the_header_names() {
    let (dir, s) = store();
    let csv = "客户名称,2025年营收（万元）\n华东精密,12800\n长江汽配,1.2亿\n";
    let path = write(dir.path(), "客户.csv", csv.as_bytes());
    let preview = s.preview_import(&spec(&path, ImportKind::Customers)).unwrap();
    assert_eq!(preview.revenue_year, None, "the header says the year");
    s.import_file(&spec(&path, ImportKind::Customers), &mut |_, _| true).unwrap();
    let p = customer(&s, "华东精密");
    assert_eq!(p.financials.len(), 1);
    assert_eq!((p.financials[0].period.as_str(), p.financials[0].revenue), ("2025", Some(12800.0)));
    assert_eq!(p.financials[0].source, "客户.csv");
    assert_eq!(customer(&s, "长江汽配").financials[0].revenue, Some(12000.0), "1.2亿 is 12,000 万元");
}

#[test]
fn revenue_without_a_year_is_of_the_chosen_year_or_last_year() {
    let (dir, s) = store();
    let path = write(dir.path(), "客户.csv", "客户名称,营业额\n华东精密,500\n".as_bytes());
    let preview = s.preview_import(&spec(&path, ImportKind::Customers)).unwrap();
    assert_eq!(preview.revenue_year, Some(2025), "the clock says 2026: last year");
    let chosen = spec_with(&path, ImportKind::Customers, serde_json::json!({"revenueYear": 2024}));
    assert_eq!(s.preview_import(&chosen).unwrap().revenue_year, Some(2024));
    s.import_file(&chosen, &mut |_, _| true).unwrap();
    assert_eq!(customer(&s, "华东精密").financials[0].period, "2024");

    // A year column gives each row its year.
    let by_row =
        write(dir.path(), "历年.csv", "客户名称,年份,营收\n星海半导体,2023,800\n日升光伏,2024年,900\n".as_bytes());
    let preview = s.preview_import(&spec(&by_row, ImportKind::Customers)).unwrap();
    assert_eq!(preview.revenue_year, None);
    s.import_file(&spec(&by_row, ImportKind::Customers), &mut |_, _| true).unwrap();
    assert_eq!(customer(&s, "星海半导体").financials[0].period, "2023");
    assert_eq!(customer(&s, "日升光伏").financials[0].period, "2024");
}

#[test]
fn revenue_of_a_customer_already_there_follows_the_duplicate_rule_and_is_undone() {
    let (dir, s) = store();
    let first = write(dir.path(), "客户.csv", "客户名称,2025年营收\n华东精密,100\n".as_bytes());
    s.import_file(&spec(&first, ImportKind::Customers), &mut |_, _| true).unwrap();
    let update = write(dir.path(), "更新.csv", "客户名称,2025年营收,2024年营收\n华东精密,150,90\n".as_bytes());
    let skip = s.preview_import(&spec(&update, ImportKind::Customers)).unwrap();
    assert_eq!(skip.rows[0].status, RowStatus::Duplicate, "跳过 leaves the stored revenue");
    // The second revenue column is listed as left out: one revenue column per file.
    assert!(
        matches!(&skip.skipped[..], [c] if c.column == "C" && matches!(c.reason, SkipReason::Duplicate { field: Field::Revenue, .. }))
    );
    let overwrite = spec_with(&update, ImportKind::Customers, serde_json::json!({"onDuplicate": "overwrite"}));
    assert_eq!(s.preview_import(&overwrite).unwrap().rows[0].status, RowStatus::Update);
    let record = s.import_file(&overwrite, &mut |_, _| true).unwrap();
    assert_eq!(customer(&s, "华东精密").financials[0].revenue, Some(150.0));

    let year_2024 = write(dir.path(), "2024.csv", "客户名称,2024年营收\n华东精密,90\n".as_bytes());
    let fill = spec_with(&year_2024, ImportKind::Customers, serde_json::json!({"onDuplicate": "fill"}));
    let added = s.import_file(&fill, &mut |_, _| true).unwrap();
    assert_eq!(customer(&s, "华东精密").financials.len(), 2);

    s.undo_import(added.id, false).unwrap();
    assert_eq!(customer(&s, "华东精密").financials.len(), 1, "the period the import added is removed");
    s.undo_import(record.id, false).unwrap();
    assert_eq!(customer(&s, "华东精密").financials[0].revenue, Some(100.0), "the revenue before it is back");
}

#[test]
fn every_column_left_out_is_listed_with_its_reason() {
    let (dir, s) = store();
    let csv = "客户名称,内部编号,,行业,客户,备用\n华东精密,K-001,,装备制造,华东,\n";
    let path = write(dir.path(), "客户.csv", csv.as_bytes());
    let preview = s.preview_import(&spec(&path, ImportKind::Customers)).unwrap();
    let got: Vec<(&str, &str, &SkipReason)> =
        preview.skipped.iter().map(|c| (c.column.as_str(), c.header.as_str(), &c.reason)).collect();
    assert_eq!(
        got,
        vec![
            ("B", "内部编号", &SkipReason::Unmapped),
            ("C", "", &SkipReason::Empty),
            (
                "E",
                "客户",
                &SkipReason::Duplicate {
                    field: Field::CustomerName, column: "A".into(), header: "客户名称".into()
                }
            ),
            ("F", "备用", &SkipReason::Empty),
        ]
    );
}

#[test]
fn one_field_from_two_columns_is_refused_by_name_and_nothing_is_written() {
    let (dir, s) = store();
    let path = write(dir.path(), "客户.csv", "客户名称,城市,所在城市\n华东精密,苏州,无锡\n".as_bytes());
    let mapping = serde_json::json!({"mapping": ["customer_name", "city", "city"]});
    let spec = spec_with(&path, ImportKind::Customers, mapping);
    let before = snapshot(&s, dir.path());
    let want = CoreError::Unreadable {
        error: ReadError::DuplicateMapping {
            file: "客户.csv".into(),
            sheet: "客户.csv".into(),
            field: "city".into(),
            columns: vec!["B".into(), "C".into()],
            headers: vec!["城市".into(), "所在城市".into()],
        },
    };
    assert_eq!(s.preview_import(&spec), Err(want.clone()));
    assert_eq!(s.import_file(&spec, &mut |_, _| true), Err(want));
    assert_eq!(snapshot(&s, dir.path()), before);
}

/// A customer list in `text`, encoded by `encode`, read with everything detected.
fn read_as(dir: &Path, name: &str, bytes: &[u8]) -> (TextEncoding, Vec<String>) {
    let (_d, s) = store();
    let path = write(dir, name, bytes);
    let file = s.inspect_import(&spec(&path, ImportKind::Customers)).unwrap();
    let names = file.sample.iter().skip(file.header_row).map(|r| r[0].clone()).collect();
    (file.encoding.unwrap(), names)
}

#[test]
fn text_files_in_every_encoding_offices_write_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let simplified = "客户名称,城市\n华东精密,苏州\n长江汽配,武汉\n";
    let traditional = "客戶名稱,城市\n華東精密,蘇州\n長江汽配,武漢\n";
    let want = |t: &str| t.lines().skip(1).map(|l| l.split(',').next().unwrap().to_string()).collect::<Vec<_>>();

    let gbk = encoding_rs::GBK.encode(simplified).0.into_owned();
    assert_eq!(read_as(dir.path(), "gbk.csv", &gbk), (TextEncoding::Gb18030, want(simplified)));
    let big5 = encoding_rs::BIG5.encode(traditional).0.into_owned();
    assert_eq!(read_as(dir.path(), "big5.csv", &big5), (TextEncoding::Big5, want(traditional)));
    let le: Vec<u8> = simplified.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(read_as(dir.path(), "utf16.txt", &le), (TextEncoding::Utf16Le, want(simplified)));
    let bom = [b"\xEF\xBB\xBF".as_slice(), simplified.as_bytes()].concat();
    assert_eq!(read_as(dir.path(), "bom.csv", &bom), (TextEncoding::Utf8, want(simplified)));
    let western = "Company,City\nCafé Müller GmbH,Köln\nSociété Générale,Paris\n";
    let cp1252 = encoding_rs::WINDOWS_1252.encode(western).0.into_owned();
    assert_eq!(read_as(dir.path(), "western.csv", &cp1252), (TextEncoding::Windows1252, want(western)));

    // Lines pasted together from a UTF-8 and a GBK file are each read right.
    let mut mixed = "客户名称,城市\n华东精密,苏州\n".as_bytes().to_vec();
    mixed.extend_from_slice(&encoding_rs::GBK.encode("长江汽配,武汉\n").0);
    assert_eq!(read_as(dir.path(), "mixed.csv", &mixed), (TextEncoding::Gb18030, want(simplified)));
}

#[test]
fn a_chosen_encoding_overrides_the_guess() {
    let (dir, s) = store();
    let big5 = encoding_rs::BIG5.encode("客戶名稱,城市\n華東精密,蘇州\n").0.into_owned();
    let path = write(dir.path(), "big5.csv", &big5);
    let chosen = spec_with(&path, ImportKind::Customers, serde_json::json!({"encoding": "gb18030"}));
    let file = s.inspect_import(&chosen).unwrap();
    assert_eq!(file.encoding, Some(TextEncoding::Gb18030));
    assert_ne!(file.sample[1][0], "華東精密");
    let file =
        s.inspect_import(&spec_with(&path, ImportKind::Customers, serde_json::json!({"encoding": "big5"}))).unwrap();
    assert_eq!(file.sample[1][0], "華東精密");
}
