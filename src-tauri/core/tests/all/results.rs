//! 业绩 (docs/results.md): targets saved per month or quarter and refused below 0, the four
//! metrics by owner and month against them (a quarter's target shared by its months, the
//! team's from the owners'), the forecast split by what it rests on, the period's review, 今日's
//! totals and the refused periods. Things are written on their own days by reopening the file
//! with the clock pinned to that day.

use crate::common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use common::{named, refused, store_on};
use dossier_core::customers::CustomerFields;
use dossier_core::error::Reason;
use dossier_core::export::{self, Language, ReportOptions, TeamFilter};
use dossier_core::opportunities::{LostReason, LostReview, OpportunityFields, Stage};
use dossier_core::payments::PaymentFields;
use dossier_core::results::{
    ForecastBasis, Metric, MetricResult, OwnerResults, ResultsPreset, ResultsQuery, TargetFields, TargetsInput,
};
use dossier_core::settings::Settings;
use dossier_core::visits::{VisitFields, VisitMethod};
use dossier_core::weekly::{PeriodPreset, PeriodQuery};
use dossier_core::Store;

fn customer(s: &Store, name: &str, owner: &str) -> i64 {
    s.create_customer(&CustomerFields { owner: owner.into(), ..named(name) }).unwrap().id
}

fn deal(s: &Store, customer: i64, owner: &str, stage: Stage, amount: f64, close: &str) -> i64 {
    let f = OpportunityFields {
        name: format!("{owner}的商机 {amount}"),
        owner: owner.into(),
        amount: Some(amount),
        stage,
        expected_close: close.into(),
        needs: "产线追溯".into(),
        quote_amount: Some(amount),
        quote_date: "2026-09-01".into(),
        contract_amount: (stage == Stage::Won).then_some(amount * 0.9),
        contract_date: if stage == Stage::Won { "2026-10-01".into() } else { String::new() },
        ..Default::default()
    };
    s.create_opportunity(customer, &f).unwrap().id
}

fn record(s: &Store, customer: i64, date: &str) {
    let v =
        VisitFields {
            date: date.into(), method: VisitMethod::Phone, summary: "电话沟通".into(), ..Default::default()
        };
    s.create_visit(customer, &v).unwrap();
}

fn pay(s: &Store, deal: i64, day: &str, amount: f64) {
    s.add_payment(deal, &PaymentFields { received_on: day.into(), amount: Some(amount), note: String::new() }).unwrap();
}

fn target(owner: &str, metric: Metric, value: Option<f64>) -> TargetFields {
    TargetFields { owner: owner.into(), metric, value }
}

fn query(from: &str, to: &str, owners: &[&str]) -> ResultsQuery {
    ResultsQuery {
        preset: ResultsPreset::Custom,
        from: from.into(),
        to: to.into(),
        owners: owners.iter().map(|o| o.to_string()).collect(),
    }
}

fn metric(r: &OwnerResults, m: Metric) -> &MetricResult {
    r.metrics.iter().find(|x| x.metric == m).unwrap()
}

/// (actual, target) of one metric.
fn figure(r: &OwnerResults, m: Metric) -> (f64, Option<f64>) {
    let x = metric(r, m);
    (x.actual, x.target)
}

