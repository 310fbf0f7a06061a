//! The Excel exports, read back cell by cell with calamine and, for what calamine does not
//! show (charts, drop-downs, formulas, print setup), from the package's XML.

use crate::common;

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use dossier_core::customers::{ContactFields, CustomerFields, CustomerQuery, Grade, PersonalField};
use dossier_core::export::{self, Language, ReportOptions};
use dossier_core::import::mapping::suggest;
use dossier_core::import::plan::{ImportKind, OnDuplicate, Problem, RowStatus};
use dossier_core::import::{labels, ImportSpec};
use dossier_core::Store;

fn sample() -> (tempfile::TempDir, Store) {
    let (dir, store) = common::store();
    dossier_core::sample::load(&store, 1).unwrap();
    (dir, store)
}

fn zh(include_personal: bool) -> ReportOptions {
    ReportOptions { language: Language::Zh, include_personal }
}

/// An export written to a file and read back.
struct Book {
    bytes: Vec<u8>,
}

impl Book {
    fn new(x: export::Xlsx) -> Book {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.xlsx");
        x.save(&path).unwrap();
        Book { bytes: std::fs::read(&path).unwrap() }
    }

    fn xlsx(&self) -> Xlsx<Cursor<Vec<u8>>> {
        Xlsx::new(Cursor::new(self.bytes.clone())).expect("a valid xlsx package")
    }

    fn sheet_names(&self) -> Vec<String> {
        self.xlsx().sheet_names()
    }

    /// A sheet as text rows (numbers as calamine prints them).
    fn rows(&self, sheet: &str) -> Vec<Vec<Data>> {
        let range = self.xlsx().worksheet_range(sheet).unwrap();
        range.rows().map(|r| r.to_vec()).collect()
    }

    fn texts(&self, sheet: &str) -> Vec<Vec<String>> {
        self.rows(sheet).iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    /// Every cell of every sheet, as text.
    fn all_text(&self) -> String {
        self.sheet_names().iter().flat_map(|s| self.texts(s)).flatten().collect::<Vec<_>>().join("\n")
    }

    fn entries(&self) -> Vec<String> {
        let zip = zip::ZipArchive::new(Cursor::new(self.bytes.clone())).unwrap();
        zip.file_names().map(|n| n.unwrap().into_owned()).collect()
    }

    fn entry(&self, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes.clone())).unwrap();
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    /// Every XML part of the package, concatenated (strings may be shared or inline).
    fn all_xml(&self) -> String {
        self.entries().iter().filter(|e| e.ends_with(".xml")).map(|e| self.entry(e)).collect()
    }

    /// No cell of any sheet is a formula: neither in calamine's view nor as an `<f>` element.
    fn assert_no_formulas(&self) {
        let mut xlsx = self.xlsx();
        for name in self.sheet_names() {
            let formulas = xlsx.worksheet_formula(&name).unwrap();
            assert!(formulas.cells().all(|(_, _, f)| f.is_empty()), "formula in sheet {name}");
        }
        for e in self.entries().iter().filter(|e| e.starts_with("xl/worksheets/")) {
            let xml = self.entry(e);
            assert!(!xml.contains("<f>") && !xml.contains("<f "), "<f> element in {e}");
        }
    }
}

fn header(book: &Book, sheet: &str) -> Vec<String> {
    book.texts(sheet)[0].clone()
}

fn col(book: &Book, sheet: &str, name: &str) -> usize {
    header(book, sheet).iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name} in {sheet}"))
}

