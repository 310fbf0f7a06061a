//! Visit summaries and actions: the quality check's warnings, the customer recap (never an
//! internal field), participants as of the visit, the timeline, the home page, what deleting
//! a customer takes, and older settings.

use crate::common;

use common::{named, refused, store, store_on};
use dossier_core::activity::{HomeQuery, TimelineKind, TimelineQuery};
use dossier_core::customers::{ContactFields, CustomerFields, DeletedKind, Grade};
use dossier_core::error::Reason;
use dossier_core::opportunities::{OpportunityFields, Stage};
use dossier_core::settings::Settings;
use dossier_core::visits::*;
use dossier_core::Store;

fn action(what: &str, owner: &str, due: &str) -> ActionFields {
    ActionFields { what: what.into(), owner: owner.into(), due_date: due.into(), ..Default::default() }
}

fn issues(w: &[QualityWarning]) -> Vec<(QualityIssue, String, String)> {
    w.iter().map(|w| (w.issue, w.field.clone(), w.phrase.clone())).collect()
}

#[test]
fn the_quality_check_warns_but_saves() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let vague = VisitFields {
        date: "2026-11-23".into(),
        summary: "聊得不错，继续保持联系，客户有需求".into(),
        ..Default::default()
    };
    let saved = s.create_visit(c, &vague).unwrap();
    assert_eq!(
        issues(&saved.warnings),
        vec![
            (QualityIssue::NoNextAction, "actions".into(), String::new()),
            (QualityIssue::VaguePhrase, "summary".into(), "继续保持联系".into()),
            (QualityIssue::VaguePhrase, "summary".into(), "客户有需求".into()),
        ]
    );
    assert!(saved.warnings[1].suggestion.contains("哪天之前"));
    assert_eq!(s.visits(c, None, 0, 10).unwrap().total, 1, "warnings never block");

    let actions = vec![
        action("跟进", "张伟", "2026-11-30"),
        action("发送技术方案", "", ""),
        action("补发会议纪要", "李娜", "2026-11-20"),
    ];
    let v =
        VisitFields {
            date: "2026-11-23".into(), summary: "确认了 MES 接口范围".into(), actions, ..Default::default()
        };
    let saved = s.create_visit(c, &v).unwrap();
    assert_eq!(
        issues(&saved.warnings),
        vec![
            (QualityIssue::VaguePhrase, "actions.0.what".into(), "跟进".into()),
            (QualityIssue::NoOwner, "actions.1.owner".into(), String::new()),
            (QualityIssue::NoDueDate, "actions.1.dueDate".into(), String::new()),
            (QualityIssue::PastDue, "actions.2.dueDate".into(), String::new()),
        ]
    );
    // The past-due action is stored, overdue; saved again (now existing) it is not re-flagged.
    let visit = saved.visit;
    assert_eq!(visit.overdue_actions, vec![visit.fields.actions[2].id.unwrap()]);
    let again = s.update_visit(visit.id, &visit.fields).unwrap();
    assert!(!again.warnings.iter().any(|w| w.issue == QualityIssue::PastDue));
    assert_eq!(s.check_visit(&VisitFields { goal: "再等等".into(), ..Default::default() })[1].phrase, "再等等");
}

#[test]
fn the_form_refuses_bad_dates_and_foreign_references() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let other = s.create_customer(&named("长江汽配")).unwrap();
    assert_eq!(refused(s.create_visit(c, &VisitFields::default())), ("date".into(), Reason::Required));
    let bad = VisitFields { date: "2026-11-31".into(), ..Default::default() };
    assert_eq!(refused(s.create_visit(c, &bad)), ("date".into(), Reason::InvalidDate));
    let bad = VisitFields { date: "2026-11-20".into(), time: "25:00".into(), ..Default::default() };
    assert_eq!(refused(s.create_visit(c, &bad)), ("time".into(), Reason::InvalidDate));
    let theirs =
        s.create_contact(other.id, &ContactFields { name: "赵六".into(), ..Default::default() }).unwrap().contacts[0]
            .id;
    let bad = VisitFields {
        date: "2026-11-20".into(),
        customer_participants: vec![Participant { contact_id: theirs, ..Default::default() }],
        ..Default::default()
    };
    assert_eq!(refused(s.create_visit(c, &bad)), ("customerParticipants.0.contactId".into(), Reason::InvalidReference));
    let bad = VisitFields { date: "2026-11-20".into(), actions: vec![action(" ", "张伟", "")], ..Default::default() };
    assert_eq!(refused(s.create_visit(c, &bad)), ("actions.0.what".into(), Reason::Required));
    assert_eq!(s.visits(c, None, 0, 10).unwrap().total, 0);
}