#[test]
fn targets_are_saved_per_month_or_quarter_and_bad_ones_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 12, 5);
    let input = TargetsInput {
        period: "2026-Q4".into(),
        targets: vec![target("", Metric::Signed, Some(300_000.0)), target("李娜", Metric::Collected, Some(90_000.0))],
    };
    let sheet = s.save_targets(&input).unwrap();
    assert_eq!(sheet.period, "2026-Q4");
    assert_eq!(sheet.targets.len(), 2);
    assert_eq!(sheet.owners, vec!["李娜".to_string()], "an owner with a target is offered");

    // A value below 0 is refused naming its row; the other rows of the same save are not written.
    let bad = TargetsInput {
        period: "2026-Q4".into(),
        targets: vec![target("", Metric::Signed, Some(1.0)), target("李娜", Metric::FollowUps, Some(-1.0))],
    };
    assert_eq!(refused(s.save_targets(&bad)), ("targets.1.value".into(), Reason::OutOfRange));
    // A count is a whole number; an owner of blanks is not the team.
    let half = TargetsInput { period: "2026-Q4".into(), targets: vec![target("李娜", Metric::NewDeals, Some(2.5))] };
    assert_eq!(refused(s.save_targets(&half)), ("targets.0.value".into(), Reason::OutOfRange));
    let blank = TargetsInput { period: "2026-Q4".into(), targets: vec![target("  ", Metric::Signed, Some(1.0))] };
    assert_eq!(refused(s.save_targets(&blank)), ("targets.0.owner".into(), Reason::Required));
    assert_eq!(s.target_sheet("2026-Q4").unwrap(), sheet);
    for period in ["2026-13", "2026-Q5", "", "Q4"] {
        let bad = TargetsInput { period: period.into(), targets: vec![] };
        assert_eq!(refused(s.save_targets(&bad)).0, "period", "{period}");
    }

    // An empty value removes the target; a month keeps its own apart from its quarter's.
    let cleared = TargetsInput { period: "2026-Q4".into(), targets: vec![target("", Metric::Signed, None)] };
    assert_eq!(s.save_targets(&cleared).unwrap().targets.len(), 1);
    let month =
        TargetsInput { period: "2026-12".into(), targets: vec![target("李娜", Metric::Collected, Some(50_000.0))] };
    assert_eq!(s.save_targets(&month).unwrap().targets[0].value, 50_000.0);
    assert_eq!(s.target_sheet("2026-Q4").unwrap().targets[0].value, 90_000.0);
}

