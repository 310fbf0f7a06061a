//! 周会 (docs/weekly.md): the period (weeks from Monday 00:00, a refused custom period), the
//! follow-up records and stage moves inside and outside it, the owner filter, red lights new
//! and cleared since the start, the forecast at both ends, and the workbook read back with
//! calamine. The clock is pinned; 2026-11-23 is a Monday.

use crate::common;

use std::collections::BTreeSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::{named, refused, store_on};
use dossier_core::customers::CustomerFields;
use dossier_core::error::Reason;
use dossier_core::export::{self, Language, ReportOptions, TeamFilter};
use dossier_core::opportunities::{OpportunityFields, Stage};
use dossier_core::risk::RiskRule;
use dossier_core::settings::Settings;
use dossier_core::visits::{ActionFields, ActionStatus, ActionTarget, Need, VisitFields, VisitMethod};
use dossier_core::weekly::{PeriodPreset, PeriodQuery, WeeklyQuery, WeeklyView};
use dossier_core::Store;

fn this_week() -> WeeklyQuery {
    WeeklyQuery::default()
}

fn last_week() -> WeeklyQuery {
    WeeklyQuery { period: PeriodQuery { preset: PeriodPreset::LastWeek, ..Default::default() }, ..Default::default() }
}

fn record(s: &Store, customer: i64, date: &str, summary: &str) -> i64 {
    let v = VisitFields {
        date: date.into(),
        method: VisitMethod::Meeting,
        summary: summary.into(),
        needs: vec![Need { text: "MES 与 SAP 实时对接".into(), ..Default::default() }],
        commitments: vec!["两周内给出接口方案".into()],
        actions: vec![ActionFields {
            what: "发送接口方案".into(),
            owner: "张伟".into(),
            due_date: "2026-12-04".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    s.create_visit(customer, &v).unwrap().visit.id
}

/// A deal at 方案 with what 报价 asks for, so it can move there.
fn deal(owner: &str, name: &str, amount: f64) -> OpportunityFields {
    OpportunityFields {
        name: name.into(),
        owner: owner.into(),
        amount: Some(amount),
        stage: Stage::Solution,
        needs: "产线追溯".into(),
        quote_amount: Some(amount),
        quote_date: "2026-11-19".into(),
        ..Default::default()
    }
}

fn summaries(v: &WeeklyView) -> Vec<&str> {
    v.records.iter().map(|r| r.fields.summary.as_str()).collect()
}

#[test]
fn a_week_runs_from_monday_and_holds_its_own_records() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 25);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    record(&s, c, "2026-11-22", "周日补记：客户确认试点范围");
    record(&s, c, "2026-11-23", "周一拜访：谈接口方案");
    let v = s.weekly(&this_week()).unwrap();
    assert_eq!((v.from.as_str(), v.to.as_str()), ("2026-11-23", "2026-11-29"));
    assert_eq!(summaries(&v), ["周一拜访：谈接口方案"]);
    assert_eq!(v.records[0].fields.commitments, ["两周内给出接口方案"]);
    assert_eq!(v.records[0].fields.actions[0].what, "发送接口方案");
    let v = s.weekly(&last_week()).unwrap();
    assert_eq!((v.from.as_str(), v.to.as_str()), ("2026-11-16", "2026-11-22"));
    assert_eq!(summaries(&v), ["周日补记：客户确认试点范围"]);
    assert_eq!(v.summary.records, 1);
}

#[test]
fn a_period_ending_before_it_starts_is_refused_naming_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 25);
    let q = WeeklyQuery { period: PeriodQuery::days("2026-11-25", "2026-11-24"), ..Default::default() };
    assert_eq!(refused(s.weekly(&q)), ("to".into(), Reason::OutOfRange));
    let q = WeeklyQuery { period: PeriodQuery::days("2026-11-25", "24/11/2026"), ..q };
    assert_eq!(refused(s.weekly(&q)), ("to".into(), Reason::InvalidDate));
    assert_eq!(
        refused(export::weekly_report(&s, &q, &ReportOptions::default()).map(|_| ())),
        ("to".into(), Reason::InvalidDate)
    );
}

/// 张伟's deal moves 方案 → 报价 last Friday (outside this week) and 报价 → 谈判 on Tuesday
/// (inside); 李娜's deal is won on Wednesday.
fn moved(dir: &tempfile::TempDir) -> (i64, i64) {
    let s = store_on(dir, 2026, 11, 20);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let zhang = s.create_opportunity(c, &deal("张伟", "MES 二期", 1_000_000.0)).unwrap().id;
    let li = s
        .create_opportunity(
            c,
            &OpportunityFields {
                stage: Stage::Contract,
                contract_amount: Some(500_000.0),
                contract_date: "2026-11-20".into(),
                ..deal("李娜", "仓储系统", 500_000.0)
            },
        )
        .unwrap()
        .id;
    s.move_opportunity(zhang, Stage::Quote, None).unwrap();
    let s = store_on(dir, 2026, 11, 24);
    s.move_opportunity(zhang, Stage::Negotiation, None).unwrap();
    let s = store_on(dir, 2026, 11, 25);
    s.move_opportunity(li, Stage::Won, None).unwrap();
    (zhang, li)
}

