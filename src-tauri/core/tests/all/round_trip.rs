//! The round trip an account manager makes: export the team report, fix three cells of the
//! customer sheet in Excel, import the sheet back with "overwrite" — exactly those three
//! fields change — and undo the import: everything is as before.

use crate::common;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use dossier_core::customers::{CustomerProfile, CustomerQuery, Grade};
use dossier_core::export::{self, Language, ReportOptions};
use dossier_core::import::plan::{ImportKind, OnDuplicate};
use dossier_core::import::ImportSpec;
use dossier_core::Store;
use rust_xlsxwriter::{Format, Workbook};

/// The customer sheet of the team report as calamine reads it.
fn exported_customers(store: &Store) -> Vec<Vec<Data>> {
    let bytes = export::team_report(store, &ReportOptions { language: Language::Zh, include_personal: false })
        .unwrap()
        .to_bytes()
        .unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[1].clone();
    assert_eq!(name, "客户");
    book.worksheet_range(&name).unwrap().rows().map(|r| r.to_vec()).collect()
}

/// Saves rows the way Excel would after editing: text stays text, numbers numbers, dates dates.
fn save_as_excel_would(rows: &[Vec<Data>], path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("客户").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::Empty => {}
                Data::String(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                Data::Float(f) => {
                    ws.write_number(r, c, *f).unwrap();
                }
                Data::Int(i) => {
                    ws.write_number(r, c, *i as f64).unwrap();
                }
                Data::DateTime(d) => {
                    ws.write_number_with_format(r, c, d.as_f64(), &date).unwrap();
                }
                other => panic!("unexpected cell {other:?}"),
            }
        }
    }
    wb.save(path).unwrap();
}

fn profiles(store: &Store) -> Vec<CustomerProfile> {
    let page = store.list_customers(&CustomerQuery { limit: 1000, ..Default::default() }).unwrap();
    let mut all: Vec<CustomerProfile> = page.rows.iter().map(|r| store.profile(r.id).unwrap()).collect();
    all.sort_by_key(|p| p.customer.id);
    all
}

#[test]
fn export_edit_three_cells_reimport_with_overwrite_then_undo() {
    let (dir, store) = common::store();
    dossier_core::sample::load(&store, 1).unwrap();
    let before = profiles(&store);

    let mut rows = exported_customers(&store);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col =
        |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {header:?}"));
    let (industry, grade, region) = (col("行业"), col("客户分级"), col("地区"));
    let name_of = |row: &Vec<Data>| row[col("客户名称")].to_string();
    let (a, b) = (name_of(&rows[1]), name_of(&rows[2]));
    rows[1][industry] = Data::String("新能源装备".into());
    rows[1][grade] = Data::String("D类".into());
    rows[2][region] = Data::String("海南".into());
    let file = dir.path().join("客户-已修改.xlsx");
    save_as_excel_would(&rows, &file);

    let spec = ImportSpec {
        path: file,
        kind: ImportKind::Customers,
        sheet: None,
        header_row: None,
        mapping: None,
        encoding: None,
        on_duplicate: OnDuplicate::Overwrite,
        fixes: Vec::new(),
        revenue_year: None,
    };
    let preview = store.preview_import(&spec).unwrap();
    assert_eq!(preview.counts.error, 0, "{:?}", preview.rows.iter().flat_map(|r| &r.issues).collect::<Vec<_>>());
    assert_eq!(preview.counts.update, 2, "only the two edited customers change");
    assert_eq!(preview.counts.new, 0);
    let record = store.import_file(&spec, &mut |_, _| true).unwrap();
    assert_eq!((record.created, record.updated), (0, 2));

    let after = profiles(&store);
    assert_eq!(after.len(), before.len());
    for (x, y) in before.iter().zip(&after) {
        let (mut expected, got) = (x.customer.fields.clone(), y.customer.fields.clone());
        if expected.name == a {
            expected.industry = "新能源装备".into();
            expected.grade = Some(Grade::D);
        } else if expected.name == b {
            expected.region = "海南".into();
        }
        assert_eq!(got, expected, "{}: exactly the edited fields change", x.customer.fields.name);
        assert_eq!(
            (&x.contacts, &x.financials, &x.roles),
            (&y.contacts, &y.financials, &y.roles),
            "the rest of the profile is untouched"
        );
    }

    store.undo_import(record.id, false).unwrap();
    let undone = profiles(&store);
    for (x, y) in before.iter().zip(&undone) {
        assert_eq!(x.customer.fields, y.customer.fields, "undo restores {}", x.customer.fields.name);
        assert_eq!(x.contacts, y.contacts);
    }
}