#[test]
fn team_report_in_chinese_counts_every_customer_contact_and_signal() {
    let (_d, store) = sample();
    let stats = store.stats().unwrap();
    let book = Book::new(export::team_report(&store, &zh(false)).unwrap());
    assert_eq!(
        book.sheet_names(),
        [
            "概览",
            "客户",
            "联系人",
            "财务信号",
            "采购",
            "采购信号",
            "跟进记录",
            "商机管道",
            "预测",
            "丢单分析",
            "阶段分析",
            "回款",
            "交付",
            "业绩"
        ]
    );

    let customers = book.texts("客户");
    assert_eq!(&customers[0][..4], ["客户名称", "简称", "客户分级", "生命周期"]);
    assert_eq!(customers.len() as i64 - 1, stats.customers);
    assert!(customers.iter().any(|r| r[0] == "华东精密机械股份有限公司"));
    let grade = col(&book, "客户", "客户分级");
    assert!(customers[1..].iter().all(|r| ["A", "B", "C", "D", ""].contains(&r[grade].as_str())));
    let completeness = col(&book, "客户", "档案完整度");
    assert!(book.rows("客户")[1..]
        .iter()
        .all(|r| matches!(r[completeness], Data::Float(v) if (0.0..=1.0).contains(&v))));

    let contacts = book.texts("联系人");
    assert_eq!(&contacts[0][..3], ["客户名称", "联系人", "拼音"]);
    assert_eq!(contacts.len() as i64 - 1, stats.contacts);

    let mut signals = 0;
    let page = store.list_customers(&CustomerQuery { limit: 500, ..Default::default() }).unwrap();
    for r in &page.rows {
        signals += store.profile(r.id).unwrap().signals.len();
    }
    assert!(signals > 0, "the sample has financial signals");
    let signal_rows = book.texts("财务信号");
    assert_eq!(signal_rows.len() - 1, signals);
    assert_eq!(signal_rows[0], ["客户名称", "指标", "起始期间", "结束期间", "起始值", "结束值", "单位", "变化"]);
    for r in &signal_rows[1..] {
        let unit = match r[1].as_str() {
            "库存周转天数" | "应收账款周转天数" => "天",
            "营业收入" => "万元",
            "毛利率" => "%",
            "现金流" => "",
            other => panic!("not a financial metric: {other}"),
        };
        assert_eq!(r[6], unit, "{r:?}");
    }

    let overview = book.texts("概览");
    let figure = |label: &str| overview.iter().find(|r| r[0] == label).map(|r| r[1].clone()).unwrap();
    assert_eq!(figure("客户总数"), stats.customers.to_string());
    assert_eq!(figure("联系人总数"), stats.contacts.to_string());
    // The grade table adds up to the customer count.
    let start = overview.iter().position(|r| r[0] == "客户分级").unwrap();
    let by_grade: i64 = overview[start + 1..start + 6].iter().map(|r| r[1].parse::<i64>().unwrap()).sum();
    assert_eq!(by_grade, stats.customers);
    assert!(overview.iter().any(|r| r[0] == "生命周期"));

    let entries = book.entries();
    assert!(entries.contains(&"xl/charts/chart1.xml".to_string()), "{entries:?}");
    assert!(entries.contains(&"xl/charts/chart2.xml".to_string()));
    assert!(book.entry("xl/charts/chart1.xml").contains("<c:barChart>"));
    // Header rows frozen and filterable on the list sheets.
    let customers_xml = book.entry("xl/worksheets/sheet2.xml");
    assert!(customers_xml.contains("<pane ") && customers_xml.contains("<autoFilter "));
    book.assert_no_formulas();
}

#[test]
fn team_report_in_english() {
    let (_d, store) = sample();
    let opts = ReportOptions { language: Language::En, include_personal: false };
    let book = Book::new(export::team_report(&store, &opts).unwrap());
    assert_eq!(
        book.sheet_names(),
        [
            "Overview",
            "Customers",
            "Contacts",
            "Financial signals",
            "Purchases",
            "Purchase signals",
            "Follow-ups",
            "Pipeline",
            "Forecast",
            "Lost deals",
            "Stage analysis",
            "Payments",
            "Delivery",
            "Results"
        ]
    );
    assert_eq!(&header(&book, "Customers")[..4], ["Customer", "Short name", "Grade", "Lifecycle"]);
    assert_eq!(&header(&book, "Contacts")[..3], ["Customer", "Name", "Pinyin"]);
    let lifecycle = col(&book, "Customers", "Lifecycle");
    let english: Vec<&str> =
        ["New", "Interested", "Following up", "Quoting", "Negotiating", "Won", "Existing", "Lost", ""].to_vec();
    assert!(book.texts("Customers")[1..].iter().all(|r| english.contains(&r[lifecycle].as_str())));
    let text = book.all_text();
    assert!(!text.contains("客户名称") && !text.contains("跟进中"), "no Chinese header or label left");
    assert!(book.texts("Overview").iter().any(|r| r[0] == "Accounts"));
}

