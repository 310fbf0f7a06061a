//! Import end to end in the core: preview, commit in one transaction, duplicates on
//! re-import, cancel, history and undo of creates and updates.

use crate::common;

use common::store;
use dossier_core::customers::{CustomerQuery, Grade};
use dossier_core::import::mapping::{detect_header_row, suggest};
use dossier_core::import::plan::{ImportKind, OnDuplicate, Problem, RowStatus};
use dossier_core::import::read::{read_sheet, Sheet};
use dossier_core::import::values::{Cell, ValueError};
use dossier_core::import::ImportRequest;
use dossier_core::{CoreError, Store};

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.into())
    }
}

/// A customer list with contacts, as exported from an old CRM: a title row, merged customer
/// cells over two contact rows (empty below the first), one bad date, one unknown grade.
fn messy() -> Sheet {
    let rows = [
        vec!["2025 重点客户", "", "", "", "", ""],
        vec!["客户名称", "客户等级", "成立日期", "联系人", "手机", "职务"],
        vec!["华东精密机械股份有限公司", "A类", "2019-03-05", "王芳", "13800138000", "采购总监"],
        vec!["", "", "", "张三", "13912345678", "技术总监"],
        vec!["长江汽配有限公司", "b", "2023年13月", "李四", "", ""],
        vec!["蓝海食品", "重要", "", "", "", ""],
        vec!["星海半导体", "C", "2008年6月", "", "", ""],
        vec!["华东精密机械", "A", "", "王芳", "13800138000", ""],
    ];
    Sheet { name: "客户".into(), rows: rows.iter().map(|r| r.iter().map(|s| t(s)).collect()).collect() }
}

fn request<'a>(
    sheet: &'a Sheet,
    mapping: &'a [Option<dossier_core::import::mapping::Field>],
    mode: OnDuplicate,
) -> ImportRequest<'a> {
    ImportRequest {
        file: "客户名单.xlsx",
        sheet,
        header_row: 1,
        mapping,
        kind: ImportKind::Customers,
        on_duplicate: mode,
        revenue_year: None,
    }
}

fn mapping_of(sheet: &Sheet) -> Vec<Option<dossier_core::import::mapping::Field>> {
    let fields = ImportKind::Customers.fields();
    let header = detect_header_row(&sheet.rows, fields).unwrap();
    assert_eq!(header, 1);
    let headers: Vec<String> =
        sheet.rows[header].iter().map(|c| if let Cell::Text(s) = c { s.clone() } else { String::new() }).collect();
    suggest(&headers, fields)
}

fn commit(s: &Store, req: &ImportRequest) -> dossier_core::import::ImportRecord {
    s.commit_import(req, &mut |_, _| true).unwrap()
}

#[test]
fn preview_marks_every_row_and_names_bad_cells() {
    let (_d, s) = store();
    let sheet = messy();
    let mapping = mapping_of(&sheet);
    let p = s.plan_import(&request(&sheet, &mapping, OnDuplicate::Skip)).unwrap();
    let statuses: Vec<(usize, RowStatus)> = p.rows.iter().map(|r| (r.row, r.status)).collect();
    assert_eq!(
        statuses,
        vec![
            (3, RowStatus::New),
            (4, RowStatus::New), // the merged customer cell: 张三 joins 华东精密
            (5, RowStatus::Error),
            (6, RowStatus::Error),
            (7, RowStatus::New),
            (8, RowStatus::DuplicateInFile), // same company and contact, name spelled without suffix
        ]
    );
    let date = &p.rows[2].issues[0];
    assert_eq!((date.row, date.column.as_str(), date.header.as_str()), (5, "C", "成立日期"));
    assert_eq!(date.problem, Problem::Value { value: ValueError::InvalidDate("2023年13月".into()) });
    assert_eq!(p.rows[3].issues[0].problem, Problem::UnknownLabel { text: "重要".into() });
    assert_eq!((p.counts.new, p.counts.error, p.counts.duplicate_in_file), (3, 2, 1));
    assert_eq!(s.stats().unwrap().customers, 0, "a preview writes nothing");
}

