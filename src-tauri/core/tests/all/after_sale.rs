//! 回款 and 交付 across deals: the sample's won deals with their plans, payments and
//! milestones; the team report's 回款 (by month with its chart, by customer and month) and
//! 交付 sheets, their owner and period filter; 周会's lists and sheets. The clock is pinned on
//! Monday 2026-11-23.

use crate::common;

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use common::named;
use dossier_core::activity::HomeQuery;
use dossier_core::customers::CustomerFields;
use dossier_core::export::{self, Language, ReportOptions, TeamFilter};
use dossier_core::opportunities::{OpportunityFields, Stage};
use dossier_core::payments::{InstallmentFields, MilestoneFields, MilestoneStatus, PaymentFields, PlanInput};
use dossier_core::risk::{RiskLevel, RiskRule};
use dossier_core::weekly::{PeriodQuery, WeeklyQuery};
use dossier_core::Store;

/// A customer of `owner` with a deal of `owner` won on `signed` for a contract of `amount`.
fn won(s: &Store, customer: &str, owner: &str, amount: f64, signed: &str) -> i64 {
    let c = s.create_customer(&CustomerFields { owner: owner.into(), ..named(customer) }).unwrap().id;
    let f = OpportunityFields {
        name: format!("{customer}项目"),
        owner: owner.into(),
        amount: Some(amount),
        stage: Stage::Won,
        needs: "产线追溯".into(),
        quote_amount: Some(amount),
        quote_date: signed.into(),
        contract_amount: Some(amount),
        contract_date: signed.into(),
        ..Default::default()
    };
    s.create_opportunity(c, &f).unwrap().id
}

fn plan(s: &Store, deal: i64, list: &[(f64, &str)]) {
    let installments = list
        .iter()
        .map(|&(amount, due)| InstallmentFields { amount: Some(amount), due_date: due.into(), ..Default::default() })
        .collect();
    s.save_payment_plan(deal, &PlanInput { installments, confirm_over: false }).unwrap();
}

fn pay(s: &Store, deal: i64, on: &str, amount: f64) {
    s.add_payment(deal, &PaymentFields { received_on: on.into(), amount: Some(amount), note: String::new() }).unwrap();
}

fn milestone(name: &str, planned: &str, actual: &str, owner: &str, status: MilestoneStatus) -> MilestoneFields {
    MilestoneFields {
        name: name.into(),
        planned_date: planned.into(),
        actual_date: actual.into(),
        owner: owner.into(),
        status,
    }
}

/// 华东精密 (张伟): ¥100,000 signed 2026-09-01, paid 30,000 + 20,000 of 30,000 + 50,000 +
/// 20,000 (the second installment ¥30,000 overdue), its 验收 22 days late and 交付 done 4
/// days late. 长江汽配 (李娜): ¥60,000 paid in full, its 交付 (赵工) 3 days late.
fn two_deals(s: &Store) -> (i64, i64) {
    use MilestoneStatus::*;
    let a = won(s, "华东精密", "张伟", 100_000.0, "2026-09-01");
    plan(s, a, &[(30_000.0, "2026-09-10"), (50_000.0, "2026-10-15"), (20_000.0, "2026-12-20")]);
    pay(s, a, "2026-09-12", 30_000.0);
    pay(s, a, "2026-10-20", 20_000.0);
    let list = [
        milestone("签约", "2026-09-01", "2026-09-01", "", Done),
        milestone("交付", "2026-10-01", "2026-10-05", "", Done),
        milestone("验收", "2026-11-01", "", "", InProgress),
        milestone("培训", "2026-12-01", "", "", NotStarted),
    ];
    s.save_milestones(a, &list).unwrap();
    let b = won(s, "长江汽配", "李娜", 60_000.0, "2026-10-01");
    plan(s, b, &[(60_000.0, "2026-10-10")]);
    pay(s, b, "2026-10-09", 60_000.0);
    s.save_milestones(b, &[milestone("交付", "2026-11-20", "", "赵工", NotStarted)]).unwrap();
    (a, b)
}

struct Book(Vec<u8>);

impl Book {
    fn of(x: export::Xlsx) -> Book {
        Book(x.to_bytes().unwrap())
    }