/// A family detail of a sample key person (sensitive, docs/contacts.md) and their customer.
fn a_family_text(store: &Store) -> (i64, String) {
    let page = store.list_customers(&CustomerQuery { limit: 500, ..Default::default() }).unwrap();
    page.rows
        .iter()
        .flat_map(|r| store.profile(r.id).unwrap().contacts)
        .map(|c| (c.customer_id, c.fields.family))
        .find(|(_, f)| !f.is_empty())
        .expect("the sample has family details")
}

/// A customer with one contact whose every personal field ([`PersonalField::ALL`]) holds its
/// own marker text; returns the customer and the markers.
fn a_contact_with_every_personal_field(store: &Store) -> (i64, Vec<String>) {
    let customer = store.create_customer(&common::named("隐私测试有限公司")).unwrap();
    let mut card = serde_json::json!({ "name": "隐私测试人", "title": "采购经理", "phone": "13912345678" });
    let markers: Vec<String> = PersonalField::ALL.iter().enumerate().map(|(i, _)| format!("标记{i}号内容")).collect();
    for (f, m) in PersonalField::ALL.iter().zip(&markers) {
        card[serde_json::to_value(f).unwrap().as_str().unwrap()] = m.clone().into();
    }
    let fields: ContactFields = serde_json::from_value(card).unwrap();
    store.create_contact(customer.id, &fields).unwrap();
    (customer.id, markers)
}

#[test]
fn every_personal_field_is_left_out_unless_asked_for() {
    let (_d, store) = common::store();
    let (customer_id, markers) = a_contact_with_every_personal_field(&store);
    for opts in [zh(false), ReportOptions { language: Language::En, include_personal: false }] {
        let books = [
            Book::new(export::team_report(&store, &opts).unwrap()),
            Book::new(export::customer_profile(&store, customer_id, &opts).unwrap()),
        ];
        for book in books {
            let xml = book.all_xml();
            assert!(xml.contains("13912345678"), "the contact is exported");
            for m in &markers {
                assert!(!xml.contains(m.as_str()), "{m} leaked");
            }
        }
    }
    for book in [
        Book::new(export::team_report(&store, &zh(true)).unwrap()),
        Book::new(export::customer_profile(&store, customer_id, &zh(true)).unwrap()),
    ] {
        let text = book.all_text();
        for m in &markers {
            assert!(text.contains(m.as_str()), "{m} missing when asked for");
        }
    }
}

#[test]
fn personal_details_only_when_asked_for() {
    let (_d, store) = sample();
    let (customer_id, family) = a_family_text(&store);
    let without = Book::new(export::team_report(&store, &zh(false)).unwrap());
    assert!(!without.all_xml().contains(&family), "{family} leaked");
    assert!(!header(&without, "联系人").iter().any(|h| ["爱好", "家庭", "饮品/饮食/礼品禁忌"].contains(&h.as_str())));

    let with = Book::new(export::team_report(&store, &zh(true)).unwrap());
    assert!(with.all_text().contains(&family));
    let h = header(&with, "联系人");
    assert!(h.contains(&"家庭".to_string()) && h.contains(&"爱好".to_string()));

    // The same rule in the printable profile.
    let without = Book::new(export::customer_profile(&store, customer_id, &zh(false)).unwrap());
    assert!(!without.all_xml().contains(&family));
    let with = Book::new(export::customer_profile(&store, customer_id, &zh(true)).unwrap());
    assert!(with.all_text().contains(&family));
}