#[test]
fn the_recap_has_decisions_steps_and_commitments_and_nothing_internal() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密机械股份有限公司")).unwrap().id;
    let p = s
        .create_contact(
            c,
            &ContactFields {
                name: "王建华".into(),
                title: "总经理".into(),
                family: "女儿妞妞8岁".into(),
                hobbies: "钓鱼".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let wang = p.contacts[0].id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        time: "14:00".into(),
        method: VisitMethod::Meeting,
        place: "苏州工业园区总部".into(),
        customer_participants: vec![Participant { contact_id: wang, ..Default::default() }],
        our_participants: vec![
            OurParticipant { name: "张伟".into(), role: Some(OurRole::Lead) },
            OurParticipant { name: "李娜".into(), role: Some(OurRole::Technical) },
        ],
        customer_type: Some(CustomerType::ChurnRisk),
        goal: "摸清二期预算".into(),
        summary: "内部判断：王总倾向我们".into(),
        progress: Some(Progress::Doubts),
        sales_actions: vec![SalesAction::Demo],
        solution: "内部方案：先送一年维保".into(),
        internal_support: vec![SupportKind::Legal],
        support_note: "请法务周五前看完合同".into(),
        notes: "交付部人手紧".into(),
        decisions: vec!["二期 MES 先在一车间试点".into()],
        needs: vec![
            Need { text: "与 SAP 实时对接".into(), kind: Some(NeedKind::Core), priority: Some(Priority::High) },
            Need { text: "老板想借此评优".into(), kind: Some(NeedKind::Latent), priority: None },
        ],
        objections: vec![Objection { text: "价格偏高".into(), handling: "内部可让利5%".into() }],
        commitments: vec!["提供两家同行案例".into()],
        quotes: vec!["你们比西门子贵太多".into()],
        competitor_news: vec!["西门子报价低15%".into()],
        risks: vec!["采购总监与竞品关系密切".into()],
        opportunities: vec!["三期仓储项目".into()],
        actions: vec![
            action("发送试点方案", "张伟", "2026-11-28"),
            ActionFields { status: ActionStatus::Done, ..action("会议纪要", "李娜", "2026-11-21") },
        ],
        ..Default::default()
    };
    let visit = s.create_visit(c, &v).unwrap().visit;
    assert_eq!(
        (visit.fields.customer_participants[0].name.as_str(), visit.fields.customer_participants[0].title.as_str()),
        ("王建华", "总经理")
    );
    let text = s.visit_recap(visit.id).unwrap().text;
    for wanted in [
        "华东精密机械股份有限公司",
        "时间：2026-11-20 14:00（面谈）",
        "王建华（总经理）",
        "张伟、李娜",
        "二期 MES 先在一车间试点",
        "与 SAP 实时对接（优先）",
        "提供两家同行案例",
        "11月28日前 发送试点方案（负责人：张伟）",
    ] {
        assert!(text.contains(wanted), "missing {wanted:?} in\n{text}");
    }
    for internal in [
        "摸清二期预算",
        "内部判断",
        "老板想借此评优",
        "价格偏高",
        "让利",
        "西门子",
        "竞品",
        "三期仓储",
        "妞妞",
        "钓鱼",
        "会议纪要",
        "主谈",
        "维保",
        "法务",
        "交付部",
    ] {
        assert!(!text.contains(internal), "{internal:?} leaked into\n{text}");
    }
    // A later title change does not rewrite who was there.
    let mut wang_fields = p.contacts[0].fields.clone();
    wang_fields.title = "董事长".into();
    s.update_contact(wang, &wang_fields).unwrap();
    assert_eq!(s.visit(visit.id).unwrap().fields.customer_participants[0].title, "总经理");
}