#[test]
fn commit_creates_customers_with_their_contacts_and_records_history() {
    let (_d, s) = store();
    let sheet = messy();
    let mapping = mapping_of(&sheet);
    let rec = commit(&s, &request(&sheet, &mapping, OnDuplicate::Skip));
    assert_eq!((rec.created, rec.updated, rec.skipped, rec.errors), (3, 0, 1, 2));
    let stats = s.stats().unwrap();
    assert_eq!((stats.customers, stats.contacts), (2, 2));
    let hit = &s.search("zs", 5).unwrap().contacts[0];
    assert_eq!(hit.subtitle, "技术总监 · 华东精密机械股份有限公司");
    let p = s.profile(hit.customer_id).unwrap();
    assert_eq!(p.customer.fields.grade, Some(Grade::A));
    assert_eq!(p.customer.fields.founded, "2019-03-05");
    assert_eq!(s.import_history().unwrap()[0].file, "客户名单.xlsx");
    // The stored score the list sorts by is the profile's own.
    for row in s.list_customers(&CustomerQuery::default()).unwrap().rows {
        assert_eq!(row.completeness, s.profile(row.id).unwrap().customer.completeness, "{}", row.name);
    }

    // Re-importing the same file changes nothing: everything is a duplicate now.
    let again = s.plan_import(&request(&sheet, &mapping, OnDuplicate::Skip)).unwrap();
    assert_eq!((again.counts.new, again.counts.update), (0, 0));
    assert_eq!(s.stats().unwrap(), stats);
}

#[test]
fn overwrite_changes_exactly_the_edited_cells_and_undo_restores_them() {
    let (_d, s) = store();
    let mut sheet = messy();
    let mapping = mapping_of(&sheet);
    commit(&s, &request(&sheet, &mapping, OnDuplicate::Skip));
    let id = s.search("华东精密", 1).unwrap().customers[0].id;
    let before = s.profile(id).unwrap();
    // Edit three cells: 华东精密's grade and founding date, 王芳's title.
    sheet.rows[2][1] = t("B");
    sheet.rows[2][2] = t("2018年1月");
    sheet.rows[2][5] = t("副总经理");
    let fill = s.plan_import(&request(&sheet, &mapping, OnDuplicate::Fill)).unwrap();
    assert_eq!(fill.counts.update, 0, "fill never replaces what is there");
    let rec = commit(&s, &request(&sheet, &mapping, OnDuplicate::Overwrite));
    assert_eq!(rec.updated, 1);
    let after = s.profile(id).unwrap();
    assert_eq!(after.customer.fields.grade, Some(Grade::B));
    assert_eq!(after.customer.fields.founded, "2018-01");
    assert_eq!(after.contacts.iter().find(|c| c.fields.name == "王芳").unwrap().fields.title, "副总经理");
    let mut expected = before.customer.fields.clone();
    expected.grade = Some(Grade::B);
    expected.founded = "2018-01".into();
    assert_eq!(after.customer.fields, expected, "nothing else changed");

    s.undo_import(rec.id, false).unwrap();
    let restored = s.profile(id).unwrap();
    assert_eq!(restored.customer.fields, before.customer.fields);
    assert_eq!(restored.contacts, before.contacts);
    assert!(matches!(s.undo_import(rec.id, false), Err(CoreError::AlreadyUndone { .. })));
}

#[test]
fn undo_of_a_creating_import_leaves_the_database_as_before() {
    let (_d, s) = store();
    dossier_core::sample::load(&s, 1).unwrap();
    let before = s.stats().unwrap();
    let sheet = messy();
    let mapping = mapping_of(&sheet);
    let rec = commit(&s, &request(&sheet, &mapping, OnDuplicate::Overwrite));
    assert!(s.stats().unwrap().customers > before.customers);
    let undone = s.undo_import(rec.id, false).unwrap();
    assert!(undone.undone_at.is_some());
    assert_eq!(s.stats().unwrap(), before);
    assert!(s.search("zs", 8).unwrap().contacts.iter().all(|h| h.title != "张三"));
    assert_eq!(s.list_customers(&CustomerQuery::default()).unwrap().total, before.customers);
}

