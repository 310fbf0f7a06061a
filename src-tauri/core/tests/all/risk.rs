//! Every risk rule at its boundaries, with the clock pinned: the same file read on the day
//! before and the day of each threshold.

use crate::common;

use common::{named, store_on};
use dossier_core::customers::{BuyingRole, ContactFields, CustomerFields, FinancialPeriod, Grade, Lifecycle};
use dossier_core::opportunities::{LostReason, LostReview, OpportunityFields, OpportunityQuery, Stage};
use dossier_core::powermap::SlotInput;
use dossier_core::risk::{explain, RiskLevel, RiskLight, RiskRule};
use dossier_core::settings::Settings;
use dossier_core::trends::PurchaseFields;
use dossier_core::visits::{ActionFields, ActionTarget, Confirmation, VisitFields};
use dossier_core::{Reason, Store};

fn grade_a(name: &str) -> CustomerFields {
    CustomerFields { grade: Some(Grade::A), ..named(name) }
}

/// The level of `rule` among the light's reasons (Green when absent).
fn rule(light: &RiskLight, rule: RiskRule) -> RiskLevel {
    light.reasons.iter().filter(|r| r.rule == rule).fold(RiskLevel::Green, |l, r| l.max(r.level))
}

fn visit_on(date: &str, opportunity: Option<i64>) -> VisitFields {
    VisitFields { date: date.into(), opportunity_id: opportunity, summary: "现场演示".into(), ..Default::default() }
}

/// Only the rules under test: the others would light up too in these bare fixtures.
fn only(s: &Store, keep: RiskRule) {
    let mut settings = Settings::default();
    let r = &mut settings.risk;
    r.no_follow_up = keep == RiskRule::NoFollowUp;
    r.quote_idle = keep == RiskRule::QuoteIdle;
    r.power_map = matches!(keep, RiskRule::PowerMap | RiskRule::DecisionMakerMissing);
    r.overdue_action = keep == RiskRule::OverdueAction;
    r.unconfirmed = keep == RiskRule::Unconfirmed;
    r.late_record = keep == RiskRule::LateRecord;
    r.signals = keep == RiskRule::Signal;
    r.stuck_in_stage = keep == RiskRule::StuckInStage;
    r.churn_review = keep == RiskRule::ChurnReview;
    s.save_settings(&settings).unwrap();
}

#[test]
fn a_watched_customer_without_an_open_deal_is_yellow_from_14_days_and_red_from_30() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::NoFollowUp);
    let a = s.create_customer(&grade_a("华东精密")).unwrap().id;
    let b = s.create_customer(&CustomerFields { grade: Some(Grade::B), ..named("长江汽配") }).unwrap().id;
    s.create_visit(a, &visit_on("2026-11-01", None)).unwrap();
    // (month, day, level): 13, 14, 29 and 30 days after the last follow-up.
    for (month, day, level) in
        [(11, 14, RiskLevel::Green), (11, 15, RiskLevel::Yellow), (11, 30, RiskLevel::Yellow), (12, 1, RiskLevel::Red)]
    {
        let s = store_on(&dir, 2026, month, day);
        let light = s.customer_risk(a).unwrap();
        assert_eq!(rule(&light, RiskRule::NoFollowUp), level, "{month}-{day}");
        assert_eq!(s.customer_risk(b).unwrap().level, RiskLevel::Green, "a B customer without deals is not watched");
    }
    let s = store_on(&dir, 2026, 12, 1);
    let reason = &s.customer_risk(a).unwrap().reasons[0];
    assert_eq!((reason.days, reason.since.as_str()), (Some(30), "2026-11-01"));
    let line = explain::reason(reason);
    assert!(line.contains("30 天未跟进（上次 2026-11-01；≥14 天黄灯，≥30 天红灯）"), "{line}");
    assert_eq!((reason.yellow_days, reason.red_days), (Some(14), Some(30)), "the thresholds in force travel with it");
    // Any kind of follow-up today clears it.
    s.create_visit(a, &visit_on("2026-12-01", None)).unwrap();
    assert_eq!(s.customer_risk(a).unwrap().level, RiskLevel::Green);
    // With an open deal, the deal's 3/7 days apply instead, once.
    let s = store_on(&dir, 2026, 12, 31);
    s.create_opportunity(a, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap();
    let s = store_on(&dir, 2027, 1, 4);
    let reasons = s.customer_risk(a).unwrap().reasons;
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert_eq!((reasons[0].opportunity_name.as_str(), reasons[0].yellow_days), ("MES", Some(3)));
}

