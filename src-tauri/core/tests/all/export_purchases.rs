//! The team report's purchase sheet: CNY sums by month and category, other currencies left
//! out with a note, native line and column charts in the package.

use crate::common;

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use dossier_core::export::{self, Language, ReportOptions};
use dossier_core::import::mapping::suggest;
use dossier_core::import::plan::{ImportKind, OnDuplicate};
use dossier_core::import::read::Sheet;
use dossier_core::import::values::Cell;
use dossier_core::import::ImportRequest;
use dossier_core::Store;

fn import_purchases(s: &Store, rows: &[[&str; 5]]) {
    let sheet = Sheet {
        name: "采购".into(),
        rows: rows.iter().map(|r| r.iter().map(|v| Cell::Text(v.to_string())).collect()).collect(),
    };
    let headers: Vec<String> = rows[0].iter().map(|h| h.to_string()).collect();
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
    let rec = s.commit_import(&req, &mut |_, _| true).unwrap();
    assert_eq!(rec.errors, 0);
}

fn report(s: &Store, language: Language) -> Vec<u8> {
    export::team_report(s, &ReportOptions { language, include_personal: false }).unwrap().to_bytes().unwrap()
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::Float(f) = c { format!("{f}") } else { c.to_string() }).collect())
        .collect()
}

fn charts(bytes: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let names: Vec<String> =
        zip.file_names().map(|n| n.unwrap().into_owned()).filter(|n| n.starts_with("xl/charts/chart")).collect();
    names
        .iter()
        .map(|n| {
            let mut s = String::new();
            zip.by_name(n).unwrap().read_to_string(&mut s).unwrap();
            s
        })
        .collect()
}

#[test]
fn purchases_by_month_for_the_largest_customers_and_by_category_with_charts() {
    let (_d, s) = common::store();
    for name in ["华东精密机械股份有限公司", "南方电网物资有限公司"] {
        s.create_customer(&common::named(name)).unwrap();
    }
    import_purchases(
        &s,
        &[
            ["客户", "月份", "产品", "类别", "金额"],
            ["华东精密机械股份有限公司", "2025-01", "伺服电机", "电机", "100"],
            ["华东精密机械股份有限公司", "2025-02", "伺服电机", "电机", "90"],
            ["华东精密机械股份有限公司", "2025-03", "控制器", "电控", "80"],
            ["南方电网物资有限公司", "2025-02", "电缆", "", "50"],
            ["南方电网物资有限公司", "2025-03", "电缆", "", "$1,000"],
        ],
    );
    let bytes = report(&s, Language::Zh);
    let rows = sheet(&bytes, "采购");
    assert_eq!(rows[0][0], "采购趋势（人民币，元）");
    assert_eq!(rows[1][0], "另有 1 条其他币种的记录未计入以下金额");
    assert_eq!(rows[3][..4], ["月份", "华东精密机械股份有限公司", "南方电网物资有限公司", "全部客户合计"]);
    // 24 consecutive months up to the latest; a month without purchases is 0, not a gap.
    let months: Vec<&Vec<String>> = rows[4..28].iter().collect();
    assert_eq!(months.first().unwrap()[0], "2023-04");
    assert_eq!(months.last().unwrap()[0], "2025-03");
    let at = |m: &str| months.iter().find(|r| r[0] == m).unwrap()[1..4].to_vec();
    assert_eq!(at("2024-12"), ["0", "0", "0"]);
    assert_eq!(at("2025-01"), ["100", "0", "100"]);
    assert_eq!(at("2025-02"), ["90", "50", "140"]);
    assert_eq!(at("2025-03"), ["80", "0", "80"], "the dollar record is not added");
    let cat = rows.iter().position(|r| r[0] == "按类别").unwrap();
    assert_eq!(rows[cat + 1][..3], ["类别", "金额", "数量"]);
    let cats: Vec<(String, String)> = rows[cat + 2..cat + 5].iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert_eq!(
        cats,
        [("电机".to_string(), "190".to_string()), ("电控".into(), "80".into()), ("未分类".into(), "50".into())]
    );

    let xml = charts(&bytes).join("\n");
    assert!(xml.contains("<c:lineChart>"), "a native line chart");
    assert!(xml.contains("采购!$B$5:$B$28") && xml.contains("采购!$C$5:$C$28"), "one series per top customer");
    assert!(xml.contains("<c:barDir val=\"col\"/>"), "a native column chart");
}

#[test]
fn without_purchases_the_sheet_says_how_to_add_them() {
    let (_d, s) = common::store();
    s.create_customer(&common::named("华东精密机械股份有限公司")).unwrap();
    let rows = sheet(&report(&s, Language::En), "Purchases");
    assert_eq!(rows[0][0], "Purchases (CNY)");
    assert!(rows.iter().any(|r| r[0].starts_with("No purchase records yet")));
}

#[test]
fn the_purchase_signals_are_listed_most_severe_first_and_follow_the_thresholds() {
    let (_d, s) = common::store();
    dossier_core::sample::load(&s, 1).unwrap();
    let rows = sheet(&report(&s, Language::Zh), "采购信号");
    assert_eq!(
        rows[0],
        [
            "级别",
            "客户名称",
            "产品",
            "类别",
            "信号",
            "起始月",
            "结束月",
            "对比值（元）",
            "最新值（元）",
            "变化",
            "说明"
        ]
    );
    // The sample's five scripted signals, in the home feed's order; no financial ones here.
    let got: Vec<(&str, &str, &str)> =
        rows[1..].iter().map(|r| (r[0].as_str(), r[2].as_str(), r[4].as_str())).collect();
    assert_eq!(
        got,
        [
            ("高", "伺服电机", "连续下降"),
            ("高", "减速机", "停购"),
            ("中", "触摸屏", "同比下降"),
            ("低", "变频器", "激增"),
            ("低", "工业网关", "新产品")
        ]
    );
    assert_eq!(rows[1][1], "华东精密机械股份有限公司");
    assert_eq!(rows[1][10], "伺服电机 连续 3 个月下降：120 → 95 → 70 → 52 万元");
    assert_eq!(rows[1][8], "520000", "the latest month in yuan, a number");

    // At four months the decline is gone from the report as from the feed.
    s.save_settings(&dossier_core::settings::Settings { decline_months: 4, ..Default::default() }).unwrap();
    let rows = sheet(&report(&s, Language::En), "Purchase signals");
    assert!(rows.iter().all(|r| r.get(2).map(String::as_str) != Some("伺服电机") || r[4] != "Decline"));
    assert_eq!(rows.len(), 5, "header + the four others");
}

#[test]
fn without_signals_the_sheet_says_why() {
    let (_d, s) = common::store();
    s.create_customer(&common::named("华东精密机械股份有限公司")).unwrap();
    let rows = sheet(&report(&s, Language::Zh), "采购信号");
    assert!(rows.iter().any(|r| r[0].starts_with("没有采购信号")));
}
