//! 回款 and 交付 of a won deal: the plan's arithmetic against the payments received, the
//! refusals (the field named, nothing written), the overdue-installment and overdue-milestone
//! lights at their boundaries with the clock pinned, 今日, the trash and an older file.

use crate::common;

use common::{named, refused, store_on};
use dossier_core::activity::{HomeQuery, TimelineKind, TimelineQuery};
use dossier_core::opportunities::{OpportunityFields, Stage};
use dossier_core::payments::{
    InstallmentFields, MilestoneFields, MilestoneStatus, PaymentFields, PaymentPlan, PlanInput, WonOverdueKind,
};
use dossier_core::risk::{explain, RiskLevel, RiskLight, RiskRule};
use dossier_core::settings::Settings;
use dossier_core::{Reason, Store};

/// A customer with a deal won on 2026-09-01 for a contract of ¥100,000; (customer, deal).
fn won_deal(s: &Store) -> (i64, i64) {
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let f = OpportunityFields {
        name: "MES 二期".into(),
        owner: "李娜".into(),
        amount: Some(120_000.0),
        stage: Stage::Won,
        needs: "产线追溯".into(),
        quote_amount: Some(110_000.0),
        quote_date: "2026-08-01".into(),
        contract_amount: Some(100_000.0),
        contract_date: "2026-09-01".into(),
        ..Default::default()
    };
    (c, s.create_opportunity(c, &f).unwrap().id)
}

fn inst(amount: f64, due: &str) -> InstallmentFields {
    InstallmentFields { amount: Some(amount), due_date: due.into(), ..Default::default() }
}

fn plan(list: Vec<InstallmentFields>) -> PlanInput {
    PlanInput { installments: list, confirm_over: false }
}

fn paid(day: &str, amount: f64) -> PaymentFields {
    PaymentFields { received_on: day.into(), amount: Some(amount), note: String::new() }
}

/// (planned, received, outstanding, overdue, difference).
fn figures(p: &PaymentPlan) -> (f64, f64, f64, f64, f64) {
    (p.planned_total, p.received_total, p.outstanding, p.overdue_amount, p.plan_difference)
}

/// Only the rule under test lights up.
fn only(s: &Store, keep: RiskRule) {
    let mut settings = Settings::default();
    let r = &mut settings.risk;
    (r.no_follow_up, r.quote_idle, r.power_map, r.overdue_action, r.unconfirmed) = (false, false, false, false, false);
    (r.late_record, r.signals, r.stuck_in_stage) = (false, false, false);
    r.overdue_payment = keep == RiskRule::OverduePayment;
    r.overdue_milestone = keep == RiskRule::OverdueMilestone;
    s.save_settings(&settings).unwrap();
}

fn rule(light: &RiskLight, rule: RiskRule) -> RiskLevel {
    light.reasons.iter().filter(|r| r.rule == rule).fold(RiskLevel::Green, |l, r| l.max(r.level))
}