#[test]
fn user_text_that_looks_like_a_formula_stays_text() {
    let (_d, store) = common::store();
    let nasty = ["=1+1", "@SUM(A1)", "+86 138 0000 0000", "-2+3", "=HYPERLINK(\"http://x\",\"y\")"];
    for (i, name) in nasty.iter().enumerate() {
        let f = CustomerFields {
            name: name.to_string(),
            industry: "=cmd|' /C calc'!A0".into(),
            grade: Some(Grade::A),
            ..Default::default()
        };
        let c = store.create_customer(&f).unwrap();
        let contact = ContactFields { name: format!("=A{i}"), title: "@mention".into(), ..Default::default() };
        store.create_contact(c.id, &contact).unwrap();
    }
    let book = Book::new(export::team_report(&store, &zh(true)).unwrap());
    let names: Vec<Data> = book.rows("客户")[1..].iter().map(|r| r[0].clone()).collect();
    for n in nasty {
        assert!(names.contains(&Data::String(n.to_string())), "{n} not read back as text: {names:?}");
    }
    assert!(book.rows("联系人")[1..].iter().all(|r| matches!(&r[1], Data::String(s) if s.starts_with("=A"))));
    book.assert_no_formulas();

    let id = store.list_customers(&CustomerQuery::default()).unwrap().rows[0].id;
    let profile = Book::new(export::customer_profile(&store, id, &zh(false)).unwrap());
    let name = store.profile(id).unwrap().customer.fields.name;
    assert_eq!(profile.rows("客户档案")[0][0], Data::String(name));
    profile.assert_no_formulas();
}

#[test]
fn customer_profile_has_the_8_dimensions_and_prints_landscape() {
    let (_d, store) = sample();
    let hit = store.search("华东精密", 1).unwrap().customers[0].clone();
    let p = store.profile(hit.customer_id).unwrap();
    let book = Book::new(export::customer_profile(&store, p.customer.id, &zh(false)).unwrap());
    assert_eq!(book.sheet_names(), ["客户档案"]);
    let rows = book.texts("客户档案");
    assert_eq!(rows[0][0], "华东精密机械股份有限公司");
    let titles: Vec<&String> = rows
        .iter()
        .map(|r| &r[0])
        .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.contains(". "))
        .collect();
    let expected = [
        "1. 公司概要",
        "2. 主营业务",
        "3. 财务状况",
        "4. 客户解读 SP/BP",
        "5. 权力地图",
        "6. 关键人物",
        "7. 供应商",
        "8. 流程 & IT",
    ];
    assert_eq!(titles.len(), 8, "{titles:?}");
    for (t, e) in titles.iter().zip(expected) {
        assert!(t.starts_with(e), "{t} should start with {e}");
    }
    let text = book.all_text();
    // Every financial period, supplier and contact is there; roles carry the contact's name.
    for f in &p.financials {
        assert!(rows.iter().any(|r| r[0] == f.period), "period {}", f.period);
    }
    for s in &p.suppliers {
        assert!(text.contains(&s.name));
    }
    for c in &p.contacts {
        assert!(text.contains(&c.fields.name));
        assert!(text.contains(&c.fields.phone), "phone of {}", c.fields.name);
    }
    let role_header = rows.iter().position(|r| r[0] == "联系人" && r[2] == "采购角色").expect("the power-map table");
    assert!(!p.roles.is_empty());
    for (i, role) in p.roles.iter().enumerate() {
        let contact = p.contacts.iter().find(|c| c.id == role.contact_id).unwrap();
        assert_eq!(rows[role_header + 1 + i][0], contact.fields.name);
    }
    let sheet = book.entry("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("orientation=\"landscape\"") && sheet.contains("paperSize=\"9\""), "A4 landscape");
    assert!(sheet.contains("fitToPage=\"1\"") && sheet.contains("fitToHeight=\"0\""), "fit to width");
    book.assert_no_formulas();

    let en = ReportOptions { language: Language::En, include_personal: false };
    let book = Book::new(export::customer_profile(&store, p.customer.id, &en).unwrap());
    assert!(book.texts("Profile").iter().any(|r| r[0].starts_with("5. Power map")));
}