#[test]
fn no_follow_up_of_an_open_opportunity_counts_from_its_last_visit_or_stage() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::NoFollowUp);
    let c = s.create_customer(&named("长江汽配")).unwrap().id;
    let o = s
        .create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap()
        .id;
    for (day, level) in [(3, RiskLevel::Green), (4, RiskLevel::Yellow), (7, RiskLevel::Yellow), (8, RiskLevel::Red)] {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(rule(&s.opportunity_risk(o).unwrap(), RiskRule::NoFollowUp), level, "day {}", day - 1);
        // The customer's light carries its opportunity's reason, named.
        let light = s.customer_risk(c).unwrap();
        assert_eq!(light.level, level);
        if level != RiskLevel::Green {
            assert_eq!(light.reasons[0].opportunity_name, "MES");
        }
    }
    let s = store_on(&dir, 2026, 11, 8);
    s.create_visit(c, &visit_on("2026-11-06", Some(o))).unwrap();
    assert_eq!(s.opportunity_risk(o).unwrap().level, RiskLevel::Green, "2 days since the tied visit");
    let s = store_on(&dir, 2026, 11, 9);
    assert_eq!(s.opportunity_risk(o).unwrap().level, RiskLevel::Yellow);
    // A follow-up of the customer not tied to the deal counts for it too.
    s.create_visit(c, &visit_on("2026-11-09", None)).unwrap();
    assert_eq!(s.opportunity_risk(o).unwrap().level, RiskLevel::Green, "the customer was followed up today");
    // A closed opportunity is not followed.
    let s = store_on(&dir, 2026, 11, 30);
    s.move_opportunity(
        o,
        Stage::Lost,
        Some(&dossier_core::opportunities::LostReview {
            reason: Some(dossier_core::opportunities::LostReason::Budget),
            text: "预算取消".into(),
            ..Default::default()
        }),
    )
    .unwrap();
    assert_eq!(s.opportunity_risk(o).unwrap().level, RiskLevel::Green);
}