#[test]
fn the_metrics_are_counted_by_owner_and_month_against_the_targets() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 10, 15);
    let a = customer(&s, "华东精密", "李娜");
    let b = customer(&s, "南方制药", "王强");
    let won = deal(&s, a, "李娜", Stage::Won, 100_000.0, "2026-10-15"); // contract 90,000
    record(&s, a, "2026-10-14");
    drop(s);
    let s = store_on(&dir, 2026, 10, 20);
    pay(&s, won, "2026-10-20", 40_000.0);
    drop(s);
    let s = store_on(&dir, 2026, 11, 10);
    deal(&s, b, "王强", Stage::Initiation, 50_000.0, "2026-12-20");
    deal(&s, b, "", Stage::Initiation, 20_000.0, "2027-01-20");
    record(&s, a, "2026-11-10");
    record(&s, b, "2026-11-09");
    drop(s);
    let s = store_on(&dir, 2026, 12, 5);
    pay(&s, won, "2026-12-01", 30_000.0);
    // Outside the period: a record of September.
    record(&s, a, "2026-09-30");
    s.save_targets(&TargetsInput {
        period: "2026-Q4".into(),
        targets: vec![
            target("", Metric::Collected, Some(90_000.0)),
            target("李娜", Metric::Signed, Some(120_000.0)),
            target("王强", Metric::Signed, Some(60_000.0)),
        ],
    })
    .unwrap();
    s.save_targets(&TargetsInput {
        period: "2026-10".into(),
        targets: vec![target("李娜", Metric::Signed, Some(100_000.0))],
    })
    .unwrap();

    let v = s.results(&query("2026-10", "2026-12", &[])).unwrap();
    assert_eq!((v.from_day.as_str(), v.to_day.as_str()), ("2026-10-01", "2026-12-31"));
    let owners: Vec<&str> = v.owners.iter().map(|o| o.owner.as_str()).collect();
    assert_eq!(owners, ["李娜", "王强", ""], "a deal without a 负责人 has its row, last");
    assert_eq!(figure(&v.owners[2], Metric::NewDeals), (1.0, None));
    let li = &v.owners[0];
    assert_eq!(figure(li, Metric::Signed), (90_000.0, Some(120_000.0)), "the contract amount, on the day won");
    assert_eq!(figure(li, Metric::Collected), (70_000.0, None));
    assert_eq!(figure(li, Metric::NewDeals), (1.0, None));
    assert_eq!(figure(li, Metric::FollowUps), (2.0, None), "September's record is outside");
    assert_eq!(metric(li, Metric::Signed).completion, Some(0.75));
    let wang = &v.owners[1];
    assert_eq!(figure(wang, Metric::NewDeals), (1.0, None));
    assert_eq!(figure(wang, Metric::FollowUps), (1.0, None));

    // The team's own target where it has one, else the owners' added up.
    assert_eq!(figure(&v.total, Metric::Collected), (70_000.0, Some(90_000.0)));
    assert_eq!(figure(&v.total, Metric::Signed), (90_000.0, Some(180_000.0)));
    assert_eq!(figure(&v.total, Metric::NewDeals), (3.0, None));
    assert_eq!(metric(&v.total, Metric::NewDeals).completion, None);

    // By month: October's own 100,000 for 李娜 leaves 10,000 a month of her quarter; 王强 20,000.
    let months: Vec<(&str, (f64, Option<f64>))> = v
        .months
        .iter()
        .map(|m| {
            (m.month.as_str(), figure(&OwnerResults { owner: "".into(), metrics: m.metrics.clone() }, Metric::Signed))
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-10", (90_000.0, Some(120_000.0))),
            ("2026-11", (0.0, Some(30_000.0))),
            ("2026-12", (0.0, Some(30_000.0)))
        ]
    );
    let collected: Vec<f64> = v.months.iter().map(|m| m.metrics[1].actual).collect();
    assert_eq!(collected, [40_000.0, 0.0, 30_000.0]);

    // One owner chosen: only that row; the total is theirs, against their targets.
    let v = s.results(&query("2026-11", "2026-11", &["王强"])).unwrap();
    assert_eq!(v.owners.len(), 1);
    assert_eq!(figure(&v.total, Metric::Signed), (0.0, Some(20_000.0)));
    assert_eq!(figure(&v.total, Metric::Collected), (0.0, None), "the team's target is not one owner's");
    assert_eq!(figure(&v.total, Metric::FollowUps), (1.0, None));

    // 今日: December and the fourth quarter, everyone.
    let t = s.today_results(&[]).unwrap();
    assert_eq!((t.month.as_str(), t.quarter.as_str()), ("2026-12", "2026-Q4"));
    assert_eq!(figure(&t.month_results, Metric::Collected), (30_000.0, Some(30_000.0)));
    assert_eq!(figure(&t.quarter_results, Metric::Collected), (70_000.0, Some(90_000.0)));
    let t = s.today_results(&["李娜".to_string()]).unwrap();
    assert_eq!(figure(&t.quarter_results, Metric::Signed), (90_000.0, Some(120_000.0)));
    assert_eq!(figure(&t.quarter_results, Metric::Collected), (70_000.0, None));
}

