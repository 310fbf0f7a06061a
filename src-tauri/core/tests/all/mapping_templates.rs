//! Saved mapping templates (save, replace by name, list, suggest for the same headers, apply,
//! delete) against a real SQLite file, and cells fixed in the preview (`ImportSpec::fixes`).

use crate::common;

use common::store;
use dossier_core::import::mapping::Field::{self, *};
use dossier_core::import::plan::{ImportKind, OnDuplicate, Problem, RowStatus};
use dossier_core::import::{CellFix, ImportSpec};
use dossier_core::{CoreError, Reason};

fn h(headers: &[&str]) -> Vec<String> {
    headers.iter().map(|s| s.to_string()).collect()
}

const CRM: &[&str] = &["公司", "负责销售", "客户级别", "成立", "联系人", "电话"];

fn crm_mapping() -> Vec<Option<Field>> {
    vec![Some(CustomerName), Some(Owner), Some(Grade), Some(Founded), Some(ContactName), Some(Phone)]
}

#[test]
fn a_saved_template_is_listed_replaced_by_name_and_deleted() {
    let (_d, s) = store();
    let t = s.save_mapping_template(" CRM 导出 ", ImportKind::Customers, &h(CRM), &crm_mapping()).unwrap();
    assert_eq!(t.name, "CRM 导出", "the name is trimmed");
    assert_eq!(t.kind, ImportKind::Customers);
    assert_eq!(t.headers, h(&["公司", "负责销售", "客户级别", "成立", "联系人", "电话"]));
    assert_eq!(t.created_at, "2026-11-23T12:00:00Z");
    s.save_mapping_template(
        "采购月报",
        ImportKind::Purchases,
        &h(&["客户", "月份", "产品"]),
        &[Some(CustomerName), Some(Month), Some(Product)],
    )
    .unwrap();

    let all = s.mapping_templates(None).unwrap();
    assert_eq!(all.len(), 2);
    let customers = s.mapping_templates(Some(ImportKind::Customers)).unwrap();
    assert_eq!(customers.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["CRM 导出"]);

    // The same name replaces the template (same id), it is not a second one.
    let mut other = crm_mapping();
    other[3] = None;
    let replaced = s.save_mapping_template("CRM 导出", ImportKind::Customers, &h(CRM), &other).unwrap();
    assert_eq!(replaced.id, t.id);
    assert_eq!(replaced.mapping[3], None);
    assert_eq!(s.mapping_templates(None).unwrap().len(), 2);
    assert_eq!(s.mapping_template("CRM 导出").unwrap().unwrap().mapping, other);

    s.delete_mapping_template(t.id).unwrap();
    assert!(s.mapping_template("CRM 导出").unwrap().is_none());
    assert!(matches!(s.delete_mapping_template(t.id), Err(CoreError::NotFound { .. })));
    assert_eq!(s.mapping_templates(None).unwrap().len(), 1);
}

#[test]
fn templates_survive_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.sqlite");
    {
        let s = dossier_core::Store::open(&path, common::clock()).unwrap();
        s.save_mapping_template("CRM 导出", ImportKind::Customers, &h(CRM), &crm_mapping()).unwrap();
    }
    let s = dossier_core::Store::open(&path, common::clock()).unwrap();
    let m = s.suggest_mapping_template(ImportKind::Customers, &h(CRM)).unwrap().unwrap();
    assert_eq!((m.name.as_str(), m.exact), ("CRM 导出", true));
}

#[test]
fn a_refused_template_is_not_saved() {
    let (_d, s) = store();
    let refused = |r: Result<_, CoreError>| match r {
        Err(CoreError::Validation { field, reason, .. }) => (field, reason),
        other => panic!("expected a validation error, got {other:?}"),
    };
    assert_eq!(
        refused(s.save_mapping_template("  ", ImportKind::Customers, &h(CRM), &crm_mapping())),
        ("name".into(), Reason::Required)
    );
    assert_eq!(
        refused(s.save_mapping_template(&"长".repeat(61), ImportKind::Customers, &h(CRM), &crm_mapping())),
        ("name".into(), Reason::TooLong)
    );
    assert_eq!(
        refused(s.save_mapping_template("空", ImportKind::Customers, &h(CRM), &[None; 6])),
        ("mapping".into(), Reason::Required)
    );
    // A purchase field in a contacts template.
    assert_eq!(
        refused(s.save_mapping_template(
            "错",
            ImportKind::Contacts,
            &h(&["客户", "金额"]),
            &[Some(CustomerName), Some(Amount)]
        )),
        ("mapping.1".into(), Reason::InvalidReference)
    );
    assert!(s.mapping_templates(None).unwrap().is_empty());
}