#[test]
fn a_deal_that_needs_its_own_follow_up_counts_only_the_records_tied_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::NoFollowUp);
    let c = s.create_customer(&named("长江汽配")).unwrap().id;
    let deal = |name: &str, own: bool| OpportunityFields {
        name: name.into(),
        amount: Some(1e6),
        own_follow_up_required: own,
        ..Default::default()
    };
    let own = s.create_opportunity(c, &deal("MES 二期", true)).unwrap().id;
    let any = s.create_opportunity(c, &deal("备件年框", false)).unwrap().id;
    assert!(s.opportunity(own).unwrap().fields.own_follow_up_required, "the flag is stored");
    let s = store_on(&dir, 2026, 11, 2);
    s.create_visit(c, &visit_on("2026-11-02", None)).unwrap();
    // (day, flagged deal, other deal): the flagged one counts from its stage's start (11-01),
    // the other from the customer's visit of 11-02 — 2/3 and 6/7 days for each.
    for (day, flagged, other) in [
        (3, RiskLevel::Green, RiskLevel::Green),
        (4, RiskLevel::Yellow, RiskLevel::Green),
        (5, RiskLevel::Yellow, RiskLevel::Yellow),
        (7, RiskLevel::Yellow, RiskLevel::Yellow),
        (8, RiskLevel::Red, RiskLevel::Yellow),
        (9, RiskLevel::Red, RiskLevel::Red),
    ] {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(rule(&s.opportunity_risk(own).unwrap(), RiskRule::NoFollowUp), flagged, "flagged, 11-{day}");
        assert_eq!(rule(&s.opportunity_risk(any).unwrap(), RiskRule::NoFollowUp), other, "other, 11-{day}");
    }
    let s = store_on(&dir, 2026, 11, 9);
    let reason = s.opportunity_risk(own).unwrap().reasons.remove(0);
    assert_eq!((reason.days, reason.since.as_str()), (Some(8), "2026-11-01"), "the customer's visit did not count");
    // A record tied to the flagged deal counts for it, and for the customer's other deal too.
    s.create_visit(c, &visit_on("2026-11-09", Some(own))).unwrap();
    assert_eq!(s.opportunity_risk(own).unwrap().level, RiskLevel::Green);
    assert_eq!(s.opportunity_risk(any).unwrap().level, RiskLevel::Green);
    // Unflagged, the deal counts any follow-up of its customer again.
    let s = store_on(&dir, 2026, 11, 16);
    s.create_visit(c, &visit_on("2026-11-15", None)).unwrap();
    assert_eq!(
        rule(&s.opportunity_risk(own).unwrap(), RiskRule::NoFollowUp),
        RiskLevel::Red,
        "7 days since its own, flagged"
    );
    let mut f = s.opportunity(own).unwrap().fields;
    f.own_follow_up_required = false;
    s.update_opportunity(own, &f).unwrap();
    assert_eq!(s.opportunity_risk(own).unwrap().level, RiskLevel::Green, "the customer's visit of yesterday");
}

/// A store whose clock stands at `at` (UTC) on a laptop `east` hours east of UTC.
fn store_at(dir: &tempfile::TempDir, at: &str, east: i32) -> Store {
    let at = chrono::DateTime::parse_from_rfc3339(at).unwrap().with_timezone(&chrono::Utc);
    let clock = dossier_core::FixedClock::at(at).east(east);
    Store::open(&dir.path().join("dossier.sqlite"), std::sync::Arc::new(clock)).unwrap()
}

#[test]
fn a_customer_whose_latest_record_was_written_more_than_24_hours_late_is_yellow() {
    for east in [0, 8] {
        let dir = tempfile::tempdir().unwrap();
        // Written at 12:00 UTC on 11-23: 12:00 on a UTC laptop, 20:00 in 北京.
        let s = store_at(&dir, "2026-11-23T12:00:00Z", east);
        only(&s, RiskRule::LateRecord);
        let local = 12 + east;
        let on_time = s.create_customer(&named("华东精密")).unwrap().id;
        let late = s.create_customer(&named("长江汽配")).unwrap().id;
        let at = |time: String| VisitFields { time, ..visit_on("2026-11-22", None) };
        s.create_visit(on_time, &at(format!("{local}:00"))).unwrap(); // 24 hours exactly
        s.create_visit(late, &at(format!("{}:59", local - 1))).unwrap(); // 24 hours and a minute
        assert_eq!(s.customer_risk(on_time).unwrap().level, RiskLevel::Green, "24 h exactly, {east} h east");
        let light = s.customer_risk(late).unwrap();
        assert_eq!(rule(&light, RiskRule::LateRecord), RiskLevel::Yellow, "24 h 1 min, {east} h east");
        let r = &light.reasons[0];
        assert_eq!((r.days, r.since.as_str()), (Some(1), "2026-11-22"));
        assert_eq!(explain::reason(r), "最近一条跟进记录在沟通后 1 天才写（2026-11-22 沟通；应在 24 小时内）");
    }
}