#[test]
fn the_forecast_rests_on_follow_ups_and_the_review_tells_what_moved_and_stalled() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 10, 1);
    let mut settings = Settings::default();
    settings.risk.power_map = false;
    s.save_settings(&settings).unwrap();
    let red_customer = customer(&s, "北方重工", "张伟");
    // In 立项 since October: stuck long enough for red by December.
    let red = deal(&s, red_customer, "张伟", Stage::Initiation, 80_000.0, "2026-12-20");
    let stalled_customer = customer(&s, "西部能源", "张伟");
    let stalled = deal(&s, stalled_customer, "张伟", Stage::Initiation, 10_000.0, "2027-03-01");
    drop(s);
    let s = store_on(&dir, 2026, 11, 25);
    let backed_customer = customer(&s, "华东精密", "李娜");
    let backed = deal(&s, backed_customer, "李娜", Stage::Initiation, 100_000.0, "2026-12-15");
    let quiet_customer = customer(&s, "南方制药", "王强");
    let quiet = deal(&s, quiet_customer, "王强", Stage::Initiation, 60_000.0, "2026-12-31");
    drop(s);
    let s = store_on(&dir, 2026, 11, 30);
    // Five days before: past the no-follow-up rule's yellow days (3), not its red (7).
    record(&s, quiet_customer, "2026-11-30");
    drop(s);
    let s = store_on(&dir, 2026, 12, 5);
    record(&s, backed_customer, "2026-12-04");
    let lost = deal(&s, quiet_customer, "王强", Stage::Quote, 30_000.0, "2026-12-10");
    let review = LostReview {
        lost_to: "某竞品".into(),
        reason: Some(LostReason::Price),
        text: "价格高".into(),
        ..Default::default()
    };
    s.move_opportunity(lost, Stage::Lost, Some(&review)).unwrap();

    let v = s.results(&query("2026-12", "2026-12", &[])).unwrap();
    let parts: Vec<(ForecastBasis, Vec<i64>)> =
        v.forecast.iter().map(|p| (p.basis, p.deals.iter().map(|d| d.opportunity_id).collect())).collect();
    assert_eq!(
        parts,
        [(ForecastBasis::Backed, vec![backed]), (ForecastBasis::Stuck, vec![quiet]), (ForecastBasis::Red, vec![red])],
        "a record within the yellow days backs a deal; an older one leaves it stuck; twice the stage's days is red"
    );
    let backed_part = &v.forecast[0];
    assert_eq!(backed_part.count, 1);
    assert_eq!(backed_part.amount, 100_000.0);
    assert!(backed_part.weighted > 0.0 && backed_part.weighted < 100_000.0, "weighted by the stage's probability");
    assert_eq!(backed_part.deals[0].last_follow_up, "2026-12-04");
    assert_eq!(v.forecast[1].deals[0].last_follow_up, "2026-11-30");

    // Stalled: in their stage since before December with no record in it; followed up in it: not.
    let stalled_ids: Vec<i64> = v.review.stalled.iter().map(|d| d.opportunity_id).collect();
    assert_eq!(stalled_ids, vec![red, quiet, stalled], "largest first");
    assert!(v.review.stalled.iter().all(|d| d.no_follow_up && d.overdue_actions == 0));
    assert_eq!(v.review.stalled_count, 3);
    let lost_ids: Vec<i64> = v.review.lost.iter().map(|d| d.id).collect();
    assert_eq!(lost_ids, vec![lost]);
    assert_eq!(v.review.lost_amount, 30_000.0);
    assert_eq!(v.review.moved_count, 1, "报价 → 丢单");
    assert!(v.review.won.is_empty());

    // One owner: only theirs.
    let v = s.results(&query("2026-12", "2026-12", &["李娜"])).unwrap();
    let counts: Vec<i64> = v.forecast.iter().map(|p| p.count).collect();
    assert_eq!(counts, [1, 0, 0]);
    assert!(v.review.stalled.is_empty());
}

#[test]
fn a_period_must_be_whole_months_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 12, 5);
    assert_eq!(refused(s.results(&query("2026-12", "2026-10", &[]))), ("to".into(), Reason::OutOfRange));
    assert_eq!(refused(s.results(&query("2026-1", "2026-10", &[]))), ("from".into(), Reason::InvalidDate));
    assert_eq!(refused(s.results(&query("2026-10", "", &[]))), ("to".into(), Reason::Required));
    assert_eq!(
        refused(s.results(&query("2016-01", "2026-01", &[]))),
        ("to".into(), Reason::OutOfRange),
        "ten years at most"
    );
    assert_eq!(s.results(&query("2016-02", "2026-01", &[])).unwrap().months.len(), 120);
    // The presets on the calendar of 2026-12-05 (and of a January for the year before).
    let months = |s: &Store, preset| {
        let v = s.results(&ResultsQuery { preset, ..Default::default() }).unwrap();
        (v.from_month, v.to_month)
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(months(&s, ResultsPreset::ThisMonth), pair("2026-12", "2026-12"));
    assert_eq!(months(&s, ResultsPreset::ThisQuarter), pair("2026-10", "2026-12"));
    assert_eq!(months(&s, ResultsPreset::ThisYear), pair("2026-01", "2026-12"));
    assert_eq!(months(&s, ResultsPreset::LastMonth), pair("2026-11", "2026-11"));
    assert_eq!(months(&s, ResultsPreset::LastQuarter), pair("2026-07", "2026-09"));
    drop(s);
    let s = store_on(&dir, 2027, 1, 10);
    assert_eq!(months(&s, ResultsPreset::LastMonth), pair("2026-12", "2026-12"));
    assert_eq!(months(&s, ResultsPreset::LastQuarter), pair("2026-10", "2026-12"));
    // An empty file: every figure 0, no target, nothing to review.
    let v = s.results(&query("2026-01", "2026-12", &[])).unwrap();
    assert_eq!(v.months.len(), 12);
    assert!(v.owners.is_empty());
    assert!(v.total.metrics.iter().all(|m| m.actual == 0.0 && m.target.is_none() && m.completion.is_none()));
}

