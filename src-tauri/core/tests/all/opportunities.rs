//! Opportunities: the form's refusals, the stage gates (each missing field named), the stage
//! history, the forecast, funnel and lost-deal arithmetic.

use crate::common;

use common::{named, refused, store};
use dossier_core::customers::{CustomerFields, Grade};
use dossier_core::error::Reason;
use dossier_core::opportunities::{
    LostReason, LostReview, OpportunityFields, OpportunityQuery, OpportunitySort, Stage,
};
use dossier_core::settings::Settings;
use dossier_core::visits::{Need, VisitFields};
use dossier_core::{CoreError, Detail};

fn deal(name: &str, amount: f64) -> OpportunityFields {
    OpportunityFields { name: name.into(), amount: Some(amount), owner: "张伟".into(), ..Default::default() }
}

/// The field and the missing fields ("quoteAmount,quoteDate") of a refused stage gate.
fn gate<T: std::fmt::Debug>(r: Result<T, CoreError>) -> (String, String) {
    match r {
        Err(CoreError::Validation { field, reason: Reason::Required, detail: Detail::MissingFields { fields } }) => {
            (field, fields.join(","))
        }
        other => panic!("expected a stage gate refusal, got {other:?}"),
    }
}

#[test]
fn the_form_refuses_a_bad_amount_or_probability_naming_the_field() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    assert_eq!(refused(s.create_opportunity(c, &deal("MES", 0.0))), ("amount".into(), Reason::OutOfRange));
    assert_eq!(refused(s.create_opportunity(c, &deal("MES", -5.0))), ("amount".into(), Reason::OutOfRange));
    let no_amount = OpportunityFields { amount: None, ..deal("MES", 1.0) };
    assert_eq!(refused(s.create_opportunity(c, &no_amount)), ("amount".into(), Reason::Required));
    let p = OpportunityFields { probability: Some(101), ..deal("MES", 1.0) };
    assert_eq!(refused(s.create_opportunity(c, &p)), ("probability".into(), Reason::OutOfRange));
    let p = OpportunityFields { probability: Some(-1), ..deal("MES", 1.0) };
    assert_eq!(refused(s.create_opportunity(c, &p)), ("probability".into(), Reason::OutOfRange));
    let unnamed = deal(" ", 1.0);
    assert_eq!(refused(s.create_opportunity(c, &unnamed)), ("name".into(), Reason::Required));
    let other = s.create_customer(&named("长江汽配")).unwrap().id;
    let scope = s.create_power_scope(other, "别家项目").unwrap().scope_id;
    let foreign = OpportunityFields { scope_id: scope, ..deal("MES", 1.0) };
    assert_eq!(refused(s.create_opportunity(c, &foreign)), ("scopeId".into(), Reason::InvalidReference));
    assert_eq!(s.list_opportunities(&OpportunityQuery::default()).unwrap().total, 0);
}