#[test]
fn actions_saved_with_the_visit_are_a_list() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        actions: vec![action("发送报价单", "张伟", "2026-11-25"), action("安排技术交流", "李娜", "2026-11-27")],
        ..Default::default()
    };
    let visit = s.create_visit(c, &v).unwrap().visit;
    let mut f = visit.fields.clone();
    f.actions.remove(0);
    f.actions[0].status = ActionStatus::Done;
    f.actions.push(action("寄送样品", "张伟", "2026-12-01"));
    let saved = s.update_visit(visit.id, &f).unwrap().visit;
    let whats: Vec<(&str, ActionStatus)> = saved.fields.actions.iter().map(|a| (a.what.as_str(), a.status)).collect();
    assert_eq!(whats, vec![("安排技术交流", ActionStatus::Done), ("寄送样品", ActionStatus::Todo)]);
    let all = s.customer_actions(c, false).unwrap();
    assert_eq!(all.iter().map(|a| a.what.as_str()).collect::<Vec<_>>(), vec!["寄送样品", "安排技术交流"]);
    assert_eq!(all[1].done_on, "2026-11-23");
    let mut stray = f.clone();
    stray.actions[0].id = Some(9999);
    assert_eq!(refused(s.update_visit(visit.id, &stray)), ("actions.0.id".into(), Reason::InvalidReference));
}

#[test]
fn the_timeline_is_newest_first_filtered_and_paged() {
    let dir = tempfile::tempdir().unwrap();
    let s = store_on(&dir, 2026, 11, 10);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let s = store_on(&dir, 2026, 11, 23);
    let o = s
        .create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap()
        .id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        time: "09:30".into(),
        goal: "确认需求".into(),
        opportunity_id: Some(o),
        urgent: true,
        actions: vec![action("发送报价单", "张伟", "2026-11-26")],
        ..Default::default()
    };
    s.create_visit(c, &v).unwrap();
    let page = s.timeline(c, &TimelineQuery::default()).unwrap();
    let order: Vec<(TimelineKind, String)> = page.entries.iter().map(|e| (e.kind, e.at.clone())).collect();
    assert_eq!(
        order,
        vec![
            (TimelineKind::Action, "2026-11-26".into()),
            (TimelineKind::Stage, "2026-11-23T12:00:00Z".into()),
            (TimelineKind::Visit, "2026-11-20T09:30".into()),
            (TimelineKind::Profile, "2026-11-10T12:00:00Z".into()),
        ]
    );
    assert_eq!(page.total, 4);
    assert!(page.entries[2].urgent);
    assert_eq!((page.entries[1].title.as_str(), page.entries[1].to.as_str()), ("MES", "initiation"));
    let visits = s
        .timeline(c, &TimelineQuery { kinds: vec![TimelineKind::Visit, TimelineKind::Stage], ..Default::default() })
        .unwrap();
    assert_eq!(
        visits.entries.iter().map(|e| e.kind).collect::<Vec<_>>(),
        vec![TimelineKind::Stage, TimelineKind::Visit]
    );
    // One kind alone, without the visits whose SELECT used to name the union's columns.
    for kind in [TimelineKind::Action, TimelineKind::Stage, TimelineKind::Profile] {
        let only = s.timeline(c, &TimelineQuery { kinds: vec![kind], ..Default::default() }).unwrap();
        assert_eq!((only.total, only.entries[0].kind), (1, kind));
    }
    let second = s.timeline(c, &TimelineQuery { offset: 1, limit: 1, ..Default::default() }).unwrap();
    assert_eq!((second.total, second.entries[0].kind), (4, TimelineKind::Stage));
    // A range of days, inclusive at both ends, or open at one; counted and paged within it.
    let days = |from: &str, to: &str| {
        let page = s.timeline(c, &TimelineQuery { from: from.into(), to: to.into(), ..Default::default() }).unwrap();
        (page.total, page.entries.iter().map(|e| e.kind).collect::<Vec<_>>())
    };
    assert_eq!(days("2026-11-20", "2026-11-23"), (2, vec![TimelineKind::Stage, TimelineKind::Visit]));
    assert_eq!(days("2026-11-21", ""), (2, vec![TimelineKind::Action, TimelineKind::Stage]));
    assert_eq!(days("", "2026-11-10"), (1, vec![TimelineKind::Profile]));
    assert_eq!(days("2026-12-01", "2026-12-31"), (0, vec![]));
    assert_eq!(
        refused(s.timeline(c, &TimelineQuery { from: "2026-13-01".into(), ..Default::default() })),
        ("from".into(), Reason::InvalidDate)
    );

    // The action is due on the 26th: open and on time until then, overdue from the 27th on,
    // itself again once done.
    let status = |s: &Store| {
        s.timeline(c, &TimelineQuery { kinds: vec![TimelineKind::Action], ..Default::default() }).unwrap().entries[0]
            .to
            .clone()
    };
    assert_eq!(status(&store_on(&dir, 2026, 11, 26)), "todo");
    let late = store_on(&dir, 2026, 11, 27);
    assert_eq!(status(&late), "overdue");
    let id =
        late.timeline(c, &TimelineQuery { kinds: vec![TimelineKind::Action], ..Default::default() }).unwrap().entries
            [0]
        .ref_id;
    late.set_action_status(id, ActionStatus::Done).unwrap();
    assert_eq!(status(&late), "done");
}