#[test]
fn only_the_latest_recent_record_counts_for_the_late_record_light() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 23);
    only(&s, RiskRule::LateRecord);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    // A visit without a time counts from the end of its day: two days ago is late by 2 days.
    s.create_visit(c, &visit_on("2026-11-21", None)).unwrap();
    let reason = s.customer_risk(c).unwrap().reasons.remove(0);
    assert_eq!((reason.rule, reason.days, reason.since.as_str()), (RiskRule::LateRecord, Some(2), "2026-11-21"));
    // Yesterday's, written today (no time: within a day of its end), is now the latest: on time.
    s.create_visit(c, &visit_on("2026-11-22", None)).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green, "the latest record was on time");
    // An older record written late later on changes nothing; a newer late one does.
    s.create_visit(c, &visit_on("2026-11-01", None)).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
    let s = store_on(&dir, 2026, 11, 26);
    s.create_visit(c, &visit_on("2026-11-24", None)).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Yellow);
    // A month after the visit, the late record is history.
    let s = store_on(&dir, 2026, 12, 24);
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Yellow, "30 days after the visit");
    let s = store_on(&dir, 2026, 12, 25);
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green, "31 days after the visit");
    // Switched off in 设置, it is never raised.
    let s = store_on(&dir, 2026, 11, 26);
    let mut settings = s.settings().unwrap();
    settings.risk.late_record = false;
    s.save_settings(&settings).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
    let rules = s.risk_rules().unwrap();
    let info = rules.iter().find(|r| r.rule == RiskRule::LateRecord).unwrap();
    assert!(!info.enabled && info.explanation.contains("24 小时"));
}

#[test]
fn a_deal_in_one_stage_past_its_limit_is_yellow_and_past_twice_red() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::StuckInStage);
    let mut settings = s.settings().unwrap();
    settings.risk.stage_days.initiation = 10;
    s.save_settings(&settings).unwrap();
    let c = s.create_customer(&named("长江汽配")).unwrap().id;
    let o = s
        .create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap()
        .id;
    s.create_visit(c, &visit_on("2026-11-05", Some(o))).unwrap(); // visits go on; the stage does not move
                                                                  // limit − 1, limit, 2 × limit − 1, 2 × limit days in 立项.
    for (day, level) in [(10, RiskLevel::Green), (11, RiskLevel::Yellow), (20, RiskLevel::Yellow), (21, RiskLevel::Red)]
    {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(rule(&s.opportunity_risk(o).unwrap(), RiskRule::StuckInStage), level, "{} days", day - 1);
    }
    let s = store_on(&dir, 2026, 11, 21);
    let reason = s.opportunity_risk(o).unwrap().reasons.into_iter().find(|r| r.rule == RiskRule::StuckInStage).unwrap();
    assert_eq!((reason.days, reason.yellow_days, reason.red_days), (Some(20), Some(10), Some(20)));
    assert_eq!((reason.stage.as_deref(), reason.since.as_str()), (Some("initiation"), "2026-11-01"));
    let line = explain::reason(&reason);
    assert!(line.contains("在当前阶段已停留 20 天（自 2026-11-01；≥10 天黄灯，≥20 天红灯）"), "{line}");
    // Moving on starts the stage's clock again (需求确认: 30 days by default).
    let needs = OpportunityFields { needs: "产线追溯".into(), ..s.opportunity(o).unwrap().fields };
    s.update_opportunity(o, &needs).unwrap();
    s.move_opportunity(o, Stage::Needs, None).unwrap();
    assert_eq!(rule(&s.opportunity_risk(o).unwrap(), RiskRule::StuckInStage), RiskLevel::Green);
}

#[test]
fn a_stage_limit_out_of_range_is_refused_with_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    for (days, field) in [(0, "risk.stageDays.quote"), (366, "risk.stageDays.quote")] {
        let mut settings = s.settings().unwrap();
        settings.risk.stage_days.quote = days;
        let (got, _) = common::refused(s.save_settings(&settings));
        assert_eq!(got, field);
    }
    let mut settings = s.settings().unwrap();
    settings.risk.watch_red_days = settings.risk.watch_yellow_days - 1;
    assert_eq!(common::refused(s.save_settings(&settings)).0, "risk.watchRedDays");
    assert_eq!(s.settings().unwrap(), Settings::default(), "nothing saved");
}