#[test]
fn stage_moves_are_those_made_in_the_period_for_the_owners_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (zhang, li) = moved(&dir);
    let s = store_on(&dir, 2026, 11, 25);
    let v = s.weekly(&this_week()).unwrap();
    let moves: Vec<_> = v.moves.iter().map(|m| (m.opportunity_id, m.from, m.to, m.changed_on.as_str())).collect();
    assert_eq!(
        moves,
        [(li, Stage::Contract, Stage::Won, "2026-11-25"), (zhang, Stage::Quote, Stage::Negotiation, "2026-11-24")]
    );
    assert_eq!(v.moves[1].amount, Some(1_000_000.0));
    assert_eq!(v.won.iter().map(|o| o.id).collect::<Vec<_>>(), [li]);
    assert_eq!(v.summary.won_amount, 500_000.0);
    // At risk: the open deal, red for want of a decision maker on its map (the core's lights).
    assert_eq!(v.at_risk.iter().map(|r| r.opportunity.id).collect::<Vec<_>>(), [zhang]);
    assert_eq!(v.at_risk[0].opportunity.fields.name, "MES 二期");
    assert!(v.at_risk[0].risk.reasons.iter().any(|r| r.rule == dossier_core::risk::RiskRule::DecisionMakerMissing));

    let last = s.weekly(&last_week()).unwrap();
    assert_eq!(last.moves.iter().map(|m| (m.from, m.to)).collect::<Vec<_>>(), [(Stage::Solution, Stage::Quote)]);
    assert!(last.won.is_empty());

    let mine = s.weekly(&WeeklyQuery { owners: vec!["张伟".into()], ..this_week() }).unwrap();
    assert_eq!(mine.moves.iter().map(|m| m.opportunity_id).collect::<Vec<_>>(), [zhang]);
    assert!(mine.won.is_empty());
    assert_eq!(mine.known_owners, ["张伟", "李娜"]);
}

#[test]
fn the_forecast_is_weighed_at_the_start_from_the_stage_history_and_at_the_end_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    moved(&dir);
    let s = store_on(&dir, 2026, 11, 25);
    let p = Settings::default().stage_probabilities;
    let v = s.weekly(&this_week()).unwrap();
    // At Monday 00:00: 张伟's deal at 报价, 李娜's at 合同; now: 谈判, and 李娜's won (not open).
    let start = 1_000_000.0 * p.quote as f64 / 100.0 + 500_000.0 * p.contract as f64 / 100.0;
    let end = 1_000_000.0 * p.negotiation as f64 / 100.0;
    assert_eq!(v.summary.forecast_start, start);
    assert_eq!(v.summary.forecast_end, end);
    let at = |stage: Stage| v.forecast.iter().find(|f| f.stage == stage).unwrap();
    assert_eq!((at(Stage::Quote).start_count, at(Stage::Quote).end_count), (1, 0));
    assert_eq!((at(Stage::Negotiation).start_count, at(Stage::Negotiation).end_count), (0, 1));
    let mine = s.weekly(&WeeklyQuery { owners: vec!["李娜".into()], ..this_week() }).unwrap();
    assert_eq!((mine.summary.forecast_start, mine.summary.forecast_end), (500_000.0 * p.contract as f64 / 100.0, 0.0));
}