#[test]
fn the_template_of_the_same_headers_is_suggested_for_the_same_kind_only() {
    let (_d, s) = store();
    assert_eq!(s.suggest_mapping_template(ImportKind::Customers, &h(CRM)).unwrap(), None);
    s.save_mapping_template("CRM 导出", ImportKind::Customers, &h(CRM), &crm_mapping()).unwrap();

    // Headers compare normalised: full-width, case, spaces, a unit in brackets.
    let spelled = h(&["公司 ", "负责销售", "客户级别(ABC)", "成立", "联系人", "电话"]);
    let m = s.suggest_mapping_template(ImportKind::Customers, &spelled).unwrap().unwrap();
    assert_eq!(m.name, "CRM 导出");
    assert!(m.exact);
    assert_eq!(m.mapping, crm_mapping());

    assert_eq!(s.suggest_mapping_template(ImportKind::Contacts, &h(CRM)).unwrap(), None, "another kind");
    // A file with a header the template does not know gets no template.
    let mut more = h(CRM);
    more.push("备注".into());
    assert_eq!(s.suggest_mapping_template(ImportKind::Customers, &more).unwrap(), None);
    assert_eq!(s.suggest_mapping_template(ImportKind::Customers, &h(&["", ""])).unwrap(), None);
}

#[test]
fn the_same_columns_in_another_order_or_fewer_are_mapped_by_header_text() {
    let (_d, s) = store();
    s.save_mapping_template("CRM 导出", ImportKind::Customers, &h(CRM), &crm_mapping()).unwrap();
    let reordered = h(&["电话", "公司", "联系人", "", "客户级别"]);
    let m = s.suggest_mapping_template(ImportKind::Customers, &reordered).unwrap().unwrap();
    assert_eq!(m.name, "CRM 导出");
    assert!(!m.exact);
    assert_eq!(m.mapping, vec![Some(Phone), Some(CustomerName), Some(ContactName), None, Some(Grade)]);

    // Two templates hold every header: the closer one (fewest other headers) wins.
    s.save_mapping_template(
        "精简",
        ImportKind::Customers,
        &h(&["公司", "电话", "联系人", "客户级别", "地址"]),
        &[Some(CustomerName), Some(Phone), Some(ContactName), None, Some(Headquarters)],
    )
    .unwrap();
    let m = s.suggest_mapping_template(ImportKind::Customers, &reordered).unwrap().unwrap();
    assert_eq!(m.name, "精简");
    assert_eq!(m.mapping, vec![Some(Phone), Some(CustomerName), Some(ContactName), None, None]);

    // The exact header row beats a closer set.
    let m = s.suggest_mapping_template(ImportKind::Customers, &h(CRM)).unwrap().unwrap();
    assert_eq!((m.name.as_str(), m.exact), ("CRM 导出", true));
}

#[test]
fn a_template_picked_by_name_is_applied_by_header_text() {
    let (_d, s) = store();
    s.save_mapping_template("CRM 导出", ImportKind::Customers, &h(CRM), &crm_mapping()).unwrap();
    // Picked for a file with an extra column: that column is left unmapped.
    let file = h(&["公司", "备注", "电话"]);
    assert_eq!(
        s.apply_mapping_template("CRM 导出", ImportKind::Customers, &file).unwrap(),
        vec![Some(CustomerName), None, Some(Phone)]
    );
    assert_eq!(s.apply_mapping_template("CRM 导出", ImportKind::Customers, &h(CRM)).unwrap(), crm_mapping());
    for (name, kind) in [("没有这个", ImportKind::Customers), ("CRM 导出", ImportKind::Purchases)] {
        match s.apply_mapping_template(name, kind, &file) {
            Err(CoreError::Validation { field, reason: Reason::InvalidReference, .. }) => assert_eq!(field, "template"),
            other => panic!("expected an unknown template, got {other:?}"),
        }
    }
}