#[test]
fn payments_cover_the_oldest_installments_first_and_the_plan_is_compared_with_the_contract() {
    let (_d, s) = common::store(); // 2026-11-23
    let (_, o) = won_deal(&s);
    // Saved out of order: numbered by due date.
    let p = s
        .save_payment_plan(
            o,
            &plan(vec![inst(50_000.0, "2026-11-20"), inst(30_000.0, "2026-10-01"), inst(10_000.0, "2026-12-31")]),
        )
        .unwrap();
    let order: Vec<(i64, f64)> = p.installments.iter().map(|i| (i.seq, i.amount)).collect();
    assert_eq!(order, vec![(1, 30_000.0), (2, 50_000.0), (3, 10_000.0)]);
    assert_eq!(figures(&p), (90_000.0, 0.0, 100_000.0, 80_000.0, -10_000.0), "nothing received: 1 and 2 overdue");
    // Early: paid before the first installment fell due, part of it.
    let p = s.add_payment(o, &paid("2026-09-15", 20_000.0)).unwrap();
    assert_eq!(figures(&p), (90_000.0, 20_000.0, 80_000.0, 60_000.0, -10_000.0));
    assert_eq!((p.installments[0].covered, p.installments[0].overdue), (20_000.0, 10_000.0));
    assert_eq!(p.installments[1].days_overdue, Some(3));
    // Late: the rest of the first and part of the second.
    let p = s.add_payment(o, &paid("2026-11-22", 40_000.0)).unwrap();
    assert_eq!(figures(&p), (90_000.0, 60_000.0, 40_000.0, 20_000.0, -10_000.0));
    let covered: Vec<(f64, f64)> = p.installments.iter().map(|i| (i.covered, i.overdue)).collect();
    assert_eq!(covered, vec![(30_000.0, 0.0), (30_000.0, 20_000.0), (0.0, 0.0)], "the third is not due yet");
    assert_eq!(p.payments[0].received_on, "2026-11-22", "newest first");
    // Paid in full and more: nothing outstanding, nothing overdue.
    let p = s.add_payment(o, &paid("2026-11-23", 45_000.0)).unwrap();
    assert_eq!(figures(&p), (90_000.0, 105_000.0, 0.0, 0.0, -10_000.0));
    // A payment deleted: its share is owed again.
    let p = s.delete_payment(p.payments[0].id).unwrap();
    assert_eq!(figures(&p), (90_000.0, 60_000.0, 40_000.0, 20_000.0, -10_000.0));
    assert_eq!(explain::yuan(p.plan_difference), "-¥10,000");
}

#[test]
fn a_plan_above_the_contract_needs_confirmation() {
    let (_d, s) = common::store();
    let (_, o) = won_deal(&s);
    let over = plan(vec![inst(60_000.0, "2026-12-01"), inst(40_000.02, "2027-01-01")]);
    let err = s.save_payment_plan(o, &over).unwrap_err();
    assert_eq!(refused::<()>(Err(err.clone())), ("installments".into(), Reason::OverContract));
    assert!(err.to_string().contains("100000"), "the contract amount travels with it: {err}");
    assert!(s.payment_plan(o).unwrap().installments.is_empty(), "nothing saved");
    // Within a fen is the contract amount.
    let exact = plan(vec![inst(60_000.0, "2026-12-01"), inst(40_000.01, "2027-01-01")]);
    assert_eq!(s.save_payment_plan(o, &exact).unwrap().plan_difference, 0.01);
    let p = s.save_payment_plan(o, &PlanInput { confirm_over: true, ..over }).unwrap();
    assert_eq!((p.planned_total, p.plan_difference), (100_000.02, 0.02));
}