#[test]
fn red_lights_new_and_cleared_compare_the_dated_rules_at_the_start_and_now() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 18);
    let cleared = s.create_customer(&named("华东精密")).unwrap().id;
    let fresh = s.create_customer(&named("长江汽配")).unwrap().id;
    let action = |customer: i64, due: &str| {
        let f = ActionFields {
            what: "发送报价单".into(),
            owner: "张伟".into(),
            due_date: due.into(),
            ..Default::default()
        };
        s.create_action(&ActionTarget { customer_id: customer, opportunity_id: None }, &f).unwrap().action.id
    };
    // Overdue at Monday 00:00 (due Friday), done on Tuesday: cleared this week.
    let late = action(cleared, "2026-11-20");
    // Due on Tuesday and still open on Wednesday: red since this week.
    let open = action(fresh, "2026-11-24");
    store_on(&dir, 2026, 11, 24).set_action_status(late, ActionStatus::Done).unwrap();
    let s = store_on(&dir, 2026, 11, 25);
    let v = s.weekly(&this_week()).unwrap();
    assert_eq!(v.new_red.iter().map(|c| c.customer_id).collect::<Vec<_>>(), [fresh]);
    assert_eq!(v.cleared_red.iter().map(|c| c.customer_id).collect::<Vec<_>>(), [cleared]);
    assert_eq!(v.cleared_red[0].risk.reasons[0].since, "2026-11-20");
    assert_eq!((v.summary.overdue, v.overdue_by_owner[0].owner.as_str()), (1, "张伟"));
    // Last week ended on Sunday: the end is Monday 00:00, when 华东精密 was red and 长江汽配 not yet.
    let last = s.weekly(&last_week()).unwrap();
    assert_eq!(last.end_evaluated_on, "2026-11-23");
    assert_eq!(last.new_red.iter().map(|c| c.customer_id).collect::<Vec<_>>(), [cleared]);
    assert!(last.cleared_red.is_empty());
    let none = s.weekly(&WeeklyQuery { owners: vec!["王芳".into()], ..this_week() }).unwrap();
    assert!(none.new_red.is_empty() && none.cleared_red.is_empty() && none.overdue.is_empty());
    // The lights are kept until a write: done now, the new red light is gone on the next view.
    s.set_action_status(open, ActionStatus::Done).unwrap();
    let v = s.weekly(&this_week()).unwrap();
    assert!(v.new_red.is_empty(), "{:?}", v.new_red);
    assert_eq!(v.cleared_red.len(), 1);
}

fn text(c: &Data) -> String {
    match c {
        Data::Float(f) => format!("{f}"),
        other => other.to_string(),
    }
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(|r| r.iter().map(text).collect()).collect()
}

#[test]
fn the_workbook_has_a_sheet_per_section_with_the_periods_rows() {
    let dir = tempfile::tempdir().unwrap();
    moved(&dir);
    let s = store_on(&dir, 2026, 11, 25);
    let c = s.create_customer(&named("长江汽配")).unwrap().id;
    record(&s, c, "2026-11-24", "客户确认试点范围，下周出方案");
    record(&s, c, "2026-11-20", "上周的记录");
    let bytes = export::weekly_report(&s, &this_week(), &ReportOptions::default()).unwrap().to_bytes().unwrap();
    let names = Xlsx::new(Cursor::new(bytes.clone())).unwrap().sheet_names();
    assert_eq!(
        names,
        ["概览", "跟进记录", "阶段推进", "风险商机", "成交", "丢单", "红灯变化", "逾期行动", "回款", "交付"]
    );

    let records = sheet(&bytes, "跟进记录");
    assert_eq!(records.len(), 2, "the header and this week's one record: {records:?}");
    let at = |h: &str| records[0].iter().position(|x| x == h).unwrap_or_else(|| panic!("no column {h}"));
    assert_eq!(records[1][at("客户名称")], "长江汽配");
    assert_eq!(records[1][at("沟通内容")], "客户确认试点范围，下周出方案");
    assert_eq!(records[1][at("我方承诺")], "两周内给出接口方案");
    assert!(records[1][at("下一步行动")].starts_with("发送接口方案"));

    let moves = sheet(&bytes, "阶段推进");
    assert_eq!(moves[2][..5], ["华东精密", "MES 二期", "张伟", "报价", "谈判"]);
    let overview = sheet(&bytes, "概览");
    assert_eq!(overview[1][0], "期间：2026-11-23 – 2026-11-29");
    assert!(sheet(&bytes, "丢单")[2][0].starts_with("这段时间没有丢单"));

    let en = ReportOptions { language: Language::En, include_personal: false };
    let bytes = export::weekly_report(&s, &WeeklyQuery { owners: vec!["李娜".into()], ..this_week() }, &en)
        .unwrap()
        .to_bytes()
        .unwrap();
    let won = sheet(&bytes, "Won");
    assert_eq!(won[1][..3], ["华东精密", "仓储系统", "李娜"]);
    assert_eq!(sheet(&bytes, "Stage moves").len(), 2);
}