#[test]
fn a_records_timeline_entry_has_its_progress_and_sales_actions() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        goal: "演示并报价".into(),
        progress: Some(Progress::Doubts),
        sales_actions: vec![SalesAction::Demo, SalesAction::Quote],
        actions: vec![action("发送报价单", "张伟", "2026-11-26")],
        ..Default::default()
    };
    s.create_visit(c, &v).unwrap();
    let plain = VisitFields { date: "2026-11-18".into(), goal: "电话回访".into(), ..Default::default() };
    s.create_visit(c, &plain).unwrap();
    let kinds = vec![TimelineKind::Visit, TimelineKind::Action];
    let page = s.timeline(c, &TimelineQuery { kinds, ..Default::default() }).unwrap();
    let shown: Vec<(TimelineKind, &str, Option<Progress>, Vec<SalesAction>)> =
        page.entries.iter().map(|e| (e.kind, e.title.as_str(), e.progress, e.sales_actions.clone())).collect();
    assert_eq!(
        shown,
        [
            (TimelineKind::Action, "发送报价单", None, vec![]),
            (TimelineKind::Visit, "演示并报价", Some(Progress::Doubts), vec![SalesAction::Demo, SalesAction::Quote]),
            (TimelineKind::Visit, "电话回访", None, vec![]),
        ]
    );
}

#[test]
fn the_timeline_orders_recorded_changes_by_local_time_like_visits() {
    // In 北京 the clock's noon UTC is 20:00. A deal created then (its stage change is stored
    // as 12:00Z) came after a visit typed in at 19:00 local time (11:00Z), and before one at
    // 21:00: the raw strings would put "…T19:00" above "…T12:00:00Z".
    let (_d, s) = common::store_east(8);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    s.create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap();
    for time in ["19:00", "21:00"] {
        s.create_visit(
            c,
            &VisitFields { date: "2026-11-23".into(), time: time.into(), goal: time.into(), ..Default::default() },
        )
        .unwrap();
    }
    let kinds = vec![TimelineKind::Visit, TimelineKind::Stage];
    let page = s.timeline(c, &TimelineQuery { kinds, ..Default::default() }).unwrap();
    let order: Vec<(TimelineKind, String)> = page.entries.iter().map(|e| (e.kind, e.at.clone())).collect();
    assert_eq!(
        order,
        vec![
            (TimelineKind::Visit, "2026-11-23T21:00".into()),
            (TimelineKind::Stage, "2026-11-23T12:00:00Z".into()),
            (TimelineKind::Visit, "2026-11-23T19:00".into()),
        ]
    );
}

#[test]
fn an_action_without_a_due_date_sits_on_the_local_day_it_was_written() {
    // Noon UTC on the 23rd is already 01:00 on the 24th thirteen hours east.
    let (_d, s) = common::store_east(13);
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let target = ActionTarget { customer_id: c, opportunity_id: None };
    s.create_action(&target, &action("发送技术方案", "张伟", "")).unwrap();
    let page = s.timeline(c, &TimelineQuery { kinds: vec![TimelineKind::Action], ..Default::default() }).unwrap();
    assert_eq!(page.entries[0].at, "2026-11-24");
}