#[test]
fn cancelling_mid_way_writes_nothing() {
    let (_d, s) = store();
    let sheet = messy();
    let mapping = mapping_of(&sheet);
    let mut calls = 0;
    let r = s.commit_import(&request(&sheet, &mapping, OnDuplicate::Skip), &mut |done, _| {
        calls += 1;
        done < 2
    });
    assert!(matches!(r, Err(CoreError::Cancelled)));
    assert_eq!(calls, 3);
    assert_eq!(s.stats().unwrap().customers, 0);
    assert!(s.import_history().unwrap().is_empty());
    assert!(s.search("华东", 5).unwrap().customers.is_empty());
}

#[test]
fn contacts_import_needs_known_customers() {
    let (_d, s) = store();
    s.create_customer(&dossier_core::customers::CustomerFields {
        name: "华东精密机械股份有限公司".into(),
        short_name: "华东精密".into(),
        ..Default::default()
    })
    .unwrap();
    let rows = [vec!["公司", "姓名", "电话"], vec!["华东精密", "赵六", "021-1234"], vec!["不存在公司", "钱七", ""]];
    let sheet =
        Sheet { name: "联系人".into(), rows: rows.iter().map(|r| r.iter().map(|s| t(s)).collect()).collect() };
    let headers: Vec<String> = rows[0].iter().map(|s| s.to_string()).collect();
    let mapping = suggest(&headers, ImportKind::Contacts.fields());
    let req = ImportRequest {
        file: "c.csv",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: ImportKind::Contacts,
        on_duplicate: OnDuplicate::Skip,
        revenue_year: None,
    };
    let p = s.plan_import(&req).unwrap();
    assert_eq!(p.rows[0].status, RowStatus::New, "{:?}", p.rows[0].issues);
    assert_eq!(p.rows[1].issues[0].problem, Problem::UnknownCustomer { name: "不存在公司".into() });
    commit(&s, &req);
    assert_eq!(s.stats().unwrap().contacts, 1);
    assert_eq!(s.search("赵六", 1).unwrap().contacts[0].subtitle, "华东精密机械股份有限公司");
}

#[test]
fn an_xlsx_file_imports_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in messy().rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Cell::Text(s) = cell {
                ws.write_string(r as u32, c as u16, s).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    let sheet = read_sheet(&path, None, None).unwrap();
    let mapping = mapping_of(&sheet);
    let (_d, s) = store();
    let rec = commit(&s, &request(&sheet, &mapping, OnDuplicate::Skip));
    assert_eq!(rec.created, 3);
}