#[test]
fn every_stage_gate_names_what_is_missing_and_jumps_cannot_skip_it() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let o = s.create_opportunity(c, &deal("MES 项目", 1_200_000.0)).unwrap();
    assert_eq!(o.fields.stage, Stage::Initiation);
    assert_eq!(gate(s.move_opportunity(o.id, Stage::Needs, None)), ("needs".into(), "needs".into()));
    // A jump to 合同 lists everything the stages on the way need.
    assert_eq!(
        gate(s.move_opportunity(o.id, Stage::Contract, None)),
        ("needs".into(), "needs,quoteAmount,quoteDate,contractAmount,contractDate".into())
    );
    // Needs recorded in a visit tied to the opportunity satisfy 需求确认.
    let visit = VisitFields {
        opportunity_id: Some(o.id),
        date: "2026-11-20".into(),
        needs: vec![Need { text: "MES 与 SAP 对接".into(), ..Default::default() }],
        ..Default::default()
    };
    s.create_visit(c, &visit).unwrap();
    assert_eq!(s.move_opportunity(o.id, Stage::Needs, None).unwrap().fields.stage, Stage::Needs);
    s.move_opportunity(o.id, Stage::Solution, None).unwrap();
    assert_eq!(
        gate(s.move_opportunity(o.id, Stage::Quote, None)),
        ("quoteAmount".into(), "quoteAmount,quoteDate".into())
    );
    let mut f = s.opportunity(o.id).unwrap().fields;
    f.quote_amount = Some(1_150_000.0);
    s.update_opportunity(o.id, &f).unwrap();
    assert_eq!(gate(s.move_opportunity(o.id, Stage::Quote, None)), ("quoteDate".into(), "quoteDate".into()));
    f.quote_date = "2026-11-22".into();
    f.stage = Stage::Quote;
    s.update_opportunity(o.id, &f).unwrap();
    // The current stage's fields cannot be cleared.
    let cleared = OpportunityFields { quote_amount: None, ..f.clone() };
    assert_eq!(gate(s.update_opportunity(o.id, &cleared)), ("quoteAmount".into(), "quoteAmount".into()));
    assert_eq!(gate(s.move_opportunity(o.id, Stage::Contract, None)).1, "contractAmount,contractDate");
    assert_eq!(gate(s.move_opportunity(o.id, Stage::Won, None)).1, "contractAmount,contractDate");
    // Moving back needs nothing more.
    assert_eq!(s.move_opportunity(o.id, Stage::Solution, None).unwrap().fields.stage, Stage::Solution);
    let history: Vec<(Option<Stage>, Stage)> =
        s.stage_history(o.id).unwrap().into_iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        history,
        vec![
            (None, Stage::Initiation),
            (Some(Stage::Initiation), Stage::Needs),
            (Some(Stage::Needs), Stage::Solution),
            (Some(Stage::Solution), Stage::Quote),
            (Some(Stage::Quote), Stage::Solution)
        ]
    );
}

#[test]
fn a_lost_deal_needs_a_review_with_reason_and_text_and_records_where_it_was_lost() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let o = s
        .create_opportunity(
            c,
            &OpportunityFields {
                needs: "产线追溯".into(), stage: Stage::Solution, ..deal("二期产线", 800_000.0)
            },
        )
        .unwrap();
    assert_eq!(
        gate(s.move_opportunity(o.id, Stage::Lost, None)),
        ("lostReview.reason".into(), "lostReview.reason,lostReview.text".into())
    );
    let no_text = LostReview { reason: Some(LostReason::Price), ..Default::default() };
    assert_eq!(gate(s.move_opportunity(o.id, Stage::Lost, Some(&no_text))).0, "lostReview.text");
    assert_eq!(s.opportunity(o.id).unwrap().fields.stage, Stage::Solution);
    let review = LostReview {
        lost_to: "西门子".into(),
        reason: Some(LostReason::Price),
        text: "对方报价低 15%".into(),
        next: "明年招标前重新接触".into(),
        ..Default::default()
    };
    let lost = s.move_opportunity(o.id, Stage::Lost, Some(&review)).unwrap();
    let kept = lost.fields.lost_review.unwrap();
    assert_eq!(kept.stage_lost_at, Some(Stage::Solution));
    assert_eq!((kept.lost_to.as_str(), kept.reason), ("西门子", Some(LostReason::Price)));
    assert_eq!((lost.effective_probability, lost.weighted), (0, 0.0));
}