    fn names(&self) -> Vec<String> {
        Xlsx::new(Cursor::new(self.0.clone())).unwrap().sheet_names()
    }

    fn sheet(&self, name: &str) -> Vec<Vec<String>> {
        let mut book = Xlsx::new(Cursor::new(self.0.clone())).unwrap();
        let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
        let text = |c: &Data| match c {
            Data::Float(f) => format!("{f}"),
            other => other.to_string(),
        };
        range.rows().map(|r| r.iter().map(text).collect()).collect()
    }

    /// The rows of `sheet` whose first cells are `key`.
    fn rows_of(&self, sheet: &str, key: &[&str]) -> Vec<Vec<String>> {
        self.sheet(sheet).into_iter().filter(|r| r.len() >= key.len() && r[..key.len()] == *key).collect()
    }

    fn charts(&self) -> Vec<String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(self.0.clone())).unwrap();
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
}

fn zh() -> ReportOptions {
    ReportOptions::default()
}

#[test]
fn the_team_reports_payments_sheet_sums_plan_received_and_overdue_by_month_with_a_chart() {
    let (_d, s) = common::store();
    two_deals(&s);
    let book = Book::of(export::team_report(&s, &zh()).unwrap());
    let names = book.names();
    assert_eq!(names[names.len() - 3..], ["回款", "交付", "业绩"]);

    // By month: planned (due that month), received (that month), overdue today.
    assert_eq!(book.rows_of("回款", &["2026-09"])[0][1..4], ["30000", "30000", "0"]);
    assert_eq!(book.rows_of("回款", &["2026-10"])[0][1..4], ["110000", "80000", "30000"]);
    assert_eq!(book.rows_of("回款", &["2026-12"])[0][1..4], ["20000", "0", "0"]);
    let totals = book.rows_of("回款", &["合计"]);
    assert_eq!(totals[0][1..4], ["160000", "110000", "30000"], "the months' total");
    assert_eq!(totals[1][2..5], ["160000", "110000", "30000"], "the customers' total");
    // By customer and month.
    assert_eq!(book.rows_of("回款", &["华东精密", "2026-10"])[0][2..5], ["50000", "20000", "30000"]);
    assert_eq!(book.rows_of("回款", &["长江汽配", "2026-10"])[0][2..5], ["60000", "60000", "0"]);

    // A native chart: planned and received as columns, overdue as a line.
    let charts = book.charts();
    let chart = charts.iter().find(|c| c.contains("每月计划回款、已回款与逾期")).expect("the 回款 chart");
    assert!(chart.contains("<c:barChart>") && chart.contains("<c:lineChart>"), "{chart}");
    assert!(chart.contains("$B$5") && chart.contains("$D$6:$D$8"), "{chart}");

    // 交付: the late ones first, most days late first; then by planned day.
    let delivery = book.sheet("交付");
    assert_eq!(
        delivery[0],
        ["客户名称", "商机名称", "里程碑", "负责人", "计划日期", "实际日期", "状态", "逾期", "逾期天数"]
    );
    let short: Vec<[&str; 5]> = delivery[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[2].as_str(), r[3].as_str(), r[6].as_str(), r[8].as_str()])
        .collect();
    assert_eq!(
        short,
        [
            ["华东精密", "验收", "张伟", "进行中", "22"],
            ["长江汽配", "交付", "赵工", "未开始", "3"],
            ["华东精密", "签约", "张伟", "已完成", ""],
            ["华东精密", "交付", "张伟", "已完成", "4"],
            ["华东精密", "培训", "张伟", "未开始", ""],
        ]
    );
    assert_eq!(delivery[1][7], "已逾期");
    assert_eq!(delivery[4][7], "", "done 4 days late is not late now");

    let en = ReportOptions { language: Language::En, include_personal: false };
    let book = Book::of(export::team_report(&s, &en).unwrap());
    let names = book.names();
    assert_eq!(names[names.len() - 3..], ["Payments", "Delivery", "Results"]);
    assert_eq!(book.rows_of("Delivery", &["华东精密", "华东精密项目", "验收"])[0][6], "In progress");
    assert_eq!(book.rows_of("Payments", &["Total"]).len(), 2);
}