#[test]
fn home_lists_due_today_overdue_red_customers_and_deals_closing_this_month() {
    let (_d, s) = store();
    let mine = s
        .create_customer(&CustomerFields { grade: Some(Grade::B), owner: "张伟".into(), ..named("华东精密") })
        .unwrap()
        .id;
    let target = dossier_core::visits::ActionTarget { customer_id: mine, opportunity_id: None };
    s.create_action(&target, &action("今天回电", "张伟", "2026-11-23")).unwrap();
    s.create_action(&target, &action("上周的报价", "张伟", "2026-11-16")).unwrap();
    s.create_action(&target, &action("李娜的事", "李娜", "2026-11-20")).unwrap();
    let closing = OpportunityFields {
        name: "MES".into(),
        owner: "张伟".into(),
        amount: Some(100_000.0),
        expected_close: "2026-11-30".into(),
        ..Default::default()
    };
    s.create_opportunity(mine, &closing).unwrap();
    s.create_opportunity(
        mine,
        &OpportunityFields { expected_close: "2026-12-01".into(), name: "明年".into(), ..closing.clone() },
    )
    .unwrap();
    let home = s.home(&HomeQuery { owners: vec!["张伟".into()], ..Default::default() }).unwrap();
    assert_eq!(home.due_today.iter().map(|a| a.what.as_str()).collect::<Vec<_>>(), vec!["今天回电"]);
    assert_eq!(home.overdue.iter().map(|a| a.what.as_str()).collect::<Vec<_>>(), vec!["上周的报价"]);
    assert_eq!((home.overdue_total, home.red_total), (1, 1));
    assert_eq!(home.red_customers[0].customer_id, mine);
    assert_eq!((home.closing_total, home.closing_amount, home.closing_weighted), (1, 100_000.0, 10_000.0));
    assert_eq!(home.closing[0].opportunity.fields.name, "MES");
    let everyone = s.home(&HomeQuery::default()).unwrap();
    assert_eq!(everyone.overdue_total, 2);
}

#[test]
fn deleting_a_customer_says_what_goes_and_undo_brings_it_back() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    s.create_contact(c, &ContactFields { name: "王建华".into(), ..Default::default() }).unwrap();
    let o = OpportunityFields { name: "MES".into(), amount: Some(300_000.0), ..Default::default() };
    let o = s.create_opportunity(c, &o).unwrap().id;
    s.create_opportunity(
        c,
        &OpportunityFields {
            name: "旧单".into(),
            amount: Some(5.0),
            stage: Stage::Lost,
            lost_review: Some(dossier_core::opportunities::LostReview {
                reason: Some(dossier_core::opportunities::LostReason::Price),
                text: "价格".into(),
                ..Default::default()
            }),
            ..Default::default()
        },
    )
    .unwrap();
    let v = VisitFields {
        date: "2026-11-20".into(),
        opportunity_id: Some(o),
        actions: vec![
            action("发送报价单", "张伟", "2026-11-25"),
            ActionFields { status: ActionStatus::Done, ..action("纪要", "张伟", "2026-11-21") },
        ],
        ..Default::default()
    };
    s.create_visit(c, &v).unwrap();
    let r = s.customer_removal(c).unwrap();
    assert_eq!(
        (r.contacts, r.opportunities, r.open_opportunities, r.open_amount, r.visits, r.actions, r.open_actions),
        (1, 2, 1, 300_000.0, 1, 2, 1)
    );
    s.delete_customer(c).unwrap();
    assert!(s.opportunity(o).is_err());
    assert_eq!(
        s.home(&HomeQuery::default()).unwrap().due_today_total + s.home(&HomeQuery::default()).unwrap().closing_total,
        0
    );
    s.undo_delete().unwrap();
    assert_eq!(s.customer_removal(c).unwrap(), r);
    // Purged from the trash for good, its records go with it.
    s.delete_customer(c).unwrap();
    s.empty_trash().unwrap();
    let left: i64 = s.connection().query_row("SELECT (SELECT count(*) FROM opportunity) + (SELECT count(*) FROM visit) + (SELECT count(*) FROM next_action) + (SELECT count(*) FROM stage_change)", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0);
}

#[test]
fn settings_saved_before_the_pipeline_read_with_its_defaults() {
    let (_d, s) = store();
    s.connection()
        .execute(
            "INSERT INTO setting (key, value) VALUES ('settings', '{\"staleMonths\": 18, \"declineMonths\": 4}')",
            [],
        )
        .unwrap();
    let got = s.settings().unwrap();
    assert_eq!((got.stale_months, got.decline_months), (18, 4));
    assert_eq!((got.stage_probabilities.quote, got.risk.follow_up_red_days, got.risk.quote_idle_days), (60, 7, 5));
    s.connection()
        .execute("UPDATE setting SET value = '{\"risk\": {\"quoteIdleDays\": 9}}' WHERE key = 'settings'", [])
        .unwrap();
    let got = s.settings().unwrap();
    assert_eq!(
        (got.risk.quote_idle_days, got.risk.unconfirmed_days, got.risk.follow_up_grades.clone()),
        (9, 3, vec![Grade::A])
    );
    let bad = Settings {
        risk: dossier_core::settings::RiskSettings { follow_up_red_days: 2, ..Default::default() },
        ..Settings::default()
    };
    assert_eq!(refused(s.save_settings(&bad)), ("risk.followUpRedDays".into(), Reason::OutOfRange));
    let mut bad = Settings::default();
    bad.stage_probabilities.quote = 120;
    assert_eq!(refused(s.save_settings(&bad)), ("stageProbabilities.quote".into(), Reason::OutOfRange));
    let rules = s.risk_rules().unwrap();
    assert!(rules.iter().any(|r| r.explanation.contains("报价阶段 9 天")));
}