#[test]
fn forecast_funnel_and_lost_analysis_add_up() {
    let (_d, s) = store();
    let c = s.create_customer(&named("华东精密")).unwrap().id;
    let add = |f: OpportunityFields| s.create_opportunity(c, &f).unwrap();
    let needs = |f: OpportunityFields| OpportunityFields { needs: "明确".into(), ..f };
    // 40 % of 100k, 50 % (override) of 200k, 10 % of 50k.
    add(needs(OpportunityFields {
        stage: Stage::Solution,
        expected_close: "2026-12-15".into(),
        ..deal("A", 100_000.0)
    }));
    add(needs(OpportunityFields {
        stage: Stage::Quote,
        probability: Some(50),
        quote_amount: Some(190_000.0),
        quote_date: "2026-11-20".into(),
        expected_close: "2026-12-20".into(),
        owner: "李娜".into(),
        ..deal("B", 200_000.0)
    }));
    add(OpportunityFields { expected_close: "2027-01-10".into(), ..deal("C", 50_000.0) });
    let won = OpportunityFields {
        stage: Stage::Won,
        quote_amount: Some(1.0),
        quote_date: "2026-10-01".into(),
        contract_amount: Some(300_000.0),
        contract_date: "2026-11-01".into(),
        expected_close: "2026-12-01".into(),
        ..needs(deal("W", 300_000.0))
    };
    add(won);
    let lost = |name: &str, to: &str, reason| OpportunityFields {
        stage: Stage::Lost,
        lost_review: Some(LostReview {
            lost_to: to.into(),
            reason: Some(reason),
            text: "复盘".into(),
            ..Default::default()
        }),
        ..deal(name, 70_000.0)
    };
    add(lost("L1", "西门子", LostReason::Price));
    add(lost("L2", "西门子", LostReason::Relationship));
    add(lost("L3", "ABB", LostReason::Price));

    let a = s.pipeline_analytics(&OpportunityQuery::default()).unwrap();
    let month: Vec<(String, i64, f64, f64)> =
        a.by_month.iter().map(|r| (r.key.clone(), r.count, r.amount, r.weighted)).collect();
    assert_eq!(month, vec![("2026-12".into(), 2, 300_000.0, 140_000.0), ("2027-01".into(), 1, 50_000.0, 5_000.0)]);
    let owners: Vec<(String, f64)> = a.by_owner.iter().map(|r| (r.key.clone(), r.weighted)).collect();
    assert_eq!(owners, vec![("李娜".into(), 100_000.0), ("张伟".into(), 45_000.0)]);
    assert_eq!((a.total.count, a.total.amount, a.total.weighted), (3, 350_000.0, 145_000.0));
    let funnel: Vec<(Stage, i64, i64)> = a.funnel.iter().map(|f| (f.stage, f.count, f.reached)).collect();
    // Lost deals were created lost (at 立项): they reached 立项 only.
    assert_eq!(funnel[0], (Stage::Initiation, 1, 7));
    assert_eq!(funnel[2], (Stage::Solution, 1, 3));
    assert_eq!(funnel[3], (Stage::Quote, 1, 2));
    assert_eq!(funnel[6], (Stage::Won, 1, 1));
    assert_eq!(funnel[7], (Stage::Lost, 3, 3));
    let reasons: Vec<(String, i64, f64)> =
        a.lost_by_reason.iter().map(|r| (r.key.clone(), r.count, r.amount)).collect();
    assert_eq!(reasons, vec![("price".into(), 2, 140_000.0), ("relationship".into(), 1, 70_000.0)]);
    let rivals: Vec<(String, i64)> = a.lost_by_competitor.iter().map(|r| (r.key.clone(), r.count)).collect();
    assert_eq!(rivals, vec![("西门子".into(), 2), ("ABB".into(), 1)]);

    // The stage defaults come from 设置.
    let mut settings = Settings::default();
    settings.stage_probabilities.solution = 50;
    s.save_settings(&settings).unwrap();
    let a = s.pipeline_analytics(&OpportunityQuery::default()).unwrap();
    assert_eq!(a.by_month[0].weighted, 150_000.0);
    let board = s.pipeline_board(&OpportunityQuery { limit: 10, ..Default::default() }).unwrap();
    let solution = board.iter().find(|c| c.stage == Stage::Solution).unwrap();
    assert_eq!(
        (solution.count, solution.weighted, solution.cards[0].opportunity.effective_probability),
        (1, 50_000.0, 50)
    );
}

#[test]
fn the_sample_has_a_red_quote_a_quote_less_solution_and_a_reviewed_lost_deal() {
    let (_d, s) = store();
    dossier_core::sample::load(&s, 1).unwrap();
    let find = |name: &str| {
        let page = s.list_opportunities(&OpportunityQuery { limit: 500, ..Default::default() }).unwrap();
        page.rows.into_iter().find(|r| r.opportunity.fields.name == name).unwrap_or_else(|| panic!("no {name}"))
    };
    let mes = find("2026 MES 项目");
    assert_eq!(
        (mes.opportunity.fields.stage, mes.opportunity.customer_name.as_str()),
        (Stage::Quote, "华东精密机械股份有限公司")
    );
    assert!(mes.opportunity.fields.scope_id.is_some(), "the deal owns the customer's MES scope");
    let idle = mes.risk.reasons.iter().find(|r| r.rule == dossier_core::risk::RiskRule::QuoteIdle).expect("quote idle");
    assert_eq!((idle.level, idle.days), (dossier_core::risk::RiskLevel::Red, Some(6)));
    let welding = find("焊装线自动化改造");
    assert_eq!(welding.opportunity.fields.stage, Stage::Solution);
    assert_eq!(gate(s.move_opportunity(welding.opportunity.id, Stage::Quote, None)).1, "quoteAmount,quoteDate");
    let lost = find("变电站智能监控").opportunity.fields.lost_review.unwrap();
    assert_eq!(
        (lost.lost_to.as_str(), lost.reason, lost.stage_lost_at),
        ("西门子", Some(LostReason::Price), Some(Stage::Quote))
    );
    let home = s.home(&dossier_core::activity::HomeQuery::default()).unwrap();
    assert!(home.due_today_total >= 1 && home.overdue_total >= 1 && home.red_total >= 1, "{home:?}");
    let visits = s.visits(mes.opportunity.customer_id, None, 0, 10).unwrap();
    assert!(visits.rows.iter().all(|v| !v.fields.needs.is_empty() && !v.fields.commitments.is_empty()));
}