#[test]
fn a_quote_without_activity_for_5_days_is_red_and_activity_resets_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::QuoteIdle);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let quoted = OpportunityFields {
        name: "二期产线".into(),
        amount: Some(800_000.0),
        stage: Stage::Quote,
        needs: "产线追溯".into(),
        quote_amount: Some(780_000.0),
        quote_date: "2026-11-01".into(),
        ..Default::default()
    };
    let o = s.create_opportunity(c, &quoted).unwrap().id;
    for (day, level) in [(5, RiskLevel::Green), (6, RiskLevel::Red)] {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(rule(&s.opportunity_risk(o).unwrap(), RiskRule::QuoteIdle), level, "quote {} days old", day - 1);
    }
    // An action on the deal on day 4 is activity: 4 vs 5 days from then.
    let s = store_on(&dir, 2026, 11, 4);
    let target = ActionTarget { customer_id: c, opportunity_id: Some(o) };
    s.create_action(
        &target,
        &ActionFields {
            what: "电话确认报价反馈".into(),
            owner: "张伟".into(),
            due_date: "2026-11-06".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(s.opportunity_risk(o).unwrap().level, RiskLevel::Green);
    let s = store_on(&dir, 2026, 11, 8);
    assert_eq!(s.opportunity_risk(o).unwrap().level, RiskLevel::Green);
    let s = store_on(&dir, 2026, 11, 9);
    let light = s.opportunity_risk(o).unwrap();
    assert_eq!((light.level, light.reasons[0].days), (RiskLevel::Red, Some(5)));
}

#[test]
fn a_red_account_map_is_red_and_open_deals_inherit_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 23);
    only(&s, RiskRule::PowerMap);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let o = s
        .create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap()
        .id;
    assert_eq!(rule(&s.customer_risk(c).unwrap(), RiskRule::PowerMap), RiskLevel::Green);
    // The account-wide map requires a decision maker nobody fills: the map is red.
    let dm = SlotInput { buying_role: BuyingRole::DecisionMaker, label: String::new() };
    s.save_slots(c, None, std::slice::from_ref(&dm)).unwrap();
    assert_eq!(rule(&s.customer_risk(c).unwrap(), RiskRule::PowerMap), RiskLevel::Red);
    assert_eq!(rule(&s.opportunity_risk(o).unwrap(), RiskRule::PowerMap), RiskLevel::Red, "the deal inherits it");
    // A deal already lost does not: the map threatens deals still to be decided.
    let lost = LostReview {
        lost_to: "西门子".into(),
        reason: Some(LostReason::Price),
        text: "复盘".into(),
        ..Default::default()
    };
    let done = OpportunityFields {
        name: "旧项目".into(),
        amount: Some(1e5),
        stage: Stage::Lost,
        lost_review: Some(lost),
        ..Default::default()
    };
    let done = s.create_opportunity(c, &done).unwrap().id;
    assert_eq!(s.opportunity_risk(done).unwrap().level, RiskLevel::Green);
    let rows = s.list_opportunities(&OpportunityQuery { customer_id: Some(c), ..Default::default() }).unwrap().rows;
    let levels: Vec<(i64, RiskLevel)> = rows.iter().map(|r| (r.opportunity.id, r.risk.level)).collect();
    assert!(levels.contains(&(o, RiskLevel::Red)) && levels.contains(&(done, RiskLevel::Green)), "{levels:?}");
    s.save_slots(c, None, &[]).unwrap();
    assert_eq!(rule(&s.customer_risk(c).unwrap(), RiskRule::PowerMap), RiskLevel::Green);
}