#[test]
fn a_visit_keeps_a_participant_whose_contact_is_gone_and_a_deal_drops_a_deleted_key_person() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let p = s
        .create_contact(c, &ContactFields { name: "李芳".into(), title: "采购总监".into(), ..Default::default() })
        .unwrap();
    let li = p.contacts[0].id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        customer_participants: vec![Participant { contact_id: li, ..Default::default() }],
        ..Default::default()
    };
    let visit = s.create_visit(c, &v).unwrap().visit;
    let deal = OpportunityFields { name: "MES".into(), amount: Some(1e6), key_persons: vec![li], ..Default::default() };
    let o = s.create_opportunity(c, &deal).unwrap();
    s.delete_contact(li).unwrap();
    s.empty_trash().unwrap();
    let again = s.update_visit(visit.id, &visit.fields).unwrap().visit;
    assert_eq!(again.fields.customer_participants[0].name, "李芳");
    assert!(s.update_opportunity(o.id, &o.fields).unwrap().fields.key_persons.is_empty());
    let stranger = OpportunityFields { key_persons: vec![li], ..deal };
    assert_eq!(refused(s.create_opportunity(c, &stranger)), ("keyPersons.0".into(), Reason::InvalidReference));
}

#[test]
fn a_deleted_visit_summary_comes_back_with_its_actions_from_the_trash() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let o = s
        .create_opportunity(c, &OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() })
        .unwrap()
        .id;
    let actions = vec![
        action("发送报价单", "张伟", "2026-11-25"),
        ActionFields { status: ActionStatus::Done, ..action("纪要", "张伟", "2026-11-21") },
    ];
    let v = VisitFields {
        date: "2026-11-20".into(),
        goal: "确认二期需求".into(),
        opportunity_id: Some(o),
        actions,
        ..Default::default()
    };
    let before = s.create_visit(c, &v).unwrap().visit;
    let count = |s: &Store| -> (i64, i64) {
        s.connection()
            .query_row("SELECT (SELECT count(*) FROM visit), (SELECT count(*) FROM next_action)", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
    };

    s.delete_visit(before.id).unwrap();
    assert_eq!(count(&s), (0, 0));
    assert_eq!(s.visits(c, None, 0, 10).unwrap().total, 0);
    let restored = s.undo_delete().unwrap().unwrap();
    assert_eq!((restored.kind, restored.id, restored.customer_id), (DeletedKind::Visit, before.id, c));
    assert_eq!(restored.name, "2026-11-20 确认二期需求");
    assert_eq!(s.visit(before.id).unwrap(), before, "the same record, ids, actions and statuses included");
    assert!(s.undo_delete().unwrap().is_none(), "undone once");

    // The deal deleted meanwhile (and still in the trash): the summary comes back without the link.
    s.delete_visit(before.id).unwrap();
    s.delete_opportunity(o).unwrap();
    s.restore_trash(entry_of(&s, DeletedKind::Visit)).unwrap();
    let back = s.visit(before.id).unwrap();
    assert_eq!((back.fields.opportunity_id, back.fields.actions.len()), (None, 2));

    // A summary written meanwhile took the deleted one's id (SQLite reuses the highest), and a
    // deal of another customer the deleted deal's: the summary comes back under a new id, its
    // actions with it, and not tied to the other customer's deal.
    let other = s.create_customer(&named("长江汽配")).unwrap().id;
    let o2 = s
        .create_opportunity(c, &OpportunityFields { name: "二期".into(), amount: Some(1e5), ..Default::default() })
        .unwrap()
        .id;
    let mut tied = s.visit(before.id).unwrap().fields;
    tied.opportunity_id = Some(o2);
    s.update_visit(before.id, &tied).unwrap();
    s.delete_visit(before.id).unwrap();
    s.delete_opportunity(o2).unwrap();
    let theirs = s
        .create_opportunity(
            other,
            &OpportunityFields { name: "别家的".into(), amount: Some(1.0), ..Default::default() },
        )
        .unwrap()
        .id;
    assert_eq!(theirs, o2, "the id is reused");
    let newer = s.create_visit(c, &VisitFields { date: "2026-11-22".into(), ..Default::default() }).unwrap().visit.id;
    assert_eq!(newer, before.id, "the id is reused");
    let restored = s.restore_trash(entry_of(&s, DeletedKind::Visit)).unwrap();
    assert_ne!(restored.id, before.id);
    let back = s.visit(restored.id).unwrap();
    assert_eq!(
        (back.fields.goal.as_str(), back.fields.opportunity_id, back.fields.actions.len()),
        ("确认二期需求", None, 2)
    );
    assert!(s.visit(newer).unwrap().fields.actions.is_empty(), "the newer summary keeps its own (no) actions");
    let before = back;

    // A later delete no longer purges it: undo takes the newest first, then the summary.
    s.delete_visit(before.id).unwrap();
    s.delete_customer(other).unwrap();
    assert_eq!(s.undo_delete().unwrap().unwrap().kind, DeletedKind::Customer);
    assert_eq!(count(&s), (1, 0), "the newer summary alone");
    assert_eq!(s.undo_delete().unwrap().unwrap().kind, DeletedKind::Visit);
    assert_eq!(count(&s), (2, 2));
}