#[test]
fn bad_input_is_refused_naming_the_field_and_nothing_is_written() {
    let (_d, s) = common::store(); // 2026-11-23
    let (c, o) = won_deal(&s);
    s.save_payment_plan(o, &plan(vec![inst(50_000.0, "2026-12-01")])).unwrap();
    s.add_payment(o, &paid("2026-10-01", 10_000.0)).unwrap();
    s.save_milestones(o, &[MilestoneFields { name: "签约".into(), ..Default::default() }]).unwrap();
    let before = (s.payment_plan(o).unwrap(), s.milestones(o).unwrap());

    let cases: Vec<(Reason, &str, Result<(), dossier_core::CoreError>)> = vec![
        (
            Reason::OutOfRange,
            "installments.1.amount",
            s.save_payment_plan(o, &plan(vec![inst(1.0, "2026-12-01"), inst(0.0, "2027-01-01")])).map(drop),
        ),
        (
            Reason::OutOfRange,
            "installments.0.amount",
            s.save_payment_plan(o, &plan(vec![inst(-5.0, "2026-12-01")])).map(drop),
        ),
        (
            Reason::InvalidDate,
            "installments.0.dueDate",
            s.save_payment_plan(o, &plan(vec![inst(5.0, "2026-13-01")])).map(drop),
        ),
        (
            Reason::InvalidDate,
            "installments.0.dueDate",
            s.save_payment_plan(o, &plan(vec![inst(5.0, "下个月")])).map(drop),
        ),
        (Reason::Required, "installments.0.dueDate", s.save_payment_plan(o, &plan(vec![inst(5.0, "")])).map(drop)),
        (Reason::OutOfRange, "receivedOn", s.add_payment(o, &paid("2026-08-31", 5.0)).map(drop)),
        (Reason::OutOfRange, "receivedOn", s.add_payment(o, &paid("2026-11-24", 5.0)).map(drop)),
        (Reason::InvalidDate, "receivedOn", s.add_payment(o, &paid("2026/11/01", 5.0)).map(drop)),
        (Reason::OutOfRange, "amount", s.add_payment(o, &paid("2026-11-01", 0.0)).map(drop)),
        (Reason::OutOfRange, "amount", s.add_payment(o, &paid("2026-11-01", -100.0)).map(drop)),
        (
            Reason::OutOfRange,
            "milestones.1.actualDate",
            s.save_milestones(
                o,
                &[
                    MilestoneFields { name: "签约".into(), actual_date: "2026-11-23".into(), ..Default::default() },
                    MilestoneFields { name: "验收".into(), actual_date: "2026-11-24".into(), ..Default::default() },
                ],
            )
            .map(drop),
        ),
        (Reason::Required, "milestones.0.name", s.save_milestones(o, &[MilestoneFields::default()]).map(drop)),
    ];
    for (reason, field, result) in cases {
        assert_eq!(refused(result), (field.to_string(), reason), "{field}");
    }
    assert_eq!((s.payment_plan(o).unwrap(), s.milestones(o).unwrap()), before, "the refusals wrote nothing");

    // A deal not won takes none of it.
    let open = s
        .create_opportunity(c, &OpportunityFields { name: "备件".into(), amount: Some(5e4), ..Default::default() })
        .unwrap()
        .id;
    assert_eq!(refused(s.save_payment_plan(open, &plan(vec![]))), ("stage".into(), Reason::NotWon));
    assert_eq!(refused(s.add_payment(open, &paid("2026-11-01", 5.0))), ("stage".into(), Reason::NotWon));
    assert_eq!(refused(s.save_milestones(open, &[])), ("stage".into(), Reason::NotWon));
    assert!(!s.payment_plan(open).unwrap().won);
}

#[test]
fn an_overdue_installment_is_yellow_from_the_next_day_and_red_from_the_red_days() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::OverduePayment);
    let (c, o) = won_deal(&s);
    s.save_payment_plan(o, &plan(vec![inst(30_000.0, "2026-11-20"), inst(70_000.0, "2026-11-20")])).unwrap();
    s.add_payment(o, &paid("2026-11-01", 10_000.0)).unwrap();
    // The due day, the day after, 29 and 30 days after (red from 30 days by default).
    for (month, day, level) in
        [(11, 20, RiskLevel::Green), (11, 21, RiskLevel::Yellow), (12, 19, RiskLevel::Yellow), (12, 20, RiskLevel::Red)]
    {
        let s = store_on(&dir, 2026, month, day);
        assert_eq!(rule(&s.opportunity_risk(o).unwrap(), RiskRule::OverduePayment), level, "{month}-{day}");
        assert_eq!(rule(&s.customer_risk(c).unwrap(), RiskRule::OverduePayment), level, "the customer too");
        assert_eq!(
            rule(
                &s.portfolio_risk()
                    .unwrap()
                    .customers
                    .first()
                    .map_or(dossier_core::risk::RiskLight::green(), |r| r.risk.clone()),
                RiskRule::OverduePayment
            ),
            level
        );
    }
    let s = store_on(&dir, 2026, 12, 2);
    let reason = s.customer_risk(c).unwrap().reasons.remove(0);
    assert_eq!((reason.installment, reason.amount, reason.count), (Some(1), Some(20_000.0), 2), "{reason:?}");
    assert_eq!(
        explain::reason(&reason),
        "商机「MES 二期」第 1 期回款 ¥20,000 已逾期 12 天（应于 2026-11-20 回款；共 2 期逾期）"
    );
    // The red days are a setting (1–365).
    let mut settings = s.settings().unwrap();
    settings.risk.payment_red_days = 12;
    s.save_settings(&settings).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Red);
    for bad in [0, 366] {
        settings.risk.payment_red_days = bad;
        assert_eq!(refused(s.save_settings(&settings)), ("risk.paymentRedDays".into(), Reason::OutOfRange));
    }
    // Paid up: green; the rule off: green too.
    s.add_payment(o, &paid("2026-12-02", 90_000.0)).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
    s.delete_payment(s.payment_plan(o).unwrap().payments[0].id).unwrap();
    settings.risk.payment_red_days = 30;
    settings.risk.overdue_payment = false;
    s.save_settings(&settings).unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
}