#[test]
fn purchases_import_with_months_returns_currencies_and_duplicates() {
    let (_d, s) = store();
    s.create_customer(&dossier_core::customers::CustomerFields {
        name: "华东精密机械股份有限公司".into(),
        short_name: "华东精密".into(),
        ..Default::default()
    })
    .unwrap();
    let rows = [
        vec!["客户", "月份", "产品", "类别", "数量", "金额"],
        vec!["华东精密", "2025年3月", "伺服电机", "电机", "120", "1.2万"],
        vec!["华东精密", "2025/4/18", "伺服电机", "电机", "-5", "-500"],
        vec!["华东精密", "2025-05", "控制器", "电控", "10", "$1,000"],
        vec!["华东精密", "2025", "控制器", "电控", "1", "1"],
        vec!["无名公司", "2025-05", "控制器", "电控", "1", "1"],
        vec!["华东精密", "2025年3月", "伺服电机", "电机", "120", "1.2万"],
    ];
    let sheet = Sheet { name: "采购".into(), rows: rows.iter().map(|r| r.iter().map(|s| t(s)).collect()).collect() };
    let headers: Vec<String> = rows[0].iter().map(|s| s.to_string()).collect();
    let mapping = suggest(&headers, ImportKind::Purchases.fields());
    assert!(mapping.iter().all(Option::is_some), "{mapping:?}");
    let req = ImportRequest {
        file: "p.xlsx",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: ImportKind::Purchases,
        on_duplicate: OnDuplicate::Skip,
        revenue_year: None,
    };
    let p = s.plan_import(&req).unwrap();
    let statuses: Vec<RowStatus> = p.rows.iter().map(|r| r.status).collect();
    use RowStatus::*;
    assert_eq!(statuses, vec![New, New, New, Error, Error, DuplicateInFile]);
    assert_eq!(p.rows[3].issues[0].problem, Problem::NotAMonth { text: "2025".into() });
    assert_eq!(p.rows[4].issues[0].problem, Problem::UnknownCustomer { name: "无名公司".into() });
    let rec = commit(&s, &req);
    assert_eq!(rec.created, 3);
    assert_eq!(s.stats().unwrap().purchases, 3);
    let stored: Vec<(String, String, f64, String)> = s
        .connection()
        .prepare("SELECT month, day, amount, currency FROM purchase ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored[0], ("2025-03".into(), "".into(), 12000.0, "CNY".into()));
    assert_eq!(stored[1], ("2025-04".into(), "2025-04-18".into(), -500.0, "CNY".into()), "a return");
    assert_eq!(stored[2].3, "USD");
    // Re-import: all duplicates; undo removes the three purchases.
    assert_eq!(s.plan_import(&req).unwrap().counts.new, 0);
    s.undo_import(rec.id, false).unwrap();
    assert_eq!(s.stats().unwrap().purchases, 0);
}

#[test]
fn purchase_rows_under_a_merged_customer_cell_belong_to_that_customer() {
    let (_d, s) = store();
    for name in ["华东精密机械股份有限公司", "南方电网物资有限公司"] {
        s.create_customer(&dossier_core::customers::CustomerFields { name: name.into(), ..Default::default() })
            .unwrap();
    }
    // What a merged 客户 cell over three months reads as: the name on its first row only.
    let rows = [
        vec!["客户", "月份", "产品", "金额"],
        vec!["华东精密机械股份有限公司", "2025-01", "伺服电机", "100"],
        vec!["", "2025-02", "伺服电机", "90"],
        vec!["", "2025-03", "伺服电机", "80"],
        vec!["南方电网物资有限公司", "2025-01", "电缆", "50"],
        vec!["", "2025-02", "", ""],
    ];
    let sheet = Sheet { name: "采购".into(), rows: rows.iter().map(|r| r.iter().map(|s| t(s)).collect()).collect() };
    let headers: Vec<String> = rows[0].iter().map(|s| s.to_string()).collect();
    let mapping = suggest(&headers, ImportKind::Purchases.fields());
    let req = ImportRequest {
        file: "p.xlsx",
        sheet: &sheet,
        header_row: 0,
        mapping: &mapping,
        kind: ImportKind::Purchases,
        on_duplicate: OnDuplicate::Skip,
        revenue_year: None,
    };
    let p = s.plan_import(&req).unwrap();
    let titles: Vec<&str> = p.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "华东精密机械股份有限公司 · 2025-01 · 伺服电机",
            "华东精密机械股份有限公司 · 2025-02 · 伺服电机",
            "华东精密机械股份有限公司 · 2025-03 · 伺服电机",
            "南方电网物资有限公司 · 2025-01 · 电缆",
            " · 2025-02 · ",
        ]
    );
    assert_eq!(p.counts.new, 4);
    assert_eq!(
        p.rows[4].status,
        RowStatus::Error,
        "a row without a product is not filled down: {:?}",
        p.rows[4].issues
    );
}

#[test]
fn undo_leaves_a_later_customer_given_the_id_of_one_it_created_and_purged() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = messy();
    let mapping = mapping_of(&sheet);
    let rec = commit(&common::store_on(&dir, 2026, 11, 20), &request(&sheet, &mapping, OnDuplicate::Skip));
    let s = common::store_on(&dir, 2026, 11, 23);
    // The import's last customer deleted and purged from the trash: SQLite gives its id again.
    let (created, last): (i64, i64) =
        s.connection().query_row("SELECT count(*), max(id) FROM customer", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    s.delete_customer(last).unwrap();
    let entry: i64 = s
        .connection()
        .query_row("SELECT id FROM trash WHERE kind = 'customer' AND ref_id = ?1", [last], |r| r.get(0))
        .unwrap();
    s.purge_trash(entry).unwrap();
    let later = s.create_customer(&common::named("后来的客户")).unwrap();
    assert_eq!(later.id, last);

    let preview = s.import_undo_preview(rec.id).unwrap();
    s.undo_import(rec.id, false).unwrap();
    let live = s.list_customers(&CustomerQuery::default()).unwrap();
    assert_eq!(live.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["后来的客户"]);
    assert_eq!(preview.customers, created - 1);
}