#[test]
fn an_open_deal_without_a_supportive_decision_maker_is_red() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 23);
    only(&s, RiskRule::DecisionMakerMissing);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let o = s
        .create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap()
        .id;
    let missing = |s: &Store| rule(&s.opportunity_risk(o).unwrap(), RiskRule::DecisionMakerMissing);
    assert_eq!(missing(&s), RiskLevel::Red, "no key person at all");
    let reason = s.opportunity_risk(o).unwrap().reasons.into_iter().next().unwrap();
    assert_eq!(explain::reason(&reason), "商机「MES」缺少支持我方的决策者");
    let wang = s
        .create_contact(c, &ContactFields { name: "王建华".into(), title: "总经理".into(), ..Default::default() })
        .unwrap()
        .contacts[0]
        .id;
    let assess = |scope: Option<i64>, role: BuyingRole, support: Option<i64>| {
        let a = dossier_core::powermap::Assessment {
            contact_id: wang,
            buying_role: Some(role),
            support,
            ..Default::default()
        };
        s.save_assessment(c, scope, &a).unwrap();
    };
    // On the account-wide map: an evaluator, then a decision maker against us, are not enough.
    assess(None, BuyingRole::Evaluator, Some(2));
    assert_eq!(missing(&s), RiskLevel::Red);
    assess(None, BuyingRole::DecisionMaker, Some(-1));
    assert_eq!(missing(&s), RiskLevel::Red);
    assess(None, BuyingRole::DecisionMaker, None);
    assert_eq!(missing(&s), RiskLevel::Red, "support not assessed");
    assess(None, BuyingRole::DecisionMaker, Some(0));
    assert_eq!(missing(&s), RiskLevel::Green, "neutral is enough");
    // A deal with its own scope is judged on that scope's map.
    let scope = s.create_power_scope(c, "2026 MES 项目").unwrap().scope_id;
    let mut f = s.opportunity(o).unwrap().fields;
    f.scope_id = scope;
    s.update_opportunity(o, &f).unwrap();
    assert_eq!(missing(&s), RiskLevel::Red);
    assess(scope, BuyingRole::DecisionMaker, Some(1));
    assert_eq!(missing(&s), RiskLevel::Green);
}

#[test]
fn an_open_action_is_overdue_the_day_after_its_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::OverdueAction);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let target = ActionTarget { customer_id: c, opportunity_id: None };
    let a = s
        .create_action(
            &target,
            &ActionFields {
                what: "发送报价单".into(),
                owner: "张伟".into(),
                due_date: "2026-11-10".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .action
        .id;
    for (day, level, overdue) in [(10, RiskLevel::Green, false), (11, RiskLevel::Red, true)] {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(s.customer_risk(c).unwrap().level, level, "day {day}");
        assert_eq!(s.action(a).unwrap().overdue, overdue);
    }
    let s = store_on(&dir, 2026, 11, 11);
    let reason = &s.customer_risk(c).unwrap().reasons[0];
    assert_eq!((reason.count, reason.since.as_str()), (1, "2026-11-10"));
    s.set_action_status(a, dossier_core::visits::ActionStatus::Done).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
    assert_eq!(s.action(a).unwrap().done_on, "2026-11-11");
}

#[test]
fn an_unconfirmed_summary_turns_yellow_after_3_days() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::Unconfirmed);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let v = s.create_visit(c, &visit_on("2026-11-01", None)).unwrap().visit.id;
    for (day, level) in [(3, RiskLevel::Green), (4, RiskLevel::Yellow)] {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(s.customer_risk(c).unwrap().level, level, "{} days", day - 1);
    }
    let s = store_on(&dir, 2026, 11, 4);
    assert_eq!(s.set_confirmation(v, Confirmation::Sent).unwrap().sent_on, "2026-11-04");
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Yellow, "sent is not confirmed");
    let confirmed = s.set_confirmation(v, Confirmation::Confirmed).unwrap();
    assert_eq!((confirmed.sent_on.as_str(), confirmed.confirmed_on.as_str()), ("2026-11-04", "2026-11-04"));
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
    // The days are a setting.
    let mut settings = s.settings().unwrap();
    settings.risk.unconfirmed_days = 10;
    s.save_settings(&settings).unwrap();
    s.set_confirmation(v, Confirmation::Draft).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green, "3 days < 10");
}