/// A messy customer list whose headers the synonyms do not all know.
fn write_csv(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("客户.csv");
    std::fs::write(
        &path,
        "公司,负责销售,客户级别,成立,联系人,电话\n\
         华东精密,李明,A,2019-03-05,王芳,13800138000\n\
         长江汽配,李明,B,2023年13月,李四,13900139000\n",
    )
    .unwrap();
    path
}

#[test]
fn inspect_applies_the_saved_template_of_the_same_headers() {
    let (dir, s) = store();
    let path = write_csv(dir.path());
    let spec = ImportSpec::new(&path, ImportKind::Customers);
    let first = s.inspect_import(&spec).unwrap();
    assert_eq!(first.template, None);
    assert_ne!(first.mapping, crm_mapping(), "the synonyms alone do not map 负责销售");

    s.save_mapping_template("CRM 导出", ImportKind::Customers, &first.headers, &crm_mapping()).unwrap();
    let again = s.inspect_import(&spec).unwrap();
    assert_eq!(again.template.as_deref(), Some("CRM 导出"));
    assert_eq!(again.mapping, crm_mapping());
    // A spec that brings its own mapping keeps it.
    let own = ImportSpec { mapping: Some(first.mapping.clone()), ..spec };
    let kept = s.inspect_import(&own).unwrap();
    assert_eq!((kept.template, kept.mapping), (None, first.mapping));
}

#[test]
fn a_fixed_cell_turns_an_error_row_into_a_new_one() {
    let (dir, s) = store();
    let path = write_csv(dir.path());
    let mut spec = ImportSpec {
        mapping: Some(crm_mapping()),
        on_duplicate: OnDuplicate::Skip,
        ..ImportSpec::new(&path, ImportKind::Customers)
    };

    let before = s.preview_import(&spec).unwrap();
    assert_eq!((before.counts.new, before.counts.error), (1, 1));
    let bad = before.rows.iter().find(|r| r.status == RowStatus::Error).unwrap();
    assert_eq!(bad.row, 3);
    assert!(matches!(bad.issues[0].problem, Problem::Value { .. }));
    assert_eq!(bad.issues[0].column, "D");

    // The user corrects 成立 (column D = index 3) of row 3 in the preview.
    spec.fixes = vec![CellFix { row: 3, column: 3, value: " 2023年12月 ".into() }];
    let after = s.preview_import(&spec).unwrap();
    assert_eq!((after.counts.new, after.counts.error), (2, 0));
    assert_eq!(after.rows.iter().find(|r| r.row == 3).unwrap().status, RowStatus::New);

    // Fixes outside the sheet are ignored; the file itself is not changed.
    spec.fixes.push(CellFix { row: 99, column: 0, value: "x".into() });
    spec.fixes.push(CellFix { row: 0, column: 0, value: "x".into() });
    spec.fixes.push(CellFix { row: 2, column: 1_000_000, value: "x".into() });
    let record = s.import_file(&spec, &mut |_, _| true).unwrap();
    assert_eq!((record.created, record.errors), (2, 0));
    assert!(std::fs::read_to_string(&path).unwrap().contains("2023年13月"));
    let found = s.search("长江汽配", 5).unwrap();
    let id = found.customers.first().expect("the fixed row was imported").id;
    assert_eq!(s.profile(id).unwrap().customer.fields.founded, "2023-12");

    // Clearing a required cell makes its row an error; the other rows are still imported.
    spec.fixes = vec![CellFix { row: 2, column: 0, value: String::new() }];
    let cleared = s.preview_import(&spec).unwrap();
    assert_eq!(cleared.rows.iter().find(|r| r.row == 2).unwrap().status, RowStatus::Error);
}

#[test]
fn fixes_default_to_none_in_json() {
    let spec: ImportSpec = serde_json::from_value(serde_json::json!({
        "path": "/tmp/a.csv", "kind": "customers", "sheet": null, "headerRow": null, "mapping": null,
        "encoding": null, "onDuplicate": "skip"
    }))
    .unwrap();
    assert!(spec.fixes.is_empty());
}