#[test]
fn profile_of_a_missing_customer_is_not_found() {
    let (_d, store) = common::store();
    let err = export::customer_profile(&store, 404, &zh(false)).err().unwrap();
    assert!(matches!(err, dossier_core::CoreError::NotFound { .. }), "{err:?}");
}

#[test]
fn templates_have_canonical_headers_drop_downs_and_text_columns() {
    for kind in ImportKind::ALL {
        let book = Book::new(export::template(kind).unwrap());
        assert_eq!(book.sheet_names()[1], "填写说明", "{kind:?}: a notes sheet");
        let notes = book.texts("填写说明");
        for field in kind.fields() {
            let header = dossier_core::import::mapping::canonical_header(*field);
            let line = notes.iter().find(|r| r[0] == header).unwrap_or_else(|| panic!("{kind:?}: {header} noted"));
            assert_eq!(line[1] == "是", kind.required().contains(field), "{kind:?}: {header} required");
        }
        let sheet = book.sheet_names()[0].clone();
        let rows = book.rows(&sheet);
        let headers: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
        let expected: Vec<&str> =
            kind.fields().iter().map(|f| dossier_core::import::mapping::canonical_header(*f)).collect();
        assert_eq!(headers, expected);
        // The importer maps every header of its own template to the right field.
        let mapped = suggest(&headers, kind.fields());
        assert_eq!(mapped, kind.fields().iter().map(|f| Some(*f)).collect::<Vec<_>>(), "{kind:?}");
        assert!(rows.len() >= 2, "an example row");
    }

    let book = Book::new(export::template(ImportKind::Visits).unwrap());
    let headers = &book.texts("跟进记录导入模板")[0];
    assert!(headers.iter().any(|h| h == "跟进日期") && headers.iter().any(|h| h == "跟进目的"), "{headers:?}");
    assert!(!headers.iter().any(|h| h.contains("拜访")), "the record is a 跟进记录, not only a visit: {headers:?}");

    let book = Book::new(export::template(ImportKind::Customers).unwrap());
    let rows = book.rows("客户导入模板");
    let at = |h: &str| rows[0].iter().position(|c| *c == Data::String(h.into())).unwrap();
    assert_eq!(rows[1][at("手机")], Data::String("0512-66668888".into()));
    assert_eq!(rows[1][at("股票代码")], Data::String("002415".into()));
    let sheet = book.entry("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<dataValidation "), "drop-downs");
    assert_eq!(sheet.matches("<dataValidation ").count(), 4, "grade, lifecycle, ownership, lead source");
    assert!(sheet.contains("\"A,B,C,D\""));
    let styles = book.entry("xl/styles.xml");
    assert!(styles.contains("numFmtId=\"49\""), "text (@) format for phone and code columns");
}

#[test]
fn template_drop_down_labels_are_what_the_importer_reads() {
    let book = Book::new(export::template(ImportKind::Customers).unwrap());
    let sheet = book.entry("xl/worksheets/sheet1.xml");
    for l in ["新建", "有意向", "跟进中", "报价中", "谈判中", "已成交", "老客户", "流失"] {
        assert!(sheet.contains(l), "{l} in the lifecycle drop-down");
        assert!(labels::lifecycle(l).is_some(), "{l}");
    }
    for l in ["国企", "民企", "外企", "合资", "上市公司", "事业单位"] {
        assert!(sheet.contains(l) && labels::ownership(l).is_some(), "{l}");
    }
    for l in ["市场活动", "广告", "转介绍", "展会", "直播", "官网", "渠道", "自拓"] {
        assert!(sheet.contains(l) && labels::lead_source(l).is_some(), "{l}");
    }
    for l in ["A", "B", "C", "D"] {
        assert!(labels::grade(l).is_some());
    }
}

fn import_spec(path: std::path::PathBuf, kind: ImportKind) -> ImportSpec {
    ImportSpec {
        path,
        kind,
        sheet: None,
        header_row: None,
        mapping: None,
        encoding: None,
        on_duplicate: OnDuplicate::Skip,
        fixes: Vec::new(),
        revenue_year: None,
    }
}