#[test]
fn the_team_reports_owners_and_period_narrow_payments_and_delivery() {
    let (_d, s) = common::store();
    two_deals(&s);
    let li = TeamFilter { owners: vec!["李娜".into()], period: None };
    let book = Book::of(export::team_report_of(&s, &zh(), &li).unwrap());
    assert_eq!(book.rows_of("回款", &["合计"])[0][1..4], ["60000", "60000", "0"]);
    assert!(book.rows_of("回款", &["华东精密"]).is_empty());
    let delivery = book.sheet("交付");
    assert_eq!(delivery.len(), 2, "{delivery:?}");
    assert_eq!(delivery[1][..3], ["长江汽配", "长江汽配项目", "交付"]);

    // October: its installments and payments; the milestones planned or done in it, and the
    // late ones whatever their month.
    let october = TeamFilter { owners: vec![], period: Some(PeriodQuery::days("2026-10-01", "2026-10-31")) };
    let book = Book::of(export::team_report_of(&s, &zh(), &october).unwrap());
    assert!(book.rows_of("回款", &["2026-09"]).is_empty());
    assert_eq!(book.rows_of("回款", &["合计"])[0][1..4], ["110000", "80000", "30000"]);
    let names: Vec<String> = book.sheet("交付")[1..].iter().map(|r| format!("{} {}", r[0], r[2])).collect();
    assert_eq!(names, ["华东精密 验收", "长江汽配 交付", "华东精密 交付"]);

    // Nothing won: each sheet says how to fill it.
    let (_d, empty) = common::store();
    let book = Book::of(export::team_report(&empty, &zh()).unwrap());
    assert!(book.sheet("回款")[3][0].starts_with("没有回款计划"));
    assert!(book.sheet("交付")[2][0].starts_with("没有交付里程碑"));
}

#[test]
fn weekly_lists_the_periods_payments_and_milestones_of_the_deals_owners() {
    let (_d, s) = common::store();
    let (a, b) = two_deals(&s);
    pay(&s, a, "2026-11-23", 10_000.0);
    let q =
        |owners: &[&str]| WeeklyQuery { owners: owners.iter().map(|o| o.to_string()).collect(), ..Default::default() };

    let v = s.weekly(&q(&[])).unwrap();
    assert_eq!((v.summary.payments, v.summary.received_amount), (1, 10_000.0));
    assert_eq!(v.payments[0].opportunity_id, a);
    assert_eq!(v.payments[0].owner, "张伟");
    // Nothing planned or done this week; the two late ones, most days late first.
    assert_eq!((v.summary.milestones, v.summary.late_milestones), (2, 2));
    let late: Vec<(i64, &str, Option<i64>)> =
        v.milestones.iter().map(|m| (m.opportunity_id, m.name.as_str(), m.days_late)).collect();
    assert_eq!(late, [(a, "验收", Some(22)), (b, "交付", Some(3))]);
    let first = s.weekly(&WeeklyQuery { limit: 1, ..q(&[]) }).unwrap();
    assert_eq!(first.milestones.len(), 1);
    assert_eq!((first.summary.milestones, first.summary.late_milestones), (2, 2), "counted past the page");

    // A deal's things are its owner's: 李娜 has no payment this week and her one late milestone.
    let li = s.weekly(&q(&["李娜"])).unwrap();
    assert!(li.payments.is_empty());
    assert_eq!(li.milestones.iter().map(|m| m.opportunity_id).collect::<Vec<_>>(), [b]);

    let book = Book::of(export::weekly_report(&s, &q(&[]), &zh()).unwrap());
    let names = book.names();
    assert_eq!(names[names.len() - 2..], ["回款", "交付"]);
    let payments = book.sheet("回款");
    assert_eq!(payments[0][..5], ["客户名称", "商机名称", "回款日期", "金额（元）", "负责人"]);
    assert_eq!(payments[1][0..2], ["华东精密", "华东精密项目"]);
    assert_eq!(payments[1][3..5], ["10000", "张伟"]);
    assert_eq!(book.sheet("交付")[1][..3], ["华东精密", "华东精密项目", "验收"]);
    assert_eq!(book.rows_of("概览", &["回款金额（元）"])[0][1], "10000");
    let book = Book::of(export::weekly_report(&s, &q(&["李娜"]), &zh()).unwrap());
    assert!(book.sheet("回款")[2][0].starts_with("这段时间没有收到回款"));
}