/// The trash entry of the newest deleted record of `kind`.
fn entry_of(s: &Store, kind: DeletedKind) -> i64 {
    s.trash(50, 0).unwrap().entries.iter().find(|e| e.kind == kind).unwrap().id
}

#[test]
fn last_contact_comes_from_the_records_a_contact_took_part_in() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let typed =
        |name: &str| ContactFields { name: name.into(), last_contact: "2026-10-01".into(), ..Default::default() };
    let wang = s.create_contact(c, &typed("王建华")).unwrap().contacts[0].id;
    let li = s.create_contact(c, &typed("李芳")).unwrap().contacts.iter().find(|x| x.fields.name == "李芳").unwrap().id;
    let contact = |s: &Store, id: i64| s.profile(c).unwrap().contacts.into_iter().find(|x| x.id == id).unwrap();
    // No record yet: the typed date, and the customer has none.
    assert_eq!(contact(&s, wang).last_contact(), "2026-10-01");
    assert_eq!(contact(&s, wang).followed_up_on, None);
    assert_eq!(s.profile(c).unwrap().last_follow_up, None);

    let with = |date: &str, who: Vec<i64>| VisitFields {
        date: date.into(),
        summary: "确认了 MES 接口范围".into(),
        customer_participants: who.into_iter().map(|id| Participant { contact_id: id, ..Default::default() }).collect(),
        ..Default::default()
    };
    s.create_visit(c, &with("2026-11-20", vec![wang])).unwrap();
    let older = s.create_visit(c, &with("2026-09-15", vec![wang, li])).unwrap().visit.id;
    s.create_visit(c, &with("2026-11-28", vec![])).unwrap(); // by phone, nobody named
                                                             // A record wins over the typed date, even an older one: the card never contradicts the records.
    assert_eq!(contact(&s, wang).last_contact(), "2026-11-20");
    assert_eq!(contact(&s, li).last_contact(), "2026-09-15");
    assert_eq!(s.profile(c).unwrap().last_follow_up.as_deref(), Some("2026-11-28"));
    // Without the record, the typed date again.
    s.delete_visit(older).unwrap();
    assert_eq!(contact(&s, li).last_contact(), "2026-10-01");
}

#[test]
fn the_source_articles_own_examples_of_empty_records_are_warned() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let v = VisitFields {
        date: "2026-11-20".into(),
        summary: "已沟通，了解中".into(),
        goal: "已跟进，沟通良好".into(),
        actions: vec![action("发送二期报价单", "张伟", "2026-11-30")],
        ..Default::default()
    };
    let phrases: Vec<String> = s.create_visit(c, &v).unwrap().warnings.into_iter().map(|w| w.phrase).collect();
    for phrase in ["已沟通", "了解中", "已跟进", "沟通良好"] {
        assert!(phrases.iter().any(|p| p == phrase), "{phrase} not warned: {phrases:?}");
    }
}