#[test]
fn a_financial_or_purchase_signal_is_yellow() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 23);
    only(&s, RiskRule::Signal);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let period =
        |p: &str, days: f64| FinancialPeriod { period: p.into(), inventory_days: Some(days), ..Default::default() };
    s.save_financials(c, &[period("2024", 30.0), period("2025", 60.0)]).unwrap();
    let light = s.customer_risk(c).unwrap();
    assert_eq!((light.level, light.reasons[0].rule), (RiskLevel::Yellow, RiskRule::Signal));
    let line = explain::reason(&light.reasons[0]);
    assert!(line.contains("30"), "{line}");
    assert_eq!(line, light.reasons[0].signal, "one signal: its own line");
}

fn bought(s: &Store, customer: i64, month: &str) {
    let p =
        PurchaseFields { month: month.into(), product: "伺服电机".into(), amount: Some(5e4), ..Default::default() };
    s.add_purchase(customer, &p).unwrap();
}

/// The churn-review reason of a customer: (months, since), or `None` without one.
fn churn(s: &Store, customer: i64) -> Option<(i64, String)> {
    let light = s.customer_risk(customer).unwrap();
    let r = light.reasons.iter().find(|r| r.rule == RiskRule::ChurnReview)?;
    assert_eq!(r.level, RiskLevel::Yellow);
    Some((r.months.unwrap(), r.since.clone()))
}

#[test]
fn a_customer_that_bought_is_flagged_for_a_churn_review_after_6_quiet_months() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2025, 12, 10);
    only(&s, RiskRule::ChurnReview);
    let bought_once = s.create_customer(&named("华东精密")).unwrap().id;
    bought(&s, bought_once, "2025-12");
    let never = s.create_customer(&named("长江汽配")).unwrap().id;
    let marked_lost =
        s.create_customer(&CustomerFields { lifecycle: Some(Lifecycle::Lost), ..named("云岭制药") }).unwrap().id;
    bought(&s, marked_lost, "2025-12");
    // The months count from the purchase's month: 5 on the last day of May, 6 from June.
    let s = store_on(&dir, 2026, 5, 31);
    assert_eq!(churn(&s, bought_once), None);
    let s = store_on(&dir, 2026, 6, 1);
    assert_eq!(churn(&s, bought_once), Some((6, "2025-12".into())));
    assert_eq!(s.customer_risk(never).unwrap().level, RiskLevel::Green, "never bought: nothing to lose");
    assert_eq!(s.customer_risk(marked_lost).unwrap().level, RiskLevel::Green, "already marked 流失");
    let reason = s.customer_risk(bought_once).unwrap().reasons[0].clone();
    assert_eq!(explain::reason(&reason), "已 6 个月无采购、无在谈商机（上次采购或商机 2025-12），建议做流失预警复盘");
    let lit: Vec<i64> = s.portfolio_risk().unwrap().customers.iter().map(|c| c.customer_id).collect();
    assert_eq!(lit, [bought_once], "the portfolio's set-based query finds the same");
    // A follow-up record dated before the light lit is no review; one on the day clears it.
    s.create_visit(bought_once, &visit_on("2026-05-31", None)).unwrap();
    assert!(churn(&s, bought_once).is_some());
    s.create_visit(bought_once, &visit_on("2026-06-01", None)).unwrap();
    assert_eq!(churn(&s, bought_once), None);
    // Still nothing 6 months after the review: lit again, the months still from the purchase.
    let s = store_on(&dir, 2026, 11, 30);
    assert_eq!(churn(&s, bought_once), None);
    let s = store_on(&dir, 2026, 12, 1);
    assert_eq!(churn(&s, bought_once), Some((12, "2025-12".into())));
    // A purchase clears it; so does an open deal.
    bought(&s, bought_once, "2026-12");
    assert_eq!(churn(&s, bought_once), None);
    let s = store_on(&dir, 2027, 6, 1);
    assert_eq!(churn(&s, bought_once), Some((6, "2026-12".into())));
    let deal = s
        .create_opportunity(
            bought_once,
            &OpportunityFields { name: "二期".into(), amount: Some(1e5), ..Default::default() },
        )
        .unwrap()
        .id;
    assert_eq!(churn(&s, bought_once), None);
    // Lost, the deal was open until today: 6 months from now.
    let lost = LostReview { reason: Some(LostReason::Price), text: "价格".into(), ..Default::default() };
    s.move_opportunity(deal, Stage::Lost, Some(&lost)).unwrap();
    assert_eq!(churn(&s, bought_once), None);
    let s = store_on(&dir, 2027, 12, 1);
    assert_eq!(churn(&s, bought_once), Some((6, "2027-06".into())));
}