#[test]
fn the_samples_won_deals_have_plans_payments_and_milestones() {
    let (_d, s) = common::store();
    dossier_core::sample::load(&s, 1).unwrap();
    let won: Vec<i64> = s
        .connection()
        .prepare("SELECT id FROM opportunity WHERE stage = 'won' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(won.len() >= 5, "{won:?}");
    let (mut paid_up, mut partly, mut overdue, mut late, mut installments_overdue) = (0, 0, 0, 0, 0);
    for &id in &won {
        let p = s.payment_plan(id).unwrap();
        assert!((2..=4).contains(&p.installments.len()), "{p:?}");
        assert!(p.plan_difference.abs() < 0.01, "the plan sums to the contract: {p:?}");
        assert!(["签约后", "到货后", "验收后", "质保期满"].contains(&p.installments[0].condition.as_str()));
        if p.received_total > 0.0 && p.outstanding < 0.01 {
            paid_up += 1;
        } else if p.received_total > 0.0 {
            partly += 1;
        }
        overdue += usize::from(p.overdue_amount > 0.0);
        installments_overdue += p.installments.iter().filter(|i| i.overdue > 0.0).count();
        let m = s.milestones(id).unwrap();
        let names: Vec<&str> = m.iter().map(|m| m.fields.name.as_str()).collect();
        assert_eq!(names, ["签约", "交付", "安装/上线", "验收", "培训", "回访"]);
        late += m.iter().filter(|m| m.overdue).count();
    }
    assert!(paid_up >= 1 && partly >= 1, "fully paid {paid_up}, partly {partly}");
    assert!(overdue >= 1 && overdue * 3 <= won.len(), "{overdue} of {} overdue", won.len());
    assert!(late >= 1, "a late milestone");
    // 今日 lists them all, and counts them all past its limit.
    let home = |limit| s.home(&HomeQuery { owners: vec![], limit }).unwrap();
    assert_eq!(home(200).won_overdue.len(), installments_overdue + late);
    let first = home(1);
    assert_eq!((first.won_overdue.len(), first.won_overdue_total), (1, (installments_overdue + late) as i64));

    // Yellow, not a wall of red: nothing of the sample is 30 days late.
    let lights = s.portfolio_risk().unwrap();
    let reasons = lights.customers.iter().flat_map(|c| c.risk.reasons.iter());
    let after_sale: Vec<_> =
        reasons.filter(|r| matches!(r.rule, RiskRule::OverduePayment | RiskRule::OverdueMilestone)).collect();
    assert!(!after_sale.is_empty());
    assert!(after_sale.iter().all(|r| r.level == RiskLevel::Yellow), "{after_sale:?}");

    // Deterministic: the same plans in another file.
    let (_d2, again) = common::store();
    dossier_core::sample::load(&again, 1).unwrap();
    for &id in &won {
        assert_eq!(again.payment_plan(id).unwrap(), s.payment_plan(id).unwrap());
        assert_eq!(again.milestones(id).unwrap(), s.milestones(id).unwrap());
    }
}

#[test]
fn the_scaled_copies_won_deals_get_them_too() {
    let (_d, s) = common::store();
    dossier_core::sample::load(&s, 2).unwrap();
    let before: i64 = s.connection().query_row("SELECT count(*) FROM installment", [], |r| r.get(0)).unwrap();
    let (_, _, rows) = dossier_core::sample::load_copy_pipeline(&s, 3, 5).unwrap();
    let (deals, planned): (i64, i64) = s
        .connection()
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM installment i WHERE i.opportunity_id = o.id))
             FROM opportunity o WHERE stage = 'won'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(rows > 0 && deals > 20, "{rows} rows, {deals} won deals");
    assert_eq!(planned, deals, "every won deal has a plan");
    let after: i64 = s.connection().query_row("SELECT count(*) FROM installment", [], |r| r.get(0)).unwrap();
    assert!(after > before);
}