#[test]
fn the_team_report_has_the_results_sheet_with_its_chart() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 12, 5);
    let a = customer(&s, "华东精密", "李娜");
    let won = deal(&s, a, "李娜", Stage::Won, 100_000.0, "2026-12-05"); // contract 90,000
    pay(&s, won, "2026-12-05", 40_000.0);
    s.save_targets(&TargetsInput {
        period: "2026-Q4".into(),
        targets: vec![target("", Metric::Collected, Some(90_000.0))],
    })
    .unwrap();
    let opts = ReportOptions { language: Language::Zh, include_personal: false };
    let bytes = export::team_report(&s, &opts).unwrap().to_bytes().unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    assert!(book.sheet_names().contains(&"业绩".to_string()));
    let rows: Vec<Vec<Data>> = book.worksheet_range("业绩").unwrap().rows().map(|r| r.to_vec()).collect();
    let text = |r: &[Data], c: usize| r.get(c).map(|x| x.to_string()).unwrap_or_default();
    assert_eq!(text(&rows[1], 0), "2026-01-01 – 2026-12-31", "all time: this year's months");
    assert_eq!(text(&rows[3], 4), "回款额（元）");
    assert_eq!(text(&rows[4], 4), "实际");
    let team = rows.iter().find(|r| text(r, 0) == "团队合计").expect("a team row");
    assert_eq!(
        &team[1..7],
        [
            Data::Float(90_000.0),
            Data::Empty,
            Data::Empty,
            Data::Float(40_000.0),
            Data::Float(90_000.0),
            Data::Float(40_000.0 / 90_000.0)
        ]
    );
    let li = rows.iter().find(|r| text(r, 0) == "李娜").expect("an owner row");
    assert_eq!(li[10], Data::Float(0.0), "follow-ups");
    let december = rows.iter().find(|r| text(r, 0) == "2026-12").expect("a month row");
    assert_eq!((&december[4], &december[5]), (&Data::Float(40_000.0), &Data::Float(30_000.0)));
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    assert!(zip.file_names().any(|n| n.unwrap().starts_with("xl/charts/")), "the sheet's chart");

    // The report of one owner for November: that owner's months, their (absent) targets.
    let filter = TeamFilter {
        owners: vec!["李娜".into()],
        period: Some(PeriodQuery { preset: PeriodPreset::Custom, from: "2026-11-10".into(), to: "2026-11-20".into() }),
    };
    let bytes = export::team_report_of(&s, &opts, &filter).unwrap().to_bytes().unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let rows: Vec<Vec<Data>> = book.worksheet_range("业绩").unwrap().rows().map(|r| r.to_vec()).collect();
    assert_eq!(text(&rows[1], 0), "2026-11-01 – 2026-11-30");
    let total = rows.iter().find(|r| text(r, 0) == "合计").expect("a total row");
    assert_eq!((&total[4], &total[5]), (&Data::Float(0.0), &Data::Empty));
}