#[test]
fn a_milestone_not_done_after_its_planned_day_is_yellow_and_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 1);
    only(&s, RiskRule::OverdueMilestone);
    let (c, o) = won_deal(&s);
    let acceptance = MilestoneFields {
        name: "验收".into(),
        planned_date: "2026-11-20".into(),
        owner: "王工".into(),
        status: MilestoneStatus::InProgress,
        ..Default::default()
    };
    let signed = MilestoneFields {
        name: "签约".into(),
        planned_date: "2026-09-01".into(),
        actual_date: "2026-09-01".into(),
        status: MilestoneStatus::Done,
        ..Default::default()
    };
    s.save_milestones(o, &[signed.clone(), acceptance.clone()]).unwrap();
    s.save_payment_plan(o, &plan(vec![inst(30_000.0, "2026-11-10")])).unwrap();
    for (day, level) in [(20, RiskLevel::Green), (21, RiskLevel::Yellow)] {
        let s = store_on(&dir, 2026, 11, day);
        assert_eq!(rule(&s.customer_risk(c).unwrap(), RiskRule::OverdueMilestone), level, "11-{day}");
    }
    let s = store_on(&dir, 2026, 12, 31);
    let light = s.opportunity_risk(o).unwrap();
    assert_eq!(light.level, RiskLevel::Yellow, "never red: {light:?}");
    assert_eq!(
        explain::reason(&light.reasons[0]),
        "商机「MES 二期」交付里程碑「验收」已逾期 41 天（计划 2026-11-20 完成）"
    );
    assert!(s.milestones(o).unwrap()[1].overdue);

    // 今日 lists the overdue installment and milestone, for their owners.
    let home = s.home(&HomeQuery { owners: vec![], limit: 10 }).unwrap();
    let listed: Vec<String> = home
        .won_overdue
        .iter()
        .map(|w| format!("{:?} {:?} {} {:?} {}", w.kind, w.installment, w.milestone, w.amount, w.days))
        .collect();
    assert_eq!(listed, ["Installment Some(1)  Some(30000.0) 51", "Milestone None 验收 None 41"]);
    let mine = s.home(&HomeQuery { owners: vec!["王工".into()], limit: 10 }).unwrap();
    assert_eq!((mine.won_overdue_total, mine.won_overdue[0].kind), (1, WonOverdueKind::Milestone));

    // Done: green.
    s.save_milestones(
        o,
        &[signed, MilestoneFields { status: MilestoneStatus::Done, actual_date: "2026-12-30".into(), ..acceptance }],
    )
    .unwrap();
    assert_eq!(s.customer_risk(c).unwrap().level, RiskLevel::Green);
}