#[test]
fn the_pipeline_filters_by_deal_owner_and_grade_and_sorts_stages_in_pipeline_order() {
    let (_d, s) = store();
    let graded = |name: &str, grade| CustomerFields { grade: Some(grade), owner: "张伟".into(), ..named(name) };
    let a = s.create_customer(&graded("华东精密", Grade::A)).unwrap().id;
    let b = s.create_customer(&graded("长江汽配", Grade::B)).unwrap().id;
    let needs = |f: OpportunityFields| OpportunityFields { needs: "明确".into(), ..f };
    let quoted = |f: OpportunityFields| OpportunityFields {
        quote_amount: Some(1.0),
        quote_date: "2026-11-01".into(),
        ..needs(f)
    };
    s.create_opportunity(a, &quoted(OpportunityFields { stage: Stage::Quote, ..deal("报价", 100.0) })).unwrap();
    s.create_opportunity(a, &OpportunityFields { owner: "李娜".into(), ..deal("立项", 200.0) }).unwrap();
    let lost = LostReview {
        lost_to: "西门子".into(),
        reason: Some(LostReason::Price),
        text: "复盘".into(),
        ..Default::default()
    };
    s.create_opportunity(b, &OpportunityFields { stage: Stage::Lost, lost_review: Some(lost), ..deal("丢单", 300.0) })
        .unwrap();
    s.create_opportunity(b, &needs(OpportunityFields { stage: Stage::Solution, ..deal("方案", 400.0) })).unwrap();

    // 李娜 owns a deal of 张伟's customer: she is offered as a deal owner, not as a customer owner.
    let facets = s.facets().unwrap();
    assert_eq!(
        (facets.owners, facets.deal_owners),
        (vec!["张伟".to_string()], vec!["张伟".to_string(), "李娜".to_string()])
    );
    let names = |q: OpportunityQuery| {
        s.list_opportunities(&q).unwrap().rows.into_iter().map(|r| r.opportunity.fields.name).collect::<Vec<_>>()
    };
    let by_stage = |q: OpportunityQuery| names(OpportunityQuery { sort: OpportunitySort::Stage, ..q });
    assert_eq!(
        by_stage(OpportunityQuery::default()),
        ["立项", "方案", "报价", "丢单"],
        "pipeline order, not the codes as text"
    );
    assert_eq!(by_stage(OpportunityQuery { descending: true, ..Default::default() }), ["丢单", "报价", "方案", "立项"]);
    assert_eq!(by_stage(OpportunityQuery { grades: vec![Grade::A], ..Default::default() }), ["立项", "报价"]);
    assert_eq!(
        by_stage(OpportunityQuery { grades: vec![Grade::B], owners: vec!["张伟".into()], ..Default::default() }),
        ["方案", "丢单"]
    );
    assert_eq!(by_stage(OpportunityQuery { grades: vec![Grade::C], ..Default::default() }), Vec::<String>::new());
    let board = s.pipeline_board(&OpportunityQuery { grades: vec![Grade::A], ..Default::default() }).unwrap();
    assert_eq!(board.iter().map(|c| c.count).sum::<i64>(), 2);
    let analytics = s.pipeline_analytics(&OpportunityQuery { grades: vec![Grade::B], ..Default::default() }).unwrap();
    assert_eq!(analytics.lost_by_reason.iter().map(|r| r.count).sum::<i64>(), 1);
}