#[test]
fn a_filled_in_template_imports_cleanly() {
    let (dir, store) = common::store();
    let path = dir.path().join("template.xlsx");
    export::template(ImportKind::Customers).unwrap().save(&path).unwrap();
    let preview = store.preview_import(&import_spec(path, ImportKind::Customers)).unwrap();
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.rows[0].status, RowStatus::New, "{:?}", preview.rows[0].issues);
    assert!(preview.rows[0].issues.is_empty());
}

#[test]
fn error_report_lists_every_refused_cell() {
    let (dir, store) = common::store();
    store.create_customer(&common::named("华东精密机械股份有限公司")).unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["客户名称", "客户等级", "成立日期", "阶段"],
        ["甲公司", "重要", "2023年13月", "跟进中"],
        ["", "A", "", ""],
        ["乙公司", "B", "", "随便"],
        ["丙公司", "C", "2001", "新建"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let preview = store.preview_import(&import_spec(path, ImportKind::Customers)).unwrap();
    let issues: Vec<_> = preview.rows.iter().flat_map(|r| r.issues.iter().map(move |i| (r, i))).collect();
    assert!(issues.len() >= 4, "{issues:?}");

    let book = Book::new(export::error_report(&preview).unwrap());
    let sheet = book.rows("导入错误");
    assert_eq!(book.texts("导入错误")[0], ["行", "列", "表头", "原因", "该行内容", "工作表"]);
    assert_eq!(sheet.len() - 1, issues.len(), "one row per issue");
    for ((plan, issue), row) in issues.iter().zip(&sheet[1..]) {
        assert_eq!(row[0], Data::Float(issue.row as f64));
        assert_eq!(row[1], Data::String(issue.column.clone()));
        assert_eq!(row[2], Data::String(issue.header.clone()));
        assert_eq!(row[3], Data::String(export::reason_text(&issue.problem)));
        assert_eq!(row[4].to_string(), plan.title);
    }
    let reasons: Vec<String> = sheet[1..].iter().map(|r| r[3].to_string()).collect();
    assert!(reasons.contains(&"不是可选的值 '重要'".to_string()), "{reasons:?}");
    assert!(reasons.contains(&"不是可选的值 '随便'".to_string()), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("2023年13月")), "{reasons:?}");
    let required = issues.iter().find(|(_, i)| i.problem == Problem::Required).expect("the nameless row");
    assert_eq!((required.1.row, required.1.column.as_str()), (3, "A"));
    assert!(sheet[1..].iter().any(|r| r[0] == Data::Float(3.0) && r[3] == Data::String("必填，不能为空".into())));
}

#[test]
fn team_report_pages_past_500_customers_and_handles_an_empty_store() {
    let (_d, store) = common::store();
    let empty = Book::new(export::team_report(&store, &zh(false)).unwrap());
    assert_eq!(empty.texts("客户").len(), 1, "the header only");
    assert!(empty.entries().contains(&"xl/charts/chart1.xml".to_string()));

    dossier_core::sample::load(&store, 15).unwrap();
    let stats = store.stats().unwrap();
    assert!(stats.customers > 500, "{}", stats.customers);
    let book = Book::new(export::team_report(&store, &zh(false)).unwrap());
    let rows = book.texts("客户");
    assert_eq!(rows.len() as i64 - 1, stats.customers);
    let names: std::collections::HashSet<&String> = rows[1..].iter().map(|r| &r[0]).collect();
    assert_eq!(names.len() as i64, stats.customers, "no customer twice across pages");
    assert_eq!(book.texts("联系人").len() as i64 - 1, stats.contacts);
    // Grades and lifecycles tallied over all pages.
    let overview = book.texts("概览");
    let start = overview.iter().position(|r| r[0] == "客户分级").unwrap();
    let by_grade: i64 = overview[start + 1..start + 6].iter().map(|r| r[1].parse::<i64>().unwrap()).sum();
    assert_eq!(by_grade, stats.customers);
}