#[test]
fn a_won_deal_counts_as_bought_and_the_months_are_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 1, 20);
    only(&s, RiskRule::ChurnReview);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let won = OpportunityFields {
        name: "一期".into(),
        amount: Some(5e5),
        needs: "产线改造".into(),
        stage: Stage::Contract,
        quote_amount: Some(5e5),
        quote_date: "2026-01-05".into(),
        contract_amount: Some(4.8e5),
        contract_date: "2026-01-15".into(),
        ..Default::default()
    };
    let deal = s.create_opportunity(c, &won).unwrap().id;
    s.move_opportunity(deal, Stage::Won, None).unwrap();
    let s = store_on(&dir, 2026, 6, 30);
    assert_eq!(churn(&s, c), None);
    let s = store_on(&dir, 2026, 7, 1);
    assert_eq!(churn(&s, c), Some((6, "2026-01".into())));
    let mut settings = s.settings().unwrap();
    settings.risk.churn_months = 12;
    s.save_settings(&settings).unwrap();
    assert_eq!(churn(&s, c), None, "6 months < 12");
    for (months, ok) in [(0, false), (1, true), (36, true), (37, false)] {
        settings.risk.churn_months = months;
        match s.save_settings(&settings) {
            Ok(_) => assert!(ok, "{months}"),
            Err(e) => {
                assert!(!ok, "{months}");
                assert_eq!(common::refused::<()>(Err(e)), ("risk.churnMonths".into(), Reason::OutOfRange));
            }
        }
    }
    settings.risk.churn_review = false;
    settings.risk.churn_months = 6;
    s.save_settings(&settings).unwrap();
    assert_eq!(churn(&s, c), None, "switched off");
}

#[test]
fn the_portfolio_lists_the_lit_customers_worst_first_and_skips_the_undo_bin() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    let red = s.create_customer(&grade_a("红色客户")).unwrap().id;
    let yellow = s.create_customer(&grade_a("黄色客户")).unwrap().id;
    let green = s.create_customer(&grade_a("绿色客户")).unwrap().id;
    let s = store_on(&dir, 2026, 11, 25);
    for (c, date) in [(yellow, "2026-11-15"), (green, "2026-11-25")] {
        let v = s.create_visit(c, &VisitFields { date: date.into(), ..Default::default() }).unwrap().visit.id;
        s.set_confirmation(v, Confirmation::Confirmed).unwrap();
    }
    // 30, 16 and 6 days after the last follow-up of these A customers without deals.
    let s = store_on(&dir, 2026, 12, 1);
    let p = s.portfolio_risk().unwrap();
    let lit: Vec<(i64, RiskLevel)> = p.customers.iter().map(|c| (c.customer_id, c.risk.level)).collect();
    assert_eq!(lit, vec![(red, RiskLevel::Red), (yellow, RiskLevel::Yellow)]);
    s.delete_customer(red).unwrap();
    assert_eq!(s.portfolio_risk().unwrap().customers.len(), 1);
    s.undo_delete().unwrap();
    assert_eq!(s.portfolio_risk().unwrap().customers.len(), 2);
}

#[test]
fn a_shifted_clock_is_the_real_one_moved_by_whole_days() {
    use dossier_core::{Clock, ShiftedClock, SystemClock};
    let later = ShiftedClock::days(5).today() - SystemClock.today();
    assert!((4..=5).contains(&later.num_days()), "{later:?}"); // 5, or 4 across midnight
}