fn package_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_team_report_takes_the_same_period_and_owners_and_prints_its_overview_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 25);
    let owned =
        |name: &str, owner: &str| s.create_customer(&CustomerFields { owner: owner.into(), ..named(name) }).unwrap().id;
    let zhang = owned("华东精密", "张伟");
    let li = owned("长江汽配", "李娜");
    record(&s, zhang, "2026-11-24", "本周：张伟的客户");
    record(&s, zhang, "2026-11-20", "上周：张伟的客户");
    record(&s, li, "2026-11-24", "本周：李娜的客户");
    let filter = TeamFilter { owners: vec!["张伟".into()], period: Some(PeriodQuery::default()) };
    let bytes = export::team_report_of(&s, &ReportOptions::default(), &filter).unwrap().to_bytes().unwrap();
    let customers = sheet(&bytes, "客户");
    assert_eq!(customers.iter().skip(1).map(|r| r[0].as_str()).collect::<Vec<_>>(), ["华东精密"]);
    let visits = sheet(&bytes, "跟进记录");
    assert_eq!(visits.len(), 2, "the header and 张伟's visit of this week: {visits:?}");
    assert_eq!(visits[1][0], "华东精密");
    assert_eq!(visits[1][1], "46350", "2026-11-24 as an Excel date");
    assert!(sheet(&bytes, "概览")[1][0]
        .contains("期间（跟进记录、丢单、回款、交付）：2026-11-23 – 2026-11-29；负责人：张伟"));

    // Everything, as before: both customers, the three visits.
    let all = export::team_report(&s, &ReportOptions::default()).unwrap().to_bytes().unwrap();
    assert_eq!(sheet(&all, "客户").len(), 3);
    assert_eq!(sheet(&all, "跟进记录").len(), 4);

    let bad = TeamFilter { owners: vec![], period: Some(PeriodQuery::days("2026-11-25", "2026-11-01")) };
    assert_eq!(
        refused(export::team_report_of(&s, &ReportOptions::default(), &bad).map(|_| ())),
        ("to".into(), Reason::OutOfRange)
    );

    // Printing: A4 landscape everywhere; the overview (sheet 1) on one page within its print
    // area, the lists as wide as the page with their header row on every page.
    let book = package_part(&bytes, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Area") && book.contains("概览!$A$1:"), "{book}");
    assert!(book.contains("_xlnm.Print_Titles") && book.contains("客户!$1:$1"), "{book}");
    let overview = package_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(overview.contains(r#"paperSize="9""#) && overview.contains(r#"orientation="landscape""#), "{overview}");
    assert!(overview.contains(r#"fitToWidth="1""#) || !overview.contains("fitToWidth"), "{overview}");
    assert!(!overview.contains(r#"fitToHeight="0""#), "{overview}");
    let list = package_part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(list.contains(r#"fitToHeight="0""#) && list.contains(r#"orientation="landscape""#), "{list}");

    // The 周会 workbook likewise.
    let weekly = export::weekly_report(&s, &this_week(), &ReportOptions::default()).unwrap().to_bytes().unwrap();
    let book = package_part(&weekly, "xl/workbook.xml");
    assert!(book.contains("概览!$A$1:") && book.contains("跟进记录!$1:$1"), "{book}");
}

#[test]
fn today_seen_through_the_dated_records_is_what_the_rules_see() {
    let (_dir, s) = common::store();
    dossier_core::sample::load(&s, 3).unwrap();
    dossier_core::sample::load_copy_pipeline(&s, 3, 40).unwrap();
    let dated_rules = [
        RiskRule::NoFollowUp,
        RiskRule::QuoteIdle,
        RiskRule::StuckInStage,
        RiskRule::OverdueAction,
        RiskRule::Unconfirmed,
    ];
    let seen = |customers: Vec<dossier_core::risk::CustomerRisk>| -> BTreeSet<String> {
        customers
            .into_iter()
            .flat_map(|c| {
                c.risk.reasons.into_iter().filter(|r| dated_rules.contains(&r.rule)).map(move |r| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} {}",
                        c.customer_id, r.rule, r.opportunity_id, r.level, r.days, r.since
                    )
                })
            })
            .collect()
    };
    let rules = seen(s.portfolio_risk().unwrap().customers);
    assert!(rules.len() > 20, "the sample lights enough: {}", rules.len());
    assert_eq!(seen(s.dated_risk(None).unwrap()), rules);
}

#[test]
fn a_running_period_ends_on_the_pipeline_as_it_stands() {
    let (_dir, s) = common::store();
    dossier_core::sample::load(&s, 3).unwrap();
    dossier_core::sample::load_copy_pipeline(&s, 3, 40).unwrap();
    let view = s.weekly(&this_week()).unwrap();
    let board = s.pipeline_board(&dossier_core::opportunities::OpportunityQuery::default()).unwrap();
    let open: Vec<_> = board.iter().filter(|c| c.stage.is_open()).collect();
    assert_eq!(view.forecast.len(), open.len());
    for (f, column) in view.forecast.iter().zip(open) {
        assert_eq!((f.stage, f.end_count), (column.stage, column.count), "{f:?}");
        // The view rounds each deal to the fen before adding, the board the sum.
        let slack = 0.005 * column.count as f64 + 0.01;
        assert!((f.end_weighted - column.weighted).abs() <= slack, "{f:?} against {}", column.weighted);
    }
    assert!(view.forecast.iter().map(|f| f.end_count).sum::<i64>() > 10, "{:?}", view.forecast);
}