#[test]
fn a_deal_in_the_trash_takes_its_plan_payments_and_milestones_and_brings_them_back() {
    let (_d, s) = common::store();
    let (_, o) = won_deal(&s);
    s.save_payment_plan(o, &plan(vec![inst(50_000.0, "2026-11-01")])).unwrap();
    s.add_payment(o, &paid("2026-10-01", 10_000.0)).unwrap();
    s.save_milestones(o, &[MilestoneFields { name: "交付".into(), ..Default::default() }]).unwrap();
    let before = (s.payment_plan(o).unwrap(), s.milestones(o).unwrap());
    s.delete_opportunity(o).unwrap();
    assert_eq!(s.home(&HomeQuery { owners: vec![], limit: 10 }).unwrap().won_overdue_total, 0);
    let restored = s.undo_delete().unwrap().unwrap();
    assert_eq!(restored.id, o);
    assert_eq!((s.payment_plan(o).unwrap(), s.milestones(o).unwrap()), before);
}

#[test]
fn a_file_from_before_payment_plans_is_migrated_with_its_deals_kept() {
    let dir = tempfile::tempdir().unwrap();
    let o = {
        let s = store_on(&dir, 2026, 11, 23);
        let (_, o) = won_deal(&s);
        common::before_payments(s.connection());
        o
    };
    let s = store_on(&dir, 2026, 11, 23);
    assert_eq!(s.opportunity(o).unwrap().fields.contract_amount, Some(100_000.0));
    let p = s.save_payment_plan(o, &plan(vec![inst(100_000.0, "2026-11-01")])).unwrap();
    assert_eq!((p.planned_total, p.overdue_amount), (100_000.0, 100_000.0));
}

#[test]
fn the_timeline_shows_payments_received_and_milestones_on_their_days() {
    let (_d, s) = common::store(); // 2026-11-23
    let (c, o) = won_deal(&s);
    s.add_payment(
        o,
        &PaymentFields { received_on: "2026-10-08".into(), amount: Some(30_000.0), note: "首付款".into() },
    )
    .unwrap();
    let ms = |name: &str, planned: &str, actual: &str, status| MilestoneFields {
        name: name.into(),
        planned_date: planned.into(),
        actual_date: actual.into(),
        owner: "李娜".into(),
        status,
    };
    s.save_milestones(
        o,
        &[
            ms("交付", "2026-10-01", "2026-10-05", MilestoneStatus::Done),
            ms("验收", "2026-11-20", "", MilestoneStatus::InProgress),
            ms("培训", "2026-12-10", "", MilestoneStatus::NotStarted),
            ms("回访", "", "", MilestoneStatus::NotStarted),
        ],
    )
    .unwrap();
    let q = TimelineQuery { kinds: vec![TimelineKind::AfterSale], ..Default::default() };
    let page = s.timeline(c, &q).unwrap();
    let rows: Vec<(&str, &str, &str, &str, Option<f64>)> = page
        .entries
        .iter()
        .map(|e| (e.at.as_str(), e.from.as_str(), e.detail.as_str(), e.to.as_str(), e.amount))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-12-10", "milestone", "培训", "not_started", None),
            ("2026-11-20", "milestone", "验收", "overdue", None),
            ("2026-10-08", "payment", "首付款", "", Some(30_000.0)),
            ("2026-10-05", "milestone", "交付", "done", None),
        ],
        "newest first; a done milestone on its actual day, one without a day left out"
    );
    assert!(page.entries.iter().all(|e| e.title == "MES 二期" && e.opportunity_id == Some(o)));
    // In the whole feed too, and filtered by day.
    let all = s.timeline(c, &TimelineQuery::default()).unwrap();
    assert!(all.entries.iter().any(|e| e.kind == TimelineKind::AfterSale && e.from == "payment"));
    let october = TimelineQuery { from: "2026-10-06".into(), to: "2026-10-31".into(), ..q };
    assert_eq!(s.timeline(c, &october).unwrap().total, 1);
}