#[test]
fn a_record_first_saved_more_than_a_day_after_the_visit_is_warned() {
    let (_d, s) = store(); // noon on 2026-11-23
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let late = |date: &str, time: &str| {
        let v = VisitFields {
            date: date.into(),
            time: time.into(),
            summary: "确认了 MES 接口范围".into(),
            actions: vec![action("发送二期报价单", "张伟", "2026-11-30")],
            ..Default::default()
        };
        let saved = s.create_visit(c, &v).unwrap();
        (saved.visit.id, saved.warnings.iter().any(|w| w.issue == QualityIssue::LateRecord && w.field == "date"))
    };
    assert!(!late("2026-11-22", "13:00").1, "23 hours after");
    assert!(late("2026-11-22", "11:00").1, "25 hours after");
    assert!(!late("2026-11-22", "").1, "no time: counted from the end of the day");
    let (id, warned) = late("2026-11-21", "");
    assert!(warned, "two days after");
    // Only the first save: editing an old record later is no new lateness.
    let v = s.visit(id).unwrap().fields;
    assert!(s.update_visit(id, &v).unwrap().warnings.iter().all(|w| w.issue != QualityIssue::LateRecord));
}

#[test]
fn the_template_parts_are_stored_and_older_records_read_without_them() {
    let (dir, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let v = VisitFields {
        date: "2026-11-22".into(),
        our_participants: vec![OurParticipant { name: " 张伟 ".into(), role: Some(OurRole::Lead) }],
        customer_type: Some(CustomerType::New),
        progress: Some(Progress::Intent),
        sales_actions: vec![SalesAction::Presentation, SalesAction::Quote],
        solution: " 一车间先行 ".into(),
        internal_support: vec![SupportKind::Pricing, SupportKind::Executive],
        support_note: "需要副总出面".into(),
        notes: "技术部已排期".into(),
        ..Default::default()
    };
    let saved = s.create_visit(c, &v).unwrap().visit;
    let read = s.visit(saved.id).unwrap().fields;
    let trimmed = VisitFields {
        our_participants: vec![OurParticipant { name: "张伟".into(), role: Some(OurRole::Lead) }],
        solution: "一车间先行".into(),
        ..v.clone()
    };
    assert_eq!(read, trimmed, "stored whole, trimmed");
    assert_eq!(
        refused(s.create_visit(c, &VisitFields { sales_actions: vec![SalesAction::Demo; 2], ..v.clone() })),
        ("salesActions.1".into(), Reason::Repeated)
    );
    // A record as an older version wrote it (our side by name only, none of the template's
    // parts) and codes a newer version might write: read, the unknown ones left out.
    let old = s.create_visit(c, &VisitFields { date: "2026-11-01".into(), ..Default::default() }).unwrap().visit.id;
    drop(s);
    let conn = rusqlite::Connection::open(dir.path().join("dossier.sqlite")).unwrap();
    conn.execute(
        "UPDATE visit SET our_participants = '[\"王五\", {\"name\": \"赵六\", \"role\": \"astronaut\"}]',
             progress = 'teleported', sales_actions = '[\"demo\", \"hologram\"]' WHERE id = ?1",
        [old],
    )
    .unwrap();
    drop(conn);
    let s = store_on(&dir, 2026, 11, 23);
    let f = s.visit(old).unwrap().fields;
    assert_eq!(f.our_participants, vec![OurParticipant::from("王五"), OurParticipant::from("赵六")]);
    assert_eq!((f.progress, f.customer_type, f.sales_actions), (None, None, vec![SalesAction::Demo]));
    assert!(f.internal_support.is_empty() && f.solution.is_empty() && f.notes.is_empty());
}

#[test]
fn records_and_deals_of_a_version_11_file_read_after_the_migration() {
    let (dir, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let deal = OpportunityFields { name: "MES".into(), amount: Some(1e6), ..Default::default() };
    let o = s.create_opportunity(c, &deal).unwrap().id;
    let v = VisitFields { date: "2026-11-20".into(), goal: "摸清预算".into(), ..Default::default() };
    let id = s.create_visit(c, &v).unwrap().visit.id;
    common::back_to_version_11(s.connection());
    s.connection().execute("UPDATE visit SET our_participants = '[\"张伟\"]' WHERE id = ?1", [id]).unwrap();
    drop(s);
    let s = store_on(&dir, 2026, 11, 23);
    let read = s.visit(id).unwrap().fields;
    assert_eq!((read.goal.as_str(), read.our_participants.clone()), ("摸清预算", vec![OurParticipant::from("张伟")]));
    assert_eq!((read.progress, read.sales_actions.len(), read.notes.as_str()), (None, 0, ""));
    assert!(!s.opportunity(o).unwrap().fields.own_follow_up_required, "a deal counts its customer's follow-ups");
}
